/**
 * The Python runner's part of `npm run bench`, on the built site in Chromium: bytes before
 * the click (the runner must add none), bytes and seconds from "Run tests" to the first test
 * result with a cold worker (core only: pytest's wheels come from the local wheel cache, as in
 * the browser tests), and the warm re-run time. Figures, not assertions.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { previewHandler } from '../src/lib/preview-server.ts';
import { readLabs } from '../src/lib/labs.ts';
import { DEFAULT_PACKAGES_URL, PYODIDE_VERSION } from '../src/lib/pyodide-dist.ts';
import { servePackages } from '../tests/support/pyodide-wheels.ts';

/** Requirement lines of a lab's starter that name a package, without versions or comments. */
const requirements = (files: Record<string, string>) =>
  (files['requirements.txt'] ?? '')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim().split(/[<>=!~;\s[]/)[0]!.toLowerCase())
    .filter(Boolean);

/**
 * Prints the runner's figures for a python lab of the built site in `dist`: one that needs no
 * package but pytest, the only one the bench can serve offline (scientific packages come from
 * the Pyodide distribution, which this closed network cannot reach).
 */
export async function benchRunner(dist: string): Promise<void> {
  const lab = readLabs(path.resolve('labs')).find((l) => l.meta.runtime === 'python' && requirements(l.project.files).every((r) => r === 'pytest'));
  if (!lab) return console.log('\nPython runner: no python lab that needs only pytest, so nothing to measure offline.');
  const server = createServer(previewHandler(dist));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext();
    await servePackages(context, []);
    const page = await context.newPage();
    // Bytes as they arrive over the wire (encoded), per phase.
    let phase: 'before' | 'cold' | 'warm' = 'before';
    const bytes = { before: { js: 0, runner: 0 }, cold: { runner: 0, packages: 0 }, warm: { runner: 0, packages: 0 } };
    page.on('requestfinished', async (request) => {
      const size = (await request.sizes()).responseBodySize;
      const url = request.url();
      if (phase === 'before') {
        if (request.resourceType() === 'script') bytes.before.js += size;
        if (/\/runner\/|pyodide/.test(url)) bytes.before.runner += size;
      } else if (url.startsWith(DEFAULT_PACKAGES_URL)) bytes[phase].packages += size;
      else bytes[phase].runner += size;
    });
    await page.goto(`${base}/learn/${lab.meta.lesson}/`, { waitUntil: 'networkidle' });
    const section = page.getByRole('region', { name: `Hands-on lab: ${lab.meta.title}` });
    phase = 'cold';
    const open = performance.now();
    await section.getByRole('button', { name: 'Open the editor and run the tests' }).click();
    await section.getByRole('button', { name: 'Run tests' }).click();
    await section.locator('.runner-steps li').first().waitFor({ timeout: 300_000 });
    const cold = (performance.now() - open) / 1000;
    phase = 'warm';
    const again = performance.now();
    await section.getByRole('button', { name: 'Run tests' }).click();
    await section.getByRole('button', { name: 'Run tests' }).waitFor({ state: 'attached' });
    await page.waitForFunction(() => !document.querySelector('mlops-lab[aria-busy="true"]'), undefined, { timeout: 120_000 });
    const warm = (performance.now() - again) / 1000;
    const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
    console.log(`\nPython runner (Pyodide ${PYODIDE_VERSION}), lab ${lab.slug}, bytes as transferred`);
    console.log(`  JavaScript before the click       ${(bytes.before.js / 1024).toFixed(1)} KB; runner bytes before the click: ${bytes.before.runner}`);
    console.log(`  First run: site files (core, worker, editor)  ${mb(bytes.cold.runner)}; packages (pytest)  ${mb(bytes.cold.packages)}`);
    console.log(`  First run: click to first test result  ${cold.toFixed(1)} s`);
    console.log(`  Warm re-run of the tests          ${warm.toFixed(1)} s (${mb(bytes.warm.runner + bytes.warm.packages)} fetched)`);
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchRunner(path.resolve(process.argv[2] ?? 'dist'));
