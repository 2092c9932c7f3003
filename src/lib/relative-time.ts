/**
 * Times as a person says them ("in 3 days", "tomorrow", "due now") with
 * Intl.RelativeTimeFormat, so flashcard schedules never show a raw date string.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Whole calendar days from `now` to `when` in the viewer's time zone (tomorrow is 1 even 2 hours away). */
export function calendarDays(when: number, now: number): number {
  const start = (t: number) => {
    const d = new Date(t);
    return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  };
  return Math.round((start(when) - start(now)) / DAY);
}

/**
 * `when` relative to `now`: minutes and hours within the next (or last) day, then calendar
 * days ("tomorrow", "in 3 days"), weeks, months and years.
 */
export function relativeTime(when: number, now: number, locale = 'en'): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const diff = when - now;
  const abs = Math.abs(diff);
  if (abs < MINUTE) return rtf.format(0, 'minute');
  if (abs < HOUR) return rtf.format(Math.round(diff / MINUTE), 'minute');
  const days = calendarDays(when, now);
  if (abs < 12 * HOUR || days === 0) return rtf.format(Math.round(diff / HOUR), 'hour');
  if (Math.abs(days) < 14) return rtf.format(days, 'day');
  if (Math.abs(days) < 60) return rtf.format(Math.round(days / 7), 'week');
  if (Math.abs(days) < 365) return rtf.format(Math.round(days / 30.4), 'month');
  return rtf.format(Math.round(days / 365), 'year');
}

/** When a review is due: "due now" once its time has come, else "due in 3 days", "due tomorrow". */
export function dueLabel(when: number, now: number, locale = 'en'): string {
  return when <= now ? 'due now' : `due ${relativeTime(when, now, locale)}`;
}

/** The absolute date and time, for a title or a <time> element beside the relative one. */
export function absoluteTime(when: number, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(when);
}
