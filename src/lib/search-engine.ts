/**
 * The search engine the browser runs. A query's content words are looked up in the build's
 * word index (exact stems, word prefixes while typing, and fuzzy matches through Fuse for
 * typos); the records that hold them are scored by how strongly and how many of the words
 * they hold, and Fuse then scores only those few candidates' headings and titles against
 * the query. Nothing scans the whole course, so a query costs the same as the course grows.
 */
import Fuse from 'fuse.js/basic';
import { hydrate } from './search-records.ts';
import { highlightSpans } from './search-highlight.ts';
import { decodeWords } from './search-codec.ts';
import { matchWord, parseQuery, type SearchEngine } from './search-lookup.ts';
import { INDEX_VERSION, type SearchHit, type SearchIndexFile, type SearchResult } from './search-types.ts';

export type { RecordKind, SearchHit, SearchIndexFile, SearchRecord, SearchResult } from './search-types.ts';
export { QUERY_MAX_CHARS, QUERY_MAX_TERMS, type SearchEngine } from './search-lookup.ts';

/** Results scoring below this share of the best result of their kind are not shown, so the count means something… */
export const RELEVANCE_FLOOR = 0.4;
/** …and below this share of the best result of any kind. */
const OVERALL_FLOOR = 0.15;
/** How many of the best candidates Fuse re-scores. */
const RESCORE = 40;

/** An engine from the fetched file; refuses a file of another format with a message that says what to do. */
export function loadIndex(file: SearchIndexFile): SearchEngine {
  if (!file || file.v !== INDEX_VERSION)
    throw new Error(`search-index.json has format ${String(file?.v)}, but this page reads format ${INDEX_VERSION}. Fix: rebuild the site (npm run build) so the index and the scripts come from the same build.`);
  const { records, priors, pageOf } = hydrate(file);
  const vocab = decodeWords(file.vocab ?? '');
  const encoded = file.postings ? file.postings.split(' ') : [];
  if (encoded.length !== vocab.length) throw new Error(`search-index.json has ${vocab.length} words but ${encoded.length} postings lists. Fix: rebuild the site (npm run build).`);
  return { records, priors, pageOf, vocab, position: new Map(vocab.map((w, i) => [w, i])), encoded, postings: [], typoIndex: new Map() };
}

/** Share of a word's score a section gets when only another section of its lesson holds the word. */
const CONTEXT = 0.3;
/** How strongly records holding only some of the query words are held back. */
const COVERAGE_POWER = 1;

/** Searches; `limit` caps the hits returned. Queries under two characters find nothing. */
export function search(engine: SearchEngine, query: string, limit = 20): SearchResult {
  if (query.trim().length < 2) return { hits: [] };
  const { words, note } = parseQuery(query);
  const matched = new Set<string>();
  const prefixes: string[] = [];
  const found = words.map((w, i) => matchWord(engine, w, i === words.length - 1, matched, prefixes));
  const totalIdf = found.reduce((t, f) => t + f.idf, 0);
  const candidates = new Set<number>();
  for (const f of found) for (const id of f.best.keys()) candidates.add(id);
  const ranked: [number, number][] = [];
  for (const id of candidates) {
    let score = 0;
    let covered = 0;
    const page = engine.pageOf[id]!;
    for (const f of found) {
      const own = f.best.get(id);
      // A section is also about what its lesson's other sections teach: "Rolling back quickly"
      // answers "canary rollback" in a lesson whose "Canary releases" section holds "canary".
      const ctx = own ? undefined : page >= 0 ? f.pages.get(page) : undefined;
      if (own) {
        score += own[0];
        covered += own[1];
      } else if (ctx) {
        score += CONTEXT * ctx[0];
        covered += CONTEXT * ctx[1];
      }
    }
    const coverage = Math.min(1, covered / totalIdf);
    ranked.push([id, score * engine.priors[id]! * coverage ** COVERAGE_POWER]);
  }
  ranked.sort((a, b) => b[1] - a[1]);
  return { hits: rescore(engine, ranked.slice(0, Math.max(limit, RESCORE)), words, matched, prefixes, limit), note };
}

/** Fuse scores the candidates' headings and titles against the query; then the floor and highlights. */
function rescore(engine: SearchEngine, ranked: [number, number][], words: string[], matched: Set<string>, prefixes: string[], limit: number): SearchHit[] {
  if (!ranked.length) return [];
  // Only the best few are worth Fuse's closer look; the rest keep their word-index score.
  const candidates = ranked.slice(0, RESCORE).map(([id]) => engine.records[id]!);
  const fuse = new Fuse(candidates, { keys: ['heading', 'title'], includeScore: true, ignoreLocation: true, threshold: 0.25 });
  // Each content word on its own: a candidate whose heading or title holds it is favoured.
  const boost = new Map<number, number>();
  for (const word of words) for (const r of fuse.search(word)) boost.set(r.refIndex, (boost.get(r.refIndex) ?? 1) + (0.3 * (1 - (r.score ?? 1))) / words.length);
  const scored = ranked.map(([id, s], i): [number, number] => [id, s * (boost.get(i) ?? 1)]).sort((a, b) => b[1] - a[1]);
  // The floor is relative to the best result of the same kind (questions and glossary terms
  // are short, so they score differently from sections), and to the best result overall.
  const bestOfKind = new Map<string, number>();
  for (const [id, s] of scored) if (!bestOfKind.has(engine.records[id]!.kind)) bestOfKind.set(engine.records[id]!.kind, s);
  const top = scored[0]![1];
  return scored
    .filter(([id, s]) => s >= RELEVANCE_FLOOR * bestOfKind.get(engine.records[id]!.kind)! && s >= OVERALL_FLOOR * top)
    .slice(0, limit)
    .map(([id, score]) => {
      const record = engine.records[id]!;
      return {
        record,
        score,
        titleMatches: highlightSpans(record.title, matched, prefixes),
        headingMatches: record.heading ? highlightSpans(record.heading, matched, prefixes) : [],
      };
    });
}
