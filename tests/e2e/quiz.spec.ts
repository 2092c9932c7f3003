/** Lesson quizzes, the question bank, practice modes and the progress store, in the browser. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { axeViolations, expect, test, useTheme } from './fixtures.ts';

interface Q {
  id: string;
  lesson: string;
  type: string;
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
  await expect(section.getByRole('status').filter({ hasText: expected })).toBeVisible();
  await page.reload();
  await expect(section.getByText(`Your last attempt scored ${quiz.length - 1} of ${quiz.length}`)).toBeVisible();
  await expect(first.locator('.choice[data-state="wrong"]')).toHaveCount(1);
  await section.getByRole('button', { name: 'Retry the quiz' }).click();
  await expect(first.locator('input:checked')).toHaveCount(0);
  await expect(section.getByRole('button', { name: 'Check answers' })).toBeVisible();
});

test('without JavaScript the quiz still shows each answer behind a disclosure', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(lessonUrl);
  const disclosure = page.locator('#quiz details.show-answer').first();
  await disclosure.locator('summary').click();
  await expect(disclosure.getByText('Answer:')).toBeVisible();
  await context.close();
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
  await page.getByRole('checkbox', { name: 'Interview question' }).check();
  await expect(page.getByRole('status').filter({ hasText: /^Showing \d+ of \d+ questions\.$/ })).toBeVisible();
  const open = bank.filter((q) => q.type === 'open' && q.lesson.startsWith(`${module}/`)).length;
  await expect(page.locator('.entry:visible')).toHaveCount(open);
});

test('practice quiz: N questions, feedback, then a score', async ({ page }) => {
  await page.goto('/practice/');
  await page.getByLabel('Number of questions').fill('2');
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  for (let i = 0; i < 2; i++) {
    const question = page.locator('mlops-practice-quiz .pq-question');
    await question.locator('input').first().check();
    await question.getByRole('button', { name: 'Check' }).click();
    await expect(question.locator('.q-verdict')).toHaveText(/Correct\.|Not quite/);
    await question.getByRole('button', { name: i === 1 ? 'See your score' : 'Next question' }).click();
  }
  await expect(page.getByRole('heading', { name: /^You got \d of 2 right$/ })).toBeFocused();
});

test('flashcards: revealing and rating moves the card to a later due date', async ({ page }) => {
  await page.goto('/practice/');
  await page.getByRole('checkbox', { name: 'Interview question' }).check();
  const due = page.locator('mlops-flashcards .due');
  await expect(due).toContainText('0 cards are due for review');
  await page.getByRole('button', { name: 'Start reviewing' }).click();
  const prompt = page.locator('.card-prompt');
  await expect(prompt).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: /^Good 3 next in/ })).toBeVisible();
  await page.keyboard.press('4');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('mlops-progress')!).cards as Record<string, { due: number; reps: number }>);
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
  await expect(timer).toHaveText('Time left: 0:18');
  await page.clock.runFor(25_000);
  await expect(timer).toHaveText(/Over time by 0:0\d/);
  await page.getByLabel(/Your answer/).fill('I would check the dashboards, then roll back.');
  await page.getByRole('button', { name: "I'm done: show the model answer" }).click();
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeVisible();
  await page.getByRole('button', { name: 'See the summary' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Rate your answer first/);
  await page.locator('.mock-compare input[name="kp"]').first().check();
  await page.getByRole('radio', { name: 'Good' }).check();
  await page.getByRole('button', { name: 'See the summary' }).click();
  await expect(page.getByRole('heading', { name: 'Mock interview summary' })).toBeFocused();
  await expect(page.getByText(/1 questions · average self-rating 3 of 4 · 1 of \d+ key points covered · 1 over time\./)).toBeVisible();
});

test('export, reset and import restore everything', async ({ page }) => {
  await page.goto(lessonUrl);
  await page.getByRole('button', { name: 'Mark lesson as done' }).click();
  await page.goto('/progress/');
  await expect(page.getByText('Lessons done: 1')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my progress (JSON)' }).click()]);
  const file = (await download.path())!;
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Reset all progress…' }).click();
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
}
