/**
 * `npm run preview`: serves the built site from dist/ the way a static host does, applying
 * the build's `_headers` file (cross-origin isolation on lab pages) and answering unknown
 * paths with 404.html and status 404. `astro preview` cannot do this: it does not run the
 * project's Vite plugins, so it would serve lab pages without the headers they need.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';
import { headersFor, parseHeadersFile } from '../src/lib/headers.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const dist = path.resolve(option('dir', 'dist'));
const port = Number(option('port', process.env.PORT ?? '4321'));
const host = option('host', '127.0.0.1');

let rules;
let notFound: Buffer;
try {
  rules = parseHeadersFile(readFileSync(path.join(dist, '_headers'), 'utf8'));
  notFound = readFileSync(path.join(dist, '404.html'));
} catch {
  console.error(`No built site in ${dist}. Run "npm run build" first.`);
  process.exit(1);
}

const files = sirv(dist, { dev: false, etag: true, extensions: ['html'], dotfiles: false });

createServer((req, res) => {
  for (const [name, value] of Object.entries(headersFor(req.url ?? '/', rules))) res.setHeader(name, value);
  files(req, res, () => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(notFound);
  });
}).listen(port, host, () => console.log(`Serving ${path.relative(process.cwd(), dist) || '.'} at http://${host}:${port}/`));
