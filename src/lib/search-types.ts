/** Shapes shared by the index builder, the engine and the search UI. */

/** What a record points at. */
export type RecordKind = 'section' | 'question' | 'lab' | 'term';

/** One searchable thing, as the UI shows it. */
export interface SearchRecord {
  /** Which kind of page the result opens. */
  kind: RecordKind;
  /** Lesson title, question prompt, lab title or term. */
  title: string;
  /** Section heading, for lesson sections. */
  heading?: string;
  /** For an h3 section, its h2 heading (build time only; searched as context). */
  parent?: string;
  /** Where the result leads, with the section or question anchor. */
  url: string;
  /** Module id, for the module filter. */
  module?: string;
  /** Module title, shown with questions. */
  moduleTitle?: string;
  /** Question tags (build time only; searched, not shipped as a field). */
  tags?: string[];
  /** Short plain text shown under the title. */
  excerpt: string;
  /** Searchable body text (build time only; the browser gets the word index instead). */
  text: string;
  /** Rank factor: below 1 for recaps, reading lists and questions, so teaching sections lead. */
  prior?: number;
}

/** A record as stored in the index file: short keys, titles and URLs shared through tables. */
export interface StoredRecord {
  /** Kind: s(ection), q(uestion), l(ab), t(erm). */
  k: 's' | 'q' | 'l' | 't';
  /** Sections: index into `pages`. */
  p?: number;
  /** Sections: heading. */
  h?: string;
  /** Sections: anchor (the URL fragment). */
  a?: string;
  /** Questions, labs, terms: title. */
  t?: string;
  /** Labs: URL. */
  u?: string;
  /** Questions and terms: id (the URL is built from it). */
  i?: string;
  /** Questions and labs: index into `modules`. */
  m?: number;
  /** Excerpt (questions derive theirs from `o` and the module). */
  x?: string;
  /** Questions: 1 for an open interview question, absent for a quiz question. */
  o?: 1;
  /** Rank factor × 100 when not 100. */
  w?: number;
}

/**
 * The file the browser fetches first: the records to show. Which records hold each word is
 * in one shard file per first character (`SearchShardFile`), fetched for a query's words only.
 */
export interface SearchIndexFile {
  /** Format version; an index of another version is refused with a message. */
  v: 3;
  /** Module ids and titles. */
  modules: [id: string, title: string][];
  /** Lesson title, URL and module index; sections point here instead of repeating them. */
  pages: [title: string, url: string, module: number][];
  /** Every record, in id order. */
  records: StoredRecord[];
  /** The shard keys that exist (see `shardKey`), so a word with no shard is known absent without a request. */
  shards: string[];
}

/**
 * The words that start with one character, and which records hold each: everything a query
 * word needs (its stem, its prefixes while typing, its typo neighbours) shares that start.
 */
export interface SearchShardFile {
  /** Format version, as in `SearchIndexFile`. */
  v: 3;
  /** The shard key: a letter, or "0" for words starting with a digit. */
  key: string;
  /** This shard's indexed words (stems), sorted, front-coded by `encodeWords` in `search-codec.ts`. */
  vocab: string;
  /**
   * One list per vocab word, separated by single spaces, each encoded by `search-codec.ts`:
   * first how many records hold the word, then for the strongest records (at most
   * POSTINGS_CAP) `gap * 4 + weight`, where gap is the distance from the previous record id
   * and weight (1–3) says how strongly the record is about the word.
   */
  postings: string;
}

/** The shard a word belongs to: its first letter, or "0" for all words starting with a digit. */
export const shardKey = (word: string): string => (/^[0-9]/.test(word) ? '0' : word[0]!);

/** Index format version the engine reads. */
export const INDEX_VERSION = 3;
/** At most this many records are kept per word, so a query costs the same however large the course grows. */
export const POSTINGS_CAP = 80;
/** Posting weights take this many bits. */
export const WEIGHT_BITS = 2;

/** One ranked result with the spans of its title and heading to highlight. */
export interface SearchHit {
  /** What was found. */
  record: SearchRecord;
  /** Higher is better. */
  score: number;
  /** [start, end] index pairs (inclusive) in the title: whole words or word prefixes. */
  titleMatches: [number, number][];
  /** The same for the heading. */
  headingMatches: [number, number][];
}

/** The answer to one query. */
export interface SearchResult {
  /** Ranked hits above the relevance floor, at most `limit`. */
  hits: SearchHit[];
  /** Set when the query was cut to the length or word limit: says what was searched. */
  note?: string;
}
