import { createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { previewHandler, requestPath, shouldGzip } from '../../src/lib/preview-server.ts';

let dist: string;
let server: Server;
let base: string;

/** A raw GET (fetch would normalise or refuse the malformed paths under test). */
function get(p: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { path: p }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A GET that keeps the body's bytes, for compressed answers. */
function getBytes(p: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${p}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const LONG_PAGE = `<h1>Long</h1>${'<p>A paragraph long enough to be worth compressing.</p>'.repeat(40)}`;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'preview-'));
  mkdirSync(path.join(dist, 'learn/m/lab'), { recursive: true });
  writeFileSync(path.join(dist, '_headers'), '/*\n  X-Content-Type-Options: nosniff\n/learn/m/lab/\n  Cross-Origin-Embedder-Policy: credentialless\n');
  writeFileSync(path.join(dist, '_nginx-lab-pages.conf'), 'map {}');
  writeFileSync(path.join(dist, '404.html'), '<h1>Page not found</h1>');
  writeFileSync(path.join(dist, 'index.html'), '<h1>Home</h1>');
  writeFileSync(path.join(dist, '.env'), 'SECRET=1');
  writeFileSync(path.join(dist, 'learn/m/lab/index.html'), '<h1>Lab</h1>');
  writeFileSync(path.join(dist, 'vanishing.txt'), 'here for now');
  writeFileSync(path.join(dist, 'long.html'), LONG_PAGE);
  writeFileSync(path.join(dist, 'picture.png'), Buffer.alloc(4096, 7));
  const open = (file: string) => {
    // A rebuild deletes the file after the server saw it and before it is read.
    if (file.endsWith('vanishing.txt')) rmSync(file, { force: true });
    return createReadStream(file);
  };
  server = createServer(previewHandler(dist, open));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => {
  server.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('preview server', () => {
  it('answers a malformed URL with 400 and keeps serving', async () => {
    const bad = await get('/%E0%A4%A');
    expect(bad.status).toBe(400);
    expect(bad.headers['x-content-type-options']).toBe('nosniff');
    expect((await get('/')).body).toBe('<h1>Home</h1>');
  });

  it('answers 404 for a file that vanished during a rebuild, and keeps serving', async () => {
    expect((await get('/vanishing.txt')).status).toBe(404);
    expect((await get('/')).status).toBe(200);
  });

  it('never serves dotfiles or the build-only host files', async () => {
    for (const p of ['/.env', '/_headers', '/_nginx-lab-pages.conf', '/learn/../.env', '/%2Eenv']) {
      const r = await get(p);
      expect(r.status, p).toBe(404);
      expect(r.body, p).toContain('Page not found');
    }
  });

  it('gives lab pages their headers on non-canonical URLs too, and security headers on errors', async () => {
    for (const p of ['/learn/m/lab/', '//learn/m/lab/', '/learn/%6D/lab/', '/learn/m/lab']) {
      const r = await get(p);
      expect(r.status, p).toBe(200);
      expect(r.headers['cross-origin-embedder-policy'], p).toBe('credentialless');
    }
    expect((await get('/nope/')).headers['x-content-type-options']).toBe('nosniff');
  });

  it('gzips text as nginx does: only when asked, only compressible types, only above 512 bytes', async () => {
    const zipped = await getBytes('/long.html', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['vary']).toBe('Accept-Encoding');
    expect(zipped.body.length).toBeLessThan(LONG_PAGE.length / 4);
    expect(gunzipSync(zipped.body).toString()).toBe(LONG_PAGE);
    const plain = await getBytes('/long.html', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(LONG_PAGE);
    expect((await getBytes('/long.html', { 'Accept-Encoding': 'gzip;q=0, identity' })).headers['content-encoding']).toBeUndefined();
    // Images are already compressed; a tiny page is not worth it.
    expect((await getBytes('/picture.png', { 'Accept-Encoding': 'gzip' })).headers['content-encoding']).toBeUndefined();
    expect((await getBytes('/', { 'Accept-Encoding': 'gzip' })).headers['content-encoding']).toBeUndefined();
  });

  it('decides gzip from Accept-Encoding, type and size', () => {
    expect(shouldGzip('gzip', 'text/html; charset=utf-8', 600)).toBe(true);
    expect(shouldGzip('br, GZIP;q=0.5', 'application/json', 600)).toBe(true);
    expect(shouldGzip('gzip;q=0', 'text/css', 600)).toBe(false);
    expect(shouldGzip('deflate', 'text/css', 600)).toBe(false);
    expect(shouldGzip(undefined, 'text/css', 600)).toBe(false);
    expect(shouldGzip('gzip', 'image/svg+xml', 600)).toBe(true);
    expect(shouldGzip('gzip', 'application/zip', 600)).toBe(false);
    expect(shouldGzip('gzip', 'text/css', 511)).toBe(false);
  });

  it('normalises paths and refuses malformed ones', () => {
    expect(requestPath('//learn//a/../b/?q=1')).toBe('/learn/b/');
    expect(requestPath('/%E0%A4%A')).toBeUndefined();
    expect(requestPath('/a%00b')).toBeUndefined();
    expect(requestPath('/../../etc/passwd')).toBe('/etc/passwd');
  });
});

describe('preview server under a base path', () => {
  let sub: Server;
  let origin: string;
  beforeAll(async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'preview-base-'));
    mkdirSync(path.join(d, 'learn/m/lab'), { recursive: true });
    writeFileSync(path.join(d, '_headers'), '/mlops-course/*\n  X-Content-Type-Options: nosniff\n/mlops-course/learn/m/lab/\n  Cross-Origin-Embedder-Policy: credentialless\n');
    writeFileSync(path.join(d, '404.html'), '<h1>Page not found</h1>');
    writeFileSync(path.join(d, 'index.html'), '<h1>Home</h1>');
    writeFileSync(path.join(d, '.env'), 'SECRET=1');
    writeFileSync(path.join(d, 'learn/m/lab/index.html'), '<h1>Lab</h1>');
    sub = createServer(previewHandler(d, undefined, '/mlops-course/'));
    await new Promise<void>((r) => sub.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(sub.address() as { port: number }).port}`;
  });
  afterAll(() => sub.close());

  it('serves dist/ at the base, with the headers of the base-prefixed rules', async () => {
    const home = await fetch(`${origin}/mlops-course/`);
    expect(await home.text()).toBe('<h1>Home</h1>');
    const lab = await fetch(`${origin}/mlops-course/learn/m/lab/`);
    expect(lab.status).toBe(200);
    expect(lab.headers.get('cross-origin-embedder-policy')).toBe('credentialless');
    expect((await fetch(`${origin}/mlops-course`)).status).toBe(200);
  });

  it('answers 404 outside the base, as a project site on a shared domain does', async () => {
    for (const p of ['/', '/learn/m/lab/', '/index.html', '/mlops-coursework/', '/mlops-course/.env', '/mlops-course/../learn/m/lab/']) {
      const r = await fetch(`${origin}${p}`);
      expect(r.status, p).toBe(404);
      expect(await r.text(), p).toContain('Page not found');
    }
  });
});

