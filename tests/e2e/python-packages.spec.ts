/**
 * Packages in the in-page runner, offline: whatever a lab or a lesson sample needs beyond
 * the standard library is fetched from the pinned Pyodide distribution, by the lock file's
 * exact names, and an unreachable package source ends in a message that names what failed
 * and offers the local route. Runnable samples run in the page with the same worker.
 */
import path from 'node:path';
import { readLabs } from '../../src/lib/labs.ts';
import { DEFAULT_PACKAGES_URL, labPackages, PYTEST_PACKAGES, readLock } from '../../src/lib/pyodide-dist.ts';
import { servePackages } from '../support/pyodide-wheels.ts';
import { expect, test } from './fixtures.ts';

test.describe.configure({ timeout: 240_000 });
const lock = readLock();
const lockFiles = new Set(Object.values(lock.packages).map((p) => p.file_name));
const SAMPLES = '/learn/saving-models/safe-loading-and-versioning/';

// `depends` lists names as their packages spell them (pydantic-core), the lock's keys may differ (pydantic_core).
const normal = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');
const byNormalName = new Map(Object.entries(lock.packages).map(([k, p]) => [normal(k), p]));

/** The lock's file name of a package and of everything it depends on. */
function closure(names: string[]): Set<string> {
  const out = new Set<string>();
  const walk = (n: string) => {
    // A dependency the lock names but does not ship (none in the lock) cannot be requested either.
    const p = lock.packages[n] ?? byNormalName.get(normal(n));
    if (!p || out.has(p.file_name)) return;
    out.add(p.file_name);
    p.depends.forEach(walk);
  };
  names.forEach(walk);
  return out;
}

test('a standard-library sample runs in the page and prints below the code', async ({ page }) => {
  await page.goto(SAMPLES);
  const run = page.getByRole('button', { name: 'Run this Python sample in the page' }).first();
  await run.click();
  const output = page.getByLabel('Output of the sample').first();
  await expect(output).toContainText('Hello from inside pickle.loads: this could have been any command.', { timeout: 180_000 });
  await expect(output).toContainText('pickle.loads returned: None');
});

test('a sample that imports joblib asks the pinned distribution for it, and says so when it is unreachable', async ({ page, context, consoleErrors }) => {
  const requested: string[] = [];
  await servePackages(context, requested);
  await page.goto(SAMPLES);
  const block = page.locator('.code-block').filter({ hasText: 'import joblib' });
  await block.getByRole('button', { name: 'Run this Python sample in the page' }).click();
  await expect(block.locator('.run-bar').getByRole('status')).toContainText('could not be downloaded', { timeout: 180_000 });
  await expect(block.locator('.run-bar').getByRole('status')).toContainText('Run it on your computer');
  expect(requested).toContain(lock.packages.joblib!.file_name);
  for (const file of requested) expect(lockFiles, `${file} is not a file of Pyodide's lock`).toContain(file);
  // The browser logs the refused download; that is the failure under test.
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource|Failed to fetch/i.test(e)));
});

for (const lab of readLabs(path.resolve(process.env.MLOPS_LABS_DIR ?? 'labs')).filter((l) => l.meta.runtime === 'python')) {
  const needs = labPackages(lab.project.files['requirements.txt'] ?? '', lock, `labs/${lab.slug}`);
  if (needs.length === 0) continue;
  test(`${lab.slug}: Run tests requests exactly the pinned files, and an unreachable source says what failed`, async ({ page, context, consoleErrors }) => {
    const requested: string[] = [];
    await servePackages(context, requested);
    await page.goto(`/learn/${lab.meta.lesson}/`);
    const section = page.getByRole('region', { name: `Hands-on lab: ${lab.meta.title}` });
    await section.getByRole('button', { name: 'Open the editor and run the tests' }).click();
    await section.getByRole('button', { name: 'Run tests' }).click();
    const status = section.getByRole('status').first();
    await expect(status).toContainText('A package could not be downloaded', { timeout: 180_000 });
    await expect(status).toContainText(DEFAULT_PACKAGES_URL);
    await expect(status).toContainText('run the lab on your computer');
    // Allowed: what the lab's requirements need, plus pytest and the wheels the runner loads for it.
    const allowed = closure([...needs, 'pytest', ...PYTEST_PACKAGES]);
    for (const file of requested) expect(allowed, `${file} is not needed by ${lab.slug}`).toContain(file);
    expect(requested.some((f) => closure(needs).has(f))).toBe(true);
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource|Failed to fetch/i.test(e)));
  });
}
