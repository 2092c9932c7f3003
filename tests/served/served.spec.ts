/** Smoke tests against the production build served by nginx with the project's config. */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { labPagePaths, SECURITY_HEADERS, ISOLATION_HEADERS, ASSET_CACHE, HTML_CACHE } from '../../src/lib/headers.ts';
import { expect, test } from '../e2e/fixtures.ts';

const labPage = labPagePaths(path.resolve('content'))[0]!;

test('every page gets the security headers; HTML is revalidated and not isolated', async ({ request }) => {
  const response = await request.get('/');
  expect(response.status()).toBe(200);
  const headers = response.headers();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name.toLowerCase()], name).toBe(value);
  expect(headers['cache-control']).toBe(HTML_CACHE);
  expect(headers['cross-origin-embedder-policy']).toBeUndefined();
  expect(headers['cross-origin-opener-policy']).toBeUndefined();
});

test('lab pages, and only they, are cross-origin isolated', async ({ page, request }) => {
  const response = await page.goto(labPage);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) expect(response!.headers()[name.toLowerCase()], name).toBe(value);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const other = await request.get('/glossary/');
  expect(other.headers()['cross-origin-embedder-policy']).toBeUndefined();
});

test('hashed assets are cached for a year and compressed', async ({ page, request }) => {
  await page.goto('/');
  const css = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
  const asset = await request.get(css!, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(asset.status()).toBe(200);
  expect(asset.headers()['cache-control']).toBe(ASSET_CACHE);
  expect(asset.headers()['content-encoding']).toBe('gzip');
});

test('unknown paths get the custom 404 page with status 404', async ({ page }) => {
  const response = await page.goto('/no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

test('build-only files are not served', async ({ request }) => {
  expect((await request.get('/_nginx-lab-pages.conf')).status()).toBe(404);
  expect((await request.get('/_headers')).status()).toBe(404);
});

test('a student can open the course, a module, a lesson and search', async ({ page }) => {
  await page.goto('/');
  // Home lists modules; the module page lists its lessons.
  const first = page.getByRole('region', { name: 'Course map' }).getByRole('link', { name: /^Module 1\b/ });
  const moduleName = ((await first.textContent()) ?? '').replace(/^\s*Module 1\s*/, '').trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(moduleName);
  const modulePath = new URL(page.url()).pathname;
  const lessons = await page.getByRole('main').locator(`a[href^="${modulePath}"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href')!).filter((h) => h.split('/').filter(Boolean).length === 3));
  expect(lessons.length).toBeGreaterThan(0);
  await page.getByRole('main').locator(`a[href="${lessons[0]}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${lessons[0]}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type('docker');
  await expect(page.getByRole('option').first()).toBeVisible();
});

/** A raw GET to nginx: Playwright's request client would re-encode a malformed path. */
async function rawGet(p: string) {
  const { request: raw } = await import('node:http');
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const req = raw(`${process.env.BASE_URL}/`, { path: p }, (res) => {
      res.resume();
      resolve({ status: res.statusCode!, headers: res.headers });
    });
    req.on('error', reject);
    req.end();
  });
}

test('a malformed URL gets 400, with the security headers', async () => {
  const r = await rawGet('/%E0%A4%A');
  expect(r.status).toBe(400);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(r.headers[name.toLowerCase()], name).toBe(value);
});

test('lab pages are isolated on non-canonical URLs too', async () => {
  const encoded = labPage.replace('/learn/', '/%6Cearn/');
  for (const p of [`/${labPage}`, encoded, `${labPage}index.html`]) {
    const r = await rawGet(p);
    expect(r.status, p).toBe(200);
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) expect(r.headers[name.toLowerCase()], `${name} on ${p}`).toBe(value);
  }
});

test('dotfiles are never served, even when one reaches the build', async () => {
  // Real files, so the test fails if the config would serve them (a missing file is 404 anyway).
  const canaries = ['.env', '_astro/.env'].map((f) => path.join('dist', f));
  for (const f of canaries) writeFileSync(f, 'SECRET=canary\n');
  try {
    for (const p of ['/.env', '/_astro/.env', '/%2Eenv']) {
      const r = await rawGet(p);
      expect(r.status, p).toBe(404);
    }
  } finally {
    for (const f of canaries) rmSync(f, { force: true });
  }
});

test('search answers on a lab page: its index and word shard are served to the isolated page', async ({ page }) => {
  const index: [string, number][] = [];
  page.on('response', (r) => {
    if (/\/search-index/.test(r.url())) index.push([new URL(r.url()).pathname, r.status()]);
  });
  await page.goto(labPage);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await page.keyboard.press('/');
  await page.keyboard.type('canary');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: /Canary releases/ }).first()).toBeVisible();
  expect(index).toEqual([
    ['/search-index.json', 200],
    ['/search-index/c.json', 200],
  ]);
});

test('nginx serves the Python runner with its own CSP, COEP, long caching and module types', async ({ request }) => {
  const { runnerConfig } = await import('../../src/lib/pyodide-dist.ts');
  const { runnerHeaders } = await import('../../src/lib/runner-files.ts');
  const config = runnerConfig();
  const worker = await request.get(config.worker);
  expect(worker.status()).toBe(200);
  const headers = worker.headers();
  expect(headers['content-type']).toMatch(/^text\/javascript/);
  expect(headers['content-security-policy']).toBe(runnerHeaders(config.packagesUrl)['Content-Security-Policy']);
  expect(headers['cross-origin-embedder-policy']).toBe('credentialless');
  expect(headers['cache-control']).toBe(ASSET_CACHE);
  const core = await request.get(`${config.indexUrl}pyodide.asm.mjs`, { headers: { 'Accept-Encoding': 'identity' } });
  expect(core.headers()['content-type']).toMatch(/^text\/javascript/);
  expect((await request.get(`${config.indexUrl}pyodide.asm.wasm`)).headers()['content-type']).toBe('application/wasm');
  // Pages keep their own policy: no wasm compilation outside the worker.
  expect((await request.get(labPage)).headers()['content-security-policy']).not.toContain('wasm-unsafe-eval');
});

test('a page fetches its scripts and their shared chunks at once: no static import waits for the script that imports it', async ({ page, request }) => {
  const { staticImports } = await import('../../src/lib/page-weight.ts');
  for (const url of [labPage, '/glossary/', '/practice/']) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    // When each script was first requested, and when it had arrived. An import the page does
    // not preload is requested only once the script importing it has arrived and been parsed.
    const requested = new Map<string, number>();
    const arrived = new Map<string, number>();
    const paths = new Map<string, string>();
    const times = new Map<string, number>();
    cdp.on('Network.requestWillBeSent', (e) => {
      const path = new URL(e.request.url).pathname;
      paths.set(e.requestId, path);
      times.set(path, (times.get(path) ?? 0) + 1);
      if (path.endsWith('.js') && !requested.has(path)) requested.set(path, e.timestamp);
    });
    cdp.on('Network.loadingFinished', (e) => {
      const path = paths.get(e.requestId);
      if (path && !arrived.has(path)) arrived.set(path, e.timestamp);
    });
    await page.goto(url, { waitUntil: 'load' });
    const entries = await page.locator('script[type="module"][src]').evaluateAll((els) => els.map((el) => el.getAttribute('src')!));
    // What those scripts import statically, read from the served files, with who imports it.
    const importers = new Map<string, string[]>();
    const queue = [...entries];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const src = queue.shift()!;
      for (const spec of staticImports(await (await request.get(src)).text())) {
        const target = new URL(spec, `http://host${src}`).pathname;
        importers.set(target, [...(importers.get(target) ?? []), src]);
        if (!seen.has(target)) queue.push(target);
        seen.add(target);
      }
    }
    expect(importers.size, `${url} has shared chunks to check`).toBeGreaterThan(0);
    for (const [chunk, by] of importers) {
      const firstArrival = Math.min(...by.map((src) => arrived.get(src) ?? Infinity));
      expect(requested.get(chunk), `${url}: ${chunk} was requested`).toBeDefined();
      expect(requested.get(chunk)!, `${url}: ${chunk} waited for ${by.join(', ')}`).toBeLessThan(firstArrival);
      // Once: a preload the module loader cannot use (rel="preload" as="script" fetches without
      // CORS) is followed by a second request for the same file once the import is found.
      expect(times.get(chunk), `${url}: ${chunk} requests`).toBe(1);
    }
    await cdp.detach();
  }
});
