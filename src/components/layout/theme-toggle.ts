/**
 * <mlops-theme-toggle>: a native select for light, dark or system. The choice is kept in
 * localStorage under the key the before-paint script reads; "system" follows the OS live.
 * Where the browser blocks storage, the choice still applies for the rest of the page view.
 */
import { readThemeChoice, resolveTheme, THEME_KEY, type ThemeChoice } from '../../lib/theme.ts';
import { browserStorage } from '../../lib/browser-storage.ts';

class ThemeToggle extends HTMLElement {
  #media = matchMedia('(prefers-color-scheme: dark)');
  #select = this.querySelector('select');
  #storage = browserStorage();
  #choice: ThemeChoice = readThemeChoice(this.#storage);

  connectedCallback() {
    if (!this.#select) return;
    this.#select.value = this.#choice;
    this.#select.disabled = false;
    this.#select.addEventListener('change', () => this.#apply(this.#select!.value as ThemeChoice, true));
    this.#media.addEventListener('change', () => this.#apply(this.#choice, false));
  }

  #apply(choice: ThemeChoice, store: boolean) {
    this.#choice = choice;
    if (store) {
      try {
        if (choice === 'system') this.#storage?.removeItem(THEME_KEY);
        else this.#storage?.setItem(THEME_KEY, choice);
      } catch {
        // Full or blocked storage: the theme still changes for this page view.
      }
    }
    const theme = resolveTheme(choice, this.#media.matches);
    document.documentElement.dataset.theme = theme;
    document.dispatchEvent(new CustomEvent('mlops:theme', { detail: theme }));
  }
}

customElements.define('mlops-theme-toggle', ThemeToggle);
