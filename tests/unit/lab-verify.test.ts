import { describe, expect, it } from 'vitest';
import { judgeSolution, judgeStarter, parseTap } from '../../src/lib/lab-verify.ts';

const tap = (lines: string[], counts: { tests: number; pass: number; fail: number }) =>
  ['TAP version 13', ...lines, `# tests ${counts.tests}`, '# suites 0', `# pass ${counts.pass}`, `# fail ${counts.fail}`, '# cancelled 0'].join('\n');

describe('parseTap', () => {
  it('reads counts and top-level failures, not indented subtests', () => {
    const out = tap(['# Subtest: a', 'not ok 1 - saves the model', '    not ok 1 - nested', 'ok 2 - loads # SKIP', 'not ok 3 - test/b.test.js'], { tests: 3, pass: 1, fail: 2 });
    const s = parseTap(out);
    expect(s).toMatchObject({ tests: 3, pass: 1, fail: 2 });
    expect(s.failures).toEqual(['saves the model', 'test/b.test.js']);
    expect(s.crashed).toEqual(['test/b.test.js']);
  });
});

describe('judging runs', () => {
  it('accepts a starter that fails some tests cleanly', () => {
    expect(judgeStarter(parseTap(tap(['not ok 1 - saves'], { tests: 2, pass: 1, fail: 1 })))).toEqual({ ok: true });
  });
  it('rejects a starter that crashes, has no tests, or already passes', () => {
    expect(judgeStarter(parseTap(tap(['not ok 1 - test/x.test.js'], { tests: 1, pass: 0, fail: 1 }))).why).toMatch(/crashed/);
    expect(judgeStarter(parseTap(tap([], { tests: 0, pass: 0, fail: 0 }))).why).toMatch(/ran no tests/);
    expect(judgeStarter(parseTap(tap(['ok 1 - a'], { tests: 1, pass: 1, fail: 0 }))).why).toMatch(/nothing to do/);
  });
  it('requires the solution to pass every test and exit 0', () => {
    expect(judgeSolution(parseTap(tap(['ok 1 - a'], { tests: 1, pass: 1, fail: 0 })), 0)).toEqual({ ok: true });
    expect(judgeSolution(parseTap(tap(['not ok 1 - a'], { tests: 1, pass: 0, fail: 1 })), 1).why).toBe('1 test(s) fail with the solution applied: a.');
    expect(judgeSolution(parseTap(tap(['ok 1 - a'], { tests: 1, pass: 1, fail: 0 })), 1).ok).toBe(false);
  });
});
