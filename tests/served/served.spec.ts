/** Smoke tests against the production build served by nginx with the project's config. */
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

test('a student can open the course, a lesson and search', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'Course map' }).getByRole('link').nth(1).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type('docker');
  await expect(page.getByRole('option').first()).toBeVisible();
});

test('search answers on a lab page: its worker is served with a compatible embedder policy', async ({ page }) => {
  const workers: (string | undefined)[] = [];
  page.on('response', (r) => {
    if (/search-worker/.test(r.url())) workers.push(r.headers()['cross-origin-embedder-policy']);
  });
  await page.goto(labPage);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await page.keyboard.press('/');
  await page.keyboard.type('canary');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: /Canary releases/ }).first()).toBeVisible();
  expect(workers).toEqual(['credentialless']);
  expect(page.workers().length).toBe(1);
});
