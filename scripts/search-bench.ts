/**
 * Search figures for `npm run bench`, in Chromium: what the first query downloads, and how
 * long it takes from a keystroke to results in the page, for the site's own search and for
 * Pagefind built over the same `dist/` as a reference. Figures, not assertions.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { chromium, type Page } from '@playwright/test';
import { headersFor, parseHeadersFile } from '../src/lib/headers.ts';

/** What one engine costs in the browser. */
export interface BrowserFigures {
  /** Bytes fetched from the first use of search to the first results, gzip as a server sends them. */
  firstQuery: { raw: number; gzip: number; files: number };
  /** Milliseconds from a keystroke to the results in the page, warm. */
  rendered: { p50: number; p95: number; samples: number };
}

/** The p-th quantile of sorted numbers. */
export const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

/** Serves dist/ with its `_headers`, Pagefind's output under /pagefind/, and the Pagefind test page. */
function serve(dist: string, pagefindDir: string | undefined): Promise<{ server: Server; base: string }> {
  const rules = parseHeadersFile(readFileSync(path.join(dist, '_headers'), 'utf8'));
  const site = sirv(dist, { dev: false, extensions: ['html'] });
  const pf = pagefindDir ? sirv(pagefindDir, { dev: false }) : undefined;
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/__pagefind-bench')) {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      return res.end(PAGEFIND_PAGE);
    }
    if (pf && url.startsWith('/pagefind/')) {
      req.url = url.slice('/pagefind'.length);
      return pf(req, res, () => void res.writeHead(404).end());
    }
    for (const [name, value] of Object.entries(headersFor(url, rules))) res.setHeader(name, value);
    site(req, res, () => void res.writeHead(404).end());
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/**
 * A page that searches with Pagefind's JS API the way a site would: the library is imported
 * on first input, the top 10 results' data loaded and rendered, stale answers dropped.
 */
const PAGEFIND_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind reference</title></head><body>
<input id="q" aria-label="Search"><p id="status"></p><ol id="results"></ol>
<script type="module">
let pagefind, seq = 0;
const q = document.getElementById('q'), list = document.getElementById('results'), status = document.getElementById('status');
q.addEventListener('input', async () => {
  const mine = ++seq;
  pagefind ??= await import('/pagefind/pagefind.js');
  const search = await pagefind.search(q.value);
  if (mine !== seq) return;
  const data = await Promise.all((search?.results ?? []).slice(0, 10).map((r) => r.data()));
  if (mine !== seq) return;
  list.innerHTML = data.map((d) => '<li><a href="' + d.url + '">' + d.meta.title + '</a><p>' + d.excerpt + '</p></li>').join('');
  status.textContent = (search?.results.length ?? 0) + ' results';
});
</script></body></html>`;

/** Bytes of everything the page fetches while `act` runs. */
async function fetchedDuring(page: Page, act: () => Promise<void>): Promise<BrowserFigures['firstQuery']> {
  const bodies: Promise<Buffer | null>[] = [];
  const onResponse = (r: import('@playwright/test').Response) => void bodies.push(r.body().catch(() => null));
  page.on('response', onResponse);
  await act();
  page.off('response', onResponse);
  const got = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
  // Already compressed files (Pagefind's index chunks) are counted as they are.
  return { raw: got.reduce((n, b) => n + b.length, 0), gzip: got.reduce((n, b) => n + Math.min(b.length, gzipSync(b).length), 0), files: got.length };
}

/** Types each query (all but its last key set directly), then times the last key to the results changing. */
async function timeKeystrokes(page: Page, input: string, watch: string[], queries: string[], rounds: number): Promise<number[]> {
  await page.evaluate((selectors) => {
    const w = window as unknown as { bench: { start: number; done: boolean; counted: boolean; times: number[] } };
    w.bench = { start: 0, done: true, counted: false, times: [] };
    document.addEventListener('keydown', (e) => Object.assign(w.bench, { start: e.timeStamp, done: false, counted: true }), true);
    const seen = () => {
      if (w.bench.done) return;
      w.bench.done = true;
      if (w.bench.counted) w.bench.times.push(performance.now() - w.bench.start);
    };
    for (const s of selectors) new MutationObserver(seen).observe(document.querySelector(s)!, { childList: true, subtree: true, characterData: true });
  }, watch);
  const field = page.locator(input);
  for (let round = 0; round <= rounds; round++) {
    for (const query of queries) {
      // The query without its last key, waited for but not timed.
      await page.evaluate(() => Object.assign((window as unknown as { bench: object }).bench, { done: false, counted: false }));
      await field.fill(query.slice(0, -1));
      await page.waitForFunction(() => (window as unknown as { bench: { done: boolean } }).bench.done, undefined, { timeout: 10_000 });
      await page.keyboard.type(query.slice(-1));
      await page.waitForFunction(() => (window as unknown as { bench: { done: boolean } }).bench.done, undefined, { timeout: 10_000 });
    }
    // The first round warms caches (Pagefind's index chunks, the engine's lists); it is not counted.
    if (round === 0) await page.evaluate(() => ((window as unknown as { bench: { times: number[] } }).bench.times = []));
  }
  return page.evaluate(() => (window as unknown as { bench: { times: number[] } }).bench.times);
}

const figures = (first: BrowserFigures['firstQuery'], times: number[]): BrowserFigures => {
  const sorted = [...times].sort((a, b) => a - b);
  return { firstQuery: first, rendered: { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), samples: sorted.length } };
};

/** Browser figures for the site's search (on `lessonPath`) and, if its index is given, for Pagefind. */
export async function browserFigures(dist: string, lessonPath: string, queries: string[], pagefindDir?: string, rounds = 2) {
  const { server, base } = await serve(dist, pagefindDir);
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    // Nothing of search may load with the page: only its first use fetches it.
    const early: string[] = [];
    const onRequest = (r: import('@playwright/test').Request) => void (/search-index|search-run|search-results|search-client/.test(r.url()) && early.push(r.url()));
    page.on('request', onRequest);
    await page.goto(`${base}${lessonPath}`, { waitUntil: 'networkidle' });
    page.off('request', onRequest);
    const ours = await fetchedDuring(page, async () => {
      await page.keyboard.press('/');
      await page.keyboard.type('docker');
      await page.getByRole('option').first().waitFor();
    });
    const oursTimes = await timeKeystrokes(page, '#site-search-input', ['#site-search-results', '#site-search-status'], queries, rounds);
    let pagefind: BrowserFigures | undefined;
    if (pagefindDir) {
      const pf = await browser.newPage();
      await pf.goto(`${base}/__pagefind-bench/`, { waitUntil: 'networkidle' });
      const first = await fetchedDuring(pf, async () => {
        await pf.locator('#q').fill('docker');
        await pf.locator('#results li').first().waitFor();
      });
      pagefind = figures(first, await timeKeystrokes(pf, '#q', ['#results', '#status'], queries, rounds));
    }
    return { ours: figures(ours, oursTimes), pagefind, fetchedBeforeUse: early };
  } finally {
    await browser.close();
    server.close();
  }
}
