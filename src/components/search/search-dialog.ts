/**
 * <mlops-search>: opens the header's search dialog from its button, "/" or Ctrl/⌘+K, and
 * returns focus where it was on close. Everything else (fuse.js, the index, rendering
 * results) is loaded the first time the dialog opens, so pages stay light.
 */
import type { SearchResults } from './search-results.ts';

class SearchDialog extends HTMLElement {
  #dialog = this.querySelector('dialog')!;
  #input = this.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  #opener: Element | null = null;
  #results?: Promise<SearchResults>;

  connectedCallback() {
    const open = this.querySelector<HTMLAnchorElement>('.search-open')!;
    open.setAttribute('role', 'button');
    open.setAttribute('aria-haspopup', 'dialog');
    open.addEventListener('click', (e) => {
      e.preventDefault();
      this.open();
    });
    document.addEventListener('keydown', (e) => {
      const typing = (e.target as Element).closest('input, textarea, select, [contenteditable="true"]');
      const ctrlK = e.key.toLowerCase() === 'k' && (e.metaKey || e.ctrlKey);
      if (ctrlK || (e.key === '/' && !typing && !e.altKey && !e.ctrlKey && !e.metaKey)) {
        e.preventDefault();
        this.open();
      }
    });
    this.#dialog.addEventListener('close', () => (this.#opener as HTMLElement | null)?.focus?.());
    this.#dialog.addEventListener('click', (e) => {
      if (e.target === this.#dialog) this.#dialog.close(); // A click on the backdrop.
    });
    this.querySelector('.search-close')!.addEventListener('click', () => this.#dialog.close());
  }

  /** Opens at once (so typing lands in the input), then brings in the results code. */
  open() {
    if (this.#dialog.open) return;
    this.#opener = document.activeElement;
    this.#dialog.showModal();
    this.#input.focus();
    this.#input.select();
    this.#results ??= import('./search-results.ts').then(({ SearchResults }) => new SearchResults(this));
    void this.#results.then((r) => r.refresh());
  }
}

customElements.define('mlops-search', SearchDialog);
