// @ts-check
// Step 3: a BM25 index over passages (whole documents or chunks).
import { tokenize } from './tokenize.js';

/**
 * @typedef {{ id: string, docId: string, text: string }} Passage
 * @typedef {{ id: string, docId: string, text: string, score: number }} Hit
 */

/**
 * Builds a BM25 index and returns its search function.
 * Contract: tokenize passages and queries with `tokenize`; a query word counts once however
 * often it is repeated; idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5)); passages with a score
 * of 0 are left out; `search` returns at most n hits, best first, each the passage's fields
 * plus `score`.
 * @param {Passage[]} passages
 * @param {{ k1?: number, b?: number }} [options] term-frequency saturation and length normalisation
 * @returns {{ search: (query: string, n: number) => Hit[] }}
 */
export function createBm25Index(passages, { k1 = 1.2, b = 0.75 } = {}) {
  // Count what the formula needs once, here, so that each search is only a loop over passages.
  return {
    search(query, n) {
      throw new Error('search is not written yet (step 3 in README.md)');
    },
  };
}
