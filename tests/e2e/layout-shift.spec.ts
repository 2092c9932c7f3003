/**
 * No page jumps as it loads. Filters, the search form and results, mode counts and the lesson's
 * quiz and lab all arrive or change after the first paint; each must keep its place, so the
 * page the student starts reading stays still (Lighthouse's layout-shift score). Each page is
 * loaded at phone and desktop width with the layout-shift entries collected from the start.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { readLabs } from '../../src/lib/labs.ts';
import { readCourse } from './course-data.ts';
import { expect, test } from './fixtures.ts';

const course = readCourse();
const lab = readLabs(path.resolve(process.env.MLOPS_LABS_DIR ?? 'labs'))[0];
const lesson = course.flatMap((m) => m.lessons).find((l) => l.id !== lab?.meta.lesson)!;

/** [name, address, text that shows the page's scripts have finished their first render] */
const PAGES: [string, string, RegExp][] = [
  ['home', '/', /./],
  ['lesson', lesson.url, /./],
  ...(lab ? [['lab lesson', `/learn/${lab.meta.lesson}/`, /./] as [string, string, RegExp]] : []),
  ['question bank module', `/questions/${course[0]!.id}/`, /./],
  ['glossary', '/glossary/', /\d+ terms/],
  ['search with a query', '/search/?q=docker', /result/i],
  ['practice', '/practice/', /./],
  ['progress', '/progress/', /./],
];

/** The sum of layout-shift scores not caused by input, from navigation on. */
async function shiftAfterLoad(page: Page, url: string, ready: RegExp) {
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: { value: number; nodes: string[] }[] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node }[] })[])
        if (!e.hadRecentInput) w.shifts.push({ value: e.value, nodes: e.sources.map((s) => (s.node instanceof Element ? `${s.node.localName}.${s.node.className}` : String(s.node?.nodeName))) });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url);
  await expect(page.locator('main')).toContainText(ready);
  // Scripts that run when the browser is idle (quiz, lab, lesson status) have run by now.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as unknown as { shifts: { value: number; nodes: string[] }[] }).shifts);
}

for (const width of [390, 1280]) {
  for (const [name, url, ready] of PAGES) {
    test(`${name} does not shift as it loads (${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      const shifts = await shiftAfterLoad(page, url, ready);
      const total = shifts.reduce((t, s) => t + s.value, 0);
      // 0.1 is "good" in Core Web Vitals; what moved is in the message.
      expect(total, JSON.stringify(shifts)).toBeLessThan(0.01);
    });
  }
}

test('controls that need JavaScript are invisible until their script runs, and gone without it', async ({ browser }) => {
  const controls: [string, string][] = [
    ['/search/', 'form[role="search"]'],
    ['/glossary/', '[data-filter]'],
    [`/questions/${course[0]!.id}/`, 'form[data-filters]'],
    ['/practice/', 'form[data-filters]'],
  ];
  const withJs = await browser.newContext();
  const withoutJs = await browser.newContext({ javaScriptEnabled: false });
  for (const [url, selector] of controls) {
    const on = await withJs.newPage();
    await on.goto(url);
    await expect(on.locator(selector), `${url} with JavaScript`).toBeVisible();
    const off = await withoutJs.newPage();
    await off.goto(url);
    await expect(off.locator(selector), `${url} without JavaScript`).toBeHidden();
    // Gone, not just invisible: no empty gap where the control would be.
    expect(await off.locator(selector).evaluate((el) => getComputedStyle(el).display), url).toBe('none');
  }
  await withJs.close();
  await withoutJs.close();
});
