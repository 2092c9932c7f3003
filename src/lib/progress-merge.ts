/**
 * Merges two copies of the progress record, for when two tabs (or a page's unsaved copy and
 * storage) have diverged. Nothing a student did is dropped: lessons, quizzes, questions and
 * cards are kept per item, the later one winning; drafts per draft, and STAR stories per
 * part. A copy replaced later (import, reset, restore) wins over anything older in the other.
 */
import { MAX_SEARCHES, type CardState, type LessonProgress, type Progress } from './progress.ts';
import { mergeStar } from './star-draft.ts';

/** Merges per key: `time` orders two versions of an item, `join` may combine them. */
function mergeMap<T>(
  a: Record<string, T>,
  b: Record<string, T>,
  time: (v: T) => number,
  cutA: number,
  cutB: number,
  join: (x: T, y: T) => T = (x, y) => (time(y) > time(x) ? y : x),
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key] !== undefined && time(a[key]) > cutA ? a[key] : undefined;
    const y = b[key] !== undefined && time(b[key]) > cutB ? b[key] : undefined;
    const v = x !== undefined && y !== undefined ? join(x, y) : (x ?? y);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

const doneTime = (l: LessonProgress) => l.changedAt ?? l.completedAt ?? -1;
const lessonTime = (l: LessonProgress) => Math.max(l.visitedAt, doneTime(l));
/** The latest visit, and the done mark from whichever copy changed it last. */
function joinLessons(x: LessonProgress, y: LessonProgress): LessonProgress {
  const mark = doneTime(y) > doneTime(x) ? y : x;
  const out: LessonProgress = { visitedAt: Math.max(x.visitedAt, y.visitedAt) };
  if (mark.completedAt !== undefined) out.completedAt = mark.completedAt;
  if (mark.changedAt !== undefined) out.changedAt = mark.changedAt;
  return out;
}

// A card reviewed later (or more often, at the same time) carries the newer schedule.
const cardTime = (c: CardState) => c.last_review ?? 0;
const joinCards = (x: CardState, y: CardState) => (cardTime(y) > cardTime(x) || (cardTime(y) === cardTime(x) && y.reps > x.reps) ? y : x);

/** Lab edits per lab, the later copy winning (a lab's files belong together, so they are never mixed). */
function mergeLabFiles(a: Progress, b: Progress, cutA: number, cutB: number): Pick<Progress, 'labFiles'> {
  const labFiles = mergeMap(a.labFiles ?? {}, b.labFiles ?? {}, (l) => l.at, cutA, cutB);
  return Object.keys(labFiles).length ? { labFiles } : {};
}

/** Merges `b` into `a`; with equal timestamps `a` wins. Neither input is changed. */
export function mergeProgress(a: Progress, b: Progress): Progress {
  const replaced = Math.max(a.replacedAt ?? 0, b.replacedAt ?? 0);
  // A copy from before the latest replacement keeps only what was done after it.
  const cutA = (a.replacedAt ?? 0) < replaced ? replaced : -Infinity;
  const cutB = (b.replacedAt ?? 0) < replaced ? replaced : -Infinity;

  const atA = a.draftsAt ?? {};
  const atB = b.draftsAt ?? {};
  const draftsAt = mergeMap(atA, atB, (t) => t, cutA, cutB, (x, y) => Math.max(x, y));
  const drafts: Record<string, string> = {};
  for (const key of new Set([...Object.keys(a.drafts), ...Object.keys(b.drafts), ...Object.keys(draftsAt)])) {
    // Each copy's say: its text (undefined when it cleared the draft) and when it changed.
    const say = (p: Progress, at: Record<string, number>, cut: number) =>
      (p.drafts[key] !== undefined || at[key] !== undefined) && (at[key] ?? 0) > cut ? { text: p.drafts[key], t: at[key] ?? 0 } : undefined;
    const x = say(a, atA, cutA);
    const y = say(b, atB, cutB);
    const win = !x ? y : !y ? x : y.t > x.t ? y : x;
    const v = key.startsWith('star:') && x?.text !== undefined && y?.text !== undefined ? mergeStar(x.text, y.text) : win?.text;
    if (v !== undefined) drafts[key] = v;
  }

  const lessons = mergeMap(a.lessons, b.lessons, lessonTime, cutA, cutB, joinLessons);
  const last = [a, b]
    .filter((p) => p.lastLesson && lessons[p.lastLesson])
    .sort((p, q) => lessons[q.lastLesson!]!.visitedAt - lessons[p.lastLesson!]!.visitedAt)[0]?.lastLesson;
  const searches = [...(cutA < 0 ? a.searches : []), ...(cutB < 0 ? b.searches : [])];

  return {
    version: a.version,
    ...(last ? { lastLesson: last } : {}),
    lessons,
    quizzes: mergeMap(a.quizzes, b.quizzes, (q) => q.at, cutA, cutB),
    questions: mergeMap(a.questions, b.questions, (q) => q.at, cutA, cutB),
    cards: mergeMap(a.cards, b.cards, cardTime, cutA, cutB, joinCards),
    drafts,
    searches: searches.filter((s, i) => searches.findIndex((t) => t.toLowerCase() === s.toLowerCase()) === i).slice(0, MAX_SEARCHES),
    ...(Object.keys(draftsAt).length ? { draftsAt } : {}),
    ...(replaced ? { replacedAt: replaced } : {}),
    ...mergeLabFiles(a, b, cutA, cutB),
  };
}

/** JSON with object keys sorted, so two records with the same content compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
