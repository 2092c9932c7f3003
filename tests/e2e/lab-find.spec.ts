/**
 * Finding and using a lab: the badge and jump link at the top of each lab lesson, the lab
 * placed before the Summary, reading + lab time, progressive hints from the keyboard, the
 * editor's file list for multi-file labs, and the /labs/ page with the student's progress.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';
import { readLabs, type Lab } from '../../src/lib/labs.ts';
import { labLanguages, showExplorer } from '../../src/lib/lab-view.ts';
import { readCourse } from './course-data.ts';
import { expect, test } from './fixtures.ts';
import { stubStackBlitz } from './stackblitz-stub.ts';

const labs = readLabs(path.resolve('labs'));
const lessonUrl = (lab: Lab) => `/learn/${lab.meta.lesson}/`;

/** A lesson's reading minutes, straight from its frontmatter. */
function readingMinutes(lessonId: string): number {
  const [module, slug] = lessonId.split('/');
  const dir = path.resolve('content/lessons', module!);
  const file = readdirSync(dir).find((f) => f.replace(/^\d+-/, '') === `${slug}.mdx`)!;
  return (parse(readFileSync(path.join(dir, file), 'utf8').split(/^---$/m)[1]!) as { minutes: number }).minutes;
}

/** Top edge of an element on the page, to compare where things are. */
const top = async (page: Page, name: string) => (await page.getByRole('heading', { name, exact: true }).first().boundingBox())!.y;

test('the course has labs to find', () => {
  expect(labs.length).toBeGreaterThan(0);
});

test('every lab lesson says at the top that it has a lab, how long it takes, and places it before the Summary', async ({ page }) => {
  // Nine long pages: a budget for a loaded machine, not a speed check.
  test.setTimeout(240_000);
  for (const lab of labs) {
    await page.goto(lessonUrl(lab));
    const badge = page.getByRole('link', { name: new RegExp(`^Hands-on lab · ${lab.meta.minutes} min`) });
    await expect(badge, lab.slug).toHaveAttribute('href', '#lab');
    await expect(page.getByText(`About ${readingMinutes(lab.meta.lesson)} min reading + ${lab.meta.minutes} min lab`)).toBeVisible();
    const labTop = await top(page, `Hands-on lab: ${lab.meta.title}`);
    expect((await badge.boundingBox())!.y, `${lab.slug}: badge above the objectives`).toBeLessThan(await top(page, 'By the end of this lesson you can'));
    expect(labTop, `${lab.slug}: lab after Common mistakes`).toBeGreaterThan(await top(page, 'Common mistakes'));
    expect(labTop, `${lab.slug}: lab before Summary`).toBeLessThan(await top(page, 'Summary'));
    const toc = (await page.getByRole('navigation', { name: 'On this page' }).getByRole('link').allInnerTexts()).map((t) => t.trim());
    expect(toc.indexOf('Hands-on lab'), `${lab.slug}: contents list the lab right before Summary`).toBe(toc.indexOf('Summary') - 1);
  }
});

test('the badge jumps to the lab', async ({ page }) => {
  const lab = labs[0]!;
  await page.goto(lessonUrl(lab));
  await page.getByRole('link', { name: /^Hands-on lab · / }).click();
  await expect(page).toHaveURL(/#lab$/);
  await expect(page.getByRole('heading', { name: `Hands-on lab: ${lab.meta.title}` })).toBeInViewport();
});

test('a lesson without a lab has no badge and shows its reading time alone', async ({ page }) => {
  const withLab = new Set(labs.map((l) => l.meta.lesson));
  const plain = readCourse().flatMap((m) => m.lessons).find((l) => !withLab.has(l.id))!;
  await page.goto(plain.url);
  await expect(page.getByText(`About ${readingMinutes(plain.id)} minutes`)).toBeVisible();
  await expect(page.getByRole('link', { name: /^Hands-on lab · / })).toHaveCount(0);
  await expect(page.getByText(/min lab/)).toHaveCount(0);
});

/** How many `Hint:` list items a README holds (also written *Hint:* or **Hint:**). */
const hintCount = (lab: Lab) => (lab.readme.match(/^\s*[-*+]\s+(?:\*\*|\*|__|_)?Hint:/gim) ?? []).length;

test('hints start collapsed and open one at a time from the keyboard', async ({ page }) => {
  const lab = [...labs].sort((a, b) => hintCount(b) - hintCount(a))[0]!;
  expect(hintCount(lab), 'some lab README has hints').toBeGreaterThan(0);
  await page.goto(lessonUrl(lab));
  await expect(page.locator('details.hint'), 'every Hint: item becomes a collapsed hint').toHaveCount(hintCount(lab));
  await expect(page.locator('details.hint[open]')).toHaveCount(0);
  // The step with the most hints shows the chain best.
  const groups = page.getByRole('group', { name: /^Hints/ });
  const sizes = await groups.evaluateAll((all) => all.map((g) => g.querySelectorAll('details.hint').length));
  const group = groups.nth(sizes.indexOf(Math.max(...sizes)));
  const summaries = group.locator('summary');
  const bodies = group.locator('.hint-body');
  const n = await summaries.count();
  for (let i = 0; i < n; i++) {
    await expect(bodies.nth(i)).toBeHidden();
    if (i + 1 < n) await expect(summaries.nth(i + 1), `hint ${i + 2} is out of reach before hint ${i + 1} is open`).toBeHidden();
    await summaries.nth(i).focus();
    await page.keyboard.press(i % 2 ? ' ' : 'Enter');
    await expect(bodies.nth(i)).toBeVisible();
    if (i + 1 < n) await expect(summaries.nth(i + 1)).toBeVisible();
  }
  // Closing the first hint hides every later one again.
  await summaries.first().focus();
  await page.keyboard.press('Enter');
  await expect(bodies.first()).toBeHidden();
  if (n > 1) await expect(summaries.nth(1)).toBeHidden();
});

test('hints open without JavaScript too', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const lab = [...labs].sort((a, b) => hintCount(b) - hintCount(a))[0]!;
  await page.goto(lessonUrl(lab));
  const group = page.getByRole('group', { name: /^Hints/ }).first();
  await expect(group.locator('.hint-body').first()).toBeHidden();
  await group.getByText('Hint 1 of', { exact: false }).first().click();
  await expect(group.locator('.hint-body').first()).toBeVisible();
  await context.close();
});

test('the editor shows its file list exactly when the student edits more than one file', async ({ page }) => {
  const multi = labs.find((l) => Object.keys(l.solution).length > 1 && l.meta.explorer === undefined);
  const single = labs.find((l) => !showExplorer(l));
  expect(multi, 'a lab where the student edits several files').toBeDefined();
  expect(single, 'a lab where the student edits one file').toBeDefined();
  for (const [lab, expected] of [
    [multi!, '1'],
    [single!, '0'],
  ] as const) {
    const captured = await stubStackBlitz(page);
    await page.goto(lessonUrl(lab));
    await page.getByRole('button', { name: 'Launch the lab in this page' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The lab is running' })).toBeVisible();
    const params = new URL(captured.url!).searchParams;
    expect(params.get('showSidebar'), lab.slug).toBe(expected);
    expect(params.get('file'), lab.slug).toBe(lab.meta.openFile);
    await page.context().unrouteAll({ behavior: 'ignoreErrors' });
  }
});

test('/labs/ lists every lab with module, language and time, and which lessons are done', async ({ page }) => {
  const course = readCourse();
  const lab = labs[0]!;
  await page.goto(lessonUrl(lab));
  await page.getByRole('button', { name: 'Mark lesson as done' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Labs' }).click();
  await expect(page).toHaveURL('/labs/');
  await expect(page.getByRole('heading', { level: 1, name: 'Hands-on labs' })).toBeVisible();
  const items = page.getByRole('list', { name: 'Labs' }).getByRole('listitem');
  await expect(items).toHaveCount(labs.length);
  for (const l of labs) {
    const item = items.filter({ has: page.getByRole('heading', { name: l.meta.title, exact: true }) });
    await expect(item.getByRole('link', { name: l.meta.title, exact: true })).toHaveAttribute('href', `${lessonUrl(l)}#lab`);
    const module = course.find((m) => m.lessons.some((x) => x.id === l.meta.lesson))!;
    await expect(item.getByRole('link', { name: `${module.order}. ${module.title}` })).toHaveAttribute('href', `/learn/${module.id}/`);
    await expect(item.getByText(`${l.meta.minutes} min`, { exact: true })).toBeVisible();
    await expect(item.getByText(labLanguages(l).join(', '), { exact: true })).toBeVisible();
    await expect(item.getByText(l === lab ? '✓ Lesson done' : 'Lesson not done yet')).toBeVisible();
  }
  await expect(page.getByText(`You have finished the lessons of 1 of ${labs.length} labs.`)).toBeVisible();
});
