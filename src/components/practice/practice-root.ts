/**
 * <mlops-practice>: wires the practice page together: embeds the question index, shows
 * the controls that need JavaScript, and keeps the pool count in step with the filters.
 */
import { currentPool, initPracticeData, setFiltersFromForm, type IndexEntry } from './practice-data.ts';
import './practice-quiz.ts';
import './flashcards.ts';
import './mock-interview.ts';
import './star-drafts.ts';
import { plural } from '../../lib/plural.ts';

class Practice extends HTMLElement {
  connectedCallback() {
    initPracticeData(JSON.parse(this.querySelector('script[type="application/json"]')!.textContent!) as IndexEntry[], this.dataset.src!);
    for (const el of this.querySelectorAll<HTMLElement>('[data-needs-js]')) el.hidden = false;
    const form = this.querySelector<HTMLFormElement>('form[data-filters]')!;
    form.hidden = false;
    const update = () => {
      setFiltersFromForm(form);
      const pool = currentPool();
      const open = pool.filter((q) => q.type === 'open').length;
      this.querySelector('.pool')!.textContent = `${plural(pool.length, 'question matches', 'questions match')} your filters: ${pool.length - open} with choices, ${plural(open, 'interview question')}.`;
    };
    form.addEventListener('input', update);
    form.addEventListener('reset', () => setTimeout(update));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      update();
    });
    update();
  }
}

customElements.define('mlops-practice', Practice);
