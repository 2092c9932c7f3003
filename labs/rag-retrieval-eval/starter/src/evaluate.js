// @ts-check
// Given: `npm start` prints recall@3 and MRR of both pipelines on the dev queries, with the
// queries each pipeline misses, so you can see what a change to chunking or reranking does.
import { readFileSync } from 'node:fs';
import { meanOf, recallAtK, reciprocalRank } from './metrics.js';
import { baselineSearch, improvedSearch } from './pipeline.js';

/** @type {{ id: string, query: string, relevant: string[] }[]} */
const queries = JSON.parse(readFileSync(new URL('../data/queries-dev.json', import.meta.url), 'utf8'));

for (const [name, search] of /** @type {const} */ ([['baseline', baselineSearch], ['improved', improvedSearch]])) {
  const results = queries.map((q) => ({ q, ranked: search(q.query, 10) }));
  const recall = meanOf(results.map(({ q, ranked }) => recallAtK(ranked, q.relevant, 3)));
  const mrr = meanOf(results.map(({ q, ranked }) => reciprocalRank(ranked, q.relevant)));
  console.log(`${name.padEnd(9)} recall@3 ${recall?.toFixed(3)}  MRR ${mrr?.toFixed(3)}`);
  for (const { q, ranked } of results) {
    const rr = reciprocalRank(ranked, q.relevant);
    if (rr !== null && rr < 1) console.log(`  ${q.id} "${q.query}": got ${ranked.slice(0, 3).join(', ')}; wanted ${q.relevant.join(', ')}`);
  }
}
