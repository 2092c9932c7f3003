/**
 * <mlops-search-page>: the full-page search at /search/?q=…, shareable by URL, with
 * filters by kind and module. Uses the same engine and index as the header dialog.
 */
import { rememberSearch } from '../../lib/progress.ts';
import { changeProgress } from '../layout/progress-client.ts';
import { esc, highlight, loadSearch } from './search-client.ts';
import { withBase } from '../../lib/url.ts';
import { plural } from '../../lib/plural.ts';

const KIND_NAMES = { section: 'Lesson', question: 'Question', lab: 'Lab', term: 'Term' } as const;

class SearchPage extends HTMLElement {
  /** Counts updates, so an old query's answer never replaces a newer one. */
  #seq = 0;
  #form = this.querySelector('form')!;
  #results = this.querySelector<HTMLElement>('.results')!;
  #status = this.querySelector<HTMLElement>('.status')!;

  connectedCallback() {
    const params = new URLSearchParams(location.search);
    const q = this.#form.elements.namedItem('q') as HTMLInputElement;
    q.value = params.get('q') ?? '';
    for (const kind of params.getAll('kind')) (this.#form.querySelector(`input[name="kind"][value="${CSS.escape(kind)}"]`) as HTMLInputElement | null)?.click();
    (this.#form.elements.namedItem('module') as HTMLSelectElement).value = params.get('module') ?? '';
    this.#form.addEventListener('input', () => void this.#update(true));
    this.#form.addEventListener('submit', (e) => {
      e.preventDefault();
      changeProgress((p) => rememberSearch(p, q.value));
      void this.#update(true);
    });
    void this.#update(false);
  }

  async #update(push: boolean) {
    const seq = ++this.#seq;
    const data = new FormData(this.#form);
    const query = String(data.get('q') ?? '').trim();
    const kinds = data.getAll('kind').map(String);
    const module = String(data.get('module') ?? '');
    if (push) {
      const params = new URLSearchParams();
      if (query) params.set('q', query);
      for (const k of kinds) params.append('kind', k);
      if (module) params.set('module', module);
      history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
    }
    if (query.length < 2) {
      this.#results.innerHTML = '';
      this.#status.textContent = 'Type at least two characters.';
      return;
    }
    let run;
    try {
      this.#status.textContent = 'Searching…';
      run = await loadSearch();
    } catch {
      this.#status.textContent = 'Search could not load. Check your connection and try again.';
      return;
    }
    let result;
    try {
      result = await run(query, 200);
    } catch {
      if (seq === this.#seq) this.#status.textContent = 'Search failed while loading part of its index. Check your connection and try again.';
      return;
    }
    const hits = result.hits.filter((h) => (!kinds.length || kinds.includes(h.record.kind)) && (!module || h.record.module === module));
    if (seq !== this.#seq) return;
    this.#status.textContent = `${hits.length ? `${plural(hits.length, 'result')} for “${query}”.` : `No results for “${query}”.`}${result.note ? ` ${result.note}` : ''}`;
    if (!hits.length) {
      this.#results.innerHTML = `<p>Try fewer or other words, or browse the <a href="${withBase('/questions/')}">question bank</a> and the <a href="${withBase('/glossary/')}">glossary</a>.</p>`;
      return;
    }
    this.#results.innerHTML = `<ol>${hits
      .map((h) => {
        const r = h.record;
        const title = r.heading ? `${highlight(r.heading, h.headingMatches)} <span class="muted">in ${esc(r.title)}</span>` : highlight(r.title, h.titleMatches);
        const practise = r.kind === 'question' ? ` · <a href="${withBase('/practice/')}">Practise questions</a>` : '';
        return `<li><span class="kind">${KIND_NAMES[r.kind]}</span> <a href="${esc(r.url)}">${title}</a><p>${esc(r.excerpt)}${practise}</p></li>`;
      })
      .join('')}</ol>`;
  }
}

customElements.define('mlops-search-page', SearchPage);
