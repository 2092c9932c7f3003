/**
 * Loading the index and answering one query: the body of the search worker, and of the
 * main-thread fallback when a worker cannot start.
 */
import { loadIndex, search, type SearchEngine, type SearchIndexFile, type SearchResult } from '../../lib/search-engine.ts';

/** A query from the page; `id` pairs the answer with it. */
export interface SearchRequest {
  id: number;
  query: string;
  limit: number;
  indexUrl: string;
}

/** The answer: the result, or an error message. */
export interface SearchReply {
  id: number;
  result?: SearchResult;
  error?: string;
}

let engine: Promise<SearchEngine> | undefined;

/** Answers a request, fetching the index on the first one. */
export async function answer(request: SearchRequest): Promise<SearchReply> {
  try {
    engine ??= fetch(request.indexUrl)
      .then((r) => (r.ok ? (r.json() as Promise<SearchIndexFile>) : Promise.reject(new Error(`${request.indexUrl}: HTTP ${r.status}`))))
      .then(loadIndex);
    const loaded = await engine;
    return { id: request.id, result: search(loaded, request.query, request.limit) };
  } catch (error) {
    engine = undefined; // The next query tries the download again.
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}
