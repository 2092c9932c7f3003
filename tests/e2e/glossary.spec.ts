/**
 * Glossary in place: term links in lessons open the definition in a popover without leaving
 * the lesson, and /glossary/ narrows as the student types and jumps by letter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { axeViolations, expect, test, useTheme } from './fixtures.ts';
import { readGlossaryTerms } from '../../src/lib/glossary-terms.ts';
import { foldForFilter, letterOf, matchesFilter } from '../../src/lib/glossary.ts';

const terms = readGlossaryTerms(path.resolve('content/glossary'));
// In the page's order: alphabetical, ignoring case and accents.
const ordered = [...terms.values()].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));

/** A lesson that links one term twice (the popover must be shared), with that term and the lesson's other terms. */
function lessonWithRepeatedTerm() {
  const root = path.resolve('content/lessons');
  for (const file of readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.mdx')).sort()) {
    const ids = [...readFileSync(path.join(root, file), 'utf8').matchAll(/\]\(\/glossary\/#([^)\s]+)\)/g)].map((m) => m[1]!);
    // A plain-text definition, so the test can look for its words as written.
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i && !/[`*_[]/.test(terms.get(id)!.definition));
    if (repeated) {
      const [module, name] = file.split(path.sep);
      return { url: `/learn/${module}/${name!.replace(/^\d+-/, '').replace(/\.mdx$/, '')}/`, term: terms.get(repeated)!, unique: new Set(ids).size };
    }
  }
  throw new Error('no lesson links a glossary term twice');
}
const lesson = lessonWithRepeatedTerm();
/** Every button in the lesson that opens the chosen term. */
const termButtons = (page: Page) => page.locator(`main button.glossary-term[popovertarget="glossary-popover-${lesson.term.id}"]`);
const popover = (page: Page) => page.getByRole('dialog', { name: lesson.term.term });

test('a term in a lesson opens its definition in place with the mouse, and Close puts it away', async ({ page }) => {
  await page.goto(lesson.url);
  const button = termButtons(page).first();
  await expect(popover(page)).toBeHidden();
  await button.click();
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(lesson.term.definition.slice(0, 60));
  const glossaryLink = dialog.getByRole('link', { name: new RegExp(`^Open in the glossary\\W+${escapeRegExp(lesson.term.term)}$`) });
  await expect(glossaryLink).toHaveAttribute('href', `/glossary/#${lesson.term.id}`);
  await expect(page).toHaveURL(lesson.url);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(lesson.url);
});

test('by keyboard: Enter opens, Tab reaches the glossary link, Esc closes and focus returns to the term', async ({ page }) => {
  await page.goto(lesson.url);
  const button = termButtons(page).first();
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = popover(page);
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((el) => el.matches(':popover-open'))).toBe(true);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('link', { name: /^Open in the glossary/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  await expect(page).toHaveURL(lesson.url);
  // Opening again still works after a light dismiss.
  await page.keyboard.press('Space');
  await expect(dialog).toBeVisible();
});

test('one popover per term per page, shared by every link to it', async ({ page }) => {
  await page.goto(lesson.url);
  await expect(page.locator('.glossary-popover[popover]')).toHaveCount(lesson.unique);
  expect(await termButtons(page).count()).toBeGreaterThanOrEqual(2);
  await expect(page.locator(`#glossary-popover-${lesson.term.id}`)).toHaveCount(1);
  // No term link in the lesson leaves the page any more.
  await expect(page.locator('main a[href^="/glossary/#"]:not(.glossary-popover a)')).toHaveCount(0);
  await expect(page.locator('main .glossary-popover a[href^="/glossary/#"]')).toHaveCount(lesson.unique);
});

test('the popover works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(lesson.url);
  await termButtons(page).first().click();
  await expect(popover(page)).toBeVisible();
  await context.close();
});

for (const width of [360, 390]) {
  test(`at ${width} px the open popover fits the screen and nothing scrolls sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height: 740 });
    await page.goto(lesson.url);
    const button = termButtons(page).last();
    await button.scrollIntoViewIfNeeded();
    await button.click();
    const box = (await popover(page).boundingBox())!;
    // Inside the screen with a margin, not hugging an edge.
    expect(box.x).toBeGreaterThanOrEqual(8);
    expect(box.x + box.width).toBeLessThanOrEqual(width - 8);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(740);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations with a glossary popover open (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto(lesson.url);
    await termButtons(page).first().click();
    await expect(popover(page)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}

test.describe('the glossary page', () => {
  const filter = (page: Page) => page.getByRole('searchbox', { name: 'Filter terms' });
  const status = (page: Page) => page.getByRole('search', { name: 'Glossary' }).getByRole('status');
  const visibleTerms = (page: Page) => page.locator('[data-term]:visible');

  test('typing narrows the list live and says how many match; clearing brings every term back', async ({ page }) => {
    await page.goto('/glossary/');
    await expect(status(page)).toHaveText(`${terms.size} terms`);
    await expect(visibleTerms(page)).toHaveCount(terms.size);
    const query = 'dock';
    const expected = ordered.filter((t) => matchesFilter(query, foldForFilter(`${t.term} ${t.id}`)));
    expect(expected.length).toBeGreaterThan(1);
    await filter(page).fill(query);
    await expect(visibleTerms(page)).toHaveCount(expected.length);
    await expect(status(page)).toHaveText(`${expected.length} of ${terms.size} terms match “${query}”.`);
    for (const t of expected) await expect(page.locator(`[id="${t.id}"]`)).toBeVisible();
    await expect(page.locator('[id="onnx"]')).toBeHidden();
    // Letter headings with nothing left under them go too.
    await expect(page.getByRole('heading', { level: 2, name: 'Z', exact: true })).toHaveCount(0);
    await filter(page).fill('');
    await expect(visibleTerms(page)).toHaveCount(terms.size);
    await expect(status(page)).toHaveText(`${terms.size} terms`);
  });

  test('a query nothing matches says so', async ({ page }) => {
    await page.goto('/glossary/');
    await filter(page).pressSequentially('qqzz');
    await expect(status(page)).toHaveText('No terms match “qqzz”.');
    await expect(visibleTerms(page)).toHaveCount(0);
  });

  test('letter jumps go to the first term of the letter; letters without terms are not links', async ({ page }) => {
    await page.goto('/glossary/');
    const letters = page.getByRole('navigation', { name: 'Glossary letters' });
    const first = (letter: string) => ordered.find((t) => letterOf(t.term) === letter);
    for (const letter of 'ADKSW') {
      const term = first(letter)!;
      await letters.getByRole('link', { name: letter, exact: true }).click();
      await expect(page).toHaveURL(`/glossary/#${term.id}`);
      await expect(page.locator(`[id="${term.id}"]`)).toBeInViewport();
    }
    const withTerms = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter((l) => ordered.some((t) => letterOf(t.term) === l));
    expect(withTerms.length).toBeLessThan(26);
    await expect(letters.getByRole('listitem')).toHaveCount(26);
    expect(await letters.getByRole('link').allInnerTexts()).toEqual(withTerms);
    for (const letter of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter((l) => !withTerms.includes(l)))
      await expect(letters.getByRole('listitem').filter({ hasText: new RegExp(`^${letter}, no terms$`) })).toHaveCount(1);
  });

  test('while filtering, letter jumps follow the terms still shown', async ({ page }) => {
    await page.goto('/glossary/');
    await filter(page).fill('dock');
    const letters = page.getByRole('navigation', { name: 'Glossary letters' });
    await expect(letters.getByRole('link', { name: 'O', exact: true })).toHaveCount(0);
    const firstD = ordered.find((t) => letterOf(t.term) === 'D' && matchesFilter('dock', foldForFilter(`${t.term} ${t.id}`)))!;
    await expect(letters.getByRole('link', { name: 'D', exact: true })).toHaveAttribute('href', `#${firstD.id}`);
  });

  test('a deep link shows its term, and a link to a term the filter hides clears the filter', async ({ page }) => {
    await page.goto('/glossary/#onnx');
    await expect(page.locator('[id="onnx"]')).toBeInViewport();
    await page.goto('/glossary/');
    await filter(page).fill('dock');
    await expect(page.locator('[id="onnx"]')).toBeHidden();
    await page.evaluate(() => (location.hash = 'onnx'));
    await expect(page.locator('[id="onnx"]')).toBeInViewport();
    await expect(filter(page)).toHaveValue('');
    await expect(visibleTerms(page)).toHaveCount(terms.size);
  });

  test('without JavaScript the whole list shows with every letter linked, and no dead filter box', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/glossary/');
    await expect(filter(page)).toBeHidden();
    await expect(visibleTerms(page)).toHaveCount(terms.size);
    await expect(page.getByRole('navigation', { name: 'Glossary letters' }).getByRole('link')).toHaveCount(new Set(ordered.map((t) => letterOf(t.term))).size);
    await context.close();
  });

  for (const width of [360, 390]) {
    test(`at ${width} px, filtered and not, nothing scrolls sideways`, async ({ page }) => {
      await page.setViewportSize({ width, height: 740 });
      await page.goto('/glossary/');
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await filter(page).fill('qqzz');
      expect(await overflow()).toBeLessThanOrEqual(0);
    });
  }

  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds no violations with the filter in use (${theme})`, async ({ page }) => {
      await useTheme(page, theme);
      await page.goto('/glossary/');
      await filter(page).fill('dock');
      await expect(status(page)).toContainText('match');
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
