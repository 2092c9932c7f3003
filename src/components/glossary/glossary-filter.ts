/**
 * <mlops-glossary-filter>: narrows the glossary as the student types, says how many terms
 * match, and keeps the letter jumps pointing at the first term still shown. Without
 * JavaScript the filter stays hidden and the whole list shows, with every letter linked.
 */
import { filterStatus, letterJumps, matchesFilter } from '../../lib/glossary.ts';

class GlossaryFilter extends HTMLElement {
  #input?: HTMLInputElement;
  #status?: HTMLElement;
  #terms: HTMLElement[] = [];

  connectedCallback() {
    const form = this.querySelector<HTMLElement>('[data-filter]');
    this.#input = this.querySelector<HTMLInputElement>('input[type="search"]') ?? undefined;
    this.#status = this.querySelector<HTMLElement>('[role="status"]') ?? undefined;
    if (!form || !this.#input || !this.#status) return;
    this.#terms = [...this.querySelectorAll<HTMLElement>('[data-term]')];
    this.#input.addEventListener('input', () => this.#apply());
    // A "See also" link or a deep link to a term the filter hides clears the filter first.
    window.addEventListener('hashchange', () => this.#reveal(decodeURIComponent(location.hash.slice(1))));
    // The browser may restore a typed value on Back; show the list that value selects.
    if (this.#input.value) this.#apply();
  }

  #apply() {
    const query = this.#input!.value;
    let shown = 0;
    for (const term of this.#terms) {
      const match = matchesFilter(query, term.dataset.term ?? '');
      term.hidden = !match;
      if (match) shown++;
    }
    for (const section of this.querySelectorAll<HTMLElement>('section[data-letter]'))
      section.hidden = !section.querySelector('[data-term]:not([hidden])');
    this.#status!.textContent = filterStatus(shown, this.#terms.length, query);
    this.#status!.dataset.empty = String(shown === 0);
    this.#updateLetters();
  }

  #updateLetters() {
    const visible = this.#terms.filter((t) => !t.hidden).map((t) => ({ id: t.id, letter: t.dataset.letter ?? '' }));
    for (const jump of letterJumps(visible)) {
      const item = this.querySelector<HTMLElement>(`li[data-jump="${CSS.escape(jump.letter)}"]`);
      if (!item) continue;
      const current = item.firstElementChild;
      if (jump.target) {
        const link = current instanceof HTMLAnchorElement ? current : document.createElement('a');
        link.href = `#${jump.target}`;
        link.textContent = jump.letter;
        if (link !== current) item.replaceChildren(link);
      } else if (current instanceof HTMLAnchorElement) {
        item.replaceChildren(emptyLetter(jump.letter));
      }
    }
  }

  #reveal(id: string) {
    const target = id ? document.getElementById(id) : null;
    if (!target || !this.contains(target) || !target.closest('[hidden]')) return;
    this.#input!.value = '';
    this.#apply();
    target.scrollIntoView();
  }
}

/** A letter with no term: plain text, with words for screen readers. */
function emptyLetter(letter: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'letter-empty';
  const hint = document.createElement('span');
  hint.className = 'visually-hidden';
  hint.textContent = ', no terms';
  span.append(letter, hint);
  return span;
}

customElements.define('mlops-glossary-filter', GlossaryFilter);
