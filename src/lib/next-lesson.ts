/**
 * Where "Continue" leads: the next lesson the student has not finished, in course order.
 * The last lesson opened wins while it is unfinished (the student is in the middle of it);
 * once it is done, the first unfinished lesson after it, then any unfinished one before it.
 */
import type { Progress } from './progress.ts';

/** The least a lesson needs for this: its id. */
export interface LessonId {
  id: string;
}

/** What the Continue link should say, and the lesson it leads to. */
export type NextLesson<L extends LessonId> =
  /** Nothing opened or finished yet: start with the first lesson. */
  | { kind: 'start'; lesson: L }
  /** The last lesson opened is not finished: go back to it. */
  | { kind: 'resume'; lesson: L }
  /** The last lesson opened is finished (or unknown): the next unfinished one in course order. */
  | { kind: 'next'; lesson: L }
  /** Every lesson is finished. */
  | { kind: 'finished' };

/**
 * Picks the lesson "Continue" leads to.
 * @param lessons every lesson in course order
 * @param progress the student's record (only `lessons` and `lastLesson` are read)
 */
export function nextLesson<L extends LessonId>(lessons: readonly L[], progress: Pick<Progress, 'lessons' | 'lastLesson'>): NextLesson<L> {
  const done = (l: L) => Boolean(progress.lessons[l.id]?.completedAt);
  const unfinished = lessons.filter((l) => !done(l));
  if (unfinished.length === 0) return { kind: 'finished' };
  const started = lessons.some((l) => progress.lessons[l.id]);
  if (!started) return { kind: 'start', lesson: unfinished[0]! };
  const at = lessons.findIndex((l) => l.id === progress.lastLesson);
  if (at >= 0 && !done(lessons[at]!)) return { kind: 'resume', lesson: lessons[at]! };
  // After the last lesson opened first, so finishing lesson 5 leads to 6, not back to a skipped 2.
  const after = lessons.slice(at + 1).find((l) => !done(l));
  return { kind: 'next', lesson: after ?? unfinished[0]! };
}
