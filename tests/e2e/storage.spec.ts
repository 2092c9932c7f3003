/**
 * A student's work is never lost and never falsely reported as saved: storage full before
 * acting, storage blocked, two tabs, import then undo, and a corrupt flashcard.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';
import { axeViolations, expect, test } from './fixtures.ts';
import { readCourse } from './course-data.ts';

const lesson = readCourse().flatMap((m) => m.lessons)[0]!;
const dir = path.resolve('content', 'questions');
const bank = readdirSync(dir).flatMap((f) => parse(readFileSync(path.join(dir, f), 'utf8')) as { id: string; type: string; tags?: string[] }[]);
const choiceQuestion = bank.find((q) => q.type !== 'open')!;
const quizLesson = `/learn/${(bank.find((q) => q.type !== 'open') as unknown as { lesson: string }).lesson}/`;

/** Fills localStorage to the quota before any page script runs, as a full browser store would be. */
async function fillStorage(page: Page) {
  await page.addInitScript(() => {
    if (localStorage.getItem('fill-0') !== null) return;
    let chunk = 'x'.repeat(1 << 20);
    let i = 0;
    while (chunk.length > 0) {
      try {
        localStorage.setItem(`fill-${i++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  });
}

const notice = (page: Page) => page.locator('mlops-storage-notice').getByRole('status');

test('storage full: marking a lesson done says it was not saved, and Export still works', async ({ page }) => {
  test.slow(); // axe on a long lesson page, with the notice showing
  await fillStorage(page);
  await page.goto(lesson.url);
  const button = page.getByRole('button', { name: 'Mark lesson as done' });
  await button.click();
  await expect(page.locator('mlops-lesson-status').getByRole('status')).toHaveText(/^Not saved: this browser's storage is full\..*not marked done/);
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('button', { name: 'Lesson done ✓' })).toHaveCount(0);
  await expect(notice(page)).toContainText("Not saved: this browser's storage is full");
  const [download] = await Promise.all([page.waitForEvent('download'), notice(page).getByRole('button', { name: 'Export my progress' }).click()]);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  // What the student did is in the export even though storage refused it.
  expect(exported.lessons[lesson.id].completedAt).toBeGreaterThan(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Mark lesson as done' })).toBeVisible();
});

test('storage full: a lesson quiz shows its score and says the result was not saved', async ({ page }) => {
  await fillStorage(page);
  await page.goto(quizLesson);
  const quiz = page.getByRole('region', { name: 'Check your understanding' });
  await quiz.getByRole('button', { name: 'Check answers' }).click();
  await expect(quiz.locator('.quiz-score')).toHaveText(/^You got \d+ of \d+ right\..* This result was not saved\. Not saved: this browser's storage is full/);
  await page.reload();
  await expect(page.getByText(/Your last attempt scored/)).toHaveCount(0);
});

test('storage full: a STAR draft and an import are not reported as saved', async ({ page }) => {
  await fillStorage(page);
  await page.goto('/practice/#behavioral');
  const story = page.locator('details.star-q').first();
  await story.locator('summary').first().click();
  await story.getByLabel('Situation').fill('Our model drifted after a holiday sale.');
  await expect(story.getByRole('status')).toHaveText(/^Not saved: this browser's storage is full.*still in the form/);
  await expect(page.getByText('Draft saved in this browser.')).toHaveCount(0);
  await page.goto('/progress/');
  const file = { version: 2, lessons: { [lesson.id]: { visitedAt: 1, completedAt: 1 } }, quizzes: {}, questions: {}, cards: {}, drafts: {}, searches: [] };
  await page.getByLabel('Choose a progress file exported from this course').setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole('button', { name: 'Replace my progress with the file' }).click();
  await expect(page.locator('.pm-status')).toHaveText(/^Not imported: nothing was changed\. Not saved: this browser's storage is full/);
  await expect(page.getByText('Progress imported')).toHaveCount(0);
});

test('storage full: a record from a newer version is left untouched, and the notice says so', async ({ page }) => {
  const newer = JSON.stringify({ version: 99, lessons: { [lesson.id]: { visitedAt: 1, completedAt: 1 } }, futureField: 'kept' });
  await page.addInitScript((raw) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('mlops-progress', raw);
  }, newer);
  await fillStorage(page);
  await page.goto(lesson.url);
  await expect(notice(page)).toContainText('newer version');
  await expect(notice(page)).toContainText('left untouched');
  await page.getByRole('button', { name: 'Mark lesson as done' }).click();
  await expect(page.locator('mlops-lesson-status').getByRole('status')).toContainText('Not saved');
  await page.goto('/progress/');
  await page.getByRole('button', { name: 'Reset all progress…' }).click();
  await page.getByRole('button', { name: 'Yes, reset everything' }).click();
  await expect(page.locator('.pm-status')).toHaveText(/^Not reset: nothing was changed\./);
  expect(await page.evaluate(() => localStorage.getItem('mlops-progress'))).toBe(newer);
});

test('storage blocked: the theme control works, one notice explains, nothing throws', async ({ page }) => {
  test.slow(); // axe on a long lesson page, with the notice showing
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto(lesson.url);
  await expect(notice(page)).toContainText('progress cannot be kept in this browser');
  await expect(page.locator('mlops-storage-notice p.sn-text')).toHaveCount(1);
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await expect(theme).toBeEnabled();
  await theme.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await theme.selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: 'Mark lesson as done' }).click();
  await expect(page.locator('mlops-lesson-status').getByRole('status')).toContainText('Not saved: this browser blocks storage');
  expect(await axeViolations(page)).toEqual([]);
  // The fixture fails the test on any uncaught error or console error.
});

test('two tabs typing in different STAR parts keep both', async ({ context }) => {
  const [one, two] = [await context.newPage(), await context.newPage()];
  for (const p of [one, two]) {
    await p.goto('/practice/#behavioral');
    await p.locator('details.star-q').first().locator('summary').first().click();
  }
  const story = (p: Page) => p.locator('details.star-q').first();
  await story(one).getByLabel('Situation').fill('Tab one: the situation.');
  await expect(story(one).getByRole('status')).toHaveText('Draft saved in this browser.');
  await story(two).getByLabel('Task').fill('Tab two: the task.');
  await expect(story(two).getByRole('status')).toHaveText('Draft saved in this browser.');
  // The other tab's part arrives without a reload.
  await expect(story(one).getByLabel('Task')).toHaveValue('Tab two: the task.');
  await one.reload();
  await story(one).locator('summary').first().click();
  await expect(story(one).getByLabel('Situation')).toHaveValue('Tab one: the situation.');
  await expect(story(one).getByLabel('Task')).toHaveValue('Tab two: the task.');
});

test('import then Undo restores the previous record, and the backup is listed', async ({ page }) => {
  test.slow(); // axe on a long lesson page, with the notice showing
  const mine = { version: 2, lastLesson: lesson.id, lessons: { [lesson.id]: { visitedAt: 5, completedAt: 5 } }, quizzes: {}, questions: {}, cards: {}, drafts: {}, searches: ['docker'] };
  await page.addInitScript((r) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('mlops-progress', r);
      sessionStorage.setItem('seeded', '1');
    }
  }, JSON.stringify(mine));
  await page.goto('/progress/');
  await expect(page.getByText(/^Lessons done: 1 \(opened/)).toBeVisible();
  const file = { version: 2, lessons: {}, quizzes: {}, questions: { [choiceQuestion.id]: { seen: 1, correct: 1, lastCorrect: true, at: 9 } }, cards: {}, drafts: {}, searches: [] };
  await page.getByLabel('Choose a progress file exported from this course').setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole('button', { name: 'Replace my progress with the file' }).click();
  await expect(page.locator('.pm-status')).toHaveText(/^Progress imported\./);
  await expect(page.getByText(/^Lessons done: 0 \(opened/)).toBeVisible();
  const imported = await page.evaluate(() => JSON.parse(localStorage.getItem('mlops-progress')!));
  // The file replaces everything: the old lastLesson and searches are gone.
  expect(imported.lastLesson).toBeUndefined();
  expect(imported.searches).toEqual([]);
  await expect(page.getByRole('listitem').filter({ hasText: 'before an import' })).toContainText('1 lesson done');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.pm-status')).toHaveText(/^Undone/);
  await expect(page.getByText(/^Lessons done: 1 \(opened/)).toBeVisible();
  const back = await page.evaluate(() => JSON.parse(localStorage.getItem('mlops-progress')!));
  expect(back.lastLesson).toBe(lesson.id);
  expect(back.searches).toEqual(['docker']);
  expect(await axeViolations(page)).toEqual([]);
  await page.reload();
  await expect(page.getByText(/^Lessons done: 1 \(opened/)).toBeVisible();
});

test('a corrupt card does not block "Show answer" in flashcards', async ({ page }) => {
  const corrupt = { due: 1, stability: -4, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 3, lapses: 0, state: 99 };
  await page.addInitScript(
    ([id, card]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('mlops-progress', JSON.stringify({ version: 2, lessons: {}, quizzes: {}, questions: {}, cards: { [id as string]: card }, drafts: {}, searches: [] }));
        sessionStorage.setItem('seeded', '1');
      }
    },
    [choiceQuestion.id, corrupt] as const,
  );
  await page.goto('/practice/#flashcards');
  await expect(notice(page)).toContainText('had impossible values and were dropped');
  await page.getByRole('button', { name: 'Start reviewing' }).click();
  await page.getByRole('button', { name: /^Show answer/ }).click();
  await expect(page.getByRole('button', { name: /^Good 3 next in/ })).toBeVisible();
  await page.getByRole('button', { name: /^Good 3 next in/ }).click();
  const backups = await page.evaluate(() => JSON.parse(localStorage.getItem('mlops-progress-backups')!));
  expect(JSON.parse(backups[0].raw).cards[choiceQuestion.id].state).toBe(99);
});
