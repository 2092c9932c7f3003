import { axeViolations, expect, test, useTheme } from './fixtures.ts';
import { readCourse } from './course-data.ts';

const course = readCourse();
const firstLesson = course.flatMap((m) => m.lessons)[0]!;

test('the home page links every module, and the course map page every lesson', async ({ page }) => {
  await page.goto('/');
  const map = page.getByRole('region', { name: 'Course map' });
  for (const m of course)
    await expect(map.getByRole('link', { name: new RegExp(`Module ${m.order}\\s+${escape(m.title)}$`) })).toHaveAttribute('href', `/learn/${m.id}/`);
  await expect(page.getByRole('link', { name: `Start here: ${firstLesson.title}` })).toHaveAttribute('href', firstLesson.url);
  await map.getByRole('link', { name: 'Every lesson in one list' }).click();
  const main = page.getByRole('main');
  for (const m of course) for (const l of m.lessons) await expect(main.getByRole('link', { name: l.title, exact: true })).toHaveAttribute('href', l.url);
});

test('a lesson shows where the student is and how to move on', async ({ page }) => {
  await page.goto(firstLesson.url);
  await expect(page.getByRole('heading', { level: 1, name: firstLesson.title })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Course' }).getByRole('link', { name: firstLesson.title })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link')).toHaveCount(3);
  await expect(page.getByRole('heading', { name: 'By the end of this lesson you can' })).toBeVisible();
  await expect(page.getByText(/About \d+ minutes/)).toBeVisible();
  await expect(page.getByText(/Last reviewed/)).toBeVisible();
  const next = course.flatMap((m) => m.lessons)[1];
  if (next) await expect(page.getByRole('link', { name: `Next ${next.title}` })).toHaveAttribute('href', next.url);
});

test('keyboard: skip link, then every control is reachable and shows focus', async ({ page }) => {
  await page.goto(firstLesson.url);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  // Tabbing from main reaches the first link inside the lesson, not the header again.
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  expect(await focused.evaluate((el) => Boolean(el.closest('main')))).toBe(true);
  const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
});

test('keyboard: open a lesson from the course map and go to the next one', async ({ page }) => {
  await page.goto('/learn/');
  const link = page.getByRole('main').getByRole('link', { name: firstLesson.title, exact: true });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(firstLesson.url);
  const next = page.getByRole('link', { name: /^Next / });
  if (await next.count()) {
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(page).not.toHaveURL(firstLesson.url);
  }
});

test('the theme choice persists across reloads and follows the system by default', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const select = page.getByRole('combobox', { name: 'Theme' });
  await expect(select).toHaveValue('system');
  await select.selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('light');
  await page.goto(firstLesson.url);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('the theme is applied before first paint (no flash)', async ({ page }) => {
  await useTheme(page, 'dark');
  // Read the attribute as soon as the body exists, before any module script has run.
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') (window as unknown as { early: string }).early = document.documentElement.dataset.theme ?? '';
    });
  });
  await page.goto('/');
  expect(await page.evaluate(() => (window as unknown as { early: string }).early)).toBe('dark');
});

test('code blocks have a working Copy button', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(firstLesson.url);
  const block = page.locator('.code-block').first();
  await expect(block).toBeVisible();
  const code = (await block.locator('code').innerText()).replace(/\n$/, '');
  await block.getByRole('button', { name: /^Copy/ }).click();
  await expect(block.getByRole('button', { name: /Copy|Copied/ })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
});

test('marking a lesson done is remembered and shown on the home page', async ({ page }) => {
  await page.goto(firstLesson.url);
  const done = page.getByRole('button', { name: 'Mark lesson as done' });
  await done.click();
  await expect(page.getByRole('button', { name: /Lesson done/ })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/');
  // The lesson is done, so Continue leads on to the next one.
  const second = course.flatMap((m) => m.lessons)[1]!;
  await expect(page.getByRole('link', { name: `Continue with the next lesson: ${second.title}` })).toHaveAttribute('href', second.url);
  await expect(page.getByText(/You have finished 1 of \d+ lessons\./)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Course map' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: new RegExp(`^Module ${course[0]!.order}\\s`) }) })).toContainText(
    `1 of ${course[0]!.lessons.length} lessons done`,
  );
  await page.goto('/learn/');
  await expect(page.getByRole('main').getByRole('link', { name: `${firstLesson.title} (done)` })).toBeVisible();
});

test('corrupt stored progress does not break the page and the student is told', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('mlops-progress', '{not json');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await page.goto(firstLesson.url);
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
  // Kept, byte for byte, as the newest backup in the ring (listed on /progress/).
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('mlops-progress-backups')!)[0].raw)).toBe('{not json');
  await page.reload();
  await expect(page.getByText('could not be read')).toHaveCount(0);
});

test('/learn/ shows the course map, and the header and footer lead to it and to the labs', async ({ page }) => {
  const response = await page.goto('/learn/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Course map' })).toBeVisible();
  for (const m of course) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`Module ${m.order}\\s+${escape(m.title)}$`) }).getByRole('link')).toHaveAttribute('href', `/learn/${m.id}/`);
    for (const l of m.lessons) await expect(page.getByRole('link', { name: l.title, exact: true })).toHaveAttribute('href', l.url);
  }
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Labs' })).toHaveAttribute('href', '/labs/');
  const footer = page.getByRole('navigation', { name: 'Footer' });
  await expect(footer.getByRole('link', { name: 'Course map' })).toHaveAttribute('href', '/learn/');
  await expect(footer.getByRole('link', { name: 'Hands-on labs' })).toHaveAttribute('href', '/labs/');
  await page.goto('/labs/');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Labs' })).toHaveAttribute('aria-current', 'page');
  const sitemap = await (await page.request.get('/sitemap-0.xml')).text();
  expect(sitemap).toMatch(/<loc>[^<]*\/learn\/<\/loc>/);
  expect(sitemap).toMatch(/<loc>[^<]*\/labs\/<\/loc>/);
});

test('unknown addresses get the 404 page with status 404', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the course map' })).toBeVisible();
});

test('head has title, description, canonical URL and Open Graph tags', async ({ page }) => {
  await page.goto(firstLesson.url);
  await expect(page).toHaveTitle(`${firstLesson.title} · MLOps course`);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.+/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${firstLesson.url}$`));
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /.+/);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  const robots = await page.request.get('/robots.txt');
  expect(await robots.text()).toMatch(/^Sitemap: https?:\/\/.+\/sitemap-index\.xml$/m);
  const sitemap = await page.request.get('/sitemap-0.xml');
  expect(sitemap.status()).toBe(200);
  expect(await sitemap.text()).toContain(firstLesson.url);
});

// The narrowest common phone, and the most common one.
for (const width of [360, 390]) {
  test(`works at ${width} px wide without horizontal scrolling, the header on one row`, async ({ page }) => {
    // One test walks every lesson page, so its budget grows with the course.
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 740 });
    const lessons = course.flatMap((m) => m.lessons).map((l) => l.url);
    for (const url of ['/', '/learn/', '/labs/', '/glossary/', '/practice/', '/questions/docker/', '/search/?q=docker', '/progress/', ...lessons]) {
      await page.goto(url);
      const { overflow, header } = await page.evaluate(() => ({
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        header: document.querySelector('.site-header')!.getBoundingClientRect().height,
      }));
      expect(overflow, `${url} scrolls sideways`).toBeLessThanOrEqual(0);
      // One row of controls; a wrapped header was about 130 px.
      expect(header, `${url} header height`).toBeLessThanOrEqual(64);
    }
  });
}

// One test per page and theme: axe on a long page can take many seconds on a loaded machine, and a failure names its page.
for (const theme of ['light', 'dark'] as const) {
  for (const url of ['/', firstLesson.url, `/learn/${course[0]!.id}/`, '/glossary/', '/no-such-page/']) {
    test(`axe finds no violations on ${url} (${theme})`, async ({ page }) => {
      test.setTimeout(90_000);
      await useTheme(page, theme);
      await page.goto(url);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await axeViolations(page), `${url} in ${theme} theme`).toEqual([]);
    });
  }
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the course map and the labs page (${theme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await useTheme(page, theme);
    for (const url of ['/learn/', '/labs/']) {
      await page.goto(url);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      expect(await axeViolations(page), `${url} in ${theme} theme`).toEqual([]);
    }
  });
}

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
