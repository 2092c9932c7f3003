import { describe, expect, it } from 'vitest';
import { judgeKnownBad, judgeSolution, judgeStarter, parseMistake } from '../../src/lib/lab-verify.ts';
import { junitExcerpt, parseJunit, pytestName, stepOf } from '../../src/lib/pytest-report.ts';

/** A report shaped like pytest 9's `--junitxml` output. */
const junit = (cases: string[]) =>
  `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="0" failures="1" skipped="0" tests="${cases.length}">${cases.join('')}</testsuite></testsuites>`;
const pass = (cls: string, name: string) => `<testcase classname="${cls}" name="${name}" time="0.001" />`;
const fail = (cls: string, name: string, msg = 'AssertionError: assert 1 == 2') =>
  `<testcase classname="${cls}" name="${name}" time="0.002"><failure message="${msg}">tests/x.py:3: AssertionError</failure></testcase>`;
const collectionError = (module: string) =>
  `<testcase classname="" name="${module}" time="0.000"><error message="collection failure">ImportError while importing test module</error></testcase>`;

describe('parseJunit', () => {
  it('counts passing and failing tests and names failures by step', () => {
    const s = parseJunit(junit([pass('tests.test_a', 'test_step1_loads'), fail('tests.test_a', 'test_step2_refuses_eval'), fail('tests.test_b.TestStep3Signing', 'test_wrong_key')]));
    expect(s).toEqual({
      tests: 3,
      pass: 1,
      fail: 2,
      failures: ['step 2: tests.test_a::test_step2_refuses_eval', 'step 3: tests.test_b.TestStep3Signing::test_wrong_key'],
      crashed: [],
    });
  });

  it('treats a module that cannot be imported as a crash, not a failing test', () => {
    const s = parseJunit(junit([collectionError('tests.test_a'), pass('tests.test_b', 'test_model')]));
    expect(s.crashed).toEqual(['tests.test_a']);
    expect(judgeStarter(s).why).toMatch(/crashed instead of failing \(tests\.test_a\)/);
  });

  it('counts a setup error as a failure of that test, and leaves skipped tests out', () => {
    const setupError = '<testcase classname="tests.test_a" name="test_step1_x"><error message="failed on setup with &quot;KeyError&quot;">x</error></testcase>';
    const skipped = '<testcase classname="tests.test_a" name="test_step1_y"><skipped message="no numpy" /></testcase>';
    expect(parseJunit(junit([setupError, skipped]))).toMatchObject({ tests: 1, fail: 1, failures: ['step 1: tests.test_a::test_step1_x'], crashed: [] });
  });

  it('counts no tests for an empty or missing report, which every judge rejects', () => {
    const empty = parseJunit('');
    expect(empty.tests).toBe(0);
    expect(judgeStarter(empty).ok).toBe(false);
    expect(judgeSolution(empty, 0).ok).toBe(false);
    expect(judgeKnownBad(empty, 1, { note: 'x', fails: [] }).ok).toBe(false);
  });

  it('feeds the shared judges: a known-bad answer must fail through the step its MISTAKE.md names', () => {
    const run = parseJunit(junit([pass('tests.test_a', 'test_step2_round_trip'), fail('tests.test_a', 'test_step2_refuses_getattr')]));
    expect(judgeKnownBad(run, 1, parseMistake('Deny-list.\n\nFails: step 2\n', 'M.md'))).toEqual({ ok: true });
    expect(judgeKnownBad(run, 1, parseMistake('Deny-list.\n\nFails: step 3\n', 'M.md')).why).toMatch(/none of the tests its MISTAKE\.md names \(step 3\) fails/);
    const passing = parseJunit(junit([pass('tests.test_a', 'test_step2_round_trip')]));
    expect(judgeKnownBad(passing, 0, parseMistake('Deny-list.', 'M.md')).why).toMatch(/tests accept this mistake/);
  });
});

describe('step names', () => {
  it('reads the step from a test function or class name, whole numbers only', () => {
    expect(stepOf('tests.test_x', 'test_step12_big')).toBe(12);
    expect(stepOf('tests.test_x.TestStep2Allow', 'test_it')).toBe(2);
    expect(stepOf('tests.test_x', 'test_model_scores')).toBeUndefined();
    expect(pytestName('tests.test_x', 'test_model_scores')).toBe('tests.test_x::test_model_scores');
    // "step 1" must not claim step 12's tests.
    expect(judgeKnownBad(parseJunit(junit([fail('t', 'test_step12_x')])), 1, { note: 'n', fails: ['step 1'] }).ok).toBe(false);
  });

  it('quotes each failure message in the excerpt', () => {
    expect(junitExcerpt(junit([fail('tests.t', 'test_step3_key', 'SigningKeyError: MODEL_SIGNING_KEY &lt;missing&gt;'), pass('tests.t', 'test_ok')]))).toBe(
      'step 3: tests.t::test_step3_key: SigningKeyError: MODEL_SIGNING_KEY <missing>',
    );
  });
});
