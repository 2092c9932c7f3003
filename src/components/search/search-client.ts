/**
 * Loads the search engine on first use: nothing of it (engine, fuse.js, the index) is
 * fetched with the page, only when the student opens search. See search-run.ts for why it
 * runs on the page rather than in a worker.
 */
import type { SearchResult } from '../../lib/search-types.ts';
import { withBase } from '../../lib/url.ts';

/** Searches; resolves with the ranked hits and any note about the query. */
export type RunSearch = (query: string, limit?: number) => Promise<SearchResult>;

const URLS = { index: '/search-index.json', shard: (key: string) => `/search-index/${key}.json` };
let engine: Promise<RunSearch> | undefined;

/** Resolves to a search function once the index is loaded; the first call starts the download. */
export function loadSearch(): Promise<RunSearch> {
  engine ??= import('./search-run.ts')
    .then(async ({ answer, loadEngine }) => {
      const urls = { index: withBase(URLS.index), shard: (key: string) => withBase(URLS.shard(key)) };
      await loadEngine(urls);
      const run: RunSearch = (query, limit = 20) => answer(urls, query, limit);
      return run;
    })
    .catch((error: unknown) => {
      engine = undefined; // Allow a retry after a network failure.
      throw error;
    });
  return engine;
}

/** Kind labels, in the order groups are shown. */
export const KIND_LABELS = { section: 'Lessons', question: 'Questions', lab: 'Labs', term: 'Glossary' } as const;

/** Escapes text for HTML. */
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Wraps the matched [start, end] spans of `text` in <mark>. */
export function highlight(text: string, spans: [number, number][]): string {
  const sorted = [...spans].filter(([a, b]) => b - a >= 1).sort((x, y) => x[0] - y[0]);
  let out = '';
  let at = 0;
  for (const [a, b] of sorted) {
    if (a < at) continue;
    out += `${esc(text.slice(at, a))}<mark>${esc(text.slice(a, b + 1))}</mark>`;
    at = b + 1;
  }
  return out + esc(text.slice(at));
}
