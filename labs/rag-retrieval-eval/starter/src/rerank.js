// @ts-check
// Step 4: rerank candidates by how completely and how closely they match the query.
import { tokenize } from './tokenize.js';

/**
 * Scores each candidate against the query and returns a new array, best first, each candidate
 * with its fields kept and a `rerankScore` added. The input array is not changed.
 * Contract (README step 4): rerankScore = coverage + 0.5 * phrases + 0.25 * retrieval, where
 * coverage is the share of distinct query words present in the candidate, phrases the share
 * of the query's adjacent word pairs present as adjacent pairs in the candidate, and
 * retrieval the candidate's `score` divided by the best `score` among the candidates.
 * @template {{ text: string, score: number }} T
 * @param {string} query
 * @param {T[]} candidates
 * @returns {(T & { rerankScore: number })[]}
 */
export function rerank(query, candidates) {
  throw new Error('rerank is not written yet (step 4 in README.md)');
}
