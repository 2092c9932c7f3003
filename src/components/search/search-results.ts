/**
 * The search dialog's results, loaded by <mlops-search> (search-dialog.ts) the first time
 * the dialog opens. Results appear as you type, grouped by kind, with matches highlighted.
 * The input is an ARIA combobox over a listbox: arrows move, Enter opens. Recent searches
 * are kept with the student's progress.
 */
import { rememberSearch } from '../../lib/progress.ts';
import { changeProgress, readProgress } from '../layout/progress-client.ts';
import { esc, highlight, KIND_LABELS, loadSearch, type RunSearch } from './search-client.ts';
import { withBase } from '../../lib/url.ts';
import { plural } from '../../lib/plural.ts';

/** Drives the results list of one search dialog; `attach` once, then `refresh` on every open. */
export class SearchResults {
  #dialog: HTMLDialogElement;
  #input: HTMLInputElement;
  #list: HTMLElement;
  #status: HTMLElement;
  #active = -1;
  #run?: RunSearch;
  /** Counts renders, so a slow answer to an old query never replaces a newer one. */
  #seq = 0;

  constructor(root: HTMLElement) {
    this.#dialog = root.querySelector('dialog')!;
    this.#input = root.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    this.#list = root.querySelector<HTMLElement>('[role="listbox"]')!;
    this.#status = root.querySelector<HTMLElement>('.search-status')!;
    // Every key searches at once: a query takes a few milliseconds, and an answer that
    // arrives after a newer query's (one that waited for a word shard) is dropped (#seq).
    this.#input.addEventListener('input', () => void this.#render());
    this.#input.addEventListener('keydown', (e) => this.#onKey(e));
    this.#list.addEventListener('click', (e) => {
      const option = (e.target as Element).closest<HTMLElement>('[role="option"]');
      if (option) this.#choose(option);
    });
  }

  /** Renders for the current input, loading the index first if needed. */
  refresh() {
    void this.#render();
    if (this.#run) return;
    this.#status.textContent = 'Loading the search index…';
    loadSearch()
      .then((run) => {
        this.#run = run;
        void this.#render();
      })
      .catch(() => {
        this.#status.textContent = 'Search could not load. Check your connection, close and open search to try again.';
      });
  }

  #options() {
    return [...this.#list.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  async #render() {
    const seq = ++this.#seq;
    const query = this.#input.value.trim();
    if (!query) {
      this.#active = -1;
      this.#input.removeAttribute('aria-activedescendant');
      return this.#renderRecent();
    }
    if (!this.#run) return;
    let hits;
    let note;
    try {
      ({ hits, note } = await this.#run(query, 24));
    } catch {
      if (seq !== this.#seq) return;
      // Each query retries what failed, so typing again is the way out.
      this.#list.innerHTML = '';
      this.#input.setAttribute('aria-expanded', 'false');
      this.#status.textContent = 'Search failed while loading part of its index. Check your connection and type again.';
      return;
    }
    if (seq !== this.#seq) return;
    this.#active = -1;
    this.#input.removeAttribute('aria-activedescendant');
    const noteHtml = note ? ` <span class="search-note">${esc(note)}</span>` : '';
    if (!hits.length) {
      this.#list.innerHTML = '';
      this.#input.setAttribute('aria-expanded', 'false');
      this.#status.innerHTML = `No results for “${esc(query)}”. Try other words, browse the <a href="${withBase('/questions/')}">question bank</a> or the <a href="${withBase('/glossary/')}">glossary</a>.${noteHtml}`;
      return;
    }
    const groups = (Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[])
      .map((kind) => ({ kind, hits: hits.filter((h) => h.record.kind === kind).slice(0, 8) }))
      .filter((g) => g.hits.length);
    let n = 0;
    this.#list.innerHTML = groups
      .map(
        (g) => `<div role="group" aria-labelledby="sg-${g.kind}"><div class="group-label" id="sg-${g.kind}" role="presentation">${KIND_LABELS[g.kind]}</div>${g.hits
          .map((h) => {
            const r = h.record;
            const title = r.heading
              ? `${highlight(r.heading, h.headingMatches)} <span class="in">in ${esc(r.title)}</span>`
              : highlight(r.title, h.titleMatches);
            return `<div role="option" id="so-${n++}" data-url="${esc(r.url)}" aria-selected="false"><span class="t">${title}</span><span class="x">${esc(r.excerpt)}</span></div>`;
          })
          .join('')}</div>`,
      )
      .join('');
    this.#input.setAttribute('aria-expanded', 'true');
    this.#status.innerHTML = `${plural(hits.length, 'result')}. Use the arrow keys to choose, Enter to open.${noteHtml}`;
  }

  #renderRecent() {
    const recent = readProgress().searches;
    this.#list.innerHTML = recent.length
      ? `<div role="group" aria-labelledby="sg-recent"><div class="group-label" id="sg-recent" role="presentation">Recent searches</div>${recent
          .map((q, i) => `<div role="option" id="so-${i}" data-query="${esc(q)}" aria-selected="false"><span class="t">${esc(q)}</span></div>`)
          .join('')}</div>`
      : '';
    this.#input.setAttribute('aria-expanded', String(recent.length > 0));
    if (this.#run || !this.#status.textContent) this.#status.textContent = 'Type to search lessons, questions, labs and the glossary.';
  }

  #move(delta: number) {
    const options = this.#options();
    if (!options.length) return;
    this.#active = (this.#active + delta + options.length) % options.length;
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === this.#active)));
    const current = options[this.#active]!;
    this.#input.setAttribute('aria-activedescendant', current.id);
    current.scrollIntoView({ block: 'nearest' });
  }

  #onKey(e: KeyboardEvent) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      this.#move(1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      this.#move(-1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const option = this.#options()[this.#active] ?? this.#options()[0];
      if (option) this.#choose(option);
      else if (this.#input.value.trim()) location.href = `${withBase('/search/')}?q=${encodeURIComponent(this.#input.value.trim())}`;
    }
  }

  #choose(option: HTMLElement) {
    if (option.dataset.query) {
      this.#input.value = option.dataset.query;
      void this.#render();
      return;
    }
    changeProgress((p) => rememberSearch(p, this.#input.value));
    const url = option.dataset.url!;
    this.#dialog.close();
    location.href = url;
  }
}

