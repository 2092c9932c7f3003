/**
 * Labs in the browser, offline: StackBlitz is never reached. The reachability check and the
 * POST the SDK makes to https://stackblitz.com/run are intercepted and answered by a stub
 * (stackblitz-stub.ts), or aborted or left hanging to prove the quick fallback.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { readLabs } from '../../src/lib/labs.ts';
import { axeViolations, expect, test, useTheme } from './fixtures.ts';
import { STACKBLITZ, stubStackBlitz } from './stackblitz-stub.ts';

const lab = readLabs(path.resolve(process.env.MLOPS_LABS_DIR ?? 'labs'))[0];
const url = lab ? `/learn/${lab.meta.lesson}/` : '';
const normalise = (s: string) => s.replace(/\r\n/g, '\n');

/**
 * Stops the page's timers: from here on, page time moves only with `page.clock.runFor`, so
 * a message that appears proves it did not wait for any timer still pending.
 */
async function freezeClock(page: Page) {
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 1000);
}

/** The browser logs a refused request as a console error; here it is the expected one, so it is checked and then set aside. */
function expectConsoleError(errors: string[], pattern: RegExp) {
  expect(errors.some((e) => pattern.test(e)), `a console error matching ${pattern}`).toBe(true);
  errors.splice(0, errors.length, ...errors.filter((e) => !pattern.test(e)));
}

test('the course has at least one lab to test', () => {
  expect(lab, 'labs/ holds no lab with a lab.json').toBeDefined();
});

test.describe('labs', () => {
  test('nothing is requested from StackBlitz before Launch', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => {
      if (STACKBLITZ.test(r.url()) || /stackblitz|sdk/i.test(new URL(r.url()).pathname)) requests.push(r.url());
    });
    await page.goto(url);
    await expect(page.getByRole('button', { name: 'Launch the lab in this page' })).toBeEnabled();
    await page.waitForLoadState('networkidle');
    expect(requests).toEqual([]);
  });

  test('lab pages are cross-origin isolated and other pages are not', async ({ page }) => {
    const labResponse = await page.goto(url);
    expect(labResponse?.headers()['cross-origin-opener-policy']).toBe('same-origin');
    expect(labResponse?.headers()['cross-origin-embedder-policy']).toBe('credentialless');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    // Only lab pages may talk to StackBlitz (the reachability check needs connect-src).
    const policy = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
    expect(policy).toMatch(/connect-src 'self' https:\/\/stackblitz\.com/);
    const home = await page.goto('/');
    expect(home?.headers()['cross-origin-embedder-policy']).toBeUndefined();
    const homePolicy = (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
    expect(homePolicy).toContain("connect-src 'self'");
    expect(homePolicy).not.toContain('stackblitz');
  });

  test('Launch posts exactly the lab files and the embed becomes ready', async ({ page }) => {
    const captured = await stubStackBlitz(page);
    await page.goto(url);
    await page.getByRole('button', { name: 'Launch the lab in this page' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The lab is running' })).toBeVisible();
    await expect(page.locator(`iframe[title="Lab editor: ${lab!.meta.title}"]`)).toBeVisible();

    const params = new URL(captured.url!).searchParams;
    expect(params.get('file')).toBe(lab!.meta.openFile);
    expect(params.get('startScript')).toBe(lab!.meta.startScript);
    expect(params.get('corp')).toBe('1');
    const form = captured.form!;
    expect(form.get('project[template]')).toBe('node');
    expect(form.get('project[title]')).toBe(lab!.meta.title);
    const posted = Object.fromEntries(
      [...form.entries()].filter(([k]) => k.startsWith('project[files][')).map(([k, v]) => [k.slice('project[files]['.length, -1).replace(/%5B/g, '[').replace(/%5D/g, ']'), normalise(v)]),
    );
    const onDisk = Object.fromEntries(Object.entries(lab!.project.files).map(([k, v]) => [k, normalise(v)]));
    expect(Object.keys(posted).sort()).toEqual(Object.keys(onDisk).sort());
    expect(posted).toEqual(onDisk);
  });

  test('Apply the solution and Reset go through the VM', async ({ page }) => {
    await stubStackBlitz(page);
    await page.goto(url);
    await page.getByRole('button', { name: 'Launch the lab in this page' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The lab is running' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reset to the starter' })).toBeEnabled();
    page.on('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Apply the solution' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The solution is applied' })).toBeVisible();
    await page.getByRole('button', { name: 'Reset to the starter' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'back to the starter' })).toBeVisible();
    const stub = page.frames().find((f) => STACKBLITZ.test(f.url()))!;
    const received = (await stub.evaluate(() => (window as unknown as { received: { type: string; payload: { create: Record<string, string>; destroy: string[] } }[] }).received)).filter(
      (m) => m.type === 'SDK_APPLY_FS_DIFF',
    );
    expect(Object.keys(received[0]!.payload.create).sort()).toEqual(Object.keys(lab!.solution).sort());
    expect(Object.keys(received[1]!.payload.create).sort()).toEqual(Object.keys(lab!.project.files).sort());
    expect(received[1]!.payload.destroy).toEqual(['added-by-student.js']);
  });

  test('when StackBlitz refuses the connection, Launch says so at once and Download becomes the main action', async ({ page, consoleErrors }) => {
    await page.context().route(STACKBLITZ, (route) => route.abort('internetdisconnected'));
    await page.goto(url);
    await freezeClock(page);
    const launch = page.getByRole('button', { name: 'Launch the lab in this page' });
    const download = page.getByRole('link', { name: 'Download the starter (.zip)' });
    await expect(launch).toHaveClass(/\bprimary\b/);
    await expect(download).not.toHaveClass(/\bprimary\b/);
    await launch.click();
    await expect(page.getByRole('status').filter({ hasText: 'stackblitz.com cannot be reached from this browser' })).toBeVisible();
    const retry = page.getByRole('button', { name: 'Retry' });
    await expect(retry).toBeEnabled();
    await expect(download).toHaveClass(/\bprimary\b/);
    await expect(retry).not.toHaveClass(/\bprimary\b/);
    // The main action comes first in the row.
    const [d, r] = [await download.boundingBox(), await retry.boundingBox()];
    expect(d!.y < r!.y || (d!.y === r!.y && d!.x < r!.x)).toBe(true);
    await expect(page.getByRole('heading', { name: 'The task' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Files' })).toBeVisible();
    await expect(page.locator('iframe')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Apply the solution' })).toBeHidden();
    expectConsoleError(consoleErrors, /ERR_INTERNET_DISCONNECTED/);
  });

  test('when StackBlitz does not answer, Launch gives up after 3 s without an empty editor box', async ({ page }) => {
    let asked = 0;
    // Hang: the request is never answered, as behind a firewall that drops packets.
    await page.context().route(STACKBLITZ, () => void asked++);
    await page.goto(url);
    await freezeClock(page);
    await page.getByRole('button', { name: 'Launch the lab in this page' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Checking that the editor (stackblitz.com) can be reached' })).toBeVisible();
    await expect(page.locator('mlops-lab')).toHaveAttribute('aria-busy', 'true');
    await expect(page.locator('iframe')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Reset to the starter' })).toBeHidden();
    expect(asked).toBe(1);
    await page.clock.runFor(2_500);
    await expect(page.getByRole('status').filter({ hasText: 'did not answer' })).toHaveCount(0);
    // 3 s of page time, far short of the SDK's own 10 s: the check alone must end the wait.
    await page.clock.runFor(600);
    await expect(page.getByRole('status').filter({ hasText: 'stackblitz.com did not answer within 3 seconds' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Retry' })).toBeEnabled();
    await expect(page.getByRole('link', { name: 'Download the starter (.zip)' })).toHaveClass(/\bprimary\b/);
    await expect(page.locator('mlops-lab')).not.toHaveAttribute('aria-busy', 'true');
    await expect(page.locator('iframe')).toHaveCount(0);
  });

  test('Reset and Apply the solution stay disabled until the editor is ready', async ({ page }) => {
    await stubStackBlitz(page, { answer: false });
    await page.goto(url);
    const reset = page.getByRole('button', { name: 'Reset to the starter' });
    const solution = page.getByRole('button', { name: 'Apply the solution' });
    await page.getByRole('button', { name: 'Launch the lab in this page' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Starting the editor' })).toBeVisible();
    await expect(page.locator(`iframe[title="Lab editor: ${lab!.meta.title}"]`)).toBeVisible();
    await expect(reset).toBeVisible();
    await expect(reset).toBeDisabled();
    await expect(solution).toBeDisabled();
  });

  test('a browser without WebContainers is told why and offered the other ways', async ({ browser }) => {
    const context = await browser.newContext({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' });
    const page = await context.newPage();
    await page.goto(url);
    await expect(page.getByText(/needs a Chromium-based browser/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Launch the lab in this page' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Open in StackBlitz (new tab)' })).toBeEnabled();
    await expect(page.getByRole('link', { name: 'Download the starter (.zip)' })).toBeVisible();
    await context.close();
  });

  test('the starter zip holds exactly the starter files', async ({ page }) => {
    await page.goto(url);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the starter (.zip)' }).click()]);
    const entries = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const files = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k.replace(`${lab!.slug}/`, ''), strFromU8(v)]));
    expect(files).toEqual(lab!.project.files);
  });

  test('the file tree opens the file it links to, and the solution is behind a reveal', async ({ page }) => {
    await page.goto(url);
    const tree = page.locator('.lab-files .tree');
    const first = tree.getByRole('link').first();
    const name = await first.innerText();
    await first.click();
    await expect(page.locator('.lab-files details[open] summary').filter({ hasText: name })).toBeVisible();
    const reveal = page.getByText(/^Reveal the solution/);
    await expect(page.getByRole('link', { name: 'Download the finished project (.zip)' })).toBeHidden();
    await reveal.click();
    await expect(page.getByRole('link', { name: 'Download the finished project (.zip)' })).toBeVisible();
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds no violations on a lab page (${theme})`, async ({ page }) => {
      // Thousands of highlighted-code elements: axe needs longer here than on a plain page.
      test.setTimeout(120_000);
      await useTheme(page, theme);
      await page.goto(url);
      await page.getByText(/^Reveal the solution/).click();
      // Open every hint too, so their contents are checked.
      await page.locator('details.hint').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
