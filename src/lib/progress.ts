/**
 * The student's progress: the record's shape, its validation and the changes widgets make.
 * Reading and writing storage (backups, failed saves, other tabs) is `progress-store.ts`.
 * Validation is hand-written (no schema library) to keep lesson pages' JavaScript tiny.
 */
import { isPermutation } from './choice-order.ts';

// The key lives in its own tiny module so the storage check on every page can read it
// without loading this one.
export { STORAGE_KEY } from './storage-key.ts';
/** The single backup slot of earlier versions; still listed and restorable on /progress/. */
export const BACKUP_KEY = 'mlops-progress-backup';
/** Current record version; bump it and add a step to `MIGRATIONS` when the shape changes. */
export const VERSION = 2;
/** How many recent searches are kept. */
export const MAX_SEARCHES = 8;
/** Caps that keep a hostile or runaway record from filling storage. */
export const LIMITS = { ids: 5000, idLength: 200, draftLength: 20000 } as const;

/** One lesson's state. */
export interface LessonProgress {
  /** Last time the lesson page was opened (ms since epoch). */
  visitedAt: number;
  /** When the student marked the lesson done, if they did. */
  completedAt?: number;
  /** When the done mark last changed (set or cleared), so two tabs agree on the latest. */
  changedAt?: number;
}

/** The best and latest result of a lesson quiz. */
export interface QuizResult {
  score: number;
  total: number;
  best: number;
  at: number;
  /** Question ids answered wrongly in the latest attempt. */
  missed: string[];
  /** The latest attempt's picks (choice indexes) by question id, to show them again on return. */
  answers: Record<string, number[]>;
  /** The latest attempt's choice order (choice indexes, first shown first) by question id, to show it again. */
  orders?: Record<string, number[]>;
}

/** A question's history across quizzes and practice. */
export interface QuestionProgress {
  seen: number;
  correct: number;
  /** Whether the latest answer was right. */
  lastCorrect: boolean;
  at: number;
}

/** Spaced-repetition card state, as ts-fsrs stores it (dates as ms). */
export interface CardState {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: number;
}

/** The whole record. */
export interface Progress {
  version: typeof VERSION;
  /** Id of the lesson opened most recently, for "continue where you left off". */
  lastLesson?: string;
  lessons: Record<string, LessonProgress>;
  quizzes: Record<string, QuizResult>;
  questions: Record<string, QuestionProgress>;
  cards: Record<string, CardState>;
  /** Free-text drafts (mock interview answers, STAR stories), keyed by question id. */
  drafts: Record<string, string>;
  /** Recent search queries, newest first. */
  searches: string[];
  /** When each draft (by key) last changed, so two tabs keep the newer one. */
  draftsAt?: Record<string, number>;
  /** When the whole record was last replaced (import, reset, restore): older copies elsewhere lose. */
  replacedAt?: number;
  /** A python lab's files as the student left them in the in-page editor, keyed by lab slug. */
  labFiles?: Record<string, LabFiles>;
}

/** One lab's edited files and when they last changed. */
export interface LabFiles {
  /** File text by path relative to the lab's root, only for files that differ from the starter. */
  files: Record<string, string>;
  /** When they last changed, so the newer copy wins between two tabs. */
  at: number;
}

/** Caps on stored lab edits: localStorage holds about 5 MB for the whole site. */
export const LAB_FILE_LIMITS = { labs: 20, files: 50, bytesPerLab: 200_000 } as const;

/** A fresh, empty record. */
export const emptyProgress = (): Progress => ({ version: VERSION, lessons: {}, quizzes: {}, questions: {}, cards: {}, drafts: {}, searches: [] });

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
// Keys that would change an object's prototype if assigned are never ids.
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const isId = (k: string) => k.length > 0 && k.length <= LIMITS.idLength && !FORBIDDEN.has(k);
/** Latest sane timestamp (year 2200): anything later is corrupt and would sort first forever. */
export const MAX_TIME = 7258118400000;
/** A time in ms since epoch, not negative and not absurdly far ahead. */
export const isTime = (v: unknown): v is number => isNum(v) && v >= 0 && v <= MAX_TIME;
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1e7;
const inRange = (v: unknown, min: number, max: number): v is number => isNum(v) && v >= min && v <= max;

/** Counts what parsing dropped, so the caller can say so and keep the original in a backup. */
export interface ParseReport {
  dropped: number;
}

/** Keeps the entries of a map whose key is an id and whose value passes `pick`; counts the rest. */
function cleanMap<T>(value: unknown, pick: (v: unknown) => T | undefined, report?: ParseReport): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isObj(value)) return out;
  const entries = Object.entries(value);
  if (report) report.dropped += Math.max(0, entries.length - LIMITS.ids);
  for (const [key, raw] of entries.slice(0, LIMITS.ids)) {
    const v = isId(key) ? pick(raw) : undefined;
    if (v !== undefined) out[key] = v;
    else if (report) report.dropped++;
  }
  return out;
}

const pickLesson = (v: unknown): LessonProgress | undefined =>
  isObj(v) && isTime(v.visitedAt)
    ? { visitedAt: v.visitedAt, ...(isTime(v.completedAt) ? { completedAt: v.completedAt } : {}), ...(isTime(v.changedAt) ? { changedAt: v.changedAt } : {}) }
    : undefined;

const pickIndexes = (v: unknown): number[] | undefined =>
  Array.isArray(v) ? v.filter((i): i is number => Number.isInteger(i) && i >= 0 && i < 50).slice(0, 50) : undefined;

const pickQuiz = (v: unknown): QuizResult | undefined =>
  isObj(v) && isNum(v.score) && isNum(v.total) && isNum(v.at) && v.total >= 0 && v.score >= 0 && v.score <= v.total
    ? {
        score: v.score,
        total: v.total,
        best: isNum(v.best) ? Math.min(Math.max(v.best, v.score), v.total) : v.score,
        at: v.at,
        missed: Array.isArray(v.missed) ? v.missed.filter((m): m is string => typeof m === 'string' && isId(m)).slice(0, 500) : [],
        answers: cleanMap(v.answers, pickIndexes),
        // An order that is not a permutation is dropped; the quiz then draws a fresh one.
        ...(isObj(v.orders) ? { orders: cleanMap(v.orders, (o) => (isPermutation(o) ? [...o] : undefined)) } : {}),
      }
    : undefined;

const pickQuestion = (v: unknown): QuestionProgress | undefined =>
  isObj(v) && isCount(v.seen) && isCount(v.correct) && isTime(v.at)
    ? { seen: v.seen, correct: Math.min(v.correct, v.seen), lastCorrect: v.lastCorrect === true, at: v.at }
    : undefined;

// What the scheduler (ts-fsrs) accepts: state is New, Learning, Review or Relearning (0-3),
// difficulty 0 (new) to 10, stability and intervals non-negative days up to a century.
const CARD_RULES: Record<Exclude<keyof CardState, 'last_review'>, (v: unknown) => boolean> = {
  due: isTime,
  stability: (v) => inRange(v, 0, 36500),
  difficulty: (v) => inRange(v, 0, 10),
  elapsed_days: (v) => inRange(v, 0, 36500),
  scheduled_days: (v) => inRange(v, 0, 36500),
  learning_steps: isCount,
  reps: isCount,
  lapses: isCount,
  state: (v) => Number.isInteger(v) && inRange(v, 0, 3),
};
const CARD_NUMBERS = Object.keys(CARD_RULES) as (keyof typeof CARD_RULES)[];
const pickCard = (v: unknown): CardState | undefined => {
  if (!isObj(v) || !CARD_NUMBERS.every((k) => CARD_RULES[k](v[k]))) return undefined;
  if (v.last_review !== undefined && !isTime(v.last_review)) return undefined;
  const card = Object.fromEntries(CARD_NUMBERS.map((k) => [k, v[k]])) as unknown as CardState;
  if (isTime(v.last_review)) card.last_review = v.last_review;
  return card;
};

/** A lab's stored edits, or undefined when the value is malformed or larger than LAB_FILE_LIMITS allows. */
export const pickLabFiles = (v: unknown): LabFiles | undefined => {
  if (!isObj(v) || !isTime(v.at) || !isObj(v.files)) return undefined;
  const entries = Object.entries(v.files);
  if (entries.length > LAB_FILE_LIMITS.files || !entries.every(([k, t]) => isId(k) && typeof t === 'string')) return undefined;
  if (labFilesSize(v.files as Record<string, string>) > LAB_FILE_LIMITS.bytesPerLab) return undefined;
  return { files: Object.fromEntries(entries) as Record<string, string>, at: v.at };
};

/** The characters a lab's edits take (paths and text), checked against LAB_FILE_LIMITS.bytesPerLab. */
export const labFilesSize = (files: Record<string, string>) => Object.entries(files).reduce((n, [k, t]) => n + k.length + t.length, 0);

/**
 * Stores a lab's edited files (only those that differ from the starter; none clears the
 * entry). Returns an error message naming the limit when they are too large, and then
 * changes nothing.
 */
export function setLabFiles(p: Progress, slug: string, files: Record<string, string>, now: number): string | undefined {
  const size = labFilesSize(files);
  if (size > LAB_FILE_LIMITS.bytesPerLab)
    return `Your files hold ${size} characters; at most ${LAB_FILE_LIMITS.bytesPerLab} per lab are kept in this browser. Download your files (.zip) to keep them.`;
  if (Object.keys(files).length > LAB_FILE_LIMITS.files) return `At most ${LAB_FILE_LIMITS.files} changed files per lab are kept in this browser. Download your files (.zip) to keep them.`;
  const all = { ...p.labFiles };
  if (Object.keys(files).length === 0) delete all[slug];
  else all[slug] = { files: { ...files }, at: now };
  // The oldest labs make room for the newest.
  const keep = Object.entries(all).sort(([, x], [, y]) => y.at - x.at).slice(0, LAB_FILE_LIMITS.labs);
  if (keep.length) p.labFiles = Object.fromEntries(keep);
  else delete p.labFiles;
  return undefined;
}

const pickDraft = (v: unknown): string | undefined => (typeof v === 'string' ? v.slice(0, LIMITS.draftLength) : undefined);

/**
 * Steps that turn version N into N+1. Version 1 kept completed lessons as a list of ids
 * and had no cards or drafts.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  1: (old) => {
    const lessons: Record<string, unknown> = {};
    const done = Array.isArray(old.completed) ? old.completed : [];
    const at = isNum(old.updatedAt) ? old.updatedAt : 0;
    for (const id of done) if (typeof id === 'string') lessons[id] = { visitedAt: at, completedAt: at };
    return { version: 2, lastLesson: old.lastLesson, lessons, quizzes: old.quizzes ?? {}, questions: {}, cards: {}, drafts: {} };
  },
};

/**
 * Turns anything (parsed JSON from storage or an imported file) into a valid record; items
 * out of range are dropped and counted in `report`. Throws only for data that is not a
 * progress record at all, or from a newer version.
 */
export function parseProgress(input: unknown, report?: ParseReport): Progress {
  if (!isObj(input) || !isNum(input.version)) throw new Error('This is not a progress record (no version number).');
  if (input.version > VERSION) throw new Error(`This record is from a newer version (${input.version}) of the course.`);
  let data = input;
  while (isNum(data.version) && data.version < VERSION) {
    const step = MIGRATIONS[data.version];
    if (!step) throw new Error(`Progress version ${data.version} cannot be upgraded.`);
    data = step(data);
  }
  const lessons = cleanMap(data.lessons, pickLesson, report);
  const draftsAt = cleanMap(data.draftsAt, (v) => (isTime(v) ? v : undefined));
  const labFiles = Object.fromEntries(Object.entries(cleanMap(data.labFiles, pickLabFiles, report)).slice(0, LAB_FILE_LIMITS.labs));
  return {
    version: VERSION,
    ...(typeof data.lastLesson === 'string' && isId(data.lastLesson) ? { lastLesson: data.lastLesson } : {}),
    lessons,
    quizzes: cleanMap(data.quizzes, pickQuiz, report),
    questions: cleanMap(data.questions, pickQuestion, report),
    cards: cleanMap(data.cards, pickCard, report),
    drafts: cleanMap(data.drafts, pickDraft, report),
    ...(Object.keys(draftsAt).length ? { draftsAt } : {}),
    ...(isTime(data.replacedAt) ? { replacedAt: data.replacedAt } : {}),
    ...(Object.keys(labFiles).length ? { labFiles } : {}),
    searches: Array.isArray(data.searches)
      ? data.searches.filter((q): q is string => typeof q === 'string' && q.trim() !== '').map((q) => q.slice(0, 100)).slice(0, MAX_SEARCHES)
      : [],
  };
}

/** Records that a lesson page was opened. */
export function visitLesson(p: Progress, id: string, now: number): void {
  p.lastLesson = id;
  p.lessons[id] = { ...p.lessons[id], visitedAt: now };
}

/** Marks a lesson done, or not done. */
export function setLessonDone(p: Progress, id: string, done: boolean, now: number): void {
  const entry = { ...(p.lessons[id] ?? { visitedAt: now }), changedAt: now };
  if (done) entry.completedAt = now;
  else delete entry.completedAt;
  p.lessons[id] = entry;
}

/** Sets a draft (or clears it when empty) and stamps when it changed. */
export function setDraft(p: Progress, key: string, text: string, now: number): void {
  if (text) p.drafts[key] = text.slice(0, LIMITS.draftLength);
  else delete p.drafts[key];
  p.draftsAt = { ...p.draftsAt, [key]: now };
}

/** Records a lesson quiz attempt: the score, the best score so far, the picks and the choice orders shown. */
export function recordQuiz(
  p: Progress,
  lessonId: string,
  result: { score: number; total: number; missed: string[] },
  answers: Record<string, number[]>,
  now: number,
  orders?: Record<string, number[]>,
): void {
  const best = Math.max(result.score, p.quizzes[lessonId]?.best ?? 0);
  p.quizzes[lessonId] = { ...result, best: Math.min(best, result.total), at: now, answers, ...(orders ? { orders } : {}) };
}

/** Records one answer to a question, from a quiz or from practice. */
export function recordAnswer(p: Progress, questionId: string, correct: boolean, now: number): void {
  const old = p.questions[questionId] ?? { seen: 0, correct: 0, lastCorrect: false, at: now };
  p.questions[questionId] = { seen: old.seen + 1, correct: old.correct + (correct ? 1 : 0), lastCorrect: correct, at: now };
}

/** Counts that describe a record, for the import preview and the progress page. */
export function summarize(p: Progress) {
  return {
    lessonsDone: Object.values(p.lessons).filter((l) => l.completedAt).length,
    lessonsVisited: Object.keys(p.lessons).length,
    quizzes: Object.keys(p.quizzes).length,
    questionsAnswered: Object.keys(p.questions).length,
    cards: Object.keys(p.cards).length,
    drafts: Object.values(p.drafts).filter((d) => d.trim()).length,
  };
}

/** What importing `incoming` would change, line by line ("Lessons done: 3 → 7"). */
export function importPreview(current: Progress, incoming: Progress): string[] {
  const a = summarize(current);
  const b = summarize(incoming);
  const labels: Record<keyof typeof a, string> = {
    lessonsDone: 'Lessons done',
    lessonsVisited: 'Lessons opened',
    quizzes: 'Lesson quizzes taken',
    questionsAnswered: 'Questions answered',
    cards: 'Flashcards scheduled',
    drafts: 'Saved drafts',
  };
  return (Object.keys(labels) as (keyof typeof a)[]).map((k) => `${labels[k]}: ${a[k]} → ${b[k]}${a[k] === b[k] ? ' (no change)' : ''}`);
}

/** Remembers a search query, newest first, without duplicates. */
export function rememberSearch(p: Progress, query: string): void {
  const q = query.trim().slice(0, 100);
  if (q.length < 2) return;
  p.searches = [q, ...p.searches.filter((s) => s.toLowerCase() !== q.toLowerCase())].slice(0, MAX_SEARCHES);
}
