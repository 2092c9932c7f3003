/**
 * Loads the search engine on first use: a worker that fetches fuse.js and the prebuilt
 * index only when the student opens search, never with the page, and searches off the
 * main thread.
 */
import type { SearchHit } from '../../lib/search-engine.ts';
import type { SearchRequest } from './search-worker.ts';
import { withBase } from '../../lib/url.ts';

/** Searches; resolves with the ranked hits. */
export type RunSearch = (query: string, limit?: number) => Promise<SearchHit[]>;

let engine: Promise<RunSearch> | undefined;

/** Resolves to a search function once the index is loaded; the first call starts the download. */
export function loadSearch(): Promise<RunSearch> {
  engine ??= new Promise<RunSearch>((resolve, reject) => {
    const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
    const pending = new Map<number, { resolve: (hits: SearchHit[]) => void; reject: (e: Error) => void }>();
    let next = 0;
    worker.onmessage = ({ data }: MessageEvent<{ id: number; hits?: SearchHit[]; error?: string }>) => {
      const call = pending.get(data.id);
      pending.delete(data.id);
      if (data.error) call?.reject(new Error(data.error));
      else call?.resolve(data.hits ?? []);
    };
    const run: RunSearch = (query, limit = 20) =>
      new Promise((ok, fail) => {
        const id = next++;
        pending.set(id, { resolve: ok, reject: fail });
        worker.postMessage({ id, query, limit, indexUrl: withBase('/search-index.json') } satisfies SearchRequest);
      });
    // An empty query loads the index; the engine is ready when it answers.
    run('', 1).then(
      () => resolve(run),
      (error: Error) => {
        worker.terminate();
        engine = undefined; // Allow a retry after a network failure.
        reject(error);
      },
    );
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
