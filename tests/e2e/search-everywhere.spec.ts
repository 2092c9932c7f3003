/**
 * Search answers on every page type, lab pages included (they are cross-origin isolated, so
 * everything search fetches must be allowed there), says so when part of its index cannot
 * load, and shows what the ranking rules promise.
 */
import path from 'node:path';
import { labPagePaths } from '../../src/lib/headers.ts';
import { expect, test } from './fixtures.ts';
import { readCourse } from './course-data.ts';

const course = readCourse();
const labPage = labPagePaths(path.resolve('content'))[0]!;
const plainLesson = course.flatMap((m) => m.lessons).find((l) => l.url !== labPage && !labPagePaths(path.resolve('content')).includes(l.url))!;
const pages = {
  home: '/',
  module: `/learn/${course[0]!.id}/`,
  lesson: plainLesson.url,
  'lab lesson': labPage,
  glossary: '/glossary/',
  practice: '/practice/',
  questions: '/questions/',
  'question module': `/questions/${course[0]!.id}/`,
  progress: '/progress/',
  'not found': '/no/such/page/',
};

/** Opens the dialog with "/", types, and returns the results listbox once it shows options. */
async function searchFor(page: import('@playwright/test').Page, query: string) {
  await page.keyboard.press('/');
  const input = page.getByRole('combobox', { name: /Search lessons/ });
  await expect(input).toBeFocused();
  await page.keyboard.type(query);
  const listbox = page.getByRole('listbox', { name: 'Search results' });
  await expect(listbox.getByRole('option').first()).toBeVisible();
  return listbox;
}

test('the lab page is isolated and its search answers there, with no worker to block', async ({ page }) => {
  const searchFiles: [string, number][] = [];
  page.on('response', (r) => {
    if (/search-index|search-run|search-results/.test(r.url())) searchFiles.push([new URL(r.url()).pathname, r.status()]);
  });
  await page.goto(labPage);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const listbox = await searchFor(page, 'canary');
  await expect(listbox.getByRole('option').filter({ hasText: /Canary releases/ }).first()).toBeVisible();
  expect(page.workers()).toEqual([]);
  expect(searchFiles.map(([p]) => p.replace(/\.[\w-]+\.js$/, '.js'))).toEqual(expect.arrayContaining(['/search-index.json', '/search-index/c.json']));
  expect(searchFiles.filter(([, status]) => status !== 200)).toEqual([]);
});

test('search answers on every page type', async ({ page }) => {
  test.setTimeout(90_000);
  for (const [name, url] of Object.entries(pages)) {
    await page.goto(url);
    const listbox = await searchFor(page, 'dockerfile');
    await expect(listbox.getByRole('option').filter({ hasText: /Dockerfile/ }).first(), name).toBeVisible();
  }
});

test('when a word shard cannot load, search says so, and the next word still answers', async ({ page, consoleErrors }) => {
  await page.route(/\/search-index\/b\.json$/, (route) => route.abort('failed'));
  await page.goto(labPage);
  await page.keyboard.press('/');
  await page.keyboard.type('blue green');
  await expect(page.getByRole('dialog').getByText('Search failed while loading part of its index. Check your connection and type again.')).toBeVisible();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('canary');
  const listbox = page.getByRole('listbox', { name: 'Search results' });
  await expect(listbox.getByRole('option').filter({ hasText: /Canary releases/ }).first()).toBeVisible();
  // The aborted request is the one expected console error.
  const unexpected = consoleErrors.filter((e) => !/Failed to load resource|ERR_FAILED/.test(e));
  consoleErrors.length = 0;
  consoleErrors.push(...unexpected);
});

test('stop words do not drive matches and highlights mark whole words or their start', async ({ page }) => {
  await page.goto('/');
  const listbox = await searchFor(page, 'what is canary');
  await expect(listbox.getByRole('option').filter({ hasText: 'What an API is' })).toHaveCount(0);
  const marks = await listbox.locator('mark').evaluateAll((ms) =>
    ms.map((m) => ({ text: m.textContent ?? '', before: m.previousSibling?.textContent?.slice(-1) ?? '', after: m.nextSibling?.textContent?.[0] ?? '' })),
  );
  expect(marks.length).toBeGreaterThan(0);
  for (const m of marks) {
    expect(m.before, `"${m.text}" starts inside a word`).not.toMatch(/[\p{L}\p{N}]/u);
    expect(m.text.toLowerCase()).toMatch(/^canar/);
  }
});

test('a very long query is cut, with a visible note, and still answers', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  const long = 'Why is pickle dangerous for model serialization and what should a team use instead when it ships models to production servers every week?'.repeat(3);
  await page.getByRole('combobox', { name: /Search lessons/ }).fill(long);
  await expect(page.getByRole('status').filter({ hasText: /only its first 200 characters were used/ })).toBeVisible();
  await expect(page.getByRole('option').first()).toBeVisible();
});
