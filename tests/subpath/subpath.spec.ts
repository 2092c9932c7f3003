/**
 * The site built for a base path, served under it: the student's path through the course
 * works, and nothing the pages load or link to leaves the base (/mlops-course/ unless
 * SUBPATH_BASE says otherwise, see scripts/subpath.ts). Page addresses here
 * are relative ("learn/x/"), so they resolve under the configured base URL.
 */
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { readLabs } from '../../src/lib/labs.ts';
import { expect, test } from '../e2e/fixtures.ts';
import { readCourse } from '../e2e/course-data.ts';
import { SUBPATH_BASE as BASE } from '../../scripts/subpath.ts';

const lessons = readCourse().flatMap((m) => m.lessons);
const [first, second] = lessons;
const lab = readLabs(path.resolve('labs'))[0]!;
const labLesson = lessons.find((l) => l.id === lab.meta.lesson)!;
/** A site path ("/learn/x/") as a relative address under the base. */
const at = (sitePath: string) => sitePath.replace(/^\//, '');

/** Every same-origin request the page makes, so a test can prove none escapes the base. */
function watchRequests(page: Page) {
  const seen: { path: string; status?: number }[] = [];
  page.on('requestfinished', async (request) => {
    const url = new URL(request.url());
    if (url.hostname === '127.0.0.1') seen.push({ path: url.pathname, status: (await request.response())?.status() });
  });
  return seen;
}

const escaped = (seen: { path: string }[]) => seen.filter((r) => !r.path.startsWith(BASE)).map((r) => r.path);

test('home → first module → first lesson → next lesson, every request under the base', async ({ page }) => {
  const seen = watchRequests(page);
  await page.goto('./');
  expect(new URL(page.url()).pathname).toBe(BASE);
  // Home shows the module grid; the module page lists its lessons.
  await page.getByRole('region', { name: 'Course map' }).getByRole('link', { name: /^Module 1\b/ }).click();
  const modulePath = first!.url.split('/').slice(0, 3).join('/') + '/';
  await expect(page).toHaveURL(new RegExp(`${BASE}${at(modulePath)}$`));
  await page.getByRole('main').getByRole('link', { name: first!.title, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`${BASE}${at(first!.url)}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first!.title);
  await page.getByRole('navigation', { name: 'Previous and next lesson' }).getByRole('link', { name: new RegExp(second!.title) }).click();
  await expect(page).toHaveURL(new RegExp(`${BASE}${at(second!.url)}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(second!.title);
  // The header's links lead back into the site, not to the domain's root.
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Labs' })).toHaveAttribute('href', `${BASE}labs/`);
  await page.waitForLoadState('networkidle');
  expect(seen.length).toBeGreaterThan(2);
  expect(escaped(seen)).toEqual([]);
  expect(seen.filter((r) => r.status !== 200 && r.status !== 304)).toEqual([]);
});

test('the search dialog answers from the index under the base and opens a result there', async ({ page }) => {
  const seen = watchRequests(page);
  await page.goto('./');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('combobox', { name: /Search lessons/ }).fill('docker');
  const option = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
  await expect(option).toBeVisible();
  await option.click();
  await expect(page).toHaveURL(new RegExp(`^[^#]*${BASE}(learn|questions|glossary)/`));
  expect(seen.some((r) => r.path === `${BASE}search-index.json` && r.status === 200)).toBe(true);
  expect(seen.some((r) => r.path === `${BASE}search-index/d.json` && r.status === 200)).toBe(true);
  expect(escaped(seen)).toEqual([]);
});

test('every URL stored in the search index is under the base', async ({ request }) => {
  // The index stores each page's URL once (pages) and each lab's (u); question and glossary
  // URLs are built in the browser through withBase, which the search dialog test follows.
  const file = (await (await request.get('search-index.json')).json()) as { pages: [string, string, number][]; records: { u?: string }[] };
  const urls = [...file.pages.map((p) => p[1]), ...file.records.flatMap((r) => (r.u ? [r.u] : []))];
  expect(urls.length).toBeGreaterThan(lessons.length);
  expect(urls.filter((u) => !u.startsWith(BASE))).toEqual([]);
});

test('a lab page shows its static view, is isolated, and downloads its zip from under the base', async ({ page }) => {
  const response = await page.goto(at(labLesson.url));
  // The build's _headers paths carry the base, so the lab page is still isolated.
  expect(response?.headers()['cross-origin-embedder-policy']).toBe('credentialless');
  await expect(page.getByRole('heading', { name: lab.meta.title })).toBeVisible();
  await expect(page.getByRole('link', { name: lab.meta.openFile.split('/').pop()! }).first()).toBeVisible();
  const link = page.getByRole('link', { name: 'Download the starter (.zip)' });
  await expect(link).toHaveAttribute('href', `${BASE}labs/${lab.slug}/${lab.slug}-starter.zip`);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const entries = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const files = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k.replace(`${lab.slug}/`, ''), strFromU8(v)]));
  expect(files).toEqual(lab.project.files);
  // Launch fetches this payload; it must answer where the page says it is.
  const payloadUrl = await page.locator('[data-project-url]').getAttribute('data-project-url');
  expect(payloadUrl).toBe(`${BASE}labs/${lab.slug}/project.json`);
  expect((await page.request.get(payloadUrl!)).status()).toBe(200);
});

test('progress persists across a reload and shows on the home page', async ({ page }) => {
  await page.goto(at(first!.url));
  await page.getByRole('button', { name: 'Mark lesson as done' }).click();
  await page.reload();
  await expect(page.getByRole('button', { name: /Lesson done/ })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('./');
  // The first lesson is done, so Continue leads on to the second.
  const resume = page.getByRole('link', { name: `Continue with the next lesson: ${second!.title}` });
  await expect(resume).toHaveAttribute('href', `${BASE}${at(second!.url)}`);
});

test('a missing page gets the 404 page, whose links stay under the base; the domain root is not the site', async ({ page }) => {
  const response = await page.goto('no-such-page/');
  expect(response?.status()).toBe(404);
  await page.getByRole('link', { name: 'Go to the course map' }).click();
  expect(new URL(page.url()).pathname).toBe(BASE);
  // Served as a project site: a link that forgot the base would land here, on a 404.
  if (BASE !== '/') expect((await page.request.get(new URL(at(first!.url), new URL('/', page.url())).href)).status()).toBe(404);
});
