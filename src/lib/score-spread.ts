/**
 * How `npm run bench` reports a Lighthouse score measured several times. Lighthouse's own
 * advice on variability is to run a page more than once and read the median run; the
 * spread is printed beside it so a noisy page cannot hide behind its median.
 */

/**
 * The median run's score, followed by the lowest and highest score of all runs when they
 * differ: "100", "99 (96–100)". "n/a" when the median run has no score.
 * @param median the score (0–100) of the run Lighthouse picks as the median
 * @param all the same score in every run, the median run included; null where a run had none
 */
export function spreadLabel(median: number | null, all: (number | null)[]): string {
  if (median == null) return 'n/a';
  const scores = all.filter((s): s is number => s != null);
  const low = Math.min(median, ...scores);
  const high = Math.max(median, ...scores);
  return low === high ? String(median) : `${median} (${low}–${high})`;
}
