/**
 * Lighthouse scores (mobile settings, the default) for the main page types, run against the
 * built site served with its production headers. Used by `npm run bench`.
 *
 * Each page is measured several times and the median run is reported, as Lighthouse's
 * documentation on variability advises (its own computeMedianRun picks the run); the lowest
 * and highest score of all runs are printed beside it, so noise is visible, never hidden.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun, filterToValidRuns } from 'lighthouse/core/lib/median-run.js';
import { spreadLabel } from '../src/lib/score-spread.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Runs per page when LIGHTHOUSE_RUNS does not say: enough for a median, short enough to wait for. */
export const DEFAULT_RUNS = 3;

/** One run's report, as the lighthouse function returns it. */
type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];
const score = (lhr: Result, category: string) => (lhr.categories[category]?.score == null ? null : Math.round(lhr.categories[category]!.score! * 100));

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** In each category below 100, the scored audits that cost points: where to look. */
function lostPoints(lhr: Result): string[] {
  return CATEGORIES.filter((c) => (lhr.categories[c]?.score ?? 1) < 0.995).flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score != null && lhr.audits[ref.id]!.score! < 1)
      .map((ref) => `${c}: ${ref.id} (${lhr.audits[ref.id]!.displayValue ?? `score ${lhr.audits[ref.id]!.score}`})`),
  );
}

/**
 * Scores (0–100) per category for each [name, path]: the median of `runs` runs, with every
 * run's score kept for the spread; null where Lighthouse could not run.
 */
export async function lighthouseScores(pages: [string, string][], runs = DEFAULT_RUNS) {
  const port = await freePort();
  const server = spawn(process.execPath, ['scripts/serve.ts', '--port', String(port)], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await fetch(base).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
  const chromePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const rows: { name: string; path: string; runs: number; scores: Record<string, number | null>; all: Record<string, (number | null)[]>; failing: string[]; worstFailing: string[] }[] = [];
  try {
    for (const [name, path] of pages) {
      const results: Result[] = [];
      for (let run = 0; run < runs; run++) {
        // A fresh browser per run, as the Lighthouse CLI runs it: measured in a browser that had
        // just loaded another page, the lab lesson scored 92-98 where a fresh browser gave 98-100.
        const chrome = await chromeLauncher.launch({
          chromePath,
          chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        });
        const result = await lighthouse(`${base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }).finally(() => chrome.kill());
        if (result) results.push(result.lhr);
      }
      if (results.length === 0) {
        rows.push({ name, path, runs: 0, failing: [], worstFailing: [], scores: Object.fromEntries(CATEGORIES.map((c) => [c, null])), all: {} });
        continue;
      }
      // computeMedianRun needs first paint and time to interactive; a run that lacks them (the
      // page failed to load) is still shown in the spread, but cannot be the median.
      const valid = filterToValidRuns(results);
      const median = valid.length > 0 ? computeMedianRun(valid) : results[0]!;
      // The run with the lowest performance score, to say what it lost when the median lost nothing.
      const worst = results.reduce((a, b) => ((score(b, 'performance') ?? 100) < (score(a, 'performance') ?? 100) ? b : a));
      rows.push({
        name,
        path,
        runs: results.length,
        failing: lostPoints(median),
        worstFailing: worst === median ? [] : lostPoints(worst),
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(median, c)])),
        all: Object.fromEntries(CATEGORIES.map((c) => [c, results.map((r) => score(r, c))])),
      });
    }
  } finally {
    server.kill();
  }
  return rows;
}

/** Prints the scores as a table. */
export function printScores(rows: Awaited<ReturnType<typeof lighthouseScores>>) {
  const runs = Math.max(0, ...rows.map((r) => r.runs));
  console.log(`\nLighthouse (mobile), scores out of 100: the median of ${runs} run(s) per page; in brackets, the lowest and highest run where they differ`);
  console.log(`${'page'.padEnd(12)}${CATEGORIES.map((c) => c.padStart(16)).join('')}  path`);
  for (const r of rows) console.log(`${r.name.padEnd(12)}${CATEGORIES.map((c) => spreadLabel(r.scores[c] ?? null, r.all[c] ?? []).padStart(16)).join('')}  ${r.path}`);
  for (const r of rows.filter((row) => row.failing.length > 0)) console.log(`  ${r.name} lost points on: ${r.failing.join('; ')}`);
  for (const r of rows.filter((row) => row.worstFailing.length > 0)) console.log(`  ${r.name}, lowest run, lost points on: ${r.worstFailing.join('; ')}`);
}
