/** Relative times: the words a student reads instead of a raw date. */
import { describe, expect, it } from 'vitest';
import { absoluteTime, calendarDays, dueLabel, relativeTime } from '../../src/lib/relative-time.ts';

// A fixed local time (10:00 on a Monday) so calendar-day answers do not depend on when the test runs.
const now = new Date(2026, 11, 7, 10, 0, 0).getTime();
const at = (days: number, hours = 10, minutes = 0) => new Date(2026, 11, 7 + days, hours, minutes).getTime();

describe('relativeTime', () => {
  it('says minutes and hours within the day', () => {
    expect(relativeTime(now + 20_000, now)).toBe('this minute');
    expect(relativeTime(now + 10 * 60_000, now)).toBe('in 10 minutes');
    expect(relativeTime(at(0, 15), now)).toBe('in 5 hours');
    expect(relativeTime(at(0, 7), now)).toBe('3 hours ago');
  });

  it('says tomorrow for the next calendar day, even a few hours away, and counts days after that', () => {
    expect(relativeTime(at(1, 1), now)).toBe('tomorrow');
    expect(relativeTime(at(1, 22, 56), now)).toBe('tomorrow');
    expect(relativeTime(at(3), now)).toBe('in 3 days');
    expect(relativeTime(at(-1), now)).toBe('yesterday');
    expect(relativeTime(at(-4), now)).toBe('4 days ago');
  });

  it('moves to weeks, months and years for far dates', () => {
    expect(relativeTime(at(21), now)).toBe('in 3 weeks');
    expect(relativeTime(at(92), now)).toBe('in 3 months');
    expect(relativeTime(at(800), now)).toBe('in 2 years');
  });

  it('follows the locale', () => {
    expect(relativeTime(at(1), now, 'fr')).toBe('demain');
    expect(relativeTime(at(3), now, 'de')).toBe('in 3 Tagen');
  });
});

describe('dueLabel and calendarDays', () => {
  it('says "due now" once the time has come, else when', () => {
    expect(dueLabel(now, now)).toBe('due now');
    expect(dueLabel(at(-2), now)).toBe('due now');
    expect(dueLabel(at(1, 8), now)).toBe('due tomorrow');
    expect(dueLabel(at(3), now)).toBe('due in 3 days');
  });

  it('counts calendar days, not 24-hour spans', () => {
    expect(calendarDays(at(0, 23, 59), now)).toBe(0);
    expect(calendarDays(at(1, 0, 1), now)).toBe(1);
  });

  it('keeps the absolute date for a title', () => {
    expect(absoluteTime(at(-1, 22, 56))).toBe('Dec 6, 2026, 10:56 PM');
  });
});
