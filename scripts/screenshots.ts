/**
 * `npm run screenshots -- <label> [--dir dist]`: full-page screenshots of the built site's main page types
 * at desktop and phone widths, light and dark, into test-results/screenshots/<label>/, so a
 * change to the look can be compared before and after. Progress pages are shown with a
 * realistic record (some lessons done, quizzes taken, questions answered, cards scheduled),
 * built with the same functions the site uses. Run `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { emptyProgress, recordAnswer, recordQuiz, setLessonDone, STORAGE_KEY, visitLesson } from '../src/lib/progress.ts';
import { setStarPart } from '../src/lib/star-draft.ts';
import { newCard, rate } from '../src/lib/scheduler.ts';

const args = process.argv.slice(2);
const dirAt = args.indexOf('--dir');
const dist = dirAt >= 0 && args[dirAt + 1] ? args.splice(dirAt, 2)[1]! : 'dist';
const label = args[0] ?? 'now';
if (!/^[a-z0-9-]+$/.test(label)) throw new Error(`Screenshot label "${label}": use lower-case letters, digits and dashes, e.g. "before".`);
const out = path.resolve('test-results', 'screenshots', label);
if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`No built site in ${dist}/. Run "npm run build" first.`);
mkdirSync(out, { recursive: true });

/** Lesson ids in course order, read from the built course map's links. */
function lessonIds(): string[] {
  const html = readFileSync(path.join(dist, 'learn/index.html'), 'utf8');
  return [...new Set([...html.matchAll(/href="\/learn\/([a-z0-9-]+\/[a-z0-9-]+)\/"/g)].map((m) => m[1]!))];
}

/** A student a week into the course: five lessons done, two quizzes, a few cards. */
function sampleProgress(): string {
  const now = Date.now();
  const day = 86_400_000;
  const p = emptyProgress();
  const lessons = lessonIds();
  lessons.slice(0, 5).forEach((id, i) => {
    visitLesson(p, id, now - (6 - i) * day);
    setLessonDone(p, id, true, now - (6 - i) * day);
  });
  visitLesson(p, lessons[5]!, now - day);
  recordQuiz(p, lessons[0]!, { score: 4, total: 5, missed: ['q-missed'] }, {}, now - 5 * day);
  recordQuiz(p, lessons[1]!, { score: 2, total: 4, missed: ['a', 'b'] }, {}, now - 4 * day);
  for (const [id, ok] of [['api-what-is-an-api', true], ['api-curl-flags', false], ['docker-cache-rules', false]] as const) recordAnswer(p, id, ok, now - 2 * day);
  p.cards['api-what-is-an-api'] = rate(newCard(now - 3 * day), 'Good', now - 3 * day);
  p.cards['api-curl-flags'] = rate(newCard(now - 2 * day), 'Again', now - 2 * day);
  setStarPart(p, 'hr-conflict-colleague', 'situation', 'Two teams wanted the same GPU budget in the same quarter.', now - day);
  p.searches = ['docker layers', 'canary'];
  return JSON.stringify(p);
}

const shots: { name: string; url: string; width: number; progress?: boolean }[] = [
  { name: 'home-desktop', url: '/', width: 1280, progress: true },
  { name: 'home-phone', url: '/', width: 390, progress: true },
  { name: 'lesson-phone', url: `/learn/${lessonIds()[1]}/`, width: 390 },
  { name: 'lesson-desktop', url: `/learn/${lessonIds()[1]}/`, width: 1280 },
  { name: 'practice-desktop', url: '/practice/', width: 1280, progress: true },
  { name: 'practice-phone', url: '/practice/', width: 390, progress: true },
  { name: 'progress-desktop', url: '/progress/', width: 1280, progress: true },
  { name: 'progress-phone', url: '/progress/', width: 390, progress: true },
  { name: 'glossary-phone', url: '/glossary/', width: 390 },
];

const port = 4390 + Math.floor(Math.random() * 8);
const server = spawn(process.execPath, ['scripts/serve.ts', '--dir', dist, '--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore' });
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  for (let tries = 0; ; tries++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      break;
    } catch (error) {
      if (tries > 50) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const progress = sampleProgress();
  for (const theme of ['light', 'dark'] as const)
    for (const shot of shots) {
      const context = await browser.newContext({ viewport: { width: shot.width, height: shot.width < 600 ? 844 : 900 }, deviceScaleFactor: 1 });
      // Offline: nothing but the local server may answer.
      await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort('blockedbyclient'));
      await context.addInitScript(
        ([t, key, record]) => {
          localStorage.setItem('mlops-theme', t!);
          if (record) localStorage.setItem(key!, record);
        },
        [theme, STORAGE_KEY, shot.progress ? progress : ''],
      );
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}${shot.url}`, { waitUntil: 'networkidle' });
      const file = path.join(out, `${shot.name}-${theme}.png`);
      // Very long pages are cut at 12,000 px: enough to judge the look, small enough to open.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({ path: file, fullPage: true, ...(height > 12_000 ? { clip: { x: 0, y: 0, width: shot.width, height: 12_000 } } : {}) });
      console.log(`${path.relative(process.cwd(), file)} (${shot.url}, ${shot.width} px, ${theme}, page ${height} px tall)`);
      await context.close();
    }
} finally {
  await browser.close();
  server.kill();
}
