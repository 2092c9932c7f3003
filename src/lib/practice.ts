/**
 * Picking questions to practise: filters over the bank and the student's history, and a
 * seedable shuffle so a test can pin the order.
 */
import type { CardState, Progress } from './progress.ts';

/** The fields of a question that filters look at. */
export interface Filterable {
  id: string;
  module: string;
  type: 'single' | 'multiple' | 'true-false' | 'open';
  difficulty: 'easy' | 'medium' | 'hard';
  tags: string[];
  behavioral: boolean;
}

/** What the student chose in the filter form; empty means "any". */
export interface Filters {
  modules: string[];
  difficulties: string[];
  types: string[];
  tags: string[];
  /** Only questions whose latest answer was wrong. */
  missedOnly: boolean;
  /** Only questions never answered and never reviewed as a card. */
  unseenOnly: boolean;
}

/** No filter at all. */
export const NO_FILTERS: Filters = { modules: [], difficulties: [], types: [], tags: [], missedOnly: false, unseenOnly: false };

const anyOf = (chosen: string[], value: string) => chosen.length === 0 || chosen.includes(value);

/** Questions that pass every filter, in bank order. */
export function filterQuestions<Q extends Filterable>(questions: Q[], f: Filters, progress: Pick<Progress, 'questions' | 'cards'>): Q[] {
  return questions.filter((q) => {
    if (!anyOf(f.modules, q.module) || !anyOf(f.difficulties, q.difficulty) || !anyOf(f.types, q.type)) return false;
    if (f.tags.length && !q.tags.some((t) => f.tags.includes(t))) return false;
    const history = progress.questions[q.id];
    if (f.missedOnly && !(history && !history.lastCorrect)) return false;
    if (f.unseenOnly && (history || progress.cards[q.id])) return false;
    return true;
  });
}

/** A small deterministic random generator (mulberry32), so shuffles can be repeated in tests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Up to `n` items in random order (Fisher–Yates on a copy). */
export function pick<T>(items: T[], n: number, random: () => number = Math.random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, Math.max(0, n));
}

/** Reads filters from form data (checkbox groups named module, difficulty, type, tag). */
export function filtersFromForm(data: { getAll(name: string): unknown[]; get(name: string): unknown }): Filters {
  const strings = (name: string) => data.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
  return {
    modules: strings('module'),
    difficulties: strings('difficulty'),
    types: strings('type'),
    tags: strings('tag'),
    missedOnly: data.get('missed') === 'on',
    unseenOnly: data.get('unseen') === 'on',
  };
}

/** Result of one mock-interview answer as the student rated it. */
export interface MockAnswer {
  id: string;
  /** Key points the student ticked as covered. */
  covered: number;
  keyPoints: number;
  /** Self-rating 1 (missed it) to 4 (nailed it). */
  rating: 1 | 2 | 3 | 4;
  /** Seconds used of the time allowed. */
  seconds: number;
  overtime: boolean;
}

/** Summary of a mock interview: averages and the questions to work on. */
export function mockSummary(answers: MockAnswer[]) {
  const n = answers.length || 1;
  return {
    questions: answers.length,
    averageRating: Math.round((answers.reduce((t, a) => t + a.rating, 0) / n) * 10) / 10,
    keyPointsCovered: answers.reduce((t, a) => t + a.covered, 0),
    keyPointsTotal: answers.reduce((t, a) => t + a.keyPoints, 0),
    overtime: answers.filter((a) => a.overtime).length,
    toRevisit: answers.filter((a) => a.rating <= 2).map((a) => a.id),
  };
}

/**
 * Ids of flashcards due among `ids`: overdue first (oldest first), then never-seen cards in
 * the given order. Lives here, not in scheduler.ts, so counting due cards does not load ts-fsrs.
 */
export function dueIds(ids: string[], cards: Record<string, CardState>, now: number): string[] {
  const seen = ids.filter((id) => cards[id] && cards[id].due <= now).sort((a, b) => cards[a]!.due - cards[b]!.due);
  const fresh = ids.filter((id) => !cards[id]);
  return [...seen, ...fresh];
}
