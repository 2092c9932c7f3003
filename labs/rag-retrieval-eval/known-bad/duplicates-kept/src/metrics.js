// @ts-check
// Step 1: retrieval metrics. Each function judges one query's ranked list of document ids
// against the set of ids a person labelled as relevant.

/**
 * @param {number} k
 */
function checkK(k) {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number of at least 1, got ${k}`);
}

/**
 * Share of the relevant documents that appear in the first k results.
 * @param {string[]} retrieved ranked document ids, best first (may contain duplicates)
 * @param {string[]} relevant ids labelled relevant for the query
 * @param {number} k how many results the user (or the LLM) gets to see
 * @returns {number | null} a number from 0 to 1, or null when nothing is relevant
 */
export function recallAtK(retrieved, relevant, k) {
  checkK(k);
  const wanted = new Set(relevant);
  if (wanted.size === 0) return null;
  const found = new Set(retrieved.slice(0, k).filter((id) => wanted.has(id)));
  return found.size / wanted.size;
}

/**
 * One over the rank of the first relevant result: 1 at rank 1, 0.5 at rank 2, 0 if none.
 * @param {string[]} retrieved ranked document ids, best first
 * @param {string[]} relevant ids labelled relevant for the query
 * @returns {number | null} a number from 0 to 1, or null when nothing is relevant
 */
export function reciprocalRank(retrieved, relevant) {
  const wanted = new Set(relevant);
  if (wanted.size === 0) return null;
  const index = retrieved.findIndex((id) => wanted.has(id));
  return index === -1 ? 0 : 1 / (index + 1);
}

/**
 * Mean of the per-query values, skipping null (queries with nothing relevant).
 * A query that found nothing counts as 0: it stays in the mean.
 * @param {(number | null)[]} values
 * @returns {number | null} null when no query can be scored
 */
export function meanOf(values) {
  const scored = values.filter((v) => v !== null);
  if (scored.length === 0) return null;
  return scored.reduce((sum, v) => sum + v, 0) / scored.length;
}
