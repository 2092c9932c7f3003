/**
 * <mlops-question-browser>: filters the server-rendered question list and opens the
 * question named in the URL hash (deep links such as /questions/saving-models/#q-save-pickle-runs-code).
 */
import { filterQuestions, filtersFromForm, type Filterable } from '../../lib/practice.ts';
import { emptyProgress } from '../../lib/progress.ts';

class QuestionBrowser extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector<HTMLFormElement>('form[data-filters]')!;
    const apply = () => this.#apply(form);
    form.addEventListener('input', apply);
    form.addEventListener('reset', () => setTimeout(apply));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      apply();
    });
    const open = () => {
      const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target instanceof HTMLDetailsElement) {
        target.open = true;
        target.closest<HTMLElement>('.entry')!.hidden = false;
        target.scrollIntoView();
        target.querySelector('summary')?.focus();
      }
    };
    window.addEventListener('hashchange', open);
    open();
  }

  #apply(form: HTMLFormElement) {
    const data = new FormData(form);
    const f = filtersFromForm(data);
    const text = String(data.get('text') ?? '').trim().toLowerCase();
    const entries = [...this.querySelectorAll<HTMLElement>('.entry')].map((el) => ({
      el,
      id: el.querySelector('details')!.id,
      module: el.dataset.module!,
      type: el.dataset.type as Filterable['type'],
      difficulty: el.dataset.difficulty as Filterable['difficulty'],
      tags: el.dataset.tags ? el.dataset.tags.split(' ') : [],
      behavioral: false,
    }));
    const visible = new Set(filterQuestions(entries, f, emptyProgress()).filter((e) => !text || e.el.dataset.text!.includes(text)));
    for (const e of entries) e.el.hidden = !visible.has(e);
    const shown = visible.size;
    for (const group of this.querySelectorAll<HTMLElement>('section[data-group]')) group.hidden = !group.querySelector('.entry:not([hidden])');
    const total = entries.length;
    this.querySelector('.count')!.textContent = shown === total ? '' : `Showing ${shown} of ${total} questions.`;
    const summary = this.querySelector('[data-filter-count]');
    if (summary) summary.textContent = `(${shown} match)`;
  }
}

customElements.define('mlops-question-browser', QuestionBrowser);
