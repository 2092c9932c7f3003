// @ts-check
// Step 1: retrieval metrics. Each function judges one query's ranked list of document ids
// against the ids a person labelled as relevant for that query.

/**
 * Share of the relevant documents that appear in the first k results.
 * Contract: a document retrieved twice counts once; k larger than the list means "the whole
 * list"; nothing relevant gives null (recall is undefined); k that is not a whole number of
 * at least 1 throws a RangeError that names k.
 * @param {string[]} retrieved ranked document ids, best first (may contain duplicates)
 * @param {string[]} relevant ids labelled relevant for the query
 * @param {number} k how many results the user (or the LLM) gets to see
 * @returns {number | null} a number from 0 to 1, or null when nothing is relevant
 */
export function recallAtK(retrieved, relevant, k) {
  throw new Error('recallAtK is not written yet (step 1 in README.md)');
}

/**
 * One over the rank of the first relevant result: 1 at rank 1, 0.5 at rank 2, 0 if none.
 * Ranks are positions in the list as given, starting at 1. Nothing relevant gives null.
 * @param {string[]} retrieved ranked document ids, best first
 * @param {string[]} relevant ids labelled relevant for the query
 * @returns {number | null} a number from 0 to 1, or null when nothing is relevant
 */
export function reciprocalRank(retrieved, relevant) {
  throw new Error('reciprocalRank is not written yet (step 1 in README.md)');
}

/**
 * Mean of the per-query values, skipping null (queries with nothing relevant). Averaging
 * reciprocal ranks this way gives the MRR of a query set.
 * @param {(number | null)[]} values
 * @returns {number | null} null when no query can be scored
 */
export function meanOf(values) {
  throw new Error('meanOf is not written yet (step 1 in README.md)');
}
