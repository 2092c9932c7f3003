/**
 * `npm run bench`: builds the site and prints what each kind of page costs to load before
 * any interaction (HTML, CSS, JavaScript; raw and gzip) and how long the build took.
 * Figures, not assertions: budgets are judged by reading them.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { measureDeferred, measureFile, measurePage, type Bytes } from '../src/lib/page-weight.ts';
import { labPagePaths } from '../src/lib/headers.ts';
import { labUrls, readLabs } from '../src/lib/labs.ts';
import { benchSearch } from './bench-search.ts';
import { DEFAULT_RUNS, lighthouseScores, printScores } from './lighthouse.ts';
import { lintBank, MAX_LONGEST_SHARE, MAX_STRATEGY_SHARE, readBank } from '../src/lib/bank-lint.ts';
import { benchRunner } from './bench-runner.ts';

const dist = path.resolve('dist');
const started = performance.now();
execSync('npx astro build', { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
const buildSeconds = (performance.now() - started) / 1000;

/** The first built page under a folder, e.g. the first lesson page. */
function firstPage(dir: string, depth: number): string | undefined {
  const base = path.join(dist, dir);
  if (!existsSync(base)) return undefined;
  for (const entry of readdirSync(base, { withFileTypes: true }).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = path.join(dir, entry.name);
    if (depth === 1 && existsSync(path.join(dist, rel, 'index.html'))) return path.join(rel, 'index.html');
    const deeper = depth > 1 ? firstPage(rel, depth - 1) : undefined;
    if (deeper) return deeper;
  }
  return undefined;
}

const labPage = labPagePaths(path.resolve('content'))[0];
const labPageFile = labPage ? path.join(labPage.slice(1), 'index.html') : undefined;
const pages: [string, string | undefined][] = [
  ['home', 'index.html'],
  ['course map', 'learn/index.html'],
  ['labs', 'labs/index.html'],
  ['module', firstPage('learn', 1)],
  ['lesson', firstPage('learn', 2)],
  ['lab lesson', labPageFile],
  ['glossary', 'glossary/index.html'],
  ['practice', 'practice/index.html'],
  ['questions', 'questions/index.html'],
  ['questions/m', firstPage('questions', 1)],
  ['search', 'search/index.html'],
  ['progress', 'progress/index.html'],
  ['404', '404.html'],
];

const kb = (b: Bytes) => `${(b.raw / 1024).toFixed(1).padStart(7)} / ${(b.gzip / 1024).toFixed(1).padStart(6)}`;
console.log(`\nBuild time: ${buildSeconds.toFixed(1)} s\n`);
console.log('Bytes loaded before interaction, KB raw / KB gzip');
console.log(`${'page'.padEnd(10)} ${'HTML'.padStart(16)} ${'CSS'.padStart(16)} ${'JavaScript'.padStart(16)}  file`);
for (const [name, file] of pages) {
  if (!file || !existsSync(path.join(dist, file))) continue;
  const w = measurePage(dist, file);
  console.log(`${name.padEnd(10)} ${kb(w.html)} ${kb(w.css)} ${kb(w.js)}  ${file}`);
}
const LESSON_JS_BUDGET_KB = 6;
const lessonFile = firstPage('learn', 2);
const lessonJs = lessonFile && existsSync(path.join(dist, lessonFile)) ? measurePage(dist, lessonFile).js.gzip / 1024 : undefined;
console.log(
  `\nBudget: lesson pages load at most ${LESSON_JS_BUDGET_KB} KB of gzipped JavaScript before interaction` +
    (lessonJs === undefined ? '.' : `; this build: ${lessonJs.toFixed(1)} KB, ${lessonJs <= LESSON_JS_BUDGET_KB ? 'within budget' : 'OVER BUDGET'}.`),
);

const lab = readLabs(path.resolve('labs'))[0];
if (labPageFile && lab) {
  const before = measurePage(dist, labPageFile);
  // Only what the lab widget's own script loads later: its code when idle, the SDK on Launch (search has its own lazy chunks).
  const labScript = before.files.filter((f) => /Lab\.astro/.test(f));
  const later = measureDeferred(dist, { ...before, files: labScript });
  const payload = measureFile(dist, labUrls(lab.slug).project);
  console.log(`\nLab page (${labPage}), KB raw / KB gzip`);
  console.log(`  JavaScript before Launch        ${kb(before.js)}`);
  console.log(`  JavaScript loaded later         ${kb(later)}  (${later.files.length} file(s): the lab's code when idle, the StackBlitz SDK on Launch)`);
  console.log(`  Lab payload fetched on Launch   ${kb(payload)}  (${labUrls(lab.slug).project})`);
}

await benchSearch(dist, firstPage('learn', 2));

// Question bank: how guessable the answers are (the bank lint in npm test holds the limit).
const bank = readBank(path.resolve('content/questions'));
const lint = lintBank(bank);
console.log(
  `\nQuestion bank: ${bank.length} questions (${lint.singles} single choice); right choice longest in ${(lint.longestShare * 100).toFixed(1)} % of single-choice questions (limit ${MAX_LONGEST_SHARE * 100} %, chance with four choices 25 %)`,
  `\n  Multiple choice (${lint.multiples}): the best length strategy, ${lint.bestStrategy.name}, answers ${(lint.bestStrategy.share * 100).toFixed(1)} % exactly right (limit ${MAX_STRATEGY_SHARE * 100} %)`,
);

try {
  await benchRunner(dist);
} catch (error) {
  console.log(`\nPython runner could not be measured: ${(error as Error).message}`);
}

// Lighthouse on every page type (issue 16's list): the built pages as a student meets them.
const firstLesson = firstPage('learn', 2);
const asUrl = (file: string | undefined) => (file ? `/${file.replace(/index\.html$/, '')}` : undefined);
const lighthousePages = (
  [
    ['home', '/'],
    ['module', asUrl(firstPage('learn', 1))],
    ['lesson', asUrl(firstLesson)],
    ['lab lesson', labPage],
    ['practice', '/practice/'],
    ['questions', '/questions/'],
    ['questions/m', asUrl(firstPage('questions', 1))],
    ['glossary', '/glossary/'],
    ['search', '/search/?q=docker'],
    ['progress', '/progress/'],
    // The 404 page by its own address: Lighthouse refuses to score a response with status 404.
    ['404', '/404.html'],
  ] as [string, string | undefined][]
).filter((p): p is [string, string] => Boolean(p[1]));
// LIGHTHOUSE_RUNS=5 for a steadier median; each run is a fresh browser, about 12 s a page.
const lighthouseRuns = Number.parseInt(process.env.LIGHTHOUSE_RUNS ?? '', 10) || DEFAULT_RUNS;
try {
  printScores(await lighthouseScores(lighthousePages, lighthouseRuns));
} catch (error) {
  console.log(`\nLighthouse could not run: ${(error as Error).message}`);
}
