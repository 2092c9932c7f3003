/**
 * Judging a lab's test run from the TAP output of `node --test`: the starter must fail
 * through failing tests (the student has work to do), not through a crash, and the
 * solution must pass every test.
 */

/** Counts and failing test names read from TAP output. */
export interface TapSummary {
  tests: number;
  pass: number;
  fail: number;
  /** Names of failing test points. */
  failures: string[];
  /** Failing points named after a test file: the file itself could not run (syntax error, bad import). */
  crashed: string[];
}

/** Reads the summary of a `node --test --test-reporter=tap` run. */
export function parseTap(output: string): TapSummary {
  const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(output)?.[1] ?? 0);
  // Top-level points only: subtests are indented.
  const failures = [...output.matchAll(/^not ok \d+ - (.+?)(?: # .*)?$/gm)].map((m) => m[1]!.trim());
  const crashed = failures.filter((name) => /\.(c|m)?[jt]s$/.test(name));
  return { tests: count('tests'), pass: count('pass'), fail: count('fail'), failures, crashed };
}

/** The verdict on one run: `ok` and, when not ok, why. */
export interface Verdict {
  ok: boolean;
  why?: string;
}

/** The starter must have tests and fail some of them, without any test file crashing. */
export function judgeStarter(run: TapSummary): Verdict {
  if (run.tests === 0) return { ok: false, why: 'the starter ran no tests. Fix: add tests under test/ that check the task.' };
  if (run.crashed.length)
    return { ok: false, why: `a test file crashed instead of failing (${run.crashed.join(', ')}). Fix: the starter must load cleanly; leave functions unfinished, not missing.` };
  if (run.fail === 0) return { ok: false, why: 'every test passes on the starter, so there is nothing to do. Fix: leave the task unfinished in starter/.' };
  return { ok: true };
}

/** The solution must run tests and pass all of them. */
export function judgeSolution(run: TapSummary, exitCode: number): Verdict {
  if (run.tests === 0) return { ok: false, why: 'the solution ran no tests.' };
  if (run.fail > 0 || exitCode !== 0)
    return { ok: false, why: `${run.fail} test(s) fail with the solution applied${run.failures.length ? `: ${run.failures.slice(0, 3).join('; ')}` : ''}.` };
  return { ok: true };
}

/** How many wrong answers each lab must prove its tests reject. */
export const MIN_KNOWN_BAD = 3;

/** What a known-bad answer's MISTAKE.md says about it. */
export interface Mistake {
  /** The first line: the mistake in one sentence. */
  note: string;
  /**
   * Test-name prefixes from `Fails:` lines (e.g. `Fails: step 3`). When present, the answer
   * must fail at least one test with such a name, and no other test, so it proves that the
   * test about this mistake is the one that catches it.
   */
  fails: string[];
}

/**
 * Reads MISTAKE.md: the first line is the note, and any `Fails: <test name prefix>` lines
 * name the tests that must catch it. `where` names the file in the error message.
 */
export function parseMistake(text: string, where: string): Mistake {
  const lines = text.split(/\r?\n/);
  const note = (lines[0] ?? '').replace(/^#+\s*/, '').trim();
  if (!note)
    throw new Error(`${where}: the first line must say, in one sentence, which mistake this answer represents. Fix: write e.g. "Copies requirements.txt but never the app/ folder the CMD starts."`);
  const fails = lines
    .map((l) => /^fails:\s*(.*)$/i.exec(l.trim())?.[1]?.trim())
    .filter((f): f is string => f !== undefined);
  if (fails.some((f) => f === ''))
    throw new Error(`${where}: a \`Fails:\` line is empty. Fix: name the test that must catch the mistake, e.g. "Fails: step 3".`);
  return { note, fails };
}

/** Whether a failing test's name starts with `prefix` as a whole word ("step 1" does not match "step 12: …"). */
const startsWithName = (name: string, prefix: string) => name.startsWith(prefix) && !/[A-Za-z0-9]/.test(name.charAt(prefix.length));

/**
 * A known-bad answer must fail through its tests (not a crash, which tests nothing), and,
 * when its MISTAKE.md names the tests that catch it, fail those and only those.
 */
export function judgeKnownBad(run: TapSummary, exitCode: number, mistake: Mistake): Verdict {
  if (run.tests === 0) return { ok: false, why: 'it ran no tests.' };
  if (run.crashed.length)
    return { ok: false, why: `a test file crashed (${run.crashed.join(', ')}), so it fails without any test judging the mistake. Fix: make the answer load cleanly, as a student's would.` };
  if (run.fail === 0 && exitCode === 0)
    return { ok: false, why: 'every test passes, so the tests accept this mistake. Fix: add a test that rejects it (or correct the answer if it is not a mistake).' };
  if (mistake.fails.length) {
    const caught = run.failures.filter((f) => mistake.fails.some((p) => startsWithName(f, p)));
    const other = run.failures.filter((f) => !caught.includes(f));
    if (caught.length === 0)
      return { ok: false, why: `none of the tests its MISTAKE.md names (${mistake.fails.join(', ')}) fails; it fails ${run.failures.join('; ') || 'without a named test'}. Fix: make the named test catch the mistake, or correct the \`Fails:\` line.` };
    if (other.length)
      return { ok: false, why: `it also fails ${other.join('; ')}, which its MISTAKE.md does not name, so the answer has more than the one mistake. Fix: start from the solution's files and change only the mistake.` };
  }
  return { ok: true };
}

/** The per-lab summary `labs:verify` prints, e.g. "starter fails, solution passes, 4 of 4 known-bad answers fail". */
export function labSummary(starterFails: boolean, solutionPasses: boolean, knownBadFailing: number, knownBadTotal: number): string {
  return [
    starterFails ? 'starter fails' : 'starter does NOT fail',
    solutionPasses ? 'solution passes' : 'solution does NOT pass',
    `${knownBadFailing} of ${knownBadTotal} known-bad answers fail`,
  ].join(', ');
}
