/**
 * Labs in the browser, offline: StackBlitz is never reached. The POST the SDK makes to
 * https://stackblitz.com/run is intercepted and answered by a stub page that speaks the
 * SDK's handshake, or aborted to prove the fallback.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page, Route } from '@playwright/test';
import { readLabs } from '../../src/lib/labs.ts';
import { axeViolations, expect, test, useTheme } from './fixtures.ts';

const lab = readLabs(path.resolve(process.env.MLOPS_LABS_DIR ?? 'labs'))[0];
const url = lab ? `/learn/${lab.meta.lesson}/` : '';
const STACKBLITZ = /^https:\/\/stackblitz\.com\//;
const normalise = (s: string) => s.replace(/\r\n/g, '\n');

/** A page on stackblitz.com that answers SDK_INIT and records the VM requests it gets. */
const STUB = `<!doctype html><html><head><title>StackBlitz stub</title></head><body><p>Editor stub</p><script>
window.received = [];
addEventListener('message', (event) => {
  if (!event.data || event.data.action !== 'SDK_INIT') return;
  const channel = new MessageChannel();
  channel.port1.onmessage = ({ data }) => {
    window.received.push(data);
    const payload = { __reqid: data.payload.__reqid, __success: true };
    if (data.type === 'SDK_GET_FS_SNAPSHOT') Object.assign(payload, { 'package.json': '{}', 'added-by-student.js': 'x' });
    channel.port1.postMessage({ type: data.type, payload });
  };
  event.source.postMessage({ action: 'SDK_INIT_SUCCESS', id: event.data.id, payload: {} }, '*', [channel.port2]);
});
</script></body></html>`;

/** Intercepts the SDK's POST and answers with the stub; returns the captured request. */
async function stubStackBlitz(page: Page) {
  const captured: { url?: string; form?: URLSearchParams } = {};
  await page.context().route(STACKBLITZ, async (route: Route) => {
    const request = route.request();
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/run') {
      captured.url = request.url();
      captured.form = new URLSearchParams(request.postData() ?? '');
      await route.fulfill({
        status: 200,
        contentType: 'text/html',
        headers: { 'Cross-Origin-Embedder-Policy': 'credentialless', 'Cross-Origin-Resource-Policy': 'cross-origin' },
        body: STUB,
      });
    } else await route.abort();
  });
  return captured;
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
    const home = await page.goto('/');
    expect(home?.headers()['cross-origin-embedder-policy']).toBeUndefined();
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

  test('when StackBlitz cannot be reached, the static view stays with a message and Retry', async ({ page }) => {
    await page.context().route(STACKBLITZ, (route) => route.abort('internetdisconnected'));
    await page.goto(url);
    const launch = page.getByRole('button', { name: 'Launch the lab in this page' });
    await launch.click();
    await expect(page.getByRole('status').filter({ hasText: 'could not start in this page' })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Retry' })).toBeEnabled();
    await expect(page.getByRole('heading', { name: 'The task' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Files' })).toBeVisible();
    await expect(page.locator('iframe')).toHaveCount(0);
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
      await useTheme(page, theme);
      await page.goto(url);
      await page.getByText(/^Reveal the solution/).click();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});
