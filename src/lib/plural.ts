/**
 * Counts with the right noun form ("1 lesson", "2 lessons"), so no page says
 * "114 interview question" or "1 lessons".
 */

/**
 * The count followed by the singular or plural noun.
 * @param n how many
 * @param singular noun for exactly one ("interview question")
 * @param plural noun for any other count; defaults to the singular plus "s"
 */
export function plural(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** A duration in minutes as a reader says it: "45 min", "1 h", "2 h 5 min". */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} min`;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}
