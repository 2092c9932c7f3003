/**
 * Runs search off the main thread: downloads the index once, then answers queries. Parsing
 * a large index and scoring every record would otherwise freeze typing and scrolling.
 */
import { loadFuse, search, type SearchIndexFile } from '../../lib/search-engine.ts';

/** A query from the page; `id` pairs the answer with it. */
export interface SearchRequest {
  id: number;
  query: string;
  limit: number;
  indexUrl: string;
}

let engine: Promise<ReturnType<typeof loadFuse>> | undefined;

self.onmessage = async ({ data }: MessageEvent<SearchRequest>) => {
  try {
    engine ??= fetch(data.indexUrl)
      .then((r) => (r.ok ? (r.json() as Promise<SearchIndexFile>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(loadFuse);
    const fuse = await engine;
    self.postMessage({ id: data.id, hits: search(fuse, data.query, data.limit) });
  } catch (error) {
    engine = undefined; // The next query tries the download again.
    self.postMessage({ id: data.id, error: error instanceof Error ? error.message : String(error) });
  }
};
