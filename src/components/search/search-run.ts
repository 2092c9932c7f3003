/**
 * The search engine on the page, loaded by search-client.ts on first use: fetches the index
 * once, then for each query the word shards its words need (each once), and searches.
 *
 * It runs on the main thread on purpose. A query costs one to three milliseconds (queries are
 * capped in length and words), while a worker's answer waits behind the frame that paints
 * the keystroke: measured in Chromium, keystroke to results took 5–8 ms through a worker and
 * 1–4 ms on the page. Without a worker there is also no worker script for a host's headers
 * to block.
 */
import { addShard, loadIndex, missingShards, search, type SearchEngine, type SearchIndexFile, type SearchResult, type SearchShardFile } from '../../lib/search-engine.ts';

/** Where the index and its shards are served. */
export interface SearchUrls {
  index: string;
  shard: (key: string) => string;
}

let engine: Promise<SearchEngine> | undefined;
const shards = new Map<string, Promise<void>>();

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Loads the index (once); a failed download is tried again on the next call. */
export function loadEngine(urls: SearchUrls): Promise<SearchEngine> {
  engine ??= fetchJson<SearchIndexFile>(urls.index)
    .then(loadIndex)
    .catch((error: unknown) => {
      engine = undefined;
      throw error;
    });
  return engine;
}

function loadShard(loaded: SearchEngine, urls: SearchUrls, key: string): Promise<void> {
  let pending = shards.get(key);
  if (!pending) {
    pending = fetchJson<SearchShardFile>(urls.shard(key))
      .then((file) => addShard(loaded, file))
      .catch((error: unknown) => {
        shards.delete(key);
        throw error;
      });
    shards.set(key, pending);
  }
  return pending;
}

/** Answers a query, fetching the shards of its words first if they are not loaded. */
export async function answer(urls: SearchUrls, query: string, limit: number): Promise<SearchResult> {
  const loaded = await loadEngine(urls);
  const missing = missingShards(loaded, query);
  if (missing.length) await Promise.all(missing.map((key) => loadShard(loaded, urls, key)));
  return search(loaded, query, limit);
}
