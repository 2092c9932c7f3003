/**
 * Home page module grid and "Continue", and the progress page's overview and reset, with
 * progress seeded in localStorage the way the site stores it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { axeViolations, expect, test, useTheme } from './fixtures.ts';
import { readCourse } from './course-data.ts';
import type { Page } from '@playwright/test';

const course = readCourse().filter((m) => m.lessons.length > 0);
const minutesOf = (url: string) => {
  const [, module, slug] = url.split('/').filter(Boolean);
  const file = readdirSync(path.resolve('content/lessons', module!)).find((f) => f.replace(/^\d+-/, '') === `${slug}.mdx`)!;
  return (parse(readFileSync(path.resolve('content/lessons', module!, file), 'utf8').split(/^---$/m)[1]!) as { minutes: number }).minutes;
};
const questions = readdirSync(path.resolve('content/questions'))
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => parse(readFileSync(path.resolve('content/questions', f), 'utf8')) as { id: string; tags: string[] }[]);

// Module A: two of its lessons done, the last one opened among them. Module B: all done.
const [modA, modB] = course;
const [a1, a2, a3] = modA!.lessons;
const allLessons = course.flatMap((m) => m.lessons);
// Two questions whose tags do not overlap: one always missed, one always right.
const missed = questions.find((q) => q.tags.length >= 2)!;
const right = questions.find((q) => q.tags.length > 0 && q.tags.every((t) => !missed.tags.includes(t)))!;

const DAY = 86_400_000;
const midnight = new Date();
midnight.setHours(0, 0, 0, 0);
const today = midnight.getTime();
const card = (due: number) => ({ due, stability: 3, difficulty: 5, elapsed_days: 1, scheduled_days: 3, learning_steps: 0, reps: 2, lapses: 0, state: 2 });

function seeded() {
  const at = Date.now() - DAY;
  const lessons: Record<string, unknown> = {};
  for (const l of [a1!, a2!, ...modB!.lessons]) lessons[l.id] = { visitedAt: at, completedAt: at };
  return {
    version: 2,
    lastLesson: a2!.id,
    lessons,
    quizzes: { [a1!.id]: { score: 2, total: 4, best: 3, at, missed: [], answers: {} } },
    questions: {
      [missed.id]: { seen: 2, correct: 0, lastCorrect: false, at },
      [right.id]: { seen: 3, correct: 3, lastCorrect: true, at },
    },
    cards: {
      overdue: card(today - 2 * DAY),
      today: card(today),
      tomorrow: card(today + DAY + DAY / 2),
      later: card(today + 3 * DAY + DAY / 2),
      nextWeek: card(today + 9 * DAY),
    },
    drafts: {},
    searches: [],
  };
}

/** Stores the seeded record once per test, before any page script runs. */
async function seed(page: Page, record: unknown = seeded()) {
  await page.addInitScript((raw) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('mlops-progress', raw);
  }, JSON.stringify(record));
}

/**
 * Top and height of the elements matched by `selector`, as laid out from the HTML alone
 * (module scripts answered with empty bodies) or with the scripts run. Equal lists mean
 * filling in the student's progress moved nothing.
 */
async function layout(page: Page, url: string, selector: string, withScripts: boolean) {
  if (!withScripts) await page.route('**/_astro/*.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
  await page.goto(url);
  const boxes = await page.locator(selector).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return `${e.tagName} ${Math.round(r.top + scrollY)} ${Math.round(r.height)}`;
    }),
  );
  await page.unrouteAll();
  return boxes;
}

const grid = (page: Page) => page.getByRole('region', { name: 'Course map' });
const moduleCard = (page: Page, m: (typeof course)[number]) => grid(page).getByRole('listitem').filter({ has: page.getByRole('link', { name: new RegExp(`^Module ${m.order}\\s`) }) });

test('the home grid shows lessons done and time left per module, and Continue leads to the next unfinished lesson', async ({ page }) => {
  await seed(page);
  await page.goto('/');
  const left = modA!.lessons.slice(2).reduce((t, l) => t + minutesOf(l.url), 0);
  const fmt = (m: number) => (m < 60 ? `${m} min` : `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`);
  await expect(moduleCard(page, modA!)).toContainText(`2 of ${modA!.lessons.length} lessons done · ${fmt(left)} left`);
  await expect(moduleCard(page, modB!)).toContainText(`${modB!.lessons.length} of ${modB!.lessons.length} lessons done · finished`);
  const untouched = course[2]!;
  await expect(moduleCard(page, untouched)).toContainText(`0 of ${untouched.lessons.length} lessons done`);
  // The bar is drawn to scale: 2 of n lessons.
  await expect(moduleCard(page, modA!).locator('.progress-bar .fill')).toHaveAttribute('width', String(Math.round((2 / modA!.lessons.length) * 100)));
  // The last lesson opened (a2) is done, so Continue skips it for the next one not done.
  const go = page.getByRole('link', { name: `Continue with the next lesson: ${a3!.title}` });
  await expect(go).toHaveAttribute('href', a3!.url);
  await expect(page.getByText(`You have finished ${2 + modB!.lessons.length} of ${allLessons.length} lessons.`)).toBeVisible();
  await expect(page.locator('mlops-continue')).toContainText('2 flashcards due: Review flashcards');
  await expect(page.getByRole('link', { name: 'Review flashcards' })).toHaveAttribute('href', '/practice/#flashcards');
  await go.click();
  await expect(page).toHaveURL(a3!.url);
});

test('Continue resumes an unfinished lesson, and says so when every lesson is done', async ({ page }) => {
  const record = seeded();
  record.lastLesson = a3!.id;
  (record.lessons as Record<string, unknown>)[a3!.id] = { visitedAt: Date.now() };
  await seed(page, record);
  await page.goto('/');
  await expect(page.getByRole('link', { name: `Continue where you left off: ${a3!.title}` })).toHaveAttribute('href', a3!.url);

  const done = Object.fromEntries(allLessons.map((l) => [l.id, { visitedAt: 1, completedAt: 1 }]));
  await page.evaluate((lessons) => localStorage.setItem('mlops-progress', JSON.stringify({ version: 2, lessons, quizzes: {}, questions: {}, cards: {}, drafts: {}, searches: [] })), done);
  await page.reload();
  await expect(page.getByRole('link', { name: 'Every lesson is done: keep it fresh in Practice' })).toHaveAttribute('href', '/practice/');
});

for (const width of [390, 1280]) {
  test(`the home grid, Continue and the progress overview fill in without moving the page (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 });
    await seed(page);
    const home = 'mlops-continue, mlops-continue + p, #map-heading, mlops-module-grid li, footer';
    const before = await layout(page, '/', home, false);
    await expect(page.getByRole('link', { name: /^Start here/ })).toBeVisible();
    const after = await layout(page, '/', home, true);
    // The scripts did run: the seeded progress is on the page.
    await expect(moduleCard(page, modA!)).toContainText(`2 of ${modA!.lessons.length} lessons done`);
    await expect(page.getByRole('link', { name: /^Continue with the next lesson/ })).toBeVisible();
    expect(after).toEqual(before);

    // The progress page: everything down to the chart keeps its place.
    const progress = '.po-modules li, #po-due, .po-chart';
    const bare = await layout(page, '/progress/', progress, false);
    const filled = await layout(page, '/progress/', progress, true);
    await expect(page.getByRole('region', { name: 'Progress by module' })).toContainText(`2 of ${modA!.lessons.length} lessons done`);
    await expect(page.locator('.po-chart svg')).toBeVisible();
    expect(filled).toEqual(bare);
  });
}

test('the progress page shows module bars, quiz scores, weakest topics and the cards due this week', async ({ page }) => {
  await seed(page);
  await page.goto('/progress/');
  const modules = page.getByRole('region', { name: 'Progress by module' });
  await expect(modules.getByRole('listitem').filter({ hasText: modA!.title })).toContainText(`2 of ${modA!.lessons.length} lessons done`);
  await expect(modules.getByRole('listitem').filter({ hasText: modA!.title }).locator('.fill')).toHaveAttribute('width', String(Math.round((2 / modA!.lessons.length) * 100)));
  await expect(modules.getByRole('listitem').filter({ hasText: modB!.title })).toContainText('finished');

  const quizzes = page.getByRole('table', { name: 'Best and latest score of each lesson quiz taken' });
  const row = quizzes.getByRole('row').filter({ has: page.getByRole('link', { name: a1!.title }) });
  await expect(row).toContainText('3 of 4 (75%)');
  await expect(row.getByRole('cell').last()).toHaveText('2 of 4');
  await expect(quizzes.getByRole('row')).toHaveCount(2);

  const weak = page.getByRole('region', { name: 'Weakest topics' });
  const tags = weak.getByRole('listitem');
  await expect(tags).toHaveCount(Math.min(5, missed.tags.length));
  await expect(tags.first()).toContainText(`${[...missed.tags].sort()[0]}: 0 of 2 answers right (0%)`);
  for (const t of right.tags) await expect(weak.getByText(t, { exact: true })).toHaveCount(0);
  // "Practise these" opens Practice with exactly the weak tags ticked.
  const weakTags = await tags.locator('strong').allTextContents();
  const practise = weak.getByRole('link', { name: 'Practise these' });
  const href = new URL((await practise.getAttribute('href'))!, 'http://site.invalid');
  expect(href.pathname).toBe('/practice/');
  expect(href.searchParams.getAll('tag')).toEqual(weakTags);

  const due = page.getByRole('region', { name: 'Flashcards due in the next 7 days' });
  await expect(due.locator('svg .col')).toHaveCount(7);
  const table = due.getByRole('table', { name: 'Flashcards due each day for the next 7 days' });
  const counts = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent, r.querySelector('td')!.textContent]));
  expect(counts.map(([, n]) => Number(n))).toEqual([2, 1, 0, 1, 0, 0, 0]);
  expect(counts.slice(0, 2).map(([d]) => d)).toEqual(['Today', 'Tomorrow']);
  // The tallest column is today's.
  const heights = await due.locator('svg .col').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
  expect(heights[0]).toBe(Math.max(...heights));
  expect(heights[1]).toBeCloseTo(heights[0]! / 2, 0);
  expect(heights[2]).toBe(0);
  await expect(due).toContainText('4 cards due in the next 7 days, 2 of them today');

  await practise.click();
  await expect(page).toHaveURL(/\/practice\/\?tag=/);
  for (const t of weakTags) await expect(page.locator(`input[type="checkbox"][name="tag"][value="${t}"]`)).toBeChecked();
  await expect(page.locator('input[type="checkbox"][name="tag"]:checked')).toHaveCount(weakTags.length);
});

test('reset asks in the page, by keyboard: Escape cancels, confirming clears everything', async ({ page }) => {
  page.on('dialog', (d) => {
    throw new Error(`A browser dialog opened: ${d.message()}`);
  });
  await seed(page);
  await page.goto('/progress/');
  const reset = page.getByRole('button', { name: 'Reset all progress…' });
  await reset.focus();
  await page.keyboard.press('Enter');
  const ask = page.getByRole('group', { name: /^Reset everything\?/ });
  await expect(ask).toBeVisible();
  await expect(reset).toHaveAttribute('aria-expanded', 'true');
  await expect(ask.getByText(/^Reset everything\? Lessons done/)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(reset).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Reset cancelled; nothing changed.' })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('mlops-progress')!).lessons).length)).toBeGreaterThan(0);

  await page.keyboard.press('Enter');
  await expect(ask).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(ask.getByRole('button', { name: 'Yes, reset everything' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(ask).toBeHidden();
  await expect(reset).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'All progress was reset.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('mlops-progress')!).lessons)).toEqual({});
  // The overview follows at once.
  await expect(page.getByRole('region', { name: 'Progress by module' }).getByRole('listitem').filter({ hasText: modA!.title })).toContainText('0 of');
  await expect(page.getByRole('region', { name: 'Weakest topics' })).toContainText('No answers yet');
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the home grid and the progress overview (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    await seed(page);
    await page.goto('/');
    await expect(page.getByRole('link', { name: /^Continue with the next lesson/ })).toBeVisible();
    expect(await axeViolations(page), 'home').toEqual([]);
    await page.goto('/progress/');
    await expect(page.getByRole('table', { name: /Best and latest score/ })).toBeVisible();
    await page.getByRole('button', { name: 'Reset all progress…' }).click();
    expect(await axeViolations(page), 'progress with the reset question open').toEqual([]);
  });
}

for (const width of [360, 390]) {
  test(`no sideways scroll on the home grid and the progress page at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await seed(page);
    for (const url of ['/', '/progress/']) {
      await page.goto(url);
      if (url === '/progress/') {
        await expect(page.getByRole('table', { name: /Best and latest score/ })).toBeVisible();
        await page.getByRole('button', { name: 'Reset all progress…' }).click();
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
  });
}
