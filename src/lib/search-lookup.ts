/**
 * Finding a query's words in the index: the query cut to its content words, then each word
 * looked up in its shard (the indexed words sharing its first character) as its stem, as a
 * prefix while it is being typed, or, for typos, through Fuse over the shard's words.
 */
import Fuse from 'fuse.js/basic';
import { decodeNumbers } from './search-codec.ts';
import { LEADING_WORDS, normalise, QUESTION_WORDS, STOP_WORDS, term, variants } from './search-text.ts';
import { shardKey, WEIGHT_BITS, type SearchRecord } from './search-types.ts';

/** Queries longer than this many characters are cut (with a note): nobody types more, and long pastes must stay fast. */
export const QUERY_MAX_CHARS = 200;
/** At most this many content words of a query are searched (with a note). */
export const QUERY_MAX_TERMS = 10;
/** One loaded word shard: the words starting with one character and their postings. */
export interface WordShard {
  /** Sorted indexed words. */
  vocab: string[];
  /** Vocab word → its position. */
  position: Map<string, number>;
  /** Encoded postings per vocab word (see SearchShardFile), decoded on first use. */
  encoded: string[];
  /** Decoded postings, filled as words are searched. */
  postings: (number[] | undefined)[];
  /** Fuse over the shard's words, built on first need, for typos. */
  typo?: Fuse<string>;
}

/** A loaded index, ready to answer queries once the shards of a query's words are added. */
export interface SearchEngine {
  /** Records in id order, as the UI shows them. */
  records: SearchRecord[];
  /** Rank factor per record. */
  priors: Float32Array;
  /** Lesson page of each section record, -1 for other records. */
  pageOf: Int32Array;
  /** Keys of the shards the index has; a word whose key is not here is in no record. */
  keys: Set<string>;
  /** Shards loaded so far, by key. */
  shards: Map<string, WordShard>;
}

/** The postings of word `p` of a shard, decoded once. */
export function postingsOf(shard: WordShard, p: number): number[] {
  return (shard.postings[p] ??= decodeNumbers(shard.encoded[p]!));
}

/** Positions of a shard's words starting with `prefix`, most common first, at most `max`. */
function withPrefix(shard: WordShard, prefix: string, max: number): number[] {
  const { vocab } = shard;
  let lo = 0;
  let hi = vocab.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (vocab[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const found: number[] = [];
  for (let i = lo; i < vocab.length && vocab[i]!.startsWith(prefix) && found.length < 50; i++) found.push(i);
  return found.sort((a, b) => postingsOf(shard, b)[0]! - postingsOf(shard, a)[0]!).slice(0, max);
}

/**
 * The word of the shard a mistyped word most likely meant, through Fuse over the shard's
 * words: the closest, and among equally close ones the most common ("kuberentes" is one
 * edit from "kubelet" and from "kubernetes"; the student meant the word the course uses 20
 * times as often). Only one: a rare near-miss would otherwise outrank the intended word by
 * its rarity alone.
 */
function typoMatches(shard: WordShard, word: string): [number, number][] {
  shard.typo ??= new Fuse(
    shard.vocab.filter((w) => w.length > 2),
    { includeScore: true, threshold: 0.4, distance: 20 },
  );
  const close = shard.typo
    .search(word, { limit: 5 })
    .filter((r) => Math.abs(r.item.length - word.length) <= 3)
    .map((r) => ({ p: shard.position.get(r.item)!, score: r.score ?? 1 }));
  const df = (p: number) => postingsOf(shard, p)[0]!;
  close.sort((a, b) => a.score - b.score || df(b.p) - df(a.p));
  return close.slice(0, 1).map((c) => [c.p, 0.75 * (1 - c.score)]);
}

/** The shard holding `word`, or undefined when the index has no word starting that way. */
export function shardOf(engine: SearchEngine, word: string): WordShard | undefined {
  const key = shardKey(word);
  if (!engine.keys.has(key)) return undefined;
  const shard = engine.shards.get(key);
  if (!shard) throw new Error(`Search: the word shard "${key}" is needed for "${word}" but not loaded. Fix: load the shards that missingShards() names before searching.`);
  return shard;
}

/** A query cut to the limits, and its words: content words, or all words if it has no others. */
export function parseQuery(query: string): { words: string[]; note?: string } {
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
export interface WordMatch {
  best: Map<number, [score: number, idf: number]>;
  /** The same per lesson page: the best section of each lesson, for context. */
  pages: Map<number, [score: number, idf: number]>;
  /** The word's weight in the query (its rarity). */
  idf: number;
  /**
   * Whether the word's list was cut at POSTINGS_CAP: a record missing from a cut list may
   * still hold the word, so its absence is not counted as fully against the record.
   */
  capped: boolean;
}

/** Finds one query word: exact stem, then prefixes (while typing) and typos (through Fuse). */
export function matchWord(engine: SearchEngine, word: string, last: boolean, matched: Set<string>, prefixes: string[]): WordMatch {
  const n = engine.records.length;
  const shard = shardOf(engine, word);
  if (!shard) return { best: new Map(), pages: new Map(), idf: Math.log(n), capped: false };
  let exact = shard.position.get(term(word)) ?? shard.position.get(word);
  const expansions: [number, number][] = exact !== undefined ? [[exact, 1]] : [];
  // "smaller" also finds "small": headings use the plain form.
  // Only when the plain form is the more common one, so "server" does not turn into "serve".
  for (const v of variants(word)) {
    const p = shard.position.get(term(v));
    if (p !== undefined && p !== exact && (exact === undefined || postingsOf(shard, p)[0]! > 2 * postingsOf(shard, exact)[0]!)) expansions.push([p, 0.8]);
  }
  exact ??= expansions[0]?.[0];
  // The last word may be half typed; any word with no exact match may be a prefix or a typo.
  if ((last || exact === undefined) && word.length >= 3 && !/^\d+$/.test(word)) {
    const longer = withPrefix(shard, word, 6).filter((p) => p !== exact);
    if (longer.length) prefixes.push(word);
    // Longer words count less when the typed word is a word of its own ("task" vs "taskflow").
    expansions.push(...longer.map((p): [number, number] => [p, exact === undefined ? 0.7 : 0.3]));
  }
  if (!expansions.length && word.length >= 4) expansions.push(...typoMatches(shard, term(word)));
  const best = new Map<number, [number, number]>();
  const pages = new Map<number, [number, number]>();
  let idfMax = 0;
  let capped = false;
  for (const [p, factor] of expansions) {
    const list = postingsOf(shard, p);
    if (factor === 1 && list[0]! > list.length - 1) capped = true;
    const idf = Math.log(1 + (n - list[0]! + 0.5) / (list[0]! + 0.5)) * factor;
    idfMax = Math.max(idfMax, idf);
    matched.add(shard.vocab[p]!);
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
  return { best, pages, idf: idfMax || Math.log(n), capped };
}
