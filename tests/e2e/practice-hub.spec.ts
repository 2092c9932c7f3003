/**
 * The practice hub: mode cards with what is due (from seeded progress), Start links, folded
 * filters with a live count, STAR draft badges, relative review times, inline validation,
 * no layout shift, and one quiz look in lessons and practice.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Locator, Page } from '@playwright/test';
import { axeViolations, expect, test, useTheme } from './fixtures.ts';

interface Q {
  id: string;
  lesson: string;
  type: 'single' | 'multiple' | 'true-false' | 'open';
  tags?: string[];
  choices?: { text: string; correct?: boolean }[];
}
const dir = path.resolve(process.env.MLOPS_CONTENT_DIR ?? 'content', 'questions');
const bank: Q[] = readdirSync(dir).flatMap((f) => parse(readFileSync(path.join(dir, f), 'utf8')) as Q[]);
const choice = bank.filter((q) => q.type !== 'open');
const open = bank.filter((q) => q.type === 'open');
const behavioral = bank.filter((q) => q.tags?.includes('behavioral'));

// A fixed clock (10:00 UTC) so "in 3 days" does not depend on when the test runs.
const NOW = Date.UTC(2026, 11, 7, 10);
const DAY = 86_400_000;
test.use({ timezoneId: 'UTC' });

const card = (due: number) => ({ due, stability: 5, difficulty: 5, elapsed_days: 0, scheduled_days: 3, learning_steps: 0, reps: 1, lapses: 0, state: 2, last_review: due - 3 * DAY });
/** A behavioral question's story on the page, found by its question id. */
const story = (page: Page, id: string) => page.locator(`details.star-q[data-question="${id}"]`);
const star = (text: string) => JSON.stringify({ situation: text, _at: { situation: NOW } });

/** Two missed and one right choice question, two cards due and one in 3 days, one mock answer and one STAR draft. */
const seeded = {
  version: 2,
  lessons: {},
  quizzes: {},
  questions: {
    [choice[0]!.id]: { seen: 1, correct: 0, lastCorrect: false, at: NOW - DAY },
    [choice[1]!.id]: { seen: 2, correct: 1, lastCorrect: false, at: NOW - DAY },
    [choice[2]!.id]: { seen: 1, correct: 1, lastCorrect: true, at: NOW - DAY },
  },
  cards: { [choice[0]!.id]: card(NOW - DAY), [choice[1]!.id]: card(NOW - 2 * DAY), [open[0]!.id]: card(NOW + 3 * DAY) },
  drafts: { [`mock:${open[0]!.id}`]: 'I would roll back first.', [`star:${behavioral[0]!.id}`]: star('Our model drifted after a sale.') },
  searches: [],
};

async function openHub(page: Page, progress: object | null = seeded) {
  await page.clock.install({ time: NOW });
  if (progress) await page.addInitScript((p) => localStorage.setItem('mlops-progress', JSON.stringify(p)), progress);
  await page.goto('/practice/');
  await expect(page.locator('mlops-practice .pool')).toHaveText(/questions match your filters/);
}

/** A mode card, found by its heading. */
const modeCard = (page: Page, title: string): Locator =>
  page.getByRole('region', { name: 'Choose how to practise' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

test('mode cards say what is due from the stored progress', async ({ page }) => {
  await openHub(page);
  await expect(modeCard(page, 'Quiz').locator('.due')).toHaveText(`2 questions missed last time · ${choice.length - 3} not tried yet`);
  await expect(modeCard(page, 'Flashcards').locator('.due')).toHaveText(`2 cards due for review · ${bank.length - 3} new`);
  await expect(modeCard(page, 'Mock interview').locator('.due')).toHaveText(`${open.length} interview questions · ${open.length - 1} not answered yet`);
  await expect(modeCard(page, 'Behavioral questions').locator('.due')).toHaveText(`1 of ${behavioral.length} stories drafted`);
  // Each Start link names its mode and is described by what is due.
  await expect(page.getByRole('link', { name: 'Start a quiz' })).toHaveAccessibleDescription(/2 questions missed last time/);
});

test('a fresh browser: nothing missed, everything new', async ({ page }) => {
  await openHub(page, null);
  await expect(modeCard(page, 'Quiz').locator('.due')).toHaveText(`${choice.length} not tried yet`);
  await expect(modeCard(page, 'Flashcards').locator('.due')).toHaveText(`${bank.length} new`);
  await expect(modeCard(page, 'Behavioral questions').locator('.due')).toHaveText(`0 of ${behavioral.length} stories drafted`);
});

test('Start on a card starts that mode in place', async ({ page }) => {
  await openHub(page);
  await page.getByRole('link', { name: 'Start a quiz' }).click();
  const question = page.locator('mlops-practice-quiz .pq-question');
  await expect(question.getByText('Question 1 of 10')).toBeVisible();
  await expect(question.getByRole('radio').or(question.getByRole('checkbox')).first()).toBeFocused();
  await page.getByRole('link', { name: 'Review flashcards' }).click();
  await expect(page.locator('.card-prompt')).toBeFocused();
  await page.getByRole('link', { name: 'Start a mock interview' }).click();
  await expect(page.locator('.mock-prompt')).toBeFocused();
  // Stories' forms are built when a story opens, not parsed with the page.
  await expect(page.locator('details.star-q form')).toHaveCount(0);
  await page.getByRole('link', { name: 'Write STAR stories' }).click();
  await expect(page.locator('details.star-q form')).toHaveCount(1);
  // The first story without a draft opens, ready to type; the drafted one stays closed.
  const ids = await page.locator('details.star-q[data-question]').evaluateAll((fs) => fs.map((f) => (f as HTMLElement).dataset.question!));
  const first = ids.find((id) => id !== behavioral[0]!.id)!;
  await expect(story(page, first)).toHaveAttribute('open', '');
  await expect(story(page, first).getByLabel('Situation')).toBeFocused();
  await expect(story(page, behavioral[0]!.id)).not.toHaveAttribute('open');
});

test('filters are folded with a live match count', async ({ page }) => {
  await openHub(page);
  const summary = page.locator('form[data-filters] summary');
  await expect(summary).toHaveText(`Filter questions (${bank.length} match)`);
  const interview = page.getByRole('checkbox', { name: 'Interview question' });
  await expect(interview).toBeHidden();
  await summary.click();
  await interview.check();
  await expect(summary).toHaveText(`Filter questions (${open.length} match)`);
  await expect(page.getByRole('status').filter({ hasText: 'match your filters' })).toHaveText(`${open.length} questions match your filters: 0 with choices, ${open.length} interview questions.`);
  // The cards follow the filters.
  await expect(modeCard(page, 'Quiz').locator('.due')).toHaveText('No choice questions match your filters.');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(summary).toHaveText(`Filter questions (${bank.length} match)`);
});

test('filters can come in the address, for links such as "practise these"', async ({ page }) => {
  await page.goto('/practice/?type=open&missed=on');
  await expect(page.getByRole('checkbox', { name: 'Interview question' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Only the ones I missed' })).toBeChecked();
  await expect(page.locator('form[data-filters] summary')).toHaveText('Filter questions (0 match)');
});

test('STAR questions with a draft show a badge, and the count follows new drafts', async ({ page }) => {
  await openHub(page);
  const [drafted, other] = [story(page, behavioral[0]!.id), story(page, behavioral[1]!.id)];
  const badge = (s: Locator) => s.locator('summary').getByText('Draft', { exact: true });
  await expect(badge(drafted)).toBeVisible();
  await expect(badge(other)).toBeHidden();
  await expect(page.locator('summary .draft-badge:visible')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: /^You have drafts/ })).toHaveText(`You have drafts for 1 of ${behavioral.length}, marked "Draft".`);
  await other.locator('summary').first().click();
  await other.getByLabel('Action').fill('I paused the rollout and compared the inputs.');
  await expect(badge(other)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^You have drafts/ })).toHaveText(`You have drafts for 2 of ${behavioral.length}, marked "Draft".`);
  await expect(modeCard(page, 'Behavioral questions').locator('.due')).toHaveText(`2 of ${behavioral.length} stories drafted`);
});

test('the next flashcard review reads as a relative time, the exact one in its element', async ({ page }) => {
  // Only the open question with a card scheduled in 3 days, so nothing is due.
  await openHub(page, { ...seeded, cards: { [open[0]!.id]: card(NOW + 3 * DAY) } });
  const due = page.locator('mlops-flashcards .due');
  await expect(due).toHaveText(`0 cards are due for review and ${bank.length - 1} are new. The next review is in 3 days.`);
  const time = due.locator('time');
  await expect(time).toHaveText('in 3 days');
  await expect(time).toHaveAttribute('datetime', new Date(NOW + 3 * DAY).toISOString());
  await expect(time).toHaveAttribute('title', /^Dec 10, 2026, 10:00\sAM$/);
  await expect(due).not.toContainText('/2026');
});

test('setup forms validate inline: message tied to the field, focus on it, gone once fixed', async ({ page }) => {
  await openHub(page);
  const seconds = page.getByLabel('Seconds per question');
  await seconds.fill('5');
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await expect(seconds).toBeFocused();
  await expect(seconds).toHaveAttribute('aria-invalid', 'true');
  await expect(seconds).toHaveAccessibleDescription('Seconds per question: 5 is below the minimum of 10. Enter a number between 10 and 900.');
  await expect(page.locator('mlops-mock-interview .mock-q')).toHaveCount(0);
  await seconds.fill('30');
  await expect(seconds).not.toHaveAttribute('aria-invalid');
  await expect(page.getByText(/is below the minimum of 10/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await expect(page.locator('.mock-prompt')).toBeFocused();

  const count = page.getByLabel('Number of questions');
  await count.fill('');
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await expect(count).toBeFocused();
  await expect(count).toHaveAccessibleDescription('Number of questions: enter a number between 1 and 50, e.g. 10.');
});

test('the mock interview asks for a rating beside the ratings, with focus there', async ({ page }) => {
  await openHub(page);
  await page.getByLabel('Questions', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Start the interview' }).click();
  await page.getByRole('button', { name: "I'm done: show the model answer" }).click();
  await page.getByRole('button', { name: 'See the summary' }).click();
  const ratings = page.getByRole('group', { name: 'How did you do?' });
  await expect(ratings).toHaveAccessibleDescription('Rate your answer first: it decides what to revisit.');
  await expect(ratings.getByRole('radio').first()).toBeFocused();
});

for (const width of [1280, 390]) {
  test(`no layout shift while the hub renders (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.addInitScript(() => {
      (window as unknown as { cls: number }).cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
          if (!e.hadRecentInput) (window as unknown as { cls: number }).cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await openHub(page);
    await expect(modeCard(page, 'Quiz').locator('.due')).toHaveText(/missed last time/);
    await page.waitForTimeout(300);
    const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
    expect(cls).toBeLessThan(0.1);
  });
}

test('the hub fits 360 and 390 px without sideways scrolling', async ({ page }) => {
  await openHub(page);
  await page.locator('form[data-filters] summary').click();
  for (const width of [360, 390]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
  }
  // On a phone the first Start button is on the first screen, not thousands of pixels down.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await page.getByRole('link', { name: 'Start a quiz' }).boundingBox();
  expect(box!.y + box!.height).toBeLessThan(800);
  // Kept for the release note's before/after pictures (test-results/ is not committed).
  await page.screenshot({ path: test.info().outputPath('practice-390.png') });
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: hub, open filters, a field error and draft badges (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    await openHub(page);
    expect(await axeViolations(page), 'hub').toEqual([]);
    await page.locator('form[data-filters] summary').click();
    await page.getByLabel('Seconds per question').fill('1');
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await page.locator('details.star-q').first().locator('summary').first().click();
    expect(await axeViolations(page), 'filters open, error shown, story open').toEqual([]);
  });
}

test('question titles sit inside their box, and verdicts look the same in lessons and practice', async ({ page }) => {
  const inside = (fieldset: Locator) =>
    fieldset.evaluate((f) => {
      const legend = f.querySelector('legend')!.getBoundingClientRect();
      const box = f.getBoundingClientRect();
      const style = getComputedStyle(f);
      return legend.top - box.top - parseFloat(style.borderTopWidth) - parseFloat(style.paddingTop);
    });
  const lessonQ = choice.find((q) => bank.filter((o) => o.lesson === q.lesson && o.type !== 'open').length >= 2)!;
  await page.goto(`/learn/${lessonQ.lesson}/`);
  const fieldset = page.locator(`fieldset[data-id="${lessonQ.id}"]`);
  expect(await inside(fieldset)).toBeGreaterThanOrEqual(-0.5);
  await page.getByRole('region', { name: 'Check your understanding' }).getByRole('button', { name: 'Check answers' }).click();
  const verdictStyle = (l: Locator) =>
    l.evaluate((el) => {
      const s = getComputedStyle(el);
      return { border: s.borderLeftColor, width: s.borderLeftWidth, background: s.backgroundColor, weight: s.fontWeight, padding: s.padding };
    });
  // A lesson loads its marking code on the first Check: wait for the verdict, not a fixed time.
  await expect(fieldset.locator('.q-verdict')).toHaveAttribute('data-correct', 'false');
  const lessonVerdict = await verdictStyle(fieldset.locator('.q-verdict'));
  expect(lessonVerdict.width).toBe('4px');

  await page.goto('/practice/');
  await page.getByLabel('Number of questions').fill('1');
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  const practice = page.locator('mlops-practice-quiz .pq-question');
  expect(await inside(practice.locator('fieldset'))).toBeGreaterThanOrEqual(-0.5);
  await practice.getByRole('button', { name: 'Check' }).click();
  await expect(practice.locator('.q-verdict')).toHaveAttribute('data-correct', 'false');
  // Both unanswered: the same "not quite" banner.
  expect(await verdictStyle(practice.locator('.q-verdict'))).toEqual(lessonVerdict);
});
