/**
 * `npm run check:links`: every internal link and #anchor in dist/ must resolve. Broken ones
 * are listed with the page they are on; external links are counted and written to a file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkSite } from '../src/lib/link-check.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const report = checkSite(dist);
const out = path.resolve('test-results');
mkdirSync(out, { recursive: true });
const externalList = [...report.external].sort(([a], [b]) => a.localeCompare(b)).map(([url, pages]) => `${url}\t${[...new Set(pages)].length} page(s)`);
writeFileSync(path.join(out, 'external-links.txt'), `${externalList.join('\n')}\n`);
console.log(`Checked ${report.internal} internal links on ${report.pages} pages.`);
console.log(`${report.external.size} distinct external links (listed, not fetched) in test-results/external-links.txt.`);
if (report.broken.length) {
  console.error(`\n${report.broken.length} broken link(s):`);
  for (const b of report.broken) console.error(`- ${b.page}: "${b.href}": ${b.reason}. Fix the link in the source of ${b.page}.`);
  process.exit(1);
}
console.log('No broken links or anchors.');
