/**
 * The visual identity: the brand mark in the header and the tab, the /design/ page that
 * shows the tokens and components (axe-clean in both themes, no sideways scroll on phones),
 * and the module illustrations with their text alternatives.
 */
import { readCourse } from './course-data.ts';
import { moduleArt } from '../../src/lib/module-art.ts';
import { axeViolations, expect, test, useTheme } from './fixtures.ts';

const modules = readCourse();

test('the brand mark links home with the course name, and the favicon is the same mark', async ({ page, request }) => {
  await page.goto('/glossary/');
  const home = page.getByRole('banner').getByRole('link', { name: 'MLOps course' });
  await expect(home).toHaveAttribute('href', '/');
  // The picture is decoration: the link's name comes from its text, not from the drawing.
  await expect(home.locator('svg.brand-mark')).toHaveAttribute('aria-hidden', 'true');
  await expect(home.locator('svg.brand-mark path.bm-loop')).toHaveCount(1);
  await home.click();
  await expect(page).toHaveURL(/\/$/);
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  const favicon = await request.get(icon!);
  expect(favicon.ok()).toBe(true);
  const svg = await favicon.text();
  // Same loop as the header's mark.
  const loop = await page.locator('svg.brand-mark path.bm-loop').first().getAttribute('d');
  expect(svg).toContain(`d="${loop}"`);
});

test('the design page shows every token group, component and module picture, and stays out of search engines', async ({ page, request }) => {
  await page.goto('/design/');
  await expect(page.getByRole('heading', { level: 1, name: 'Design tokens and components' })).toBeVisible();
  for (const name of ['Colour', 'Type scale', 'Spacing', 'Corners and shadows', 'Brand mark', 'Module illustrations', 'Buttons', 'Badges', 'Inputs', 'Cards', 'Results panels'])
    await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'colour tokens' }).getByRole('row', { name: /--accent\b/ }).first()).toBeVisible();
  // Every module's picture has its own text alternative here, plus the fallback.
  for (const m of modules) await expect(page.getByRole('img', { name: moduleArt(m.id).alt, exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: 'An open book', exact: true })).toHaveAttribute('data-fallback', '');
  await expect(page.getByRole('button', { name: 'Primary action' })).toHaveClass(/primary/);
  await expect(page.getByRole('button', { name: 'Disabled' })).toBeDisabled();
  await expect(page.getByRole('textbox', { name: 'Text', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Failure panel' })).toContainText('2 tests failed');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  expect(sitemap).toContain('/glossary/');
  expect(sitemap).not.toContain('/design/');
});

test('the design page reads its colours from the theme: dark values differ from light', async ({ page }) => {
  await useTheme(page, 'light');
  await page.goto('/design/');
  const swatch = page.getByRole('region', { name: 'colour tokens' }).getByRole('row', { name: /--bg\b/ }).first().locator('.sample');
  const sample = () => swatch.evaluate((el) => getComputedStyle(el).backgroundColor);
  const light = await sample();
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  const dark = await sample();
  expect(light).toBe('rgb(255, 255, 255)');
  expect(dark).toBe('rgb(13, 17, 23)');
});

for (const theme of ['light', 'dark'] as const)
  test(`the design page has no axe violations (${theme})`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto('/design/');
    expect(await axeViolations(page)).toEqual([]);
  });

for (const width of [360, 390])
  test(`the design page and a lesson fit ${width} px without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const url of ['/design/', modules[0]!.lessons[0]!.url]) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
  });

test('a lesson still records the visit and offers "Mark lesson as done" once its deferred code loads', async ({ page }) => {
  const lesson = modules[0]!.lessons[0]!;
  await page.goto(lesson.url);
  await expect(page.getByRole('button', { name: 'Mark lesson as done' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('mlops-progress') ?? '{}').lastLesson)).toBe(lesson.id);
});
