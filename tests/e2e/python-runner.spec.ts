/**
 * The in-page Python runner, offline: Pyodide's core is served by the site (copied from
 * node_modules at build), and pytest's wheels come from pip's index through a route that
 * stands in for the Pyodide distribution. safe-unpickling is solved end to end.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { readLabs } from '../../src/lib/labs.ts';
import { readLock } from '../../src/lib/pyodide-dist.ts';
import { servePackages } from '../support/pyodide-wheels.ts';
import { axeViolations, expect, test, useTheme } from './fixtures.ts';

const lab = readLabs(path.resolve(process.env.MLOPS_LABS_DIR ?? 'labs')).find((l) => l.slug === 'safe-unpickling')!;
const url = `/learn/${lab.meta.lesson}/`;
const lock = readLock();

test.describe.configure({ mode: 'serial', timeout: 240_000 });

const section = (page: Page) => page.getByRole('region', { name: `Hands-on lab: ${lab.meta.title}` });

test('no runner byte loads before the click', async ({ page }) => {
  const runner: string[] = [];
  const scripts: Promise<string>[] = [];
  page.on('request', (r) => {
    if (/\/runner\/|pyodide|codemirror|python-lab|python-editor|python-runner/i.test(r.url())) runner.push(r.url());
  });
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(r.text());
  });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  expect(runner).toEqual([]);
  // Not bundled into the page's own scripts either: the editor's and the runner's code arrive on click.
  for (const text of await Promise.all(scripts)) {
    expect(text).not.toContain('cm-content');
    expect(text).not.toContain('so it was stopped');
  }
  await section(page).getByRole('button', { name: 'Open the editor and run the tests' }).click();
  await expect(section(page).getByRole('tablist', { name: 'Files' })).toBeVisible();
  expect(runner.some((u) => /python-lab/.test(u)), 'the runner UI loads on the click').toBe(true);
  expect(runner.some((u) => /\/runner\//.test(u)), 'the worker starts only on Run').toBe(false);
});

test('starter: failing tests listed; solution applied: all pass; a loop hits the time limit', async ({ page, context }) => {
  const requested: string[] = [];
  await servePackages(context, requested);
  await page.clock.install();
  await page.goto(url);
  const lab_ = section(page);
  await lab_.getByRole('button', { name: 'Open the editor and run the tests' }).click();
  await expect(lab_.getByRole('tab', { name: lab.meta.openFile, exact: true })).toHaveAttribute('aria-selected', 'true');

  await lab_.getByRole('button', { name: 'Run tests' }).click();
  await expect(lab_.getByRole('progressbar', { name: 'Downloading Python' })).toBeVisible();
  await expect(lab_.locator('.runner-bytes')).toContainText(/\d+(\.\d)? (kB|MB) of about 13\.\d MB loaded/);
  const summary = lab_.locator('.runner-summary');
  await expect(summary).toContainText(/\d+ of \d+ tests pass; \d+ fail/, { timeout: 180_000 });
  const step1 = lab_.getByRole('list', { name: 'Step 1' });
  await expect(step1.locator('li[data-outcome="failed"]').first()).toContainText('NotImplementedError');
  await expect(lab_.getByRole('list', { name: 'Step 3' })).toBeVisible();
  // Exactly the pinned distribution's files, by the lock's names, and nothing else.
  expect(requested.sort()).toEqual(['iniconfig', 'packaging', 'pluggy', 'pygments', 'pytest'].map((n) => lock.packages[n]!.file_name).sort());

  await lab_.getByRole('button', { name: 'Apply the solution' }).click();
  await lab_.getByRole('group', { name: /Replace your files with the solution/ }).getByRole('button', { name: 'Yes' }).click();
  await lab_.getByRole('button', { name: 'Run tests' }).click();
  await expect(summary).toContainText('All tests pass', { timeout: 120_000 });
  await expect(lab_.locator('.runner-steps li[data-outcome="failed"]')).toHaveCount(0);
  expect(await lab_.locator('.runner-steps li[data-outcome="passed"]').count()).toBeGreaterThan(10);

  // Run executes the lab's main script in the warm worker; its output goes to the console.
  await lab_.getByRole('button', { name: `Run ${lab.meta.mainScript}` }).click();
  const consoleLog = lab_.getByRole('log', { name: 'Console' });
  await expect(consoleLog).toContainText('marker exists after pickle.loads: True', { timeout: 60_000 });
  await expect(consoleLog).toContainText('one flipped bit:');

  // The student's files download as a zip holding what the editor holds.
  const [download] = await Promise.all([page.waitForEvent('download'), lab_.getByRole('button', { name: 'Download my files (.zip)' }).click()]);
  const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  expect(Object.keys(zip).sort()).toEqual(Object.keys({ ...lab.project.files, ...lab.solution }).map((f) => `${lab.slug}/${f}`).sort());
  expect(strFromU8(zip[`${lab.slug}/safe_loading.py`]!)).toBe(lab.solution['safe_loading.py']);

  // An endless loop in the code under test: the page ends the worker at the limit and stays usable.
  await lab_.getByRole('tab', { name: 'safe_loading.py', exact: true }).click();
  const editor = lab_.getByRole('textbox', { name: 'Edit safe_loading.py' });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nwhile True:\n    pass\n');
  // Kept in the progress store (shortly after the last key), so a reload loses nothing.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('mlops-progress') ?? ''), { timeout: 10_000 }).toContain('while True:');
  await lab_.getByRole('button', { name: 'Run tests' }).click();
  await expect(lab_.getByRole('button', { name: 'Run tests' })).toBeDisabled();
  await page.waitForTimeout(2000);
  await page.clock.fastForward('02:00');
  await expect(lab_.getByRole('status').first()).toContainText('took longer than 60 s, so it was stopped', { timeout: 20_000 });
  await expect(lab_.getByRole('button', { name: 'Run tests' })).toBeEnabled();
  // Responsive: a tab switch answers at once.
  await lab_.getByRole('tab', { name: 'main.py', exact: true }).click();
  await expect(lab_.getByRole('tab', { name: 'main.py', exact: true })).toHaveAttribute('aria-selected', 'true');

  // Edits survive a reload (kept in the progress store).
  await page.reload();
  await section(page).getByRole('button', { name: 'Open the editor and run the tests' }).click();
  await expect(section(page).getByRole('status').first()).toContainText(/Your changes to .*safe_loading\.py.* were restored/);
  await section(page).getByRole('tab', { name: 'safe_loading.py', exact: true }).click();
  // The editor draws only the lines in view: go to the end, where the loop was typed.
  await section(page).getByRole('textbox', { name: 'Edit safe_loading.py' }).click();
  await page.keyboard.press('Control+End');
  await expect(section(page).getByRole('textbox', { name: 'Edit safe_loading.py' })).toContainText('while True:');
});

for (const theme of ['light', 'dark'] as const)
  test(`axe: no violations with the runner open (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto(url);
    await section(page).getByRole('button', { name: 'Open the editor and run the tests' }).click();
    await expect(section(page).getByRole('tablist', { name: 'Files' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });

test('the open runner fits a 360 px screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(url);
  await section(page).getByRole('button', { name: 'Open the editor and run the tests' }).click();
  await expect(section(page).getByRole('textbox', { name: `Edit ${lab.meta.openFile}` })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // Keyboard: arrow keys move between file tabs.
  await section(page).getByRole('tab', { name: lab.meta.openFile, exact: true }).focus();
  await page.keyboard.press('End');
  const last = section(page).getByRole('tab').last();
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute('aria-selected', 'true');
});
