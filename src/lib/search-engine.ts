/**
 * The search engine the browser runs. A query's content words are looked up in the build's
 * word index (exact stems, word prefixes while typing, and fuzzy matches through Fuse for
 * typos), whose shards are fetched only for the words typed; the records that hold them are
 * scored by how strongly and how many of the words they hold, and Fuse then scores only
 * those few candidates' headings and titles against the query. Nothing scans the whole
 * course, so a query costs the same as the course grows.
 */
import Fuse from 'fuse.js/basic';
import { hydrate } from './search-records.ts';
import { highlightSpans } from './search-highlight.ts';
import { decodeWords } from './search-codec.ts';
import { matchWord, parseQuery, type SearchEngine } from './search-lookup.ts';
import { INDEX_VERSION, shardKey, type SearchHit, type SearchIndexFile, type SearchResult, type SearchShardFile } from './search-types.ts';

export type { RecordKind, SearchHit, SearchIndexFile, SearchRecord, SearchResult, SearchShardFile } from './search-types.ts';
export { QUERY_MAX_CHARS, QUERY_MAX_TERMS, type SearchEngine } from './search-lookup.ts';

/** Results scoring below this share of the best result of their kind are not shown, so the count means something… */
export const RELEVANCE_FLOOR = 0.4;
/** …and below this share of the best result of any kind. */
const OVERALL_FLOOR = 0.15;
/** How many of the best candidates Fuse re-scores. */
const RESCORE = 40;

/** An engine from the fetched index; refuses a file of another format with a message that says what to do. */
export function loadIndex(file: SearchIndexFile): SearchEngine {
  checkVersion(file, 'search-index.json');
  const { records, priors, pageOf } = hydrate(file);
  return { records, priors, pageOf, keys: new Set(file.shards ?? []), shards: new Map() };
}

function checkVersion(file: { v?: unknown } | undefined, name: string): void {
  if (!file || file.v !== INDEX_VERSION)
    throw new Error(`${name} has format ${String(file?.v)}, but this page reads format ${INDEX_VERSION}. Fix: rebuild the site (npm run build) so the index and the scripts come from the same build.`);
}

/** Adds a fetched word shard to the engine; a damaged or mismatched shard is refused with a message. */
export function addShard(engine: SearchEngine, file: SearchShardFile): void {
  checkVersion(file, `The search word shard "${file?.key}"`);
  const vocab = decodeWords(file.vocab ?? '');
  const encoded = file.postings ? file.postings.split(' ') : [];
  if (encoded.length !== vocab.length) throw new Error(`The search word shard "${file.key}" has ${vocab.length} words but ${encoded.length} postings lists. Fix: rebuild the site (npm run build).`);
  engine.shards.set(file.key, { vocab, position: new Map(vocab.map((w, i) => [w, i])), encoded, postings: [] });
}

/** An engine with every shard loaded, for Node (tests, the bench), where nothing is fetched. */
export function engineWithShards(index: SearchIndexFile, shards: Iterable<SearchShardFile>): SearchEngine {
  const engine = loadIndex(index);
  for (const shard of shards) addShard(engine, shard);
  return engine;
}

/** Keys of the word shards a query needs that are not loaded yet (fetch them, `addShard`, then `search`). */
export function missingShards(engine: SearchEngine, query: string): string[] {
  if (query.trim().length < 2) return [];
  const keys = new Set(parseQuery(query).words.map(shardKey));
  return [...keys].filter((k) => engine.keys.has(k) && !engine.shards.has(k));
}

/** Share of a word's score a section gets when only another section of its lesson holds the word. */
const CONTEXT = 0.3;
/** Coverage credited for a common word whose cut list cannot say whether a record holds it. */
const UNKNOWN = 0.5;
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
      } else if (f.capped) covered += UNKNOWN * f.idf;
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
