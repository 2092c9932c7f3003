/** Top-3 hit rate and mean reciprocal rank of a set of relevance cases; used by the relevance test and the bench. */
import { search, type SearchEngine } from '../src/lib/search-engine.ts';
import type { RelevanceCase } from './search-queries.ts';

/** How well the engine answers the cases: share found in the top 3, MRR over the top 20, and the misses. */
export function scoreRelevance(engine: SearchEngine, cases: RelevanceCase[]): { top3: number; mrr: number; misses: string[] } {
  let top3 = 0;
  let rr = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const hits = search(engine, c.query, 20).hits;
    const rank = hits.findIndex((h) => c.expect.test(h.record.url));
    if (rank >= 0) rr += 1 / (rank + 1);
    if (rank >= 0 && rank < 3) top3++;
    else misses.push(`${c.kind} "${c.query}" (rank ${rank < 0 ? 'none' : rank + 1}): ${hits.slice(0, 3).map((h) => h.record.url).join(' | ')}`);
  }
  return { top3: top3 / cases.length, mrr: rr / cases.length, misses };
}
