/**
 * `npm run preview`: serves the built site from dist/ the way the nginx config does,
 * applying the build's `_headers` file (cross-origin isolation on lab pages) and answering
 * unknown paths with 404.html and status 404 (see src/lib/preview-server.ts). `astro preview`
 * cannot do this: it does not run the project's Vite plugins, so it would serve lab pages
 * without the headers they need. `--base /mlops-course/` serves a site built with that
 * BASE_PATH under it, as a GitHub Pages project site is served.
 */
import { createServer } from 'node:http';
import path from 'node:path';
import { previewHandler } from '../src/lib/preview-server.ts';
import { normaliseBase } from '../src/lib/url.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const dist = path.resolve(option('dir', 'dist'));
const port = Number(option('port', process.env.PORT ?? '4321'));
const host = option('host', '127.0.0.1');
const base = normaliseBase(option('base', '/'), '--base');

let handler;
try {
  handler = previewHandler(dist, undefined, base);
} catch {
  console.error(`No built site in ${dist}. Run "npm run build" first.`);
  process.exit(1);
}

const server = createServer(handler);
// A client that sends garbage or hangs up mid-request must not take the server down.
server.on('clientError', (_error, socket) => {
  if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  else socket.destroy();
});
server.listen(port, host, () => console.log(`Serving ${path.relative(process.cwd(), dist) || '.'} at http://${host}:${port}${base}`));
