/**
 * Spaced repetition for flashcards, on top of ts-fsrs. Cards are stored in the progress
 * record with dates as milliseconds; this module converts both ways and answers the
 * questions the flashcard view asks: which cards are due, and when each rating would
 * bring a card back.
 */
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { CardState } from './progress.ts';
import { plural } from './plural.ts';

/** The four answers a student gives after seeing the back of a card. */
export const RATINGS = [
  { key: '1', name: 'Again', grade: Rating.Again },
  { key: '2', name: 'Hard', grade: Rating.Hard },
  { key: '3', name: 'Good', grade: Rating.Good },
  { key: '4', name: 'Easy', grade: Rating.Easy },
] as const;
export type RatingName = (typeof RATINGS)[number]['name'];

// Fuzz is off so the same history always gives the same schedule (and tests can pin it).
const scheduler = fsrs({ enable_fuzz: false });

const toCard = (s: CardState): Card => ({ ...s, due: new Date(s.due), last_review: s.last_review === undefined ? undefined : new Date(s.last_review) });
const toState = (c: Card): CardState => {
  const { due, last_review, ...rest } = c;
  return { ...rest, due: due.getTime(), ...(last_review ? { last_review: last_review.getTime() } : {}) };
};

/** A card never reviewed, due now. */
export const newCard = (now: number): CardState => toState(createEmptyCard(new Date(now)));

/**
 * Runs the scheduler on a stored card; a card it cannot handle (values from a corrupt record
 * or a hand-edited import) starts over as a new card instead of blocking the session.
 */
function next(state: CardState | undefined, now: number, grade: Grade): Card {
  if (state) {
    try {
      const card = scheduler.next(toCard(state), new Date(now), grade).card;
      if (Number.isFinite(card.due.getTime()) && Number.isFinite(card.stability)) return card;
    } catch {
      // Falls through to a fresh card.
    }
  }
  return scheduler.next(toCard(newCard(now)), new Date(now), grade).card;
}

/** The card after the student rates it. */
export function rate(state: CardState | undefined, rating: RatingName, now: number): CardState {
  const grade = RATINGS.find((r) => r.name === rating)!.grade as Grade;
  return toState(next(state, now, grade));
}

/** When each rating would bring the card back (ms since epoch), for the "next review in …" labels. */
export function preview(state: CardState | undefined, now: number): Record<RatingName, number> {
  const out = {} as Record<RatingName, number>;
  for (const r of RATINGS) out[r.name] = next(state, now, r.grade as Grade).due.getTime();
  return out;
}

/** Whether a card is due: never seen, or its due time has come. */
export const isDue = (state: CardState | undefined, now: number) => !state || state.due <= now;

/** A duration as a person says it: "less than a minute", "10 minutes", "3 days", "2 months". */
export function formatInterval(ms: number): string {
  if (ms < 60_000) return 'less than a minute';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return plural(hours, 'hour');
  const days = Math.round(hours / 24);
  if (days < 31) return plural(days, 'day');
  const months = Math.round(days / 30.4);
  if (months < 12) return plural(months, 'month');
  return plural(Math.round(days / 365), 'year');
}
