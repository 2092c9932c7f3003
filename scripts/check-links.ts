/**
 * `npm run check:links`: every internal link and #anchor in dist/ must resolve. Broken ones
 * are listed with the page they are on; external links are counted and written to a file.
 * `node scripts/check-links.ts dist --base /mlops-course/` checks a build for that base path
 * as served under it, where a root-absolute link outside the base is broken; `--subpath`
 * checks the sub-path build of `npm test` (scripts/subpath.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkSite } from '../src/lib/link-check.ts';
import { normaliseBase } from '../src/lib/url.ts';
import { SUBPATH_BASE, SUBPATH_DIST } from './subpath.ts';

const args = process.argv.slice(2);
const subpath = args.includes('--subpath');
const baseAt = args.indexOf('--base');
const base = subpath ? SUBPATH_BASE : normaliseBase(baseAt >= 0 ? args[baseAt + 1] : '/', '--base');
const positional = args.filter((a, i) => a !== '--subpath' && (baseAt < 0 || (i !== baseAt && i !== baseAt + 1)));
const dist = path.resolve(positional[0] ?? (subpath ? SUBPATH_DIST : 'dist'));
const report = checkSite(dist, base);
const out = path.resolve('test-results');
mkdirSync(out, { recursive: true });
const externalList = [...report.external].sort(([a], [b]) => a.localeCompare(b)).map(([url, pages]) => `${url}\t${[...new Set(pages)].length} page(s)`);
writeFileSync(path.join(out, 'external-links.txt'), `${externalList.join('\n')}\n`);
console.log(`Checked ${report.internal} internal links on ${report.pages} pages${base === '/' ? '' : ` served under ${base}`}.`);
console.log(`${report.external.size} distinct external links (listed, not fetched) in test-results/external-links.txt.`);
if (report.broken.length) {
  console.error(`\n${report.broken.length} broken link(s):`);
  for (const b of report.broken) console.error(`- ${b.page}: "${b.href}": ${b.reason}. Fix the link in the source of ${b.page}.`);
  process.exit(1);
}
console.log('No broken links or anchors.');
