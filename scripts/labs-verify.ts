/**
 * `npm run labs:verify [slug...]`: proves every lab's tests judge the work. For each lab, in
 * a temporary copy: install its dependencies once, then run its tests on the starter (they
 * must fail, as failing tests, not a crash), on the starter with the solution laid over it
 * (all must pass), and on the starter with each known-bad answer laid over it (each must
 * fail, through the tests its MISTAKE.md names). Exits non-zero if any lab is broken.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { readKnownBad } from '../src/lib/lab-known-bad.ts';
import { judgeKnownBad, judgeSolution, judgeStarter, labSummary, MIN_KNOWN_BAD, parseTap, type TapSummary } from '../src/lib/lab-verify.ts';
import { readLabs, type Lab } from '../src/lib/labs.ts';

const labsDir = path.resolve(process.env.MLOPS_LABS_DIR ?? 'labs');
const only = process.argv.slice(2);

function writeFiles(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

/** Runs a command to completion without blocking, so several labs can be verified at once. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, timeout: 300_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => resolve({ status: 1, stdout, stderr: `${stderr}${error.message}` }));
    child.on('close', (code) => resolve({ status: code ?? 1, stdout, stderr }));
  });
}

const npm = (dir: string, args: string[]) => run('npm', args, dir, { ...process.env, CI: '1', NO_COLOR: '1' });

interface Run {
  summary: TapSummary;
  code: number;
  output: string;
}

/**
 * Runs the lab's `node --test ...` script with node directly: going through `npm test` costs
 * seconds per run on a busy machine, and a lab is run once per known-bad answer.
 */
async function runTests(dir: string, testScript: string): Promise<Run> {
  const args = testScript.trim().split(/\s+/).slice(1);
  const r = await run(process.execPath, [...args, '--test-reporter=tap'], dir, { ...process.env, NO_COLOR: '1' });
  const output = `${r.stdout}\n${r.stderr}`;
  return { summary: parseTap(output), code: r.status, output };
}

/** The assertion lines of a run, so a broken lab's report shows what went wrong. */
const excerpt = (run: Run) =>
  run.output
    .split('\n')
    .filter((l) => /^\s*(error:|not ok)|^#\s+(Error|AssertionError)/.test(l))
    .slice(0, 8)
    .join('\n');

interface Row {
  lab: string;
  summary: string;
  problems: string[];
  /** One line per known-bad answer: its note and the tests that caught it. */
  details: string[];
  seconds: number;
}

async function verify(lab: Lab): Promise<Row> {
  const started = performance.now();
  const row: Row = { lab: lab.slug, summary: '', problems: [], details: [], seconds: 0 };
  const finish = () => ({ ...row, seconds: (performance.now() - started) / 1000 });
  const dir = mkdtempSync(path.join(tmpdir(), `lab-${lab.slug}-`));
  try {
    const knownBad = readKnownBad(labsDir, lab.slug);
    const pkg = JSON.parse(lab.project.files['package.json']!);
    const testScript: string = pkg.scripts?.test ?? '';
    // Only plain arguments, so the script can be run without a shell and give the same result.
    if (!/^node --test(\s+[\w./*=-]+)*\s*$/.test(testScript)) {
      row.problems.push('starter/package.json: the "test" script must be "node --test" (plus plain arguments) so results can be read. Fix: set "test": "node --test".');
      return finish();
    }
    writeFiles(dir, lab.project.files);
    if (Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).length) {
      const install = await npm(dir, ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error']);
      if (install.status !== 0) {
        row.problems.push(`npm install failed: ${install.stderr.trim().split('\n').slice(-3).join(' ')}`);
        return finish();
      }
    }
    // Each overlay starts from the starter again: rewrite its files and delete what the last overlay added.
    let added: string[] = [];
    const runWith = async (overlay: Record<string, string>) => {
      for (const f of added) rmSync(path.join(dir, f), { force: true });
      writeFiles(dir, lab.project.files);
      writeFiles(dir, overlay);
      added = Object.keys(overlay).filter((f) => !(f in lab.project.files));
      return runTests(dir, testScript);
    };

    const before = await runWith({});
    const s = judgeStarter(before.summary);
    if (!s.ok) row.problems.push(`starter (${before.summary.fail} of ${before.summary.tests} fail): ${s.why}\n${excerpt(before)}`);
    const after = await runWith(lab.solution);
    const v = judgeSolution(after.summary, after.code);
    if (!v.ok) row.problems.push(`solution (${after.summary.pass} of ${after.summary.tests} pass): ${v.why}\n${excerpt(after)}`);

    let failing = 0;
    for (const bad of knownBad) {
      const result = await runWith(bad.files);
      const k = judgeKnownBad(result.summary, result.code, bad.mistake);
      if (k.ok) failing++;
      else row.problems.push(`known-bad/${bad.name} ("${bad.mistake.note}"): ${k.why}`);
      row.details.push(`${k.ok ? 'fails' : 'WRONG'}  ${bad.name}: ${bad.mistake.note}\n         caught by: ${result.summary.failures.join('; ') || '(no failing test)'}`);
    }
    if (knownBad.length < MIN_KNOWN_BAD)
      row.problems.push(
        `has ${knownBad.length} known-bad answer(s); every lab needs at least ${MIN_KNOWN_BAD}. Fix: add labs/${lab.slug}/known-bad/<name>/ with the files of a wrong answer and a MISTAKE.md naming the mistake (AUTHORING.md, "Labs").`,
      );
    row.summary = labSummary(s.ok, v.ok, failing, knownBad.length);
    return finish();
  } catch (error) {
    row.problems.push((error as Error).message);
    return finish();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const labs = readLabs(labsDir).filter((l) => only.length === 0 || only.includes(l.slug));
if (labs.length === 0) {
  console.log(`No labs found in ${labsDir}${only.length ? ` named ${only.join(', ')}` : ''}.`);
  process.exit(only.length ? 1 : 0);
}
// Labs are independent (each in its own folder), so verify a few at once.
const rows: Row[] = new Array(labs.length);
let next = 0;
const worker = async () => {
  while (next < labs.length) {
    const i = next++;
    const r = (rows[i] = await verify(labs[i]!));
    console.log(`${r.problems.length ? 'FAIL' : 'ok  '} ${r.lab} (${r.seconds.toFixed(1)} s): ${r.summary || 'not run'}`);
    for (const d of r.details) console.log(`       ${d}`);
  }
};
await Promise.all(Array.from({ length: Math.min(labs.length, Math.max(2, availableParallelism())) }, worker));
const broken = rows.filter((r) => r.problems.length);
for (const r of broken) for (const p of r.problems) console.log(`\nlabs/${r.lab}: ${p}`);
console.log(`\n${rows.length - broken.length} labs verified, ${broken.length} broken`);
process.exit(broken.length ? 1 : 0);
