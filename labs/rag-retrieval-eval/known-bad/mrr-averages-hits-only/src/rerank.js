// @ts-check
// Step 4: rerank candidates by how completely and how closely they match the query.
import { tokenize } from './tokenize.js';

/**
 * Adjacent token pairs of a token list, as "a b" strings.
 * @param {string[]} tokens
 */
function bigrams(tokens) {
  return tokens.slice(1).map((t, i) => `${tokens[i]} ${t}`);
}

/**
 * Scores each candidate against the query and returns them best first.
 * @template {{ text: string, score: number }} T
 * @param {string} query
 * @param {T[]} candidates
 * @returns {(T & { rerankScore: number })[]}
 */
export function rerank(query, candidates) {
  const queryTerms = [...new Set(tokenize(query))];
  const queryPairs = [...new Set(bigrams(tokenize(query)))];
  const best = Math.max(0, ...candidates.map((c) => c.score));
  return candidates
    .map((c) => {
      const tokens = tokenize(c.text);
      const terms = new Set(tokens);
      const pairs = new Set(bigrams(tokens));
      const coverage = queryTerms.length === 0 ? 0 : queryTerms.filter((t) => terms.has(t)).length / queryTerms.length;
      const phrases = queryPairs.length === 0 ? 0 : queryPairs.filter((p) => pairs.has(p)).length / queryPairs.length;
      const retrieval = best === 0 ? 0 : c.score / best;
      return { ...c, rerankScore: coverage + 0.5 * phrases + 0.25 * retrieval };
    })
    .sort((x, y) => y.rerankScore - x.rerankScore);
}
