/**
 * Runs search off the main thread: downloads the index once, then answers queries, so
 * typing and scrolling never wait for it. search-client.ts runs the same code on the main
 * thread when a worker cannot start.
 */
import { answer, type SearchRequest } from './search-run.ts';

self.onmessage = async ({ data }: MessageEvent<SearchRequest>) => {
  self.postMessage(await answer(data));
};
