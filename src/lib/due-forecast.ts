/**
 * Flashcards due in the coming days, one bucket per local calendar day. Cards already
 * overdue count as due today: they are what the student can review now.
 */
import type { CardState } from './progress.ts';

/** Cards due on one day. */
export interface DueDay {
  /** Local midnight that starts the day (ms since epoch). */
  start: number;
  count: number;
  /** "Today", "Tomorrow", then the short weekday and date ("Wed 9 Dec"). */
  label: string;
  /** Fits under a narrow bar: "Today", then the short weekday ("Wed"). */
  short: string;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The day's name as the chart shows it, fixed in English so labels do not depend on the browser's locale. */
function dayLabel(date: Date, index: number): string {
  if (index === 0) return 'Today';
  if (index === 1) return 'Tomorrow';
  return `${WEEKDAYS[date.getDay()]} ${date.getDate()} ${MONTHS[date.getMonth()]}`;
}

/**
 * How many cards fall due on each of the next `days` days, starting today.
 * Days follow the local calendar (a day with a clock change is still one bucket).
 */
export function dueByDay(cards: Record<string, Pick<CardState, 'due'>>, now: number, days = 7): DueDay[] {
  const first = new Date(now);
  first.setHours(0, 0, 0, 0);
  const out: DueDay[] = [];
  for (let i = 0; i < days; i++) {
    const d = new Date(first.getFullYear(), first.getMonth(), first.getDate() + i);
    out.push({ start: d.getTime(), count: 0, label: dayLabel(d, i), short: i === 0 ? 'Today' : WEEKDAYS[d.getDay()]! });
  }
  const end = new Date(first.getFullYear(), first.getMonth(), first.getDate() + days).getTime();
  for (const { due } of Object.values(cards)) {
    if (due >= end) continue;
    // Overdue cards land in today's bucket.
    let i = out.length - 1;
    while (i > 0 && due < out[i]!.start) i--;
    out[i]!.count++;
  }
  return out;
}
