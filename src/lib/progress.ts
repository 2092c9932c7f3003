/**
 * The student's progress: one versioned record in localStorage, read and written only
 * through this module. Reading never throws: data that is corrupt or from an unknown
 * version is copied to a backup key, the store starts clean, and `notice` says so once.
 * Validation is hand-written (no schema library) to keep lesson pages' JavaScript tiny.
 */
import { isPermutation } from './choice-order.ts';

/** localStorage key of the record. */
export const STORAGE_KEY = 'mlops-progress';
/** Where unreadable data is kept so nothing is silently lost. */
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
}

/** Result of reading the store: the record plus a message to show once, if any. */
export interface LoadResult {
  progress: Progress;
  notice?: string;
}

/** A fresh, empty record. */
export const emptyProgress = (): Progress => ({ version: VERSION, lessons: {}, quizzes: {}, questions: {}, cards: {}, drafts: {}, searches: [] });

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
// Keys that would change an object's prototype if assigned are never ids.
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const isId = (k: string) => k.length > 0 && k.length <= LIMITS.idLength && !FORBIDDEN.has(k);

/** Keeps the entries of a map whose key is an id and whose value passes `pick`; drops the rest. */
function cleanMap<T>(value: unknown, pick: (v: unknown) => T | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isObj(value)) return out;
  for (const [key, raw] of Object.entries(value).slice(0, LIMITS.ids)) {
    const v = isId(key) ? pick(raw) : undefined;
    if (v !== undefined) out[key] = v;
  }
  return out;
}

const pickLesson = (v: unknown): LessonProgress | undefined =>
  isObj(v) && isNum(v.visitedAt) ? { visitedAt: v.visitedAt, ...(isNum(v.completedAt) ? { completedAt: v.completedAt } : {}) } : undefined;

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
  isObj(v) && isNum(v.seen) && isNum(v.correct) && isNum(v.at)
    ? { seen: v.seen, correct: Math.min(v.correct, v.seen), lastCorrect: v.lastCorrect === true, at: v.at }
    : undefined;

const CARD_NUMBERS = ['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state'] as const;
const pickCard = (v: unknown): CardState | undefined => {
  if (!isObj(v) || !CARD_NUMBERS.every((k) => isNum(v[k]))) return undefined;
  const card = Object.fromEntries(CARD_NUMBERS.map((k) => [k, v[k]])) as unknown as CardState;
  if (isNum(v.last_review)) card.last_review = v.last_review;
  return card;
};

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
 * Turns anything (parsed JSON from storage or an imported file) into a valid record.
 * Throws only for data that is not a progress record at all, or from a newer version.
 */
export function parseProgress(input: unknown): Progress {
  if (!isObj(input) || !isNum(input.version)) throw new Error('This is not a progress record (no version number).');
  if (input.version > VERSION) throw new Error(`This record is from a newer version (${input.version}) of the course.`);
  let data = input;
  while (isNum(data.version) && data.version < VERSION) {
    const step = MIGRATIONS[data.version];
    if (!step) throw new Error(`Progress version ${data.version} cannot be upgraded.`);
    data = step(data);
  }
  const lessons = cleanMap(data.lessons, pickLesson);
  return {
    version: VERSION,
    ...(typeof data.lastLesson === 'string' && isId(data.lastLesson) ? { lastLesson: data.lastLesson } : {}),
    lessons,
    quizzes: cleanMap(data.quizzes, pickQuiz),
    questions: cleanMap(data.questions, pickQuestion),
    cards: cleanMap(data.cards, pickCard),
    drafts: cleanMap(data.drafts, pickDraft),
    searches: Array.isArray(data.searches)
      ? data.searches.filter((q): q is string => typeof q === 'string' && q.trim() !== '').map((q) => q.slice(0, 100)).slice(0, MAX_SEARCHES)
      : [],
  };
}

/** Reads the record. Never throws; keeps unreadable data under BACKUP_KEY and says so. */
export function loadProgress(storage: Storage | undefined): LoadResult {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return { progress: emptyProgress(), notice: 'Your browser blocks storage, so progress will not be saved on this device.' };
  }
  if (raw === null) return { progress: emptyProgress() };
  try {
    return { progress: parseProgress(JSON.parse(raw)) };
  } catch (error) {
    try {
      storage?.setItem(BACKUP_KEY, raw);
      storage?.removeItem(STORAGE_KEY);
    } catch {
      // If even the backup cannot be written, the original stays where it was.
    }
    const why = error instanceof Error ? error.message : 'unreadable data';
    return {
      progress: emptyProgress(),
      notice: `Saved progress could not be read (${why}) and was set aside under "${BACKUP_KEY}". You are starting fresh; nothing else was deleted.`,
    };
  }
}

/** Writes the record; returns false when storage refuses (full or blocked). */
export function saveProgress(storage: Storage | undefined, progress: Progress): boolean {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(progress));
    return storage !== undefined;
  } catch {
    return false;
  }
}

/** Reads, changes and writes the record in one step. */
export function updateProgress(storage: Storage | undefined, change: (p: Progress) => void): Progress {
  const { progress } = loadProgress(storage);
  change(progress);
  saveProgress(storage, progress);
  return progress;
}

/** Records that a lesson page was opened. */
export function visitLesson(p: Progress, id: string, now: number): void {
  p.lastLesson = id;
  p.lessons[id] = { ...p.lessons[id], visitedAt: now };
}

/** Marks a lesson done, or not done. */
export function setLessonDone(p: Progress, id: string, done: boolean, now: number): void {
  const entry = p.lessons[id] ?? { visitedAt: now };
  if (done) entry.completedAt = now;
  else delete entry.completedAt;
  p.lessons[id] = entry;
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
