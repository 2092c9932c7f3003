/** What the practice mode cards say is due, from seeded progress. */
import { describe, expect, it } from 'vitest';
import type { Filterable } from '../../src/lib/practice.ts';
import { hasStarDraft, hubCounts, hubLines, starDrafted } from '../../src/lib/practice-hub.ts';
import { emptyProgress, type CardState } from '../../src/lib/progress.ts';

const now = new Date(2026, 11, 7, 10).getTime();
const DAY = 86_400_000;
const q = (id: string, type: Filterable['type'] = 'single'): Filterable => ({ id, module: 'm', type, difficulty: 'easy', tags: [], behavioral: false });
const card = (due: number) => ({ due }) as CardState;
const pool = [q('a'), q('b'), q('c', 'multiple'), q('d', 'true-false'), q('o1', 'open'), q('o2', 'open')];

describe('hubCounts', () => {
  it('counts nothing done as all untried, new and unanswered', () => {
    expect(hubCounts(pool, emptyProgress(), now)).toEqual({ choice: 4, missed: 0, untried: 4, cardsDue: 0, cardsNew: 6, open: 2, openUnanswered: 2 });
  });

  it('counts missed questions, due cards, the next review and mock answers', () => {
    const p = emptyProgress();
    p.questions.a = { seen: 2, correct: 1, lastCorrect: false, at: now };
    p.questions.b = { seen: 1, correct: 1, lastCorrect: true, at: now };
    p.questions.c = { seen: 1, correct: 0, lastCorrect: false, at: now };
    p.cards.a = card(now - DAY);
    p.cards.b = card(now);
    p.cards.o1 = card(now + 3 * DAY);
    p.cards.zz = card(now - DAY); // not in the pool: filtered out
    p.drafts['mock:o1'] = 'my answer';
    p.drafts['mock:o2'] = '   ';
    expect(hubCounts(pool, p, now)).toEqual({ choice: 4, missed: 2, untried: 1, cardsDue: 2, cardsNew: 3, nextReview: now + 3 * DAY, open: 2, openUnanswered: 1 });
  });
});

describe('hubLines', () => {
  it('says what is waiting, in words and with plurals right', () => {
    const lines = hubLines({ choice: 4, missed: 1, untried: 2, cardsDue: 1, cardsNew: 0, open: 1, openUnanswered: 1 }, 1, 36, now);
    expect(lines).toEqual({
      quiz: '1 question missed last time · 2 not tried yet',
      cards: '1 card due for review',
      mock: '1 interview question · 1 not answered yet',
      star: '1 of 36 stories drafted',
    });
  });

  it('says when the next review comes once nothing is due, and when all is right', () => {
    const lines = hubLines({ choice: 3, missed: 0, untried: 0, cardsDue: 0, cardsNew: 0, nextReview: now + 3 * DAY, open: 0, openUnanswered: 0 }, 0, 1, now);
    expect(lines.quiz).toBe('All 3 answered right last time.');
    expect(lines.cards).toBe('Nothing due; next review in 3 days.');
    expect(lines.mock).toBe('No interview questions match your filters.');
    expect(lines.star).toBe('0 of 1 story drafted');
  });
});

describe('STAR drafts', () => {
  it('counts a story as drafted only when a part has text', () => {
    expect(hasStarDraft(undefined)).toBe(false);
    expect(hasStarDraft('{"situation":"  ","_at":{}}')).toBe(false);
    expect(hasStarDraft('not json')).toBe(false);
    expect(hasStarDraft('{"action":"I rolled back","_at":{}}')).toBe(true);
    expect(starDrafted(['x', 'y', 'z'], { 'star:x': '{"task":"t"}', 'star:y': '{}', 'mock:z': 'text' })).toEqual(['x']);
  });
});
