/**
 * What a built page makes the browser download before the student interacts with it:
 * the HTML, its stylesheets, and its module scripts with their static imports. Dynamic
 * `import()` targets are left out on purpose: they load on first use.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Raw and gzipped byte counts. */
export interface Bytes {
  raw: number;
  gzip: number;
}

/** Byte counts for one page, by kind of resource. */
export interface PageWeight {
  html: Bytes;
  css: Bytes;
  js: Bytes;
  /** Every file counted, relative to the site root. */
  files: string[];
}

const size = (text: string | Buffer): Bytes => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length });
const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const ZERO: Bytes = { raw: 0, gzip: 0 };

/** Static import specifiers of a built ES module (`import … from "x"` and `import "x"`), not `import("x")`. */
export function staticImports(js: string): string[] {
  const found = new Set<string>();
  const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?["'`]([^"'`]+)["'`]/g;
  for (const m of js.matchAll(re)) found.add(m[1]!);
  return [...found];
}

/** Stylesheet and module-script URLs, and inline script/style text, referenced by an HTML page. */
export function pageResources(html: string) {
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const js = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  // Data islands (type="application/json") are not code; only classic and module scripts count.
  const inlineJs = [...html.matchAll(/<script(?![^>]*\b(?:src=|type="application\/json"))[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  return { css, js, inlineJs };
}

/**
 * The entry modules and every module they import statically, directly or through other
 * imports, each once, in the order found (entries first). Specifiers resolve against the
 * importing module's URL; bare ones ("react") are not files of the build and are skipped.
 * @param read the text of a module by its URL path; throws when it does not exist
 */
export function staticImportClosure(entries: string[], read: (url: string) => string): string[] {
  const found = [...new Set(entries)];
  for (let i = 0; i < found.length; i++) {
    const url = found[i]!;
    for (const spec of staticImports(read(url))) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
      const target = path.posix.resolve(path.posix.dirname(url), spec);
      if (!found.includes(target)) found.push(target);
    }
  }
  return found;
}

/** Measures one built page. `dist` is the build folder, `page` a path such as `index.html`. */
export function measurePage(dist: string, page: string): PageWeight {
  const html = readFileSync(path.join(dist, page), 'utf8');
  const { css, js, inlineJs } = pageResources(html);
  const files = new Set<string>();
  let cssBytes = ZERO;
  for (const href of css) {
    files.add(href);
    cssBytes = add(cssBytes, size(readFileSync(path.join(dist, href))));
  }
  // Inline scripts are already inside the HTML bytes; count them as JavaScript too, since the
  // budget is about script the browser must run.
  let jsBytes = inlineJs.reduce((t, s) => add(t, s.trim() ? size(s) : ZERO), ZERO);
  const texts = new Map<string, string>();
  const read = (url: string) => texts.get(url) ?? texts.set(url, readFileSync(path.join(dist, url), 'utf8')).get(url)!;
  for (const url of staticImportClosure(js.filter((s) => s.startsWith('/')), read)) {
    files.add(url);
    jsBytes = add(jsBytes, size(read(url)));
  }
  return { html: size(html), css: cssBytes, js: jsBytes, files: [...files] };
}

/** Dynamic `import("x")` specifiers of a built ES module: code loaded on first use. */
export function dynamicImports(js: string): string[] {
  return [...new Set([...js.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!))];
}

/**
 * JavaScript a page loads later (when idle or on first use): the dynamic imports reachable
 * from the files it loaded up front, with their own static and dynamic imports in turn, not
 * counting files already loaded.
 */
export function measureDeferred(dist: string, page: PageWeight): Bytes & { files: string[] } {
  const loaded = new Set(page.files);
  const queue: string[] = [];
  for (const url of page.files.filter((f) => f.endsWith('.js')))
    for (const spec of dynamicImports(readFileSync(path.join(dist, url), 'utf8'))) queue.push(path.posix.resolve(path.posix.dirname(url), spec));
  let total = ZERO;
  const files: string[] = [];
  while (queue.length) {
    const url = queue.shift()!;
    if (loaded.has(url)) continue;
    loaded.add(url);
    files.push(url);
    const text = readFileSync(path.join(dist, url), 'utf8');
    total = add(total, size(text));
    // A lazily loaded module may load more lazily (idle-loaded code that imports on click).
    for (const spec of [...staticImports(text), ...dynamicImports(text)]) if (spec.startsWith('.') || spec.startsWith('/')) queue.push(path.posix.resolve(path.posix.dirname(url), spec));
  }
  return { ...total, files };
}

/** Raw and gzip size of one built file. */
export const measureFile = (dist: string, url: string): Bytes => size(readFileSync(path.join(dist, url)));
