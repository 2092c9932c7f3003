/**
 * One code style everywhere, lessons readable on a phone, and light lab lessons: code in
 * question answers is highlighted with Copy, long lines scroll, wide tables show a scroll cue
 * and keep code in cells whole, diagrams keep legible labels, and a lab's files load when opened.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { readLabs } from '../../src/lib/labs.ts';
import { axeViolations, expect, test, useTheme } from './fixtures.ts';
import { readCourse } from './course-data.ts';

interface Question {
  id: string;
  lesson: string;
  answer?: string;
  explanation?: string;
}
const questions = readdirSync('content/questions')
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => parse(readFileSync(path.join('content/questions', f), 'utf8')) as Question[]);
/** The question whose model answer has the longest code line: the hardest case for a phone. */
const longest = (q: Question) => Math.max(0, ...[...(q.answer ?? '').matchAll(/```\w*\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n').map((l) => l.trim().length)));
const coded = questions.filter((q) => longest(q) > 0).sort((a, b) => longest(b) - longest(a))[0];
const questionUrl = coded ? `/questions/${coded.lesson.split('/')[0]}/` : '';

/** A lesson with a Markdown table that has inline code in its cells, and one with a diagram. */
const lessons = readCourse().flatMap((m) => m.lessons.map((l) => ({ ...l, source: readFileSync(path.join('content/lessons', m.id, readdirSync(path.join('content/lessons', m.id)).find((f) => f.endsWith(`${l.url.split('/')[3]}.mdx`))!), 'utf8') })));
// A row of four or more columns with `code` in it: too wide for a phone at the columns' minimum width.
const tableLesson = lessons.find((l) => /^\|(?=.*`[^`]+`)(?:[^|\n]*\|){5,}\s*$/m.test(l.source));
// A two-column table: it fits a desktop column.
const narrowTableLesson = lessons.find((l) => /^\|[^|\n]*\|[^|\n]*\|\s*$/m.test(l.source));
const diagramLesson = lessons.find((l) => /<Diagram[\s\S]*?class="d-small"/.test(l.source));

const labs = readLabs(path.resolve(process.env.MLOPS_LABS_DIR ?? 'labs'));
const lab = labs.find((l) => l.meta.runtime !== 'python') ?? labs[0];
const labUrl = lab ? `/learn/${lab.meta.lesson}/` : '';

/** Opens a question of the bank by its link, as a student following it would (the page may open it already). */
async function openQuestion(page: Page, id: string) {
  await page.goto(`${questionUrl}#q-${id}`);
  const entry = page.locator(`#q-${id}`);
  if (!(await entry.evaluate((d) => (d as HTMLDetailsElement).open))) await entry.locator('summary').click();
  await expect(entry).toHaveAttribute('open');
  return entry;
}

/** The width by which the page scrolls sideways; 0 when it fits. */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('the course has a question with code, a table with code and a diagram to test', () => {
  expect(coded, 'no question has a fenced code block in its model answer').toBeDefined();
  expect(tableLesson, 'no lesson has a table with `code` in its cells').toBeDefined();
  expect(narrowTableLesson, 'no lesson has a two-column table').toBeDefined();
  expect(diagramLesson, 'no lesson has a <Diagram> with .d-small labels').toBeDefined();
  expect(lab, 'labs/ holds no lab').toBeDefined();
});

test.describe('code outside lessons', () => {
  test('code in a model answer is highlighted like lesson code, and Copy copies it', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const entry = await openQuestion(page, coded!.id);
    const block = entry.getByRole('group', { name: /code$/ }).first();
    await expect(block).toBeVisible();
    await expect(block).toHaveClass(/\bastro-code\b/);
    // Highlighted: tokens carry both themes' colours, and at least two different colours show.
    const colours = await block.locator('span[style*="--shiki-light"]').evaluateAll((spans) => new Set(spans.map((s) => getComputedStyle(s).color)).size);
    expect(colours).toBeGreaterThan(1);
    const code = (await block.locator('code').innerText()).replace(/\n$/, '');
    const copy = entry.getByRole('button', { name: /^Copy .*code$/ }).first();
    await copy.click();
    await expect(copy).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  });

  test('a long line scrolls inside its block at 390 px, by keyboard too, and the page does not', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    const entry = await openQuestion(page, coded!.id);
    const blocks = entry.getByRole('group', { name: /code$/ });
    const wide = await blocks.evaluateAll((all) => all.findIndex((b) => b.scrollWidth > b.clientWidth + 100));
    expect(wide, 'a code block wider than its box').toBeGreaterThanOrEqual(0);
    const block = blocks.nth(wide);
    // Not clipped and not wrapped: the line stays one line and the box scrolls.
    expect(await block.evaluate((b) => [getComputedStyle(b).overflowX, getComputedStyle(b).whiteSpace])).toEqual(['auto', 'pre']);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await block.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => block.evaluate((b) => b.scrollLeft)).toBeGreaterThan(0);
  });

  test("the same model answer in its lesson's quiz is highlighted and has Copy", async ({ page }) => {
    await page.goto(`/learn/${coded!.lesson}/`);
    const question = page.locator(`#open-${coded!.id}`);
    await question.getByText('Model answer and key points').click();
    const block = question.getByRole('group', { name: /code$/ }).first();
    await expect(block).toBeVisible();
    await expect(block).toHaveClass(/\bastro-code\b/);
    await expect(question.getByRole('button', { name: /^Copy .*code$/ }).first()).toBeVisible();
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`a question page with its code open has no axe violations (${theme})`, async ({ page }) => {
      await useTheme(page, theme);
      await openQuestion(page, coded!.id);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

test.describe('tables and diagrams on a phone', () => {
  test('a wide table shows a scroll cue only where there is more, and its code does not break mid-word at 390 px', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(tableLesson!.url);
    const boxes = page.getByRole('group', { name: 'Table, scrolls sideways' });
    const index = await boxes.evaluateAll((all) => all.findIndex((b) => b.scrollWidth > b.clientWidth + 20 && b.querySelector('td code')));
    expect(index, 'a table wider than the phone with code in a cell').toBeGreaterThanOrEqual(0);
    const box = boxes.nth(index);
    await box.scrollIntoViewIfNeeded();
    const cue = () => box.evaluate((b) => [getComputedStyle(b).getPropertyValue('--cue-start'), getComputedStyle(b).getPropertyValue('--cue-end')]);
    // At the start only the right edge has a shadow; at the end only the left one.
    await expect.poll(cue).toEqual(['0px', '14px']);
    await box.evaluate((b) => b.scrollTo({ left: b.scrollWidth }));
    await expect.poll(cue).toEqual(['14px', '0px']);
    expect(await box.evaluate((b) => getComputedStyle(b).backgroundImage)).toMatch(/linear-gradient/);
    // Every code span in a cell is one line: as tall as a single line of its text.
    const broken = await box.locator('td code, th code').evaluateAll((codes) =>
      codes.filter((c) => c.getClientRects().length > 1 || c.getBoundingClientRect().height > parseFloat(getComputedStyle(c).lineHeight || '0') * 1.5 + 8).map((c) => c.textContent),
    );
    expect(broken).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });

  test('a table that fits shows no scroll cue', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(narrowTableLesson!.url);
    const fits = await page.getByRole('group', { name: 'Table, scrolls sideways' }).evaluateAll((all) =>
      all.filter((b) => b.scrollWidth <= b.clientWidth).map((b) => getComputedStyle(b).getPropertyValue('--cue-end')),
    );
    expect(fits.length).toBeGreaterThan(0);
    expect(new Set(fits)).toEqual(new Set(['0px']));
  });

  test('a diagram keeps labels of at least 11 px at 360 px and scrolls inside its figure', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(diagramLesson!.url);
    const box = page.getByRole('group', { name: /^Diagram/ }).first();
    await box.scrollIntoViewIfNeeded();
    // The size a label is drawn at: its font size times the SVG's scale on screen.
    const smallest = await box.locator('text').evaluateAll((texts) =>
      Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * ((t as SVGGraphicsElement).getScreenCTM()?.a ?? 0))),
    );
    expect(smallest).toBeGreaterThanOrEqual(10.99);
    expect(await box.evaluate((b) => b.scrollWidth > b.clientWidth)).toBe(true);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });
});

test.describe('lab files load on demand', () => {
  test('a lab lesson carries no file code; opening a file fetches it once, highlighted, with Copy', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes(`/labs/${lab!.slug}/files/`)) fetched.push(r.url());
    });
    await page.goto(labUrl);
    const files = page.locator('.lab-files');
    await expect(files.locator('pre')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    expect(fetched).toEqual([]);
    const first = Object.keys(lab!.project.files)[0]!;
    await files.getByRole('link', { name: first.split('/').pop(), exact: true }).first().click();
    const panel = files.locator('details.lab-file[open]');
    const block = panel.getByRole('group', { name: /code$/ });
    await expect(block).toBeVisible();
    await expect(block).toHaveClass(/\bastro-code\b/);
    // The exact file, not some other one: its text matches the lab folder.
    expect((await block.locator('code').innerText()).replace(/\r\n/g, '\n').trim()).toBe(lab!.project.files[first]!.replace(/\r\n/g, '\n').trim());
    await expect(panel.getByRole('button', { name: /^Copy/ })).toBeVisible();
    // A second file comes from the page already fetched.
    const second = Object.keys(lab!.project.files)[1];
    if (second) {
      await files.locator('details.lab-file summary').filter({ hasText: second }).first().click();
      await expect(files.locator('details.lab-file[open]').getByRole('group', { name: /code$/ })).toHaveCount(2);
    }
    expect(fetched).toHaveLength(1);
  });

  test('a file that cannot be loaded says so, keeps the way to it, and loads on the next try', async ({ page, consoleErrors }) => {
    let fail = true;
    await page.route(`**/labs/${lab!.slug}/files/`, (route) => (fail ? route.fulfill({ status: 503, body: 'down' }) : route.fallback()));
    await page.goto(labUrl);
    const summary = page.locator('.lab-files details.lab-file summary').first();
    await summary.click();
    const panel = page.locator('.lab-files details.lab-file').first();
    await expect(panel.getByRole('status')).toHaveText(/This file could not be loaded \(the server answered 503\)/);
    await expect(panel.getByRole('link', { name: /on the lab's files page/ })).toBeVisible();
    fail = false;
    await summary.click();
    await summary.click();
    await expect(panel.getByRole('group', { name: /code$/ })).toBeVisible();
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/503/.test(e)));
  });

  test('without JavaScript every file is reachable from the lesson on the lab files page', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(labUrl);
    const file = Object.keys(lab!.project.files).at(-1)!;
    await page.locator('.lab-files details.lab-file summary').filter({ hasText: file }).first().click();
    await page.getByRole('link', { name: `Open ${file} on the lab's files page` }).click();
    await expect(page).toHaveURL(new RegExp(`/labs/${lab!.slug}/files/#`));
    const section = page.getByRole('region', { name: file, exact: true });
    await expect(section.getByRole('group', { name: /code$/ })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Download the starter (.zip)' })).toBeVisible();
    // Every starter file is on the page, once.
    for (const f of Object.keys(lab!.project.files)) await expect(page.getByRole('region', { name: f, exact: true })).toHaveCount(1);
    await context.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`a lab lesson with a file open, and the files page, have no axe violations (${theme})`, async ({ page }) => {
      test.setTimeout(120_000);
      await useTheme(page, theme);
      await page.goto(labUrl);
      await page.locator('.lab-files details.lab-file summary').first().click();
      await expect(page.locator('.lab-files details.lab-file[open]').getByRole('group', { name: /code$/ })).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`/labs/${lab!.slug}/files/`);
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  test('the files page and a lab lesson do not scroll sideways at 360 and 390 px', async ({ page }) => {
    for (const width of [360, 390]) {
      await page.setViewportSize({ width, height: 740 });
      for (const url of [labUrl, `/labs/${lab!.slug}/files/`]) {
        await page.goto(url);
        expect(await sidewaysOverflow(page), `${url} at ${width} px`).toBeLessThanOrEqual(0);
      }
    }
  });
});
