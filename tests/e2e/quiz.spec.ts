/** Lesson quizzes, the question bank, practice modes and the progress store, in the browser. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Locator, Page } from '@playwright/test';
import { stableOrder } from '../../src/lib/choice-order.ts';
import { plainText } from '../../src/lib/text.ts';
import { axeViolations, expect, test, useTheme } from './fixtures.ts';

interface Q {
  id: string;
  lesson: string;
  section: string;
  type: 'single' | 'multiple' | 'true-false' | 'open';
  prompt: string;
  tags?: string[];
  choices?: { text: string; correct?: boolean }[];
}
const dir = path.resolve(process.env.MLOPS_CONTENT_DIR ?? 'content', 'questions');
const bank: Q[] = readdirSync(dir).flatMap((f) => parse(readFileSync(path.join(dir, f), 'utf8')) as Q[]);
// The first lesson with at least two choice questions: its quiz is what the tests answer.
const byLesson = new Map<string, Q[]>();
for (const q of bank.filter((q) => q.type !== 'open')) byLesson.set(q.lesson, [...(byLesson.get(q.lesson) ?? []), q]);
const [lessonId, quiz] = [...byLesson].find(([, qs]) => qs.length >= 2) ?? [...byLesson][0]!;
const lessonUrl = `/learn/${lessonId}/`;
const byId = new Map(bank.map((q) => [q.id, q]));

/**
 * Replaces Math.random with a seeded generator (mulberry32). Each page load takes the next
 * seed, so a reload draws different numbers than the load before it, yet every run is the same.
 */
async function seedRandom(page: Page, seed: number) {
  await page.addInitScript((base) => {
    const n = Number(sessionStorage.getItem('test-seed') ?? base);
    sessionStorage.setItem('test-seed', String(n + 1));
    let a = n >>> 0;
    Math.random = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }, seed);
}

/** The lesson quiz, once its script has taken over. */
async function openQuiz(page: Page) {
  await page.goto(lessonUrl);
  await expect(page.locator('mlops-quiz[data-ready]')).toBeAttached();
  return page.getByRole('region', { name: 'Check your understanding' });
}

/** The choice indexes of each question in the order they are shown, by question id. */
const shownOrders = (section: Locator): Promise<Record<string, number[]>> =>
  section
    .locator('fieldset.question')
    .evaluateAll((fs) => Object.fromEntries(fs.map((f) => [f.dataset.id, [...f.querySelectorAll<HTMLElement>('.choice')].map((li) => Number(li.dataset.index))])));

/** Ticks the right choices of a question (or one wrong one), found by their visible text. */
async function answer(group: Locator, q: Q, right = true) {
  const role = q.type === 'multiple' ? 'checkbox' : 'radio';
  const picks = right ? q.choices!.filter((c) => c.correct) : [q.choices!.find((c) => !c.correct)!];
  for (const c of picks) await group.getByRole(role, { name: plainText(c.text), exact: true }).check();
}

test('answering a lesson quiz shows per-choice feedback and a score, and a reload keeps it', async ({ page }) => {
  await page.goto(lessonUrl);
  const section = page.getByRole('region', { name: 'Check your understanding' });
  const first = section.locator(`fieldset[data-id="${quiz[0]!.id}"]`);
  // Pick a wrong answer for the first question where one exists, the right ones elsewhere.
  for (const [i, q] of quiz.entries()) {
    const group = section.locator(`fieldset[data-id="${q.id}"]`);
    const choices = q.choices!;
    const wrong = choices.findIndex((c) => !c.correct);
    const picks = i === 0 && wrong >= 0 ? [wrong] : choices.flatMap((c, n) => (c.correct ? [n] : []));
    for (const n of picks) await group.locator(`input[value="${n}"]`).check();
  }
  await section.getByRole('button', { name: 'Check answers' }).click();
  await expect(first.getByText(/^Not quite\./).first()).toBeVisible();
  await expect(first.locator('.choice[data-state="missed"]').first()).toBeVisible();
  await expect(first.getByRole('link', { name: 'Review this in the lesson' })).toHaveAttribute('href', new RegExp(`^/learn/${lessonId}/#`));
  const expected = `You got ${quiz.length - 1} of ${quiz.length} right.`;
  await expect(section.getByRole('region', { name: 'Your result' })).toContainText(expected);
  await page.reload();
  await expect(section.getByText(`Your last attempt scored ${quiz.length - 1} of ${quiz.length}`)).toBeVisible();
  await expect(first.locator('.choice[data-state="wrong"]')).toHaveCount(1);
  await section.getByRole('button', { name: 'Retry the whole quiz' }).click();
  await expect(first.locator('input:checked')).toHaveCount(0);
  await expect(section.getByRole('button', { name: 'Check answers' })).toBeVisible();
});

test('without JavaScript the quiz shows each answer behind a disclosure, in an order fixed by the question id', async ({ browser }) => {
  const orders: Record<string, number[]>[] = [];
  for (let visit = 0; visit < 2; visit++) {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(lessonUrl);
    orders.push(await shownOrders(page.locator('#quiz')));
    if (visit === 0) {
      const disclosure = page.locator('#quiz details.show-answer').first();
      await disclosure.locator('summary').click();
      await expect(disclosure.getByText('Answer:')).toBeVisible();
    }
    await context.close();
  }
  expect(orders[1]).toEqual(orders[0]);
  expect(orders[0]).toEqual(Object.fromEntries(quiz.map((q) => [q.id, stableOrder({ id: q.id, type: q.type, labels: q.choices!.map((c) => c.text) })])));
});

test('two visits to a lesson show its choices in different orders; true/false stays True, False', async ({ browser }) => {
  const orders: Record<string, number[]>[] = [];
  for (const seed of [11, 12]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await seedRandom(page, seed);
    orders.push(await shownOrders(await openQuiz(page)));
    await context.close();
  }
  expect(orders[1]).not.toEqual(orders[0]);
  for (const q of quiz) {
    expect([...orders[0]![q.id]!].sort()).toEqual(q.choices!.map((_, n) => n));
    if (q.type === 'true-false') expect(orders[0]![q.id]!.map((n) => q.choices![n]!.text)).toEqual(['True', 'False']);
  }
});

test('picking by visible text scores right wherever the right choice is shown, and focus moves to the results', async ({ page }) => {
  await seedRandom(page, 21);
  const section = await openQuiz(page);
  const orders = await shownOrders(section);
  // The test only proves something if some right answer is not shown first.
  expect(quiz.some((q) => !q.choices![orders[q.id]![0]!]!.correct)).toBe(true);
  for (const q of quiz) await answer(section.locator(`fieldset[data-id="${q.id}"]`), q);
  await section.getByRole('button', { name: 'Check answers' }).click();
  const results = section.getByRole('region', { name: 'Your result' });
  await expect(results).toBeFocused();
  await expect(results).toContainText(`You got ${quiz.length} of ${quiz.length} right. Well done.`);
  await expect(section.locator('.q-verdict')).toHaveText(quiz.map(() => 'Right.'));
  await expect(results.getByRole('button', { name: 'Retry the ones I missed' })).toHaveCount(0);
});

test('a stored attempt comes back after a reload with its order and picks', async ({ page }) => {
  await seedRandom(page, 31);
  const section = await openQuiz(page);
  const before = await shownOrders(section);
  // Pick whatever is shown second, so the stored picks depend on the order.
  for (const group of await section.locator('fieldset.question').all()) await group.locator('input').nth(1).check();
  const picked = await section.locator('input:checked').evaluateAll((els) => els.map((e) => `${e.getAttribute('name')}=${(e as HTMLInputElement).value}`));
  await section.getByRole('button', { name: 'Check answers' }).click();
  await expect(section.getByRole('region', { name: 'Your result' })).toContainText('You got');
  await page.reload();
  await expect(page.locator('mlops-quiz[data-ready]')).toBeAttached();
  expect(await shownOrders(section)).toEqual(before);
  expect(await section.locator('input:checked').evaluateAll((els) => els.map((e) => `${e.getAttribute('name')}=${(e as HTMLInputElement).value}`))).toEqual(picked);
  await expect(section.getByRole('region', { name: 'Your result' })).toContainText('Your last attempt scored');
  // Without the stored attempt, the same reload draws a new order.
  await page.evaluate(() => localStorage.removeItem('mlops-progress'));
  await page.reload();
  await expect(page.locator('mlops-quiz[data-ready]')).toBeAttached();
  expect(await shownOrders(section)).not.toEqual(before);
});

test('the results link each missed question and its lesson section, and "Retry the ones I missed" re-asks only those', async ({ page }) => {
  await seedRandom(page, 41);
  const section = await openQuiz(page);
  const [missed, ...rest] = quiz;
  const group = section.locator(`fieldset[data-id="${missed!.id}"]`);
  await answer(group, missed!, false);
  for (const q of rest) await answer(section.locator(`fieldset[data-id="${q.id}"]`), q);
  await section.getByRole('button', { name: 'Check answers' }).click();
  const results = section.getByRole('region', { name: 'Your result' });
  await expect(results).toBeFocused();
  await expect(results).toContainText(`You got ${quiz.length - 1} of ${quiz.length} right.`);
  const n = (await section.locator('fieldset.question').evaluateAll((fs) => fs.map((f) => f.dataset.id))).indexOf(missed!.id) + 1;
  await expect(results.getByRole('link', { name: `Review the lesson section for question ${n}` })).toHaveAttribute('href', `/learn/${lessonId}/#${missed!.section}`);
  await results.getByRole('link', { name: new RegExp(`^Question ${n}: `) }).click();
  await expect(page).toHaveURL(new RegExp(`#quiz-${missed!.id}$`));
  await expect(group).toBeInViewport();
  const before = (await shownOrders(section))[missed!.id];
  await results.getByRole('button', { name: 'Retry the ones I missed' }).click();
  await expect(results).toBeHidden();
  for (const q of rest) await expect(section.locator(`fieldset[data-id="${q.id}"]`)).toBeHidden();
  await expect(group.locator('input').first()).toBeFocused();
  await expect(group.locator('input:checked')).toHaveCount(0);
  expect((await shownOrders(section))[missed!.id]).not.toEqual(before);
  await answer(group, missed!);
  await section.getByRole('button', { name: 'Check answers' }).click();
  await expect(results).toBeFocused();
  await expect(results).toContainText(`You got ${quiz.length} of ${quiz.length} right.`);
  for (const q of rest) await expect(section.locator(`fieldset[data-id="${q.id}"]`)).toBeVisible();
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('mlops-progress')!));
  expect(stored.quizzes[lessonId]).toMatchObject({ score: quiz.length, best: quiz.length, missed: [] });
  // Only the retried question was asked twice.
  expect(stored.questions[missed!.id]).toMatchObject({ seen: 2, correct: 1 });
  expect(stored.questions[rest[0]!.id]).toMatchObject({ seen: 1, correct: 1 });
});

test('the question bank lists modules, filters a module\'s questions and deep-links to one', async ({ page }) => {
  const target = bank.find((q) => q.type === 'open') ?? bank[0]!;
  const module = target.lesson.split('/')[0]!;
  await page.goto('/questions/');
  await page.getByRole('link', { name: new RegExp(`Module \\d+ .*`) }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Questions: / })).toBeVisible();
  await page.goto(`/questions/${module}/#q-${target.id}`);
  await expect(page.locator(`#q-${target.id}`)).toHaveAttribute('open', '');
  await expect(page.locator(`#q-${target.id}`).getByRole('link', { name: /^Review:/ })).toBeVisible();
  // The filters are folded under their summary, as on the practice page.
  await page.getByText('Filter questions').click();
  await page.getByRole('checkbox', { name: 'Interview question' }).check();
  await expect(page.getByRole('status').filter({ hasText: /^Showing \d+ of \d+ questions\.$/ })).toBeVisible();
  const open = bank.filter((q) => q.type === 'open' && q.lesson.startsWith(`${module}/`)).length;
  await expect(page.locator('.entry:visible')).toHaveCount(open);
});

test('practice quiz: shuffled choices scored by identity, the lesson verdicts, and a results panel with retry', async ({ page }) => {
  await seedRandom(page, 51);
  await page.goto('/practice/');
  await page.getByLabel('Number of questions').fill('3');
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  const seen: Q[] = [];
  let shuffled = false;
  for (let i = 0; i < 3; i++) {
    const question = page.locator('mlops-practice-quiz .pq-question');
    const q = byId.get((await question.getAttribute('data-id'))!)!;
    seen.push(q);
    const order = await question.locator('.choice').evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset.index)));
    shuffled ||= order.some((n, pos) => n !== pos);
    // The first question is answered wrongly on purpose.
    await answer(question, q, i !== 0);
    await question.getByRole('button', { name: 'Check' }).click();
    await expect(question.locator('.q-verdict')).toHaveText(i === 0 ? 'Not quite: the right answer is marked.' : 'Right.');
    await question.getByRole('button', { name: i === 2 ? 'See your score' : 'Next question' }).click();
  }
  expect(shuffled, 'some question shows its choices out of file order').toBe(true);
  const results = page.getByRole('region', { name: 'Your result' });
  await expect(results).toBeFocused();
  await expect(results).toContainText('You got 2 of 3 right.');
  const module = seen[0]!.lesson.split('/')[0];
  await expect(results.getByRole('link', { name: /^Question 1: / })).toHaveAttribute('href', `/questions/${module}/#q-${seen[0]!.id}`);
  await expect(results.getByRole('link', { name: /^Review: .+ \(question 1\)$/ })).toHaveAttribute('href', `/learn/${seen[0]!.lesson}/#${seen[0]!.section}`);
  await results.getByRole('button', { name: 'Retry the ones I missed' }).click();
  const again = page.locator('mlops-practice-quiz .pq-question');
  await expect(again).toHaveAttribute('data-id', seen[0]!.id);
  await expect(again.getByText('Question 1 of 1')).toBeVisible();
  await answer(again, seen[0]!);
  await again.getByRole('button', { name: 'Check' }).click();
  await again.getByRole('button', { name: 'See your score' }).click();
  await expect(results).toContainText('You got 1 of 1 right. Well done.');
});

test('flashcards: revealing and rating moves the card to a later due date', async ({ page }) => {
  await page.goto('/practice/');
  // The filters are folded under their summary on the practice page.
  await page.getByText('Filter questions').click();
  await page.getByRole('checkbox', { name: 'Interview question' }).check();
  const due = page.locator('mlops-flashcards .due');
  await expect(due).toContainText('0 cards are due for review');
  await page.getByRole('button', { name: 'Start reviewing' }).click();
  const prompt = page.locator('.card-prompt');
  await expect(prompt).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: /^Good 3 next in/ })).toBeVisible();
  await page.keyboard.press('4');
  // Rating loads the scheduler before it saves: wait for the stored card, not a fixed time.
  const readCards = () => page.evaluate(() => JSON.parse(localStorage.getItem('mlops-progress') ?? '{}').cards as Record<string, { due: number; reps: number }> | undefined);
  await expect.poll(async () => Object.keys((await readCards()) ?? {}).length).toBe(1);
  const stored = (await readCards())!;
  const [card] = Object.values(stored);
  expect(card!.reps).toBe(1);
  expect(card!.due - Date.now()).toBeGreaterThan(20 * 60 * 60 * 1000);
});

test('mock interview: the timer runs, the model answer is compared, and a summary closes', async ({ page }) => {
  await page.clock.install();
  await page.goto('/practice/');
  await page.getByLabel('Questions', { exact: true }).fill('1');
  await page.getByLabel('Seconds per question').fill('30');
  await page.getByRole('button', { name: 'Start the interview' }).click();
  const timer = page.getByRole('timer');
  await expect(timer).toHaveText('Time left: 0:30');
  await page.clock.runFor(12_000);
  // The installed clock also flows in real time, so a slow machine may add a second.
  await expect(timer).toHaveText(/^Time left: 0:1[78]$/);
  await page.clock.runFor(25_000);
  await expect(timer).toHaveText(/Over time by 0:0\d/);
  await page.getByLabel(/Your answer/).fill('I would check the dashboards, then roll back.');
  await page.getByRole('button', { name: "I'm done: show the model answer" }).click();
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  await page.getByRole('button', { name: 'See the summary' }).click();
  await expect(page.getByRole('group', { name: 'How did you do?' })).toHaveAccessibleDescription(/Rate your answer first/);
  await page.locator('.mock-compare input[name="kp"]').first().check();
  await page.getByRole('radio', { name: 'Good' }).check();
  await page.getByRole('button', { name: 'See the summary' }).click();
  await expect(page.getByRole('heading', { name: 'Mock interview summary' })).toBeFocused();
  await expect(page.getByText(/1 question · average self-rating 3 of 4 · 1 of \d+ key points covered · 1 over time\./)).toBeVisible();
});

test('export, reset and import restore everything', async ({ page }) => {
  await page.goto(lessonUrl);
  await page.getByRole('button', { name: 'Mark lesson as done' }).click();
  await page.goto('/progress/');
  await expect(page.getByText('Lessons done: 1')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my progress (JSON)' }).click()]);
  const file = (await download.path())!;
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  await page.getByRole('button', { name: 'Reset all progress…' }).click();
  await page.getByRole('button', { name: 'Yes, reset everything' }).click();
  await expect(page.getByText('Lessons done: 0')).toBeVisible();
  await page.getByLabel('Choose a progress file exported from this course').setInputFiles(file);
  await expect(page.getByRole('heading', { name: 'Importing this file will change your progress' })).toBeFocused();
  await expect(page.getByText('Lessons done: 0 → 1')).toBeVisible();
  await page.getByRole('button', { name: 'Replace my progress with the file' }).click();
  await expect(page.getByText('Lessons done: 1')).toBeVisible();
  const { replacedAt, ...imported } = await page.evaluate(() => JSON.parse(localStorage.getItem('mlops-progress')!));
  expect(imported).toEqual(exported);
  // Stamped so another tab's older copy cannot bring the replaced record back.
  expect(replacedAt).toBeGreaterThan(0);
});

test('a bad import file is refused and nothing changes', async ({ page }) => {
  await page.goto('/progress/');
  await page.getByLabel('Choose a progress file exported from this course').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"lessons": 1}') });
  await expect(page.getByRole('status').filter({ hasText: 'cannot be imported' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Importing this file will change your progress' })).toBeHidden();
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations on quiz, practice, question bank and progress pages (${theme})`, async ({ page }) => {
    // The question bank is one long page with every question: axe needs time on it.
    test.setTimeout(120_000);
    await useTheme(page, theme);
    await page.goto(lessonUrl);
    await page.locator('#quiz input').first().check();
    await page.getByRole('button', { name: 'Check answers' }).click();
    expect(await axeViolations(page), 'lesson quiz after checking').toEqual([]);
    for (const url of ['/practice/', '/questions/', `/questions/${lessonId.split('/')[0]}/`, '/progress/']) {
      await page.goto(url);
      expect(await axeViolations(page), url).toEqual([]);
    }
    await page.goto('/practice/');
    await page.getByRole('button', { name: 'Start reviewing' }).click();
    await page.keyboard.press('Space');
    expect(await axeViolations(page), 'flashcard revealed').toEqual([]);
  });

  test(`axe finds no violations on quiz results, a retry of the missed questions and the practice results (${theme})`, async ({ page }) => {
    // Four axe runs, two of them on the practice page with every filter: more than the default time.
    test.setTimeout(120_000);
    await useTheme(page, theme);
    await openQuiz(page);
    await page.getByRole('button', { name: 'Check answers' }).click();
    await expect(page.getByRole('region', { name: 'Your result' })).toBeFocused();
    expect(await axeViolations(page), 'lesson quiz results, nothing answered').toEqual([]);
    await page.getByRole('button', { name: 'Retry the ones I missed' }).click();
    expect(await axeViolations(page), 'lesson quiz retrying the missed questions').toEqual([]);
    await page.goto('/practice/');
    await page.getByLabel('Number of questions').fill('1');
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await page.getByRole('button', { name: 'Check' }).click();
    expect(await axeViolations(page), 'practice question checked').toEqual([]);
    await page.getByRole('button', { name: 'See your score' }).click();
    await expect(page.getByRole('region', { name: 'Your result' })).toBeFocused();
    expect(await axeViolations(page), 'practice results').toEqual([]);
  });
}
