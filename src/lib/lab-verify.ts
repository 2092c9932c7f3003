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
