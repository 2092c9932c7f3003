/**
 * The search part of `npm run bench`: index size, first-query bytes, compute time in Node,
 * keystroke-to-results time in Chromium, and relevance, beside the same figures for
 * Pagefind built over the same dist/ (into a temporary folder, never into dist/).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { engineWithShards, search, type SearchShardFile } from '../src/lib/search-engine.ts';
import { RELEVANCE } from '../tests/search-queries.ts';
import { scoreRelevance } from '../tests/relevance-score.ts';
import { browserFigures, quantile, type BrowserFigures } from './search-bench.ts';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? 'n/a' : `${n.toFixed(1)} ms`);
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : '');

/** Every file under a folder, with its raw and gzip size (already compressed files count as they are). */
function folderBytes(dir: string): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const data = readFileSync(path.join(entry.parentPath, entry.name));
    raw += data.length;
    gzip += Math.min(data.length, gzipSync(data).length);
  }
  return { raw, gzip };
}

/** Builds Pagefind's index of dist/ into a temporary folder; undefined (and why) if it cannot run. */
function buildPagefind(dist: string): { dir?: string; why?: string } {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'mlops-pagefind-')), 'pagefind');
  try {
    execFileSync(process.execPath, [path.resolve('node_modules/pagefind/lib/runner/bin.cjs'), '--site', dist, '--output-path', dir], { stdio: 'ignore' });
    statSync(path.join(dir, 'pagefind.js'));
    return { dir };
  } catch (error) {
    return { why: `Pagefind could not build its index here: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** Prints the search figures. */
export async function benchSearch(dist: string, lessonFile: string | undefined): Promise<void> {
  const text = readFileSync(path.join(dist, 'search-index.json'), 'utf8');
  const shardDir = path.join(dist, 'search-index');
  const shardTexts = readdirSync(shardDir).map((f) => readFileSync(path.join(shardDir, f), 'utf8'));
  const engine = engineWithShards(JSON.parse(text), shardTexts.map((t) => JSON.parse(t) as SearchShardFile));
  // The whole index as stored: the records file and every word shard, each compressed on its own as a server sends it.
  const indexRaw = text.length + shardTexts.reduce((n, t) => n + t.length, 0);
  const indexGzip = gzipSync(text).length + shardTexts.reduce((n, t) => n + gzipSync(t).length, 0);
  const queries = RELEVANCE.map((c) => c.query);
  for (const q of queries) search(engine, q, 24); // Warm-up: lists decoded, typo indexes built.
  const times: number[] = [];
  for (let round = 0; round < 5; round++)
    for (const q of queries) {
      const t = performance.now();
      search(engine, q, 24);
      times.push(performance.now() - t);
    }
  times.sort((a, b) => a - b);
  const relevance = scoreRelevance(engine, RELEVANCE);

  const pf = buildPagefind(dist);
  const lessonPath = lessonFile ? `/${lessonFile.replace(/index\.html$/, '')}` : '/';
  let browser: { ours: BrowserFigures; pagefind?: BrowserFigures; fetchedBeforeUse: string[] } | undefined;
  let browserError = '';
  try {
    browser = await browserFigures(dist, lessonPath, queries, pf.dir);
  } catch (error) {
    browserError = (error as Error).message.split('\n')[0]!;
  }
  const pfIndex = pf.dir ? folderBytes(pf.dir) : undefined;
  if (pf.dir) rmSync(path.dirname(pf.dir), { recursive: true, force: true });

  console.log(`\nSearch (${engine.records.length} records, ${queries.length} relevance queries; load average ${loadavg()[0]!.toFixed(1)} on this machine)`);
  console.log(`  Relevance: top-3 ${(relevance.top3 * 100).toFixed(1)} %, MRR ${relevance.mrr.toFixed(3)}`);
  console.log(`  Compute in Node, warm: p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))} (${times.length} queries)`);
  if (!browser) console.log(`  Chromium figures could not be measured: ${browserError}`);
  const rows: [string, string, string, string][] = [['', 'this site', 'Pagefind', 'site / Pagefind']];
  const o = browser?.ours;
  const p = browser?.pagefind;
  rows.push(['index, raw', `${kb(indexRaw)} (${shardTexts.length + 1} files)`, pfIndex ? kb(pfIndex.raw) : 'n/a', ratio(indexRaw, pfIndex?.raw)]);
  rows.push(['index, gzip', kb(indexGzip), pfIndex ? kb(pfIndex.gzip) : 'n/a', ratio(indexGzip, pfIndex?.gzip)]);
  rows.push(['first query, gzip', o ? `${kb(o.firstQuery.gzip)} (${o.firstQuery.files} files)` : 'n/a', p ? `${kb(p.firstQuery.gzip)} (${p.firstQuery.files} files)` : 'n/a', ratio(o?.firstQuery.gzip, p?.firstQuery.gzip)]);
  rows.push(['rendered p50', ms(o?.rendered.p50), ms(p?.rendered.p50), ratio(o?.rendered.p50, p?.rendered.p50)]);
  rows.push(['rendered p95', ms(o?.rendered.p95), ms(p?.rendered.p95), ratio(o?.rendered.p95, p?.rendered.p95)]);
  for (const r of rows) console.log(`  ${r[0].padEnd(20)} ${r[1].padStart(22)} ${r[2].padStart(22)} ${r[3].padStart(16)}`);
  if (browser) console.log(`  Search files fetched with the page, before first use: ${browser.fetchedBeforeUse.length}${browser.fetchedBeforeUse.length ? ` (${browser.fetchedBeforeUse.join(', ')})` : ' (as it should be)'}`);
  console.log('  Rendered: from a keystroke to the results in the page, warm, in Chromium. Targets: rendered p95 <= 10 ms, first query <= 100 KB gzip.');
  if (pf.why) console.log(`  ${pf.why}`);
  if (relevance.misses.length) console.log(`  Missed in the top 3:\n    ${relevance.misses.join('\n    ')}`);
}
