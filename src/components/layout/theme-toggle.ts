/**
 * <mlops-theme-toggle>: a native select for light, dark or system. The choice is kept in
 * localStorage under the key the before-paint script reads; "system" follows the OS live.
 */
import { readThemeChoice, resolveTheme, THEME_KEY, type ThemeChoice } from '../../lib/theme.ts';

class ThemeToggle extends HTMLElement {
  #media = matchMedia('(prefers-color-scheme: dark)');
  #select = this.querySelector('select');

  connectedCallback() {
    if (!this.#select) return;
    this.#select.value = readThemeChoice(localStorage);
    this.#select.disabled = false;
    this.#select.addEventListener('change', () => this.#apply(this.#select!.value as ThemeChoice, true));
    this.#media.addEventListener('change', () => this.#apply(readThemeChoice(localStorage), false));
  }

  #apply(choice: ThemeChoice, store: boolean) {
    if (store) {
      try {
        if (choice === 'system') localStorage.removeItem(THEME_KEY);
        else localStorage.setItem(THEME_KEY, choice);
      } catch {
        // Storage can be blocked; the theme still changes for this page view.
      }
    }
    const theme = resolveTheme(choice, this.#media.matches);
    document.documentElement.dataset.theme = theme;
    document.dispatchEvent(new CustomEvent('mlops:theme', { detail: theme }));
  }
}

customElements.define('mlops-theme-toggle', ThemeToggle);
