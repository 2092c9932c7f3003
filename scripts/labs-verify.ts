/**
 * `npm run labs:verify [slug...]`: proves every lab's tests judge the work. For each lab, in
 * a temporary copy: install its dependencies once, then run its tests on the starter (they
 * must fail, as failing tests, not a crash), on the starter with the solution laid over it
 * (all must pass), and on the starter with each known-bad answer laid over it (each must
 * fail, through the tests its MISTAKE.md names). Exits non-zero if any lab is broken.
 * Python labs get a cached virtual environment from requirements.txt and run pytest; without
 * Python they are skipped with what to install, except in CI where that is an error.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { readKnownBad } from '../src/lib/lab-known-bad.ts';
import { judgeKnownBad, judgeSolution, judgeStarter, labSummary, MIN_KNOWN_BAD } from '../src/lib/lab-verify.ts';
import { readLabs, type Lab } from '../src/lib/labs.ts';
import { PythonEnvError } from '../src/lib/python-env.ts';
import { runnerFor } from './lab-runners.ts';

const labsDir = path.resolve(process.env.MLOPS_LABS_DIR ?? 'labs');
const only = process.argv.slice(2);
const inCi = Boolean(process.env.CI);

function writeFiles(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

interface Row {
  lab: string;
  summary: string;
  problems: string[];
  /** One line per known-bad answer: its note and the tests that caught it. */
  details: string[];
  /** Why the lab was not run at all (no Python outside CI). */
  skipped?: string;
  seconds: number;
}

async function verify(lab: Lab): Promise<Row> {
  const started = performance.now();
  const row: Row = { lab: lab.slug, summary: '', problems: [], details: [], seconds: 0 };
  const finish = () => ({ ...row, seconds: (performance.now() - started) / 1000 });
  const dir = mkdtempSync(path.join(tmpdir(), `lab-${lab.slug}-`));
  try {
    const knownBad = readKnownBad(labsDir, lab.slug);
    writeFiles(dir, lab.project.files);
    // Node labs: npm install and `node --test`; python labs: a cached venv and pytest (scripts/lab-runners.ts).
    const runner = runnerFor(lab, dir);
    const problem = await runner.prepare();
    if (problem) {
      row.problems.push(problem);
      return finish();
    }
    if (runner.environment) row.details.push(`ran with ${runner.environment}`);
    // Each overlay starts from the starter again: rewrite its files and delete what the last overlay added.
    let added: string[] = [];
    const runWith = async (overlay: Record<string, string>) => {
      for (const f of added) rmSync(path.join(dir, f), { force: true });
      writeFiles(dir, lab.project.files);
      writeFiles(dir, overlay);
      added = Object.keys(overlay).filter((f) => !(f in lab.project.files));
      return runner.test();
    };

    const before = await runWith({});
    const s = judgeStarter(before.summary);
    if (!s.ok) row.problems.push(`starter (${before.summary.fail} of ${before.summary.tests} fail): ${s.why}\n${before.output}`);
    const after = await runWith(lab.solution);
    const v = judgeSolution(after.summary, after.code);
    if (!v.ok) row.problems.push(`solution (${after.summary.pass} of ${after.summary.tests} pass): ${v.why}\n${after.output}`);

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
    if (error instanceof PythonEnvError && !inCi) row.skipped = error.message;
    else row.problems.push((error as Error).message);
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
    const verdict = r.skipped ? 'SKIP' : r.problems.length ? 'FAIL' : 'ok  ';
    console.log(`${verdict} ${r.lab} (${r.seconds.toFixed(1)} s): ${r.skipped ? 'not run, Python is missing' : r.summary || 'not run'}`);
    for (const d of r.details) console.log(`       ${d}`);
  }
};
await Promise.all(Array.from({ length: Math.min(labs.length, Math.max(2, availableParallelism())) }, worker));
const broken = rows.filter((r) => r.problems.length);
const skipped = rows.filter((r) => r.skipped);
for (const r of broken) for (const p of r.problems) console.log(`\nlabs/${r.lab}: ${p}`);
if (skipped.length) console.log(`\nSkipped ${skipped.map((r) => r.lab).join(', ')}: ${skipped[0]!.skipped} (In CI this is an error.)`);
console.log(`\n${rows.length - broken.length - skipped.length} labs verified, ${broken.length} broken${skipped.length ? `, ${skipped.length} skipped` : ''}`);
process.exit(broken.length ? 1 : 0);
