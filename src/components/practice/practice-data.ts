/**
 * Shared state of the practice page: the compact question index (embedded in the page),
 * the full questions (fetched once, on the first session), and the current filters.
 */
import { filterQuestions, filtersFromForm, NO_FILTERS, pick, type Filterable, type Filters } from '../../lib/practice.ts';
import type { QuestionView } from '../../lib/question-view.ts';
import { readProgress } from '../layout/progress-client.ts';
import { withBase } from '../../lib/url.ts';

/** One entry of the embedded index. */
export type IndexEntry = Filterable;

let index: IndexEntry[] = [];
let filters: Filters = NO_FILTERS;
let full: Promise<Map<string, QuestionView>> | undefined;
let source = withBase('/practice/questions.json');

/** Called once by <mlops-practice> with the embedded index and the JSON address. */
export function initPracticeData(entries: IndexEntry[], url: string) {
  index = entries;
  source = url;
}

/** Updates the filters from the filter form and tells every mode. */
export function setFiltersFromForm(form: HTMLFormElement) {
  filters = filtersFromForm(new FormData(form));
  document.dispatchEvent(new CustomEvent('mlops:filters'));
}

/** Index entries that pass the current filters (and the student's history filters). */
export function currentPool(): IndexEntry[] {
  return filterQuestions(index, filters, readProgress());
}

/** The full questions, by id; fetched once. */
export function fullQuestions(): Promise<Map<string, QuestionView>> {
  full ??= fetch(source)
    .then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json() as Promise<QuestionView[]>;
    })
    .then((list) => new Map(list.map((q) => [q.id, q])))
    .catch((error) => {
      full = undefined; // Let the next attempt try again.
      throw error;
    });
  return full;
}

/** Escapes text for HTML built in the browser. */
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Up to `count` random questions from the filtered pool that pass `keep`, in full. When
 * none match or the download fails, says so in `stage` and returns undefined.
 */
export async function drawQuestions(stage: HTMLElement, keep: (q: IndexEntry) => boolean, count: number, none: string): Promise<QuestionView[] | undefined> {
  const pool = currentPool().filter(keep);
  if (!pool.length) {
    stage.innerHTML = `<p role="status">${esc(none)}</p>`;
    return undefined;
  }
  try {
    const all = await fullQuestions();
    return pick(pool, count).map((q) => all.get(q.id)!);
  } catch (error) {
    stage.innerHTML = `<p role="status">The questions could not be loaded (${esc(String(error))}). Check your connection and try again.</p>`;
    return undefined;
  }
}
