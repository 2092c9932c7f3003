/**
 * Under `astro dev` too, search answers on a lab page: the dev server must send the worker
 * script a compatible embedder policy (astro.config.mjs), or the isolated page cannot start it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { labPagePaths } from '../../src/lib/headers.ts';
import { expect, test } from './fixtures.ts';

const labPage = labPagePaths(path.resolve('content'))[0]!;
const port = Number(process.env.DEV_PORT ?? 4405);
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess | undefined;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  // Node itself runs Astro's CLI, so killing this process stops the server (npx would leave it running).
  server = spawn(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`astro dev did not answer on ${base} within two minutes`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(() => {
  server?.kill();
});

test('astro dev: search answers on a lab page through its worker', async ({ page }) => {
  const workers: (string | undefined)[] = [];
  page.on('response', (r) => {
    if (/search-worker/.test(r.url())) workers.push(r.headers()['cross-origin-embedder-policy']);
  });
  await page.goto(`${base}${labPage}`);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await page.keyboard.press('/');
  await page.keyboard.type('canary');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: /Canary releases/ }).first()).toBeVisible({ timeout: 60_000 });
  expect(workers).toEqual(['credentialless']);
});
