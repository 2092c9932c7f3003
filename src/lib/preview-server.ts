/**
 * The request handler behind `npm run preview`: serves a built site the way nginx does with
 * deploy/nginx/site.conf, gzip included. Malformed URLs get 400, files that vanish (a rebuild in progress)
 * get 404, dotfiles and the build's host files are never served, and no request can crash it.
 */
import { createReadStream, readFileSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { headersFor, parseHeadersFile, type HeaderRule } from './headers.ts';
import { stripBase } from './url.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.py': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
  '.whl': 'application/zip',
  '.tar': 'application/x-tar',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

/** Types nginx compresses (site.conf's gzip_types, plus HTML, which nginx always includes). */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|wasm)|image\/svg\+xml)/;
/** nginx's gzip_min_length: smaller bodies are sent as they are. */
const GZIP_MIN_LENGTH = 512;

/**
 * Whether a response of this type and size is gzipped for this request, as nginx decides with
 * site.conf. The bench's Lighthouse runs go through this server, so without it they would
 * time every page as if it travelled uncompressed, which no host does.
 */
export function shouldGzip(acceptEncoding: string | string[] | undefined, type: string, size: number): boolean {
  const accepted = String(acceptEncoding ?? '')
    .split(',')
    .some((part) => {
      const [coding, ...params] = part.trim().toLowerCase().split(';');
      return coding === 'gzip' && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
    });
  return accepted && size >= GZIP_MIN_LENGTH && COMPRESSIBLE.test(type);
}

/** Files the build writes for hosts (Netlify, nginx), not for visitors; nginx answers 404 too. */
export const BUILD_ONLY = /^\/(_headers|_redirects|_nginx-[^/]*\.conf)$/;

/** The decoded, normalised path of a request URL ("//learn/a/" → "/learn/a/"), or undefined when it is malformed. */
export function requestPath(url: string): string | undefined {
  const raw = url.split('?')[0]!.split('#')[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0')) return undefined;
  const parts: string[] = [];
  for (const part of decoded.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}${decoded.endsWith('/') && parts.length ? '/' : ''}`;
}

/** Whether a path must never be served: a dotfile or dot-directory anywhere, or a build-only file. */
export const isHidden = (p: string) => p.split('/').some((s) => s.startsWith('.')) || BUILD_ONLY.test(p);

async function findFile(dist: string, p: string): Promise<{ file: string; info: Stats } | undefined> {
  const base = path.join(dist, p);
  const candidates = p.endsWith('/') ? [path.join(base, 'index.html')] : [base, `${base}.html`, path.join(base, 'index.html')];
  for (const file of candidates) {
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return { file, info };
  }
  return undefined;
}

/**
 * Builds the handler for a built site; throws when `dist` has no `_headers` or `404.html` (not built yet).
 * A site built for a base path ("/mlops-course/") is served under it, as a GitHub Pages
 * project site is: `dist/` answers at the base, and every path outside it is 404.
 */
export function previewHandler(
  dist: string,
  /** Opens a file for reading (tests pass one that deletes the file first, as a rebuild would). */
  open: (file: string) => ReturnType<typeof createReadStream> = createReadStream,
  /** The base path the site was built for, "/" or "/mlops-course/". */
  base = '/',
): (req: IncomingMessage, res: ServerResponse) => void {
  const rules: HeaderRule[] = parseHeadersFile(readFileSync(path.join(dist, '_headers'), 'utf8'));
  const notFoundPage = readFileSync(path.join(dist, '404.html'));
  const plain = (res: ServerResponse, status: number, text: string) => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(text);
  };
  const notFound = (req: IncomingMessage, res: ServerResponse) => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.method === 'HEAD' || !shouldGzip(req.headers['accept-encoding'], 'text/html', notFoundPage.length)) return res.end(notFoundPage);
    res.setHeader('Content-Encoding', 'gzip');
    const gzip = createGzip({ level: 6 });
    gzip.pipe(res);
    gzip.end(notFoundPage);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const p = requestPath(req.url ?? '/');
    // Security headers on every answer, errors included, as nginx sends them with "always".
    for (const [name, value] of Object.entries(headersFor(encodeURI(p ?? '/400'), rules))) res.setHeader(name, value);
    if (p === undefined) return plain(res, 400, 'Bad request: the URL is not valid percent-encoding.\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return plain(res, 405, 'Method not allowed.\n');
    }
    // The build's `_headers` paths include the base; files in dist/ do not.
    const inDist = stripBase(p, base);
    const found = inDist === undefined || isHidden(inDist) ? undefined : await findFile(dist, inDist);
    if (!found) return notFound(req, res);
    const etag = `W/"${found.info.size.toString(16)}-${Math.floor(found.info.mtimeMs).toString(16)}"`;
    const type = TYPES[path.extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    const gzip = shouldGzip(req.headers['accept-encoding'], type, found.info.size);
    res.setHeader('ETag', etag);
    res.setHeader('Content-Type', type);
    if (COMPRESSIBLE.test(type)) res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      return res.end();
    }
    if (req.method === 'HEAD') {
      res.setHeader('Content-Length', found.info.size);
      return res.end();
    }
    const stream = open(found.file);
    // The file can vanish between stat and open (a rebuild): answer 404, or cut a started response.
    stream.on('error', () => {
      if (res.headersSent) res.destroy();
      else notFound(req, res);
    });
    stream.once('open', () => {
      if (!gzip) {
        res.setHeader('Content-Length', found.info.size);
        return stream.pipe(res);
      }
      // Compressed as it streams, so the length is unknown: chunked, as nginx sends it.
      res.setHeader('Content-Encoding', 'gzip');
      stream.pipe(createGzip({ level: 6 })).pipe(res);
    });
  };

  return (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) plain(res, 500, 'Internal error.\n');
      else res.destroy();
    });
  };
}
