/**
 * Loads the search engine on first use: a worker that fetches the index only when the
 * student opens search, never with the page, and searches off the main thread. If the
 * worker cannot start (a host that blocks it, an old browser), the same code runs on the
 * main thread instead, so search answers rather than hanging.
 */
import type { SearchResult } from '../../lib/search-types.ts';
import type { SearchReply, SearchRequest } from './search-run.ts';
import { withBase } from '../../lib/url.ts';

/** Searches; resolves with the ranked hits and any note about the query. */
export type RunSearch = (query: string, limit?: number) => Promise<SearchResult>;

const INDEX_URL = '/search-index.json';
let engine: Promise<RunSearch> | undefined;

/** Search in a worker; rejects if the worker fails to start or load. */
function inWorker(): Promise<RunSearch> {
  return new Promise<RunSearch>((resolve, reject) => {
    const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
    const pending = new Map<number, (reply: SearchReply) => void>();
    let next = 0;
    worker.onmessage = ({ data }: MessageEvent<SearchReply>) => {
      pending.get(data.id)?.(data);
      pending.delete(data.id);
    };
    // A blocked or broken worker script fires "error" and never answers.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error('The search worker could not start.'));
    };
    const run: RunSearch = (query, limit = 20) =>
      new Promise((ok, fail) => {
        const id = next++;
        pending.set(id, (reply) => (reply.error ? fail(new Error(reply.error)) : ok(reply.result ?? { hits: [] })));
        worker.postMessage({ id, query, limit, indexUrl: withBase(INDEX_URL) } satisfies SearchRequest);
      });
    // An empty query loads the index; the engine is ready when it answers.
    run('', 1).then(
      () => resolve(run),
      (error: Error) => {
        worker.terminate();
        reject(error);
      },
    );
  });
}

/** Search on the main thread, for when no worker can run. */
async function onMainThread(): Promise<RunSearch> {
  const { answer } = await import('./search-run.ts');
  let next = 0;
  const run: RunSearch = async (query, limit = 20) => {
    const reply = await answer({ id: next++, query, limit, indexUrl: INDEX_URL });
    if (reply.error) throw new Error(reply.error);
    return reply.result ?? { hits: [] };
  };
  await run('', 1);
  return run;
}

/** Resolves to a search function once the index is loaded; the first call starts the download. */
export function loadSearch(): Promise<RunSearch> {
  engine ??= inWorker()
    .catch((error: Error) => {
      // A failed download fails on the main thread too; anything else is the worker itself.
      if (/HTTP \d+|fetch|network/i.test(error.message)) throw error;
      console.warn(`${error.message} Searching on the main thread instead.`);
      return onMainThread();
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
