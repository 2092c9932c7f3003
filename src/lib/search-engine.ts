/**
 * The search engine the browser runs: Fuse options, loading the prebuilt index, and ranking.
 * Kept apart from the index builder so the browser downloads only what searching needs.
 */
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';

/** What a record points at. */
export type RecordKind = 'section' | 'question' | 'lab' | 'term';

/** One searchable thing. */
export interface SearchRecord {
  kind: RecordKind;
  /** Lesson title, question prompt, lab title or term. */
  title: string;
  /** Section heading, for lesson sections. */
  heading?: string;
  url: string;
  module?: string;
  moduleTitle?: string;
  tags?: string[];
  /** Short plain text shown under the title. */
  excerpt: string;
  /** Searchable body text (trimmed to keep the index small). */
  text: string;
}

/**
 * Weighted keys: headings and titles count more than body text. A question's prompt is
 * long and full of topic words, so it is searched as body text, not as a title; otherwise
 * questions crowd out the lesson sections that teach the topic.
 */
export const SEARCH_KEYS = [
  { name: 'title', weight: 2, getFn: (r: SearchRecord) => (r.kind === 'question' ? '' : r.title) },
  { name: 'heading', weight: 3, getFn: (r: SearchRecord) => r.heading ?? '' },
  { name: 'tags', weight: 1.5, getFn: (r: SearchRecord) => r.tags ?? [] },
  { name: 'text', weight: 1, getFn: (r: SearchRecord) => (r.kind === 'question' ? r.title : r.text) },
];

/** Fuse options shared by the build and the browser; they must match for a parsed index. */
export const FUSE_OPTIONS: IFuseOptions<SearchRecord> = {
  keys: SEARCH_KEYS,
  includeMatches: true,
  includeScore: true,
  ignoreLocation: true,
  ignoreDiacritics: true,
  threshold: 0.34,
  minMatchCharLength: 2,
  // Each query word is matched on its own (fuzzily, so typos still hit) and scored with
  // TF-IDF, so "pickle security" finds sections about both words in any order.
  useTokenSearch: true,
};

/** The file the browser fetches: records plus the serialised Fuse index. */
export interface SearchIndexFile {
  records: SearchRecord[];
  index: ReturnType<FuseIndex<SearchRecord>['toJSON']>;
}

/**
 * How much each kind of result is favoured when scores are close. Questions have long
 * prompts full of topic words, so without this they crowd out the lesson that teaches the topic.
 */
const KIND_FACTOR: Record<RecordKind, number> = { section: 1, lab: 1, term: 1, question: 1.1 };

/** One ranked result with the spans of the title or heading that matched, for highlighting. */
export interface SearchHit {
  record: SearchRecord;
  score: number;
  /** [start, end] index pairs (inclusive) in the title and heading. */
  titleMatches: [number, number][];
  headingMatches: [number, number][];
}

/** Searches and re-ranks by kind; `limit` caps the hits returned. */
export function search(fuse: Fuse<SearchRecord>, query: string, limit = 20): SearchHit[] {
  const q = query.trim();
  if (q.length < 2) return [];
  return fuse
    .search(q, { limit: limit * 3 })
    .map((r) => ({
      record: r.item,
      score: (r.score ?? 1) * KIND_FACTOR[r.item.kind],
      titleMatches: (r.matches ?? []).filter((m) => m.key === 'title' || (m.key === 'text' && r.item.kind === 'question')).flatMap((m) => m.indices.map((i) => [i[0], i[1]] as [number, number])),
      headingMatches: (r.matches ?? []).filter((m) => m.key === 'heading').flatMap((m) => m.indices.map((i) => [i[0], i[1]] as [number, number])),
    }))
    .sort((a, b) => a.score - b.score)
    .slice(0, limit);
}

/** A Fuse instance from the file, without re-indexing. */
export function loadFuse(file: SearchIndexFile): Fuse<SearchRecord> {
  return new Fuse(file.records, FUSE_OPTIONS, Fuse.parseIndex<SearchRecord>(file.index));
}
