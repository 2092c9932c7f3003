/**
 * What each practice mode has waiting for the student, from their progress in this
 * browser: questions missed last time, cards due, interview questions not yet answered,
 * STAR stories drafted. The mode cards on /practice/ show these.
 */
import { plural } from './plural.ts';
import type { Filterable } from './practice.ts';
import type { Progress } from './progress.ts';
import { parseStar, STAR_PARTS, starKey } from './star-draft.ts';
import { relativeTime } from './relative-time.ts';

/** Counts for the four mode cards, over the filtered pool. */
export interface HubCounts {
  /** Choice questions in the pool. */
  choice: number;
  /** Choice questions whose latest answer was wrong. */
  missed: number;
  /** Choice questions never answered. */
  untried: number;
  /** Flashcards whose review time has come. */
  cardsDue: number;
  /** Questions never reviewed as a card. */
  cardsNew: number;
  /** The earliest future review (ms), when cards are scheduled. */
  nextReview?: number;
  /** Open interview questions in the pool. */
  open: number;
  /** Open questions with no mock-interview answer saved. */
  openUnanswered: number;
}

/** Counts what each mode has waiting among `pool`. */
export function hubCounts(pool: Filterable[], progress: Pick<Progress, 'questions' | 'cards' | 'drafts'>, now: number): HubCounts {
  const choice = pool.filter((q) => q.type !== 'open');
  const open = pool.filter((q) => q.type === 'open');
  const scheduled = pool.map((q) => progress.cards[q.id]).filter((c) => c !== undefined);
  const future = scheduled.map((c) => c.due).filter((d) => d > now);
  return {
    choice: choice.length,
    missed: choice.filter((q) => progress.questions[q.id]?.lastCorrect === false).length,
    untried: choice.filter((q) => !progress.questions[q.id]).length,
    cardsDue: scheduled.filter((c) => c.due <= now).length,
    cardsNew: pool.length - scheduled.length,
    ...(future.length ? { nextReview: Math.min(...future) } : {}),
    open: open.length,
    openUnanswered: open.filter((q) => !progress.drafts[`mock:${q.id}`]?.trim()).length,
  };
}

/** Whether a stored STAR draft has any text in it. */
export const hasStarDraft = (raw: string | undefined): boolean => STAR_PARTS.some((part) => !!parseStar(raw).text[part]?.trim());

/** Ids among `ids` whose STAR story has a draft. */
export const starDrafted = (ids: string[], drafts: Record<string, string>): string[] => ids.filter((id) => hasStarDraft(drafts[starKey(id)]));

/** The "what is due" line of each mode card. */
export function hubLines(c: HubCounts, drafted: number, behavioral: number, now: number) {
  const quiz = c.choice === 0
    ? 'No choice questions match your filters.'
    : c.missed || c.untried
      ? [c.missed && `${plural(c.missed, 'question')} missed last time`, c.untried && `${c.untried} not tried yet`].filter(Boolean).join(' · ')
      : `All ${c.choice} answered right last time.`;
  const cards = c.cardsDue || c.cardsNew
    ? [c.cardsDue && `${plural(c.cardsDue, 'card')} due for review`, c.cardsNew && `${c.cardsNew} new`].filter(Boolean).join(' · ')
    : c.nextReview !== undefined ? `Nothing due; next review ${relativeTime(c.nextReview, now)}.` : 'No cards match your filters.';
  const mock = c.open === 0
    ? 'No interview questions match your filters.'
    : `${plural(c.open, 'interview question')} · ${c.openUnanswered} not answered yet`;
  const star = `${drafted} of ${plural(behavioral, 'story', 'stories')} drafted`;
  return { quiz, cards, mock, star };
}
