/**
 * Shared test setup: every page is watched for console errors and uncaught exceptions (a
 * test fails if any appear), and nothing may leave the machine except what a test routes.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page, context }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        // The 404 page itself is served with status 404, which Chromium logs; that one is expected.
        const isDocument404 = msg.text().includes('status of 404') && msg.location().url === page.url();
        if (msg.type() === 'error' && !isDocument404) errors.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
      // Any content-security-policy violation fails the test, whether or not the console shows it.
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
      });
      // Offline by design: any request off loopback that a test did not route is aborted.
      await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('blockedbyclient'));
      await use(errors);
      expect(errors, 'console errors or uncaught exceptions').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Runs axe with WCAG 2.x A/AA rules and returns readable violations. */
export async function axeViolations(page: Page) {
  // Each axe run brings its own minute: on a busy two-core CI runner a long lesson alone can take 20 s or more.
  test.info().setTimeout(test.info().timeout + 60_000);
  // From the top: axe's target-size rule counts a link scrolled under the sticky header as
  // obscured, which says where the page happens to be scrolled, not how it is built.
  await page.evaluate(() => window.scrollTo(0, 0));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    // Only violations are read; skipping the passes' node lists makes axe several times faster on long lessons.
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/** Sets the stored theme before any page script runs. */
export async function useTheme(page: Page, theme: 'light' | 'dark') {
  await page.addInitScript((t) => localStorage.setItem('mlops-theme', t), theme);
}
