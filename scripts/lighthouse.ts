/**
 * Lighthouse scores (mobile settings, the default) for the main page types, run against the
 * built site served with its production headers. Used by `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Scores (0–100) per category for each [name, path]; null where Lighthouse could not run. */
export async function lighthouseScores(pages: [string, string][]) {
  const port = await freePort();
  const server = spawn(process.execPath, ['scripts/serve.ts', '--port', String(port)], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await fetch(base).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
  const chromePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const rows: { name: string; path: string; scores: Record<string, number | null>; failing: string[] }[] = [];
  try {
    for (const [name, path] of pages) {
      // A fresh browser per page, as the Lighthouse CLI runs it: measured in a browser that had
      // just loaded another page, the lab lesson scored 92-98 where a fresh browser gave 98-100.
      const chrome = await chromeLauncher.launch({
        chromePath,
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      const result = await lighthouse(`${base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }).finally(() => chrome.kill());
      const categories = result?.lhr.categories ?? {};
      const audits = result?.lhr.audits ?? {};
      // In a category below 100, the scored audits that cost points: where to look.
      const failing = CATEGORIES.filter((c) => (categories[c]?.score ?? 1) < 0.995).flatMap((c) =>
        (categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && audits[ref.id]?.score != null && audits[ref.id]!.score! < 1)
          .map((ref) => `${c}: ${ref.id} (${audits[ref.id]!.displayValue ?? `score ${audits[ref.id]!.score}`})`),
      );
      rows.push({ name, path, failing, scores: Object.fromEntries(CATEGORIES.map((c) => [c, categories[c]?.score == null ? null : Math.round(categories[c]!.score! * 100)])) });
    }
  } finally {
    server.kill();
  }
  return rows;
}

/** Prints the scores as a table. */
export function printScores(rows: Awaited<ReturnType<typeof lighthouseScores>>) {
  console.log(`\nLighthouse (mobile), scores out of 100`);
  console.log(`${'page'.padEnd(12)}${CATEGORIES.map((c) => c.padStart(16)).join('')}  path`);
  for (const r of rows) console.log(`${r.name.padEnd(12)}${CATEGORIES.map((c) => String(r.scores[c] ?? 'n/a').padStart(16)).join('')}  ${r.path}`);
  for (const r of rows.filter((row) => row.failing.length > 0)) console.log(`  ${r.name} lost points on: ${r.failing.join('; ')}`);
}
