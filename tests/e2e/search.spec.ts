/** Search: lazy loading, keyboard use, the dialog's accessibility, and the search page. */
import { axeViolations, expect, test, useTheme } from './fixtures.ts';
import { readCourse } from './course-data.ts';

const lesson = readCourse().flatMap((m) => m.lessons)[0]!;
const isSearchAsset = (url: string) => /search-index|search-run|search-engine|fuse/i.test(url);
const shardsFetched = (requests: string[]) => requests.map((u) => /\/search-index\/([a-z0-9]+)\.json$/.exec(u)?.[1]).filter(Boolean);

test('nothing for search is downloaded until search is used', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(lesson.url);
  await page.waitForLoadState('networkidle');
  expect(requests.filter(isSearchAsset)).toEqual([]);
  await page.keyboard.press('/');
  await expect(page.getByRole('combobox', { name: /Search lessons/ })).toBeFocused();
  await expect.poll(() => requests.filter(isSearchAsset).length).toBeGreaterThanOrEqual(2);
  // Opening fetches the records; a word's shard comes only with a word that needs it, once.
  expect(shardsFetched(requests)).toEqual([]);
  await page.keyboard.type('docker dockerfile');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toBeVisible();
  expect(shardsFetched(requests)).toEqual(['d']);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('canary docker');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').filter({ hasText: /canary/i }).first()).toBeVisible();
  expect(shardsFetched(requests)).toEqual(['d', 'c']);
});

test('keyboard only: open with "/", type, arrow to a section, Enter lands on its heading', async ({ page }) => {
  await page.goto(lesson.url);
  await page.keyboard.press('/');
  await page.keyboard.type('blue green');
  const listbox = page.getByRole('listbox', { name: 'Search results' });
  const option = listbox.getByRole('option').filter({ hasText: /Blue-green deployments/ }).first();
  await expect(option).toBeVisible();
  await expect(option.locator('mark').first()).toBeVisible();
  const url = await option.getAttribute('data-url');
  const options = await listbox.getByRole('option').all();
  const index = await Promise.all(options.map((o) => o.getAttribute('data-url'))).then((u) => u.indexOf(url));
  for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('combobox', { name: /Search lessons/ })).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(url!);
  const anchor = url!.split('#')[1]!;
  await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport();
  await expect(page.locator(`[id="${anchor}"]`)).toHaveText(/Blue-green deployments/);
});

test('Ctrl+K opens, Esc closes, and focus returns where it was; recent searches are kept', async ({ page }) => {
  await page.goto(lesson.url);
  const opener = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practice' });
  await opener.focus();
  await page.keyboard.press('Control+K');
  const input = page.getByRole('combobox', { name: /Search lessons/ });
  await expect(input).toBeFocused();
  await input.fill('docker');
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(opener).toBeFocused();
  // Choosing a result remembers the query.
  await page.keyboard.press('Control+K');
  await input.fill('fargate');
  await page.getByRole('option').first().click();
  await page.waitForURL(/\/learn\/|\/questions\/|\/glossary\//);
  await page.keyboard.press('Control+K');
  await expect(page.getByRole('group', { name: 'Recent searches' }).getByRole('option', { name: 'fargate' })).toBeVisible();
});

test('no results suggests the question bank and the glossary', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('combobox', { name: /Search lessons/ }).fill('zzqxjv');
  const status = page.locator('.search-status');
  await expect(status).toContainText('No results for “zzqxjv”');
  await expect(status.getByRole('link', { name: 'question bank' })).toHaveAttribute('href', '/questions/');
  await expect(status.getByRole('link', { name: 'glossary' })).toHaveAttribute('href', '/glossary/');
});

test('the search page is shareable by URL and filters by kind and module', async ({ page }) => {
  await page.goto('/search/?q=docker&kind=question');
  await expect(page.getByRole('searchbox', { name: 'Search for' })).toHaveValue('docker');
  await expect(page.getByRole('checkbox', { name: 'Questions' })).toBeChecked();
  await expect(page.getByRole('status').filter({ hasText: /\d+ results? for “docker”/ })).toBeVisible();
  const kinds = await page.locator('.results .kind').allTextContents();
  expect(kinds.length).toBeGreaterThan(0);
  expect(new Set(kinds)).toEqual(new Set(['Question']));
  await page.getByRole('checkbox', { name: 'Questions' }).uncheck();
  await page.getByLabel('Module').selectOption({ label: '5. Docker' });
  await expect(page).toHaveURL(/module=docker/);
  const links = await page.locator('.results a[href^="/learn/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(links.every((h) => h!.startsWith('/learn/docker/'))).toBe(true);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations with the search dialog open (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto(lesson.url);
    await page.keyboard.press('/');
    await page.keyboard.type('model');
    await expect(page.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('/search/?q=pickle');
    await expect(page.locator('.results li').first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
