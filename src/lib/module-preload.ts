/**
 * `<link rel="modulepreload">` for what each page's module scripts import.
 *
 * A component's script is its own module that imports small shared chunks
 * (`import"./when-idle.js"`). The browser finds those imports only once it has fetched and
 * parsed the script: one network round trip later on a phone. A modulepreload link beside the
 * script lets the browser fetch both at once, as Vite does for the entries of its own HTML
 * pages (Astro does not for component scripts). On a slow connection that round trip was
 * what kept the glossary's first paint at 1.4 s. Dynamic `import()` targets get no link:
 * they load on first use, and preloading them would cost every page their bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { htmlFiles } from './link-check.ts';
import { staticImportClosure } from './page-weight.ts';
import { stripBase } from './url.ts';

const MODULE_SCRIPT = /<script\b(?=[^>]*\btype="module")[^>]*\bsrc="([^"]+)"[^>]*>/g;
const PRELOADED = /<link\b(?=[^>]*\brel="modulepreload")[^>]*\bhref="([^"]+)"[^>]*>/g;

/**
 * The page with a modulepreload link, placed just before each module script, for every file
 * that script imports statically (directly or through other imports) and that no earlier
 * script or link on the page already loads.
 * @param html a built page
 * @param readScript the text of a script by its URL path as the page writes it
 *   (`/_astro/x.js`, with the base path if there is one); throws when it does not exist
 */
export function addModulePreloads(html: string, readScript: (url: string) => string): string {
  const loaded = new Set([...html.matchAll(PRELOADED)].map((m) => m[1]!));
  for (const m of html.matchAll(MODULE_SCRIPT)) loaded.add(m[1]!);
  return html.replace(MODULE_SCRIPT, (tag, src: string) => {
    if (!src.startsWith('/')) return tag;
    const links = staticImportClosure([src], readScript).filter((url) => !loaded.has(url));
    for (const url of links) loaded.add(url);
    return links.map((url) => `<link rel="modulepreload" href="${url}">`).join('') + tag;
  });
}

/**
 * Adds the links to every page of a finished build.
 * @param dir the build folder (`dist/`)
 * @param base the base path the site is served under ("/" or "/mlops-course/")
 */
export function preloadBuiltPages(dir: string, base: string): number {
  const cache = new Map<string, string>();
  const readScript = (url: string) => {
    const file = stripBase(url, base);
    if (!file) throw new Error(`A module script imports ${url}, which is outside the base path ${base}; check the build's base setting.`);
    if (!cache.has(file)) cache.set(file, readFileSync(path.join(dir, file), 'utf8'));
    return cache.get(file)!;
  };
  let pages = 0;
  for (const page of htmlFiles(dir)) {
    const file = path.join(dir, page);
    const html = readFileSync(file, 'utf8');
    let next: string;
    try {
      next = addModulePreloads(html, readScript);
    } catch (error) {
      throw new Error(`Could not add module preloads to ${page.slice(1)}: ${(error as Error).message}`);
    }
    if (next !== html) {
      writeFileSync(file, next);
      pages++;
    }
  }
  return pages;
}
