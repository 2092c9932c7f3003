/**
 * `npm run labs:verify`: proves every lab works. For each lab, in a temporary copy: install
 * its dependencies, run its tests on the starter (they must fail, as failing tests, not a
 * crash), then lay the solution over it and run them again (they must all pass).
 * Prints a table lab by lab and exits non-zero if any lab is broken.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { judgeSolution, judgeStarter, parseTap, type TapSummary } from '../src/lib/lab-verify.ts';
import { readLabs, type Lab } from '../src/lib/labs.ts';

const labsDir = path.resolve(process.env.MLOPS_LABS_DIR ?? 'labs');
const only = process.argv.slice(2);

function writeFiles(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

const npm = (dir: string, args: string[]) =>
  spawnSync('npm', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '1', NO_COLOR: '1' }, timeout: 300_000 });

function runTests(dir: string): { summary: TapSummary; code: number; output: string } {
  const r = npm(dir, ['test', '--silent', '--', '--test-reporter=tap']);
  const output = `${r.stdout}\n${r.stderr}`;
  return { summary: parseTap(output), code: r.status ?? 1, output };
}

interface Row {
  lab: string;
  starter: string;
  solution: string;
  ok: boolean;
  seconds: number;
  problem?: string;
}

function verify(lab: Lab): Row {
  const started = performance.now();
  const dir = mkdtempSync(path.join(tmpdir(), `lab-${lab.slug}-`));
  const row = (starter: string, solution: string, problem?: string): Row => ({
    lab: lab.slug,
    starter,
    solution,
    ok: !problem,
    problem,
    seconds: (performance.now() - started) / 1000,
  });
  try {
    const pkg = JSON.parse(lab.project.files['package.json']!);
    if (!/^node --test\b/.test(pkg.scripts?.test ?? ''))
      return row('-', '-', 'starter/package.json: the "test" script must run "node --test" so results can be read. Fix: set "test": "node --test".');
    writeFiles(dir, lab.project.files);
    if (Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).length) {
      const install = npm(dir, ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error']);
      if (install.status !== 0) return row('-', '-', `npm install failed: ${install.stderr.trim().split('\n').slice(-3).join(' ')}`);
    }
    const before = runTests(dir);
    const starterText = `${before.summary.fail} of ${before.summary.tests} fail`;
    const s = judgeStarter(before.summary);
    if (!s.ok) return row(starterText, '-', `starter: ${s.why}`);
    writeFiles(dir, lab.solution);
    const after = runTests(dir);
    const solutionText = `${after.summary.pass} of ${after.summary.tests} pass`;
    const v = judgeSolution(after.summary, after.code);
    if (!v.ok) return row(starterText, solutionText, `solution: ${v.why}\n${after.output.split('\n').filter((l) => /^#\s+(Error|AssertionError|expected|actual)|not ok/.test(l)).slice(0, 8).join('\n')}`);
    return row(starterText, solutionText);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const labs = readLabs(labsDir).filter((l) => only.length === 0 || only.includes(l.slug));
if (labs.length === 0) {
  console.log(`No labs found in ${labsDir}.`);
  process.exit(only.length ? 1 : 0);
}
const rows = labs.map((lab) => {
  const r = verify(lab);
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.lab} (${r.seconds.toFixed(1)} s)`);
  return r;
});
const w = Math.max(...rows.map((r) => r.lab.length), 3);
console.log(`\n${'lab'.padEnd(w)}  ${'starter'.padEnd(14)}  ${'solution'.padEnd(14)}  verdict`);
for (const r of rows) console.log(`${r.lab.padEnd(w)}  ${r.starter.padEnd(14)}  ${r.solution.padEnd(14)}  ${r.ok ? 'ok' : 'BROKEN'}`);
const broken = rows.filter((r) => !r.ok);
for (const r of broken) console.log(`\nlabs/${r.lab}: ${r.problem}`);
console.log(`\n${rows.length - broken.length} passed, ${broken.length} failed`);
process.exit(broken.length ? 1 : 0);
