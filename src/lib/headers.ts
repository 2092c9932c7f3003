/**
 * HTTP headers the site needs from whatever serves it. Lesson pages that embed a lab must
 * be cross-origin isolated for WebContainers; no other page is, because isolation blocks
 * ordinary cross-origin embeds. Used by the dev/preview server and to write host configs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { lessonIdFromPath, lessonUrl } from './course.ts';
import { withBase } from './url.ts';

/** Headers that make a page cross-origin isolated while still loading StackBlitz's frame. */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'credentialless',
} as const;

/**
 * Headers for build assets (`/_astro/`). A dedicated worker started by an isolated lab page
 * must itself be served with a compatible embedder policy, or Chromium refuses to run it
 * (`ERR_BLOCKED_BY_RESPONSE`) and the feature silently never answers (search once did, when
 * it ran in a worker). Scripts and styles loaded by a document ignore this header, so every
 * asset carries it, and any worker the site bundles later works on lab pages too.
 */
export const WORKER_HEADERS = {
  'Cross-Origin-Embedder-Policy': 'credentialless',
} as const;

/**
 * Whether a dev-server request fetches a worker script: browsers say so in `Sec-Fetch-Dest`,
 * and Vite marks worker entry URLs with `worker_file`.
 */
export function isWorkerRequest(url: string, fetchDest: string | undefined): boolean {
  return fetchDest === 'worker' || fetchDest === 'sharedworker' || /[?&]worker_file\b/.test(url);
}

/**
 * Headers for every response. The page's own <meta> policy carries the script and style
 * hashes; this header policy adds what a <meta> tag cannot (frame-ancestors). Browsers
 * enforce both.
 */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': "frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
} as const;

/** Build assets have content hashes in their names, so they never change: cache them for a year. */
export const ASSET_CACHE = 'public, max-age=31536000, immutable';
/** HTML must be revalidated so students always get the current lessons. */
export const HTML_CACHE = 'no-cache';

/** URLs (with trailing slash, under `base`) of lesson pages whose frontmatter sets `lab:`. */
export function labPagePaths(contentDir: string, base = '/'): string[] {
  const lessonsDir = path.join(contentDir, 'lessons');
  const urls: string[] = [];
  let modules: string[] = [];
  try {
    modules = readdirSync(lessonsDir);
  } catch {
    return [];
  }
  for (const module of modules.sort()) {
    let files: string[] = [];
    try {
      files = readdirSync(path.join(lessonsDir, module)).filter((f) => f.endsWith('.mdx'));
    } catch {
      continue;
    }
    for (const file of files.sort()) {
      const source = readFileSync(path.join(lessonsDir, module, file), 'utf8');
      const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1];
      if (!front) continue;
      let data: unknown;
      try {
        data = parse(front);
      } catch {
        continue; // The content build reports broken frontmatter with a proper message.
      }
      if (data && typeof data === 'object' && typeof (data as { lab?: unknown }).lab === 'string')
        urls.push(lessonUrl(lessonIdFromPath(`${module}/${file}`), base));
    }
  }
  return urls;
}

/** Whether a request path (with or without trailing slash or index.html) is a lab page. */
export function isLabPage(requestPath: string, labPages: Iterable<string>): boolean {
  const clean = decodeURIComponent(requestPath.split('?')[0]!).replace(/index\.html$/, '');
  const withSlash = clean.endsWith('/') ? clean : `${clean}/`;
  for (const p of labPages) if (p === withSlash) return true;
  return false;
}

/**
 * A `_headers` file (Netlify, Cloudflare Pages): security headers everywhere, long caching
 * for hashed assets, and cross-origin isolation on exactly the lab pages. `base` is the
 * site's base path; `labPages` already include it.
 */
export function headersFile(labPages: string[], base = '/', runner?: Record<string, string>): string {
  const block = (path: string, headers: Record<string, string>) => [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)];
  const lines = [
    '# Written by the build from src/lib/headers.ts; do not edit.',
    ...block(withBase('/*', base), { ...SECURITY_HEADERS, 'Cache-Control': HTML_CACHE }),
    ...block(withBase('/_astro/*', base), { 'Cache-Control': ASSET_CACHE, ...WORKER_HEADERS }),
  ];
  // The Python runner's worker and core: their own CSP and COEP (src/lib/runner-files.ts).
  if (runner) lines.push(...block(withBase('/runner/*', base), runner));
  for (const p of labPages) lines.push(...block(p, ISOLATION_HEADERS));
  return `${lines.join('\n')}\n`;
}

/**
 * An nginx `map` that the site's nginx config uses to isolate lab pages. It reads nginx's
 * normalised path ($uri: decoded, slashes merged), so `//learn/x/` or a percent-encoded path
 * is isolated too; after try_files $uri ends in index.html, which the pattern allows.
 */
export function nginxLabMap(labPages: string[]): string {
  const lines = ['# Written by the build: 1 for lesson pages with a lab.', 'map $uri $mlops_lab_page {', '  default 0;'];
  for (const p of labPages) {
    const base = p.replace(/\/$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // After try_files, "/x/" reads "/x//index.html": allow any run of slashes before index.html.
    lines.push(`  "~^${base}(/+|/+index\\.html)?$" 1;`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** One rule of a `_headers` file: a path (exact, or ending in `*`) and the headers it gets. */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

/** Parses the `_headers` format (a path line, then indented `Name: value` lines). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (rule && colon > 0) rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}

/** The headers a request path gets from `_headers` rules, later rules adding to earlier ones. */
export function headersFor(requestPath: string, rules: HeaderRule[]): Record<string, string> {
  const out: Record<string, string> = {};
  let clean = decodeURIComponent(requestPath.split('?')[0]!).replace(/index\.html$/, '');
  // "/learn/x" and "/learn/x/" are the same page; files such as "/a.css" are left alone.
  if (!clean.endsWith('/') && !clean.split('/').pop()!.includes('.')) clean += '/';
  for (const rule of rules) {
    const match = rule.path.endsWith('*') ? clean.startsWith(rule.path.slice(0, -1)) : rule.path === clean;
    if (match) Object.assign(out, rule.headers);
  }
  return out;
}
