/**
 * <mlops-practice>: wires the practice page together: embeds the question index, shows
 * the controls that need JavaScript, and keeps the match counts in step with the filters.
 * Filters can come in the address (?tag=drift&missed=on), so other pages can link to a
 * ready-made drill such as "practise these".
 */
import { currentPool, initPracticeData, setFiltersFromForm, type IndexEntry } from './practice-data.ts';
// The cards are on the first screen and render with the first filter update, so they come first.
import './mode-cards.ts';
import { plural } from '../../lib/plural.ts';

/** Ticks the boxes the address names; true when it named any. */
function filtersFromAddress(form: HTMLFormElement): boolean {
  let any = false;
  for (const [name, value] of new URLSearchParams(location.search)) {
    const boxes = [...form.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${CSS.escape(name)}"]`)];
    const box = boxes.find((b) => b.value === value) ?? (boxes.length === 1 && boxes[0]!.value === 'on' ? boxes[0] : undefined);
    if (box) any = box.checked = true;
  }
  return any;
}

class Practice extends HTMLElement {
  connectedCallback() {
    initPracticeData(JSON.parse(this.querySelector('script[type="application/json"]')!.textContent!) as IndexEntry[], this.dataset.src!);
    const form = this.querySelector<HTMLFormElement>('form[data-filters]')!;
    if (filtersFromAddress(form)) form.querySelector('details')!.open = true;
    const update = () => {
      setFiltersFromForm(form);
      const pool = currentPool();
      const open = pool.filter((q) => q.type === 'open').length;
      this.querySelector('.pool')!.textContent = `${plural(pool.length, 'question matches', 'questions match')} your filters: ${pool.length - open} with choices, ${plural(open, 'interview question')}.`;
      form.querySelector('[data-filter-count]')!.textContent = `(${pool.length} match)`;
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

/** Resolves in a new task, so the work after it does not lengthen the current one. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

// The four modes sit below the cards; each loads and wires itself in its own task. Run as
// one, their start-up was one task long enough to delay a tap on a phone (Lighthouse counted
// it as 150 to 300 ms of blocking). A mode card's Start waits for its mode (mode-cards.ts).
for (const load of [() => import('./practice-quiz.ts'), () => import('./flashcards.ts'), () => import('./mock-interview.ts'), () => import('./star-drafts.ts')]) {
  await nextTask();
  await load();
}
