// @ts-check
// Step 3: a BM25 index over passages (whole documents or chunks).
import { tokenize } from './tokenize.js';

/**
 * @typedef {{ id: string, docId: string, text: string }} Passage
 * @typedef {{ id: string, docId: string, text: string, score: number }} Hit
 */

/**
 * Builds a BM25 index and returns its search function.
 * @param {Passage[]} passages
 * @param {{ k1?: number, b?: number }} [options]
 * @returns {{ search: (query: string, n: number) => Hit[] }}
 */
export function createBm25Index(passages, { k1 = 1.2, b = 0.75 } = {}) {
  const docs = passages.map((p) => {
    /** @type {Map<string, number>} */
    const tf = new Map();
    const tokens = tokenize(p.text);
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    return { passage: p, tf, length: tokens.length };
  });
  const N = docs.length;
  const avgdl = N === 0 ? 0 : docs.reduce((s, d) => s + d.length, 0) / N;
  /** @type {Map<string, number>} */
  const df = new Map();
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  /** @param {string} term */
  const idf = (term) => {
    const n = df.get(term) ?? 0;
    return Math.log(1 + (N - n + 0.5) / (n + 0.5));
  };

  return {
    search(query, n) {
      const terms = [...new Set(tokenize(query))];
      /** @type {Hit[]} */
      const hits = [];
      for (const d of docs) {
        let score = 0;
        for (const term of terms) {
          const f = d.tf.get(term) ?? 0;
          if (f === 0) continue;
          score += (idf(term) * f * (k1 + 1)) / (f + k1 * (1 - b + (b * d.length) / avgdl));
        }
        if (score > 0) hits.push({ ...d.passage, score });
      }
      hits.sort((x, y) => y.score - x.score);
      return hits.slice(0, n);
    },
  };
}
