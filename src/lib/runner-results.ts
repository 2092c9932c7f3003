/**
 * What the in-page runner shows after pytest: tests grouped by the lab step they check, a
 * one-line summary, and byte counts people can read. Plain functions, so unit tests reach them.
 */
import { plural } from './plural.ts';
import { stepOf } from './pytest-steps.ts';

/** One test as the runner reports it (the worker's TestResult). */
export interface RunnerTest {
  classname: string;
  name: string;
  outcome: 'passed' | 'failed' | 'skipped' | 'error';
  message: string;
  details: string;
}

/** Tests of one step, in the order pytest ran them. */
export interface StepGroup {
  /** "Step 2", or "Other tests" for tests whose names give no step. */
  label: string;
  step?: number;
  tests: RunnerTest[];
}

/** The step of a test from its function, class, or module name (`tests/test_step2_x.py`). */
export function testStep(test: Pick<RunnerTest, 'classname' | 'name'>): number | undefined {
  const fromModule = /(?:^|\.)test_step_?(\d+)(?!\d)/i.exec(test.classname)?.[1];
  return stepOf(test.classname, test.name) ?? (fromModule === undefined ? undefined : Number(fromModule));
}

/** Groups tests by step, steps in order, tests without a step last. */
export function groupByStep(tests: RunnerTest[]): StepGroup[] {
  const groups = new Map<number | undefined, RunnerTest[]>();
  for (const test of tests) {
    const step = testStep(test);
    groups.set(step, [...(groups.get(step) ?? []), test]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity))
    .map(([step, list]) => (step === undefined ? { label: 'Other tests', tests: list } : { label: `Step ${step}`, step, tests: list }));
}

/** "3 of 20 tests pass; 17 fail." with collection errors named, for the results' status line. */
export function resultSummary(tests: RunnerTest[]): string {
  const count = (o: RunnerTest['outcome']) => tests.filter((t) => t.outcome === o).length;
  const run = tests.filter((t) => t.outcome !== 'skipped' && t.outcome !== 'error');
  const errors = count('error');
  if (tests.length === 0) return 'pytest found no tests. Check that test files are named tests/test_*.py.';
  const parts = [`${count('passed')} of ${run.length} tests pass`];
  if (count('failed')) parts.push(`${count('failed')} fail`);
  if (count('skipped')) parts.push(`${count('skipped')} skipped`);
  if (errors) parts.push(`${plural(errors, 'test file')} could not be loaded`);
  const all = run.length > 0 && count('passed') === run.length && errors === 0;
  return `${parts.join('; ')}.${all ? ' All tests pass: the lab is done.' : ''}`;
}

/** Bytes as "12.3 MB" (decimal units, as download sizes are usually given). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(0)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The files that differ from the starter (what the progress store keeps). */
export function changedFiles(current: Record<string, string>, starter: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(current).filter(([name, text]) => starter[name] !== text));
}
