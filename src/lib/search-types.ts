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

/** The file the browser fetches: records, and which records hold each word and how strongly. */
export interface SearchIndexFile {
  /** Format version; an index of another version is refused with a message. */
  v: 2;
  /** Module ids and titles. */
  modules: [id: string, title: string][];
  /** Lesson title, URL and module index; sections point here instead of repeating them. */
  pages: [title: string, url: string, module: number][];
  /** Every record, in id order. */
  records: StoredRecord[];
  /** Indexed words (stems), sorted, front-coded by `encodeWords` in `search-codec.ts`. */
  vocab: string;
  /**
   * One list per vocab word, separated by single spaces, each encoded by `search-codec.ts`:
   * first how many records hold the word, then for the strongest records (at most
   * POSTINGS_CAP) `gap * 8 + weight`, where gap is the distance from the previous record id
   * and weight (1–3) says how strongly the record is about the word.
   */
  postings: string;
}

/** Index format version the engine reads. */
export const INDEX_VERSION = 2;
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
