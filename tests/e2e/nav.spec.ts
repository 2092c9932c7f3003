/**
 * Phone-first navigation: the one-row sticky header, the menu drawer (a modal dialog opened
 * through invoker commands) and the collapsible "On this page" at the top of a lesson.
 */
import type { Page } from '@playwright/test';
import { axeViolations, expect, test, useTheme } from './fixtures.ts';
import { readCourse } from './course-data.ts';

const course = readCourse();
// Not the first module: "the current module is open" must not pass just because the first one is.
const withLessons = course.filter((m) => m.lessons.length >= 2);
const here = withLessons[1] ?? withLessons[0]!;
const lesson = here.lessons[1]!;
const finished = here.lessons[0]!;
const elsewhere = course.find((m) => m.id !== here.id && m.lessons.length > 0)!;

/** A module's row in the drawer ("3. APIs"). */
const moduleRow = (m: { order: number; title: string }) => new RegExp(`^${m.order}\\.\\s+${m.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

// Long lessons on a busy machine: every step here waits on a real page.
test.describe.configure({ timeout: 60_000 });

const drawer = (page: Page) => page.getByRole('dialog', { name: 'Menu' });

/** Opens the drawer from its button by keyboard and returns the button. */
async function openByKeyboard(page: Page) {
  const menu = page.getByRole('banner').getByRole('button', { name: 'Menu' });
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(drawer(page)).toBeVisible();
  return menu;
}

/** What has focus, and whether it is a control inside the drawer (not the document or the dialog box itself). */
const focusInDrawer = (page: Page) =>
  page.evaluate(() => {
    const at = document.activeElement;
    return { inside: Boolean(at?.closest('#nav-drawer')) && at?.id !== 'nav-drawer', name: at?.textContent?.trim().slice(0, 60) ?? '' };
  });

for (const width of [360, 390]) {
  test.describe(`at ${width} px`, () => {
    test.beforeEach(async ({ page }) => {
      await page.setViewportSize({ width, height: 780 });
    });

    test('the header is one row and stays on screen far down a lesson', async ({ page }) => {
      await page.goto(lesson.url);
      const header = page.getByRole('banner');
      const controls = [
        header.getByRole('button', { name: 'Menu' }),
        header.getByRole('link', { name: 'MLOps course' }),
        header.getByRole('button', { name: 'Search' }),
        header.getByRole('combobox', { name: 'Theme' }),
      ];
      const box = (await header.boundingBox())!;
      // One row of 36-40 px controls fits in 64 px; the old wrapped header was about 130 px.
      expect(box.height, 'header height').toBeLessThanOrEqual(64);
      for (const c of controls) {
        await expect(c).toBeVisible();
        const b = (await c.boundingBox())!;
        expect(b.y, 'control on the header row').toBeGreaterThanOrEqual(box.y);
        expect(b.y + b.height, 'control on the header row').toBeLessThanOrEqual(box.y + box.height);
        expect(b.x + b.width, 'control inside the screen').toBeLessThanOrEqual(width);
      }
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height, 'a lesson long enough to scroll').toBeGreaterThan(780 * 4);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(780 * 3);
      expect((await header.boundingBox())!.y).toBe(0);
      await expect(controls[0]!).toBeInViewport();
    });

    test('the menu drawer opens by keyboard, traps focus, and Esc returns focus to its button', async ({ page }) => {
      await page.goto(lesson.url);
      const menu = await openByKeyboard(page);
      expect((await focusInDrawer(page)).inside, 'focus moved into the drawer').toBe(true);
      await expect(drawer(page).getByRole('button', { name: 'Close' })).toBeFocused();
      // Go round more times than the drawer has stops, both ways: focus never leaves it (for
      // the document or the browser's own controls). The page logs every move, so one read checks them all.
      const stops = await drawer(page).locator('a, button, summary').evaluateAll((els) => els.filter((e) => (e as HTMLElement).checkVisibility()).length);
      expect(stops).toBeGreaterThan(10);
      await page.evaluate(() => {
        const log: string[] = [];
        Object.assign(window, { focusLog: log });
        document.addEventListener('focusin', (e) => {
          const t = e.target as HTMLElement;
          log.push(t.closest('#nav-drawer') && t.id !== 'nav-drawer' ? `in: ${t.textContent?.trim().slice(0, 50)}` : `out: ${t.tagName}`);
        });
        document.addEventListener('focusout', (e) => void (e.relatedTarget ? null : log.push('out: nowhere')));
      });
      for (let i = 0; i < stops + 3; i++) await page.keyboard.press('Tab');
      for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+Tab');
      const moves = await page.evaluate(() => (window as unknown as { focusLog: string[] }).focusLog);
      expect(moves.filter((m) => m.startsWith('out')), `focus left the drawer: ${moves.join(' | ')}`).toEqual([]);
      expect(moves.filter((m) => m.startsWith('in')).length).toBe(stops + 7);
      expect(new Set(moves).size, 'Tab moves through the drawer').toBeGreaterThan(10);
      await page.keyboard.press('Escape');
      await expect(drawer(page)).toBeHidden();
      await expect(menu).toBeFocused();
      await expect(menu).toBeInViewport();
    });

    test('the drawer opens the current module, marks the current lesson and shows lessons done', async ({ page }) => {
      await page.goto(finished.url);
      await page.getByRole('button', { name: 'Mark lesson as done' }).click();
      await expect(page.getByRole('button', { name: 'Lesson done ✓' })).toBeVisible();
      await page.goto(lesson.url);
      // The sidebar does not trail the lesson on a phone any more; the drawer has the contents.
      await expect(page.getByRole('navigation', { name: 'Course', exact: true })).toBeHidden();
      await page.getByRole('button', { name: 'Menu' }).click();
      const contents = drawer(page).getByRole('navigation', { name: 'Course contents' });
      const current = contents.getByRole('link', { name: lesson.title });
      await expect(current).toHaveAttribute('aria-current', 'page');
      await expect(current).toBeInViewport();
      await expect(contents.getByRole('link', { name: `${finished.title} (done)` })).toBeVisible();
      await expect(contents.getByRole('link', { name: /\(done\)/ })).toHaveCount(1);
      // Other modules start folded and open on demand.
      const other = contents.getByRole('link', { name: elsewhere.lessons[0]!.title, exact: true });
      await expect(other).toBeHidden();
      await contents.getByText(moduleRow(elsewhere)).click();
      await expect(other).toBeVisible();
      await expect(drawer(page).getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Course' })).toHaveAttribute('aria-current', 'page');
      await other.click();
      await expect(page).toHaveURL(elsewhere.lessons[0]!.url);
      await expect(drawer(page)).toBeHidden();
      // Away from lessons nothing else reads progress: the drawer marks the lessons itself.
      await page.goto('/glossary/');
      await page.getByRole('button', { name: 'Menu' }).click();
      await drawer(page).getByText(moduleRow(here)).click();
      await expect(drawer(page).getByRole('link', { name: `${finished.title} (done)` })).toBeVisible();
      await expect(drawer(page).getByRole('link', { name: lesson.title, exact: true })).not.toHaveAttribute('aria-current');
    });

    test('the drawer hands over to search, and closing search returns to the menu button', async ({ page }) => {
      await page.goto('/glossary/');
      const menu = await openByKeyboard(page);
      await drawer(page).getByRole('button', { name: 'Search the course' }).click();
      await expect(drawer(page)).toBeHidden();
      const search = page.getByRole('dialog', { name: 'Search the course' });
      await expect(search).toBeVisible();
      await expect(search.getByRole('combobox')).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(search).toBeHidden();
      await expect(menu).toBeFocused();
    });

    test('"On this page" is folded at the top of a lesson and its links work', async ({ page }) => {
      await page.goto(lesson.url);
      const toc = page.getByRole('navigation', { name: 'On this page' });
      await expect(toc).toHaveCount(1);
      await expect(toc).toBeInViewport();
      const links = toc.getByRole('link', { includeHidden: true });
      const count = await links.count();
      expect(count).toBeGreaterThan(2);
      await expect(links.first()).toBeHidden();
      const summary = toc.getByText('On this page');
      await summary.click();
      await expect(links.first()).toBeVisible();
      const target = links.nth(Math.min(3, count - 1));
      const href = (await target.getAttribute('href'))!;
      await target.click();
      await expect(page).toHaveURL(new RegExp(`${href}$`));
      // The section heading lands below the sticky header, not under it.
      const heading = page.locator(`[id="${href.slice(1)}"]`);
      await expect(heading).toBeInViewport();
      const headerBottom = (await page.getByRole('banner').boundingBox())!.height;
      expect((await heading.boundingBox())!.y).toBeGreaterThanOrEqual(headerBottom - 1);
      await page.evaluate(() => window.scrollTo(0, 0));
      await summary.click();
      await expect(links.first()).toBeHidden();
    });
  });
}

test('wide screens keep the header links, the sidebar and the side contents; no menu button', async ({ page }) => {
  await page.setViewportSize({ width: 1300, height: 900 });
  await page.goto(lesson.url);
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
  // The hidden menu leaves no gap: the brand starts at the header's padding, as before.
  expect((await page.getByRole('banner').getByRole('link', { name: 'MLOps course' }).boundingBox())!.x).toBeLessThanOrEqual(17);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Glossary' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Course', exact: true }).getByRole('link', { name: lesson.title })).toBeVisible();
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc).toHaveCount(1);
  await expect(toc.getByRole('heading', { name: 'On this page' })).toBeVisible();
  // Between the sidebar and the side contents breakpoints, the folded list fills the gap.
  await page.setViewportSize({ width: 1000, height: 900 });
  await expect(page.getByRole('navigation', { name: 'On this page' }).getByText('On this page')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Course', exact: true })).toBeVisible();
  // A drawer left open while the window widens stays usable, rather than an invisible modal.
  await page.setViewportSize({ width: 390, height: 780 });
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.setViewportSize({ width: 1300, height: 900 });
  await expect(drawer(page).getByRole('button', { name: 'Close' })).toBeVisible();
  await drawer(page).getByRole('button', { name: 'Close' }).click();
  await expect(drawer(page)).toBeHidden();
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations with the drawer and "On this page" open (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    await page.setViewportSize({ width: 390, height: 780 });
    await page.goto(lesson.url);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.getByRole('navigation', { name: 'On this page' }).getByText('On this page').click();
    await openByKeyboard(page);
    await drawer(page).getByText(moduleRow(elsewhere)).click();
    expect(await axeViolations(page), `drawer in ${theme} theme`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  });
}
