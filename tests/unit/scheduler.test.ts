import { describe, expect, it } from 'vitest';
import { formatInterval, isDue, newCard, preview, rate } from '../../src/lib/scheduler.ts';
import { dueIds } from '../../src/lib/practice.ts';

const NOW = Date.UTC(2026, 10, 27, 9, 0, 0);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('scheduler (fixed clock)', () => {
  it('a new card is due now', () => {
    expect(isDue(undefined, NOW)).toBe(true);
    expect(newCard(NOW).due).toBe(NOW);
  });

  it('rating changes the due date, and Easy waits longer than Good, Good than Hard, Hard than Again', () => {
    const again = rate(undefined, 'Again', NOW).due;
    const hard = rate(undefined, 'Hard', NOW).due;
    const good = rate(undefined, 'Good', NOW).due;
    const easy = rate(undefined, 'Easy', NOW).due;
    expect(again).toBeGreaterThan(NOW);
    expect(again).toBeLessThan(hard);
    expect(hard).toBeLessThanOrEqual(good);
    expect(good).toBeLessThan(easy);
    expect(easy - NOW).toBeGreaterThanOrEqual(DAY);
  });

  it('pins the first intervals of a new card (fuzz off)', () => {
    const p = preview(undefined, NOW);
    expect(formatInterval(p.Again - NOW)).toBe('1 minute');
    expect(formatInterval(p.Hard - NOW)).toBe('6 minutes');
    expect(formatInterval(p.Good - NOW)).toBe('10 minutes');
    expect(p.Easy - NOW).toBeGreaterThanOrEqual(DAY);
  });

  it('a card reviewed Good twice comes back days later, and the state survives JSON', () => {
    const first = rate(undefined, 'Good', NOW);
    const second = rate(JSON.parse(JSON.stringify(first)), 'Good', first.due);
    expect(second.due - first.due).toBeGreaterThanOrEqual(DAY);
    expect(second.reps).toBe(2);
    expect(isDue(second, first.due)).toBe(false);
    expect(isDue(second, second.due)).toBe(true);
  });

  it('lists overdue cards oldest first, then new ones', () => {
    const cards = { a: { ...newCard(NOW), due: NOW - 2 * DAY }, b: { ...newCard(NOW), due: NOW - DAY }, c: { ...newCard(NOW), due: NOW + DAY } };
    expect(dueIds(['c', 'b', 'new1', 'a', 'new2'], cards, NOW)).toEqual(['a', 'b', 'new1', 'new2']);
  });

  it('formats intervals as a person says them', () => {
    expect(formatInterval(30_000)).toBe('less than a minute');
    expect(formatInterval(90 * MIN)).toBe('2 hours');
    expect(formatInterval(3 * DAY)).toBe('3 days');
    expect(formatInterval(65 * DAY)).toBe('2 months');
    expect(formatInterval(800 * DAY)).toBe('2 years');
  });
});
