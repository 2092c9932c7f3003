/**
 * Checks every link in a built site: each internal `href` must reach a built page or file,
 * and each `#fragment` an element id on that page. External links are collected, not
 * fetched (CI has no internet, and a flaky remote must not fail a build). A site built for a
 * base path ("/mlops-course/") is checked as served under it: `dist/` holds what the base
 * path serves, and a root-absolute link outside the base ("/learn/x/") is broken, because
 * on the host it leaves the site.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';

/** One broken link, with the page it is on. */
export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

/** What a check found. */
export interface LinkReport {
  pages: number;
  internal: number;
  broken: BrokenLink[];
  /** External URL → pages linking to it. */
  external: Map<string, string[]>;
}

/** Every .html file under `dir`, as site paths ("/learn/x/index.html"). */
export function htmlFiles(dir: string, base = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, base), { withFileTypes: true })) {
    const rel = `${base}/${entry.name}`;
    if (entry.isDirectory()) out.push(...htmlFiles(dir, rel));
    else if (entry.name.endsWith('.html')) out.push(rel);
  }
  return out.sort();
}

/** Ids and outgoing links of one HTML document. */
export function scanHtml(html: string): { ids: Set<string>; links: string[] } {
  const ids = new Set<string>();
  const links: string[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      if (attrs.id) ids.add(attrs.id);
      if (name === 'a' && attrs.name) ids.add(attrs.name);
      if ((name === 'a' || name === 'area') && attrs.href !== undefined) links.push(attrs.href);
      if ((name === 'link' && attrs.rel !== 'canonical' && !/preconnect|dns-prefetch/.test(attrs.rel ?? '')) && attrs.href) links.push(attrs.href);
      if ((name === 'img' || name === 'script' || name === 'iframe' || name === 'source') && attrs.src) links.push(attrs.src);
    },
  });
  parser.write(html);
  parser.end();
  return { ids, links };
}

/** The file a site path is served from, or undefined when none is built. */
export function resolveFile(dist: string, sitePath: string): string | undefined {
  const clean = decodeURIComponent(sitePath);
  const candidates = clean.endsWith('/') ? [`${clean}index.html`] : [clean, `${clean}/index.html`, `${clean}.html`];
  for (const c of candidates) {
    const file = path.join(dist, c);
    if (file.startsWith(dist) && existsSync(file) && statSync(file).isFile()) return c;
  }
  return undefined;
}

/** Checks every page of the built site in `dist`, as served under `base` ("/" or "/mlops-course/"). */
export function checkSite(dist: string, base = '/'): LinkReport {
  const root = path.resolve(dist);
  const pages = htmlFiles(root);
  const scanned = new Map<string, ReturnType<typeof scanHtml>>();
  const scan = (file: string) => {
    let s = scanned.get(file);
    if (!s) {
      s = scanHtml(readFileSync(path.join(root, file), 'utf8'));
      scanned.set(file, s);
    }
    return s;
  };
  const report: LinkReport = { pages: pages.length, internal: 0, broken: [], external: new Map() };
  for (const page of pages) {
    const sitePath = page.replace(/index\.html$/, '');
    // The page's address as a browser sees it, so relative links resolve as they will there.
    const pageUrl = `${base}${sitePath.slice(1)}`;
    for (const href of scan(page).links) {
      if (/^(https?:)?\/\//i.test(href) || /^(mailto|tel):/i.test(href)) {
        if (/^(mailto|tel):/i.test(href)) continue;
        const list = report.external.get(href) ?? [];
        list.push(pageUrl);
        report.external.set(href, list);
        continue;
      }
      if (/^(data|javascript|blob):/i.test(href)) continue;
      report.internal++;
      const url = new URL(href, `http://site${pageUrl}`);
      if (url.pathname !== base.slice(0, -1) && !url.pathname.startsWith(base)) {
        report.broken.push({ page: pageUrl, href, reason: `it leaves the base path ${base} (the site is served under it). Build the URL with withBase() from src/lib/url.ts, or write it root-absolute in Markdown so the build adds the base` });
        continue;
      }
      const inDist = `/${url.pathname.slice(base.length)}`;
      const file = url.pathname === pageUrl && href.startsWith('#') ? page : resolveFile(root, inDist);
      if (!file) {
        report.broken.push({ page: pageUrl, href, reason: `no page or file at ${url.pathname}` });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && file.endsWith('.html') && !scan(file).ids.has(fragment))
        report.broken.push({ page: pageUrl, href, reason: `${url.pathname} has no element with id "${fragment}"` });
    }
  }
  return report;
}
