/**
 * Under `astro dev` too, search answers on a lab page (cross-origin isolated by the dev
 * server's middleware in astro.config.mjs): the engine chunk, the index and the word shards
 * it fetches are all served to the isolated page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { labPagePaths } from '../../src/lib/headers.ts';
import { expect, test } from './fixtures.ts';

const labPage = labPagePaths(path.resolve('content'))[0]!;
let base = '';
let server: ChildProcess | undefined;

/** A free loopback port, so parallel runs never share a dev server. */
const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // Node itself runs Astro's CLI, so killing this process stops the server (npx would leave it running).
  server = spawn(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  let output = '';
  server.stdout!.on('data', (d: Buffer) => (output += d));
  server.stderr!.on('data', (d: Buffer) => (output += d));
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/`)).ok) break;
    } catch {
      // Not listening yet.
    }
    // Astro allows one dev server per project: a running `npm start` must be stopped first.
    if (Date.now() > deadline || server.exitCode !== null)
      throw new Error(`astro dev did not answer on ${base}. Its output:\n${output.slice(-2000)}\nFix: stop any other astro dev server of this project (npx astro dev stop) and run the test again.`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(() => {
  server?.kill();
});

test('astro dev: search answers on a lab page, its index and word shard served to the isolated page', async ({ page }) => {
  const index: [string, number][] = [];
  page.on('response', (r) => {
    if (/\/search-index/.test(r.url())) index.push([new URL(r.url()).pathname, r.status()]);
  });
  await page.goto(`${base}${labPage}`);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await page.keyboard.press('/');
  await page.keyboard.type('canary');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: /Canary releases/ }).first()).toBeVisible({ timeout: 60_000 });
  expect(index).toEqual([
    ['/search-index.json', 200],
    ['/search-index/c.json', 200],
  ]);
});
