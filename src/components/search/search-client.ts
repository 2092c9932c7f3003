/**
 * Loads the search engine on first use: fuse.js and the prebuilt index arrive only when
 * the student opens search, never with the page.
 */
import type { SearchHit } from '../../lib/search-engine.ts';

let engine: Promise<(query: string, limit?: number) => SearchHit[]> | undefined;

/** Resolves to a search function; the first call downloads the index. */
export function loadSearch(): Promise<(query: string, limit?: number) => SearchHit[]> {
  engine ??= Promise.all([import('../../lib/search-engine.ts'), fetch('/search-index.json').then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))])
    .then(([lib, file]) => {
      const fuse = lib.loadFuse(file);
      return (query: string, limit = 20) => lib.search(fuse, query, limit);
    })
    .catch((error) => {
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
