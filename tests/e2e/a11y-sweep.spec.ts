/** axe on every built page, in both themes: no page ships with an accessibility violation. */
import path from 'node:path';
import { htmlFiles } from '../../src/lib/link-check.ts';
import { axeViolations, expect, test, useTheme } from './fixtures.ts';

const pages = htmlFiles(path.resolve(process.env.DIST_DIR ?? 'dist')).map((f) => (f === '/404.html' ? '/404.html' : f.replace(/index\.html$/, '')));

for (const theme of ['light', 'dark'] as const) {
  test.describe(`every page, ${theme} theme`, () => {
    test.describe.configure({ mode: 'parallel' });
    // Pages are checked in small batches: enough tests to spread over workers, few enough to start fast.
    const batches = Array.from({ length: Math.ceil(pages.length / 6) }, (_, i) => pages.slice(i * 6, i * 6 + 6));
    for (const batch of batches)
      test(`${batch[0]} … (${batch.length} pages)`, async ({ page }) => {
        test.setTimeout(120_000);
        await useTheme(page, theme);
        for (const url of batch) {
          await page.goto(url);
          expect(await axeViolations(page), `${url} (${theme})`).toEqual([]);
        }
      });
  });
}
