/**
 * The search engine the browser runs. A query's content words are looked up in the build's
 * word index (exact stems, word prefixes while typing, and fuzzy matches through Fuse for
 * typos); the records that hold them are scored by how strongly and how many of the words
 * they hold, and Fuse then scores only those few candidates' headings and titles against
 * the query. Nothing scans the whole course, so a query costs the same as the course grows.
 */
import Fuse from 'fuse.js/basic';
import { LEADING_WORDS, normalise, QUESTION_WORDS, STOP_WORDS, term, variants } from './search-text.ts';
import { hydrate } from './search-records.ts';
import { highlightSpans } from './search-highlight.ts';
import { decodeNumbers, decodeWords } from './search-codec.ts';
import { INDEX_VERSION, WEIGHT_BITS, type SearchHit, type SearchIndexFile, type SearchRecord, type SearchResult } from './search-types.ts';

export type { RecordKind, SearchHit, SearchIndexFile, SearchRecord, SearchResult } from './search-types.ts';

/** Queries longer than this many characters are cut (with a note): nobody types more, and long pastes must stay fast. */
export const QUERY_MAX_CHARS = 200;
/** At most this many content words of a query are searched (with a note). */
export const QUERY_MAX_TERMS = 10;
/** Results scoring below this share of the best result of their kind are not shown, so the count means something… */
export const RELEVANCE_FLOOR = 0.4;
/** …and below this share of the best result of any kind. */
const OVERALL_FLOOR = 0.15;
/** How many of the best candidates Fuse re-scores. */
const RESCORE = 40;

/** A loaded index, ready to answer queries. */
export interface SearchEngine {
  /** Records in id order, as the UI shows them. */
  records: SearchRecord[];
  /** Rank factor per record. */
  priors: Float32Array;
  /** Lesson page of each section record, -1 for other records. */
  pageOf: Int32Array;
  /** Sorted indexed words. */
  vocab: string[];
  /** Vocab word → its position. */
  position: Map<string, number>;
  /** Encoded postings per vocab word (see SearchIndexFile), decoded on first use. */
  encoded: string[];
  /** Decoded postings, filled as words are searched. */
  postings: (number[] | undefined)[];
  /** Fuse over the vocab words sharing a first letter, built on first need, for typos. */
  typoIndex: Map<string, Fuse<string>>;
}

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

/** The postings of vocab word `p`, decoded once. */
function postingsOf(engine: SearchEngine, p: number): number[] {
  return (engine.postings[p] ??= decodeNumbers(engine.encoded[p]!));
}

/** Vocab positions of words starting with `prefix`, most common first, at most `max`. */
function withPrefix(engine: SearchEngine, prefix: string, max: number): number[] {
  const { vocab } = engine;
  let lo = 0;
  let hi = vocab.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (vocab[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const found: number[] = [];
  for (let i = lo; i < vocab.length && vocab[i]!.startsWith(prefix) && found.length < 50; i++) found.push(i);
  return found.sort((a, b) => postingsOf(engine, b)[0]! - postingsOf(engine, a)[0]!).slice(0, max);
}

/** Vocab words close to a mistyped word, through Fuse over the words with the same first letter. */
function typoMatches(engine: SearchEngine, word: string): [number, number][] {
  const letter = word[0]!;
  let fuse = engine.typoIndex.get(letter);
  if (!fuse) {
    fuse = new Fuse(engine.vocab.filter((w) => w[0] === letter && w.length > 2), { includeScore: true, threshold: 0.4, distance: 20 });
    engine.typoIndex.set(letter, fuse);
  }
  return fuse
    .search(word, { limit: 3 })
    .filter((r) => Math.abs(r.item.length - word.length) <= 3)
    .map((r) => [engine.position.get(r.item)!, 0.75 * (1 - (r.score ?? 1))]);
}

/** A query cut to the limits, and its words: content words, or all words if it has no others. */
function parseQuery(query: string): { words: string[]; note?: string } {
  let q = query.trim();
  const notes: string[] = [];
  if (q.length > QUERY_MAX_CHARS) {
    q = q.slice(0, QUERY_MAX_CHARS);
    notes.push(`Your search was long, so only its first ${QUERY_MAX_CHARS} characters were used.`);
  }
  const all = (normalise(q).match(/[a-z0-9]+/g) ?? []).filter((w) => w.length > 1 || /\d/.test(w));
  const content = all.filter((w, i) => !STOP_WORDS.has(w) && !QUESTION_WORDS.has(w) && !(i === 0 && LEADING_WORDS.has(w)));
  let words = [...new Set(content.length ? content : all)];
  if (words.length > QUERY_MAX_TERMS) {
    words = words.slice(0, QUERY_MAX_TERMS);
    notes.push(`Only the first ${QUERY_MAX_TERMS} words that matter were searched.`);
  }
  return { words, ...(notes.length ? { note: notes.join(' ') } : {}) };
}

/** One query word's matches: per record its best score and the share of the word it covers. */
interface WordMatch {
  best: Map<number, [score: number, idf: number]>;
  /** The same per lesson page: the best section of each lesson, for context. */
  pages: Map<number, [score: number, idf: number]>;
  /** The word's weight in the query (its rarity). */
  idf: number;
}

/** Finds one query word: exact stem, then prefixes (while typing) and typos (through Fuse). */
function matchWord(engine: SearchEngine, word: string, last: boolean, matched: Set<string>, prefixes: string[]): WordMatch {
  const n = engine.records.length;
  let exact = engine.position.get(term(word)) ?? engine.position.get(word);
  const expansions: [number, number][] = exact !== undefined ? [[exact, 1]] : [];
  // "smaller" also finds "small": headings use the plain form.
  // Only when the plain form is the more common one, so "server" does not turn into "serve".
  for (const v of variants(word)) {
    const p = engine.position.get(term(v));
    if (p !== undefined && p !== exact && (exact === undefined || postingsOf(engine, p)[0]! > 2 * postingsOf(engine, exact)[0]!)) expansions.push([p, 0.8]);
  }
  exact ??= expansions[0]?.[0];
  // The last word may be half typed; any word with no exact match may be a prefix or a typo.
  if ((last || exact === undefined) && word.length >= 3 && !/^\d+$/.test(word)) {
    const longer = withPrefix(engine, word, 6).filter((p) => p !== exact);
    if (longer.length) prefixes.push(word);
    // Longer words count less when the typed word is a word of its own ("task" vs "taskflow").
    expansions.push(...longer.map((p): [number, number] => [p, exact === undefined ? 0.7 : 0.3]));
  }
  if (!expansions.length && word.length >= 4) expansions.push(...typoMatches(engine, term(word)));
  const best = new Map<number, [number, number]>();
  const pages = new Map<number, [number, number]>();
  let idfMax = 0;
  for (const [p, factor] of expansions) {
    const list = postingsOf(engine, p);
    const idf = Math.log(1 + (n - list[0]! + 0.5) / (list[0]! + 0.5)) * factor;
    idfMax = Math.max(idfMax, idf);
    matched.add(engine.vocab[p]!);
    let id = 0;
    for (let j = 1; j < list.length; j++) {
      id += list[j]! >> WEIGHT_BITS;
      const s = idf * (list[j]! & ((1 << WEIGHT_BITS) - 1));
      if (s > (best.get(id)?.[0] ?? 0)) best.set(id, [s, idf]);
      const page = engine.pageOf[id]!;
      if (page >= 0 && s > (pages.get(page)?.[0] ?? 0)) pages.set(page, [s, idf]);
    }
  }
  // A word found nowhere still weighs on coverage, as a rare word would.
  return { best, pages, idf: idfMax || Math.log(n) };
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
