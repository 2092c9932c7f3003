import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readKnownBad } from '../../src/lib/lab-known-bad.ts';
import { judgeKnownBad, judgeSolution, judgeStarter, labSummary, parseMistake, parseTap } from '../../src/lib/lab-verify.ts';

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

describe('known-bad answers', () => {
  const run = (failures: string[], tests = 4) =>
    parseTap(tap(failures.map((f, i) => `not ok ${i + 1} - ${f}`), { tests, pass: tests - failures.length, fail: failures.length }));
  const note = { note: 'Health check probes the wrong port.', fails: [] };

  it('reads the note from the first line and the tests that must catch it', () => {
    expect(parseMistake('# Health check probes port 80.\n\nFails: step 6\nfails: step 7: EXPOSE\n', 'x/MISTAKE.md')).toEqual({
      note: 'Health check probes port 80.',
      fails: ['step 6', 'step 7: EXPOSE'],
    });
  });

  it('rejects a MISTAKE.md without a note, naming the file and the fix', () => {
    expect(() => parseMistake('\nFails: step 2', 'labs/a/known-bad/b/MISTAKE.md')).toThrow(
      /^labs\/a\/known-bad\/b\/MISTAKE\.md: the first line must say, in one sentence, which mistake .* Fix: /,
    );
    expect(() => parseMistake('Note\nFails:', 'm.md')).toThrow(/m\.md: a `Fails:` line is empty\. Fix: /);
  });

  it('accepts an answer that fails through a test', () => {
    expect(judgeKnownBad(run(['step 6: health check']), 1, note)).toEqual({ ok: true });
  });

  it('rejects an answer the tests accept, one that crashes, and one that runs nothing', () => {
    expect(judgeKnownBad(run([]), 0, note).why).toMatch(/every test passes, so the tests accept this mistake/);
    expect(judgeKnownBad(run(['test/a.test.js']), 1, note).why).toMatch(/crashed \(test\/a\.test\.js\)/);
    expect(judgeKnownBad(run([], 0), 1, note).why).toMatch(/ran no tests/);
  });

  it('requires the named tests, and only those, to catch the mistake', () => {
    const named = { note: 'x', fails: ['step 6'] };
    expect(judgeKnownBad(run(['step 6: health check', 'step 6: port']), 1, named)).toEqual({ ok: true });
    expect(judgeKnownBad(run(['step 2: base image']), 1, named).why).toMatch(/none of the tests its MISTAKE\.md names \(step 6\) fails; it fails step 2: base image/);
    expect(judgeKnownBad(run(['step 6: health', 'step 2: base image']), 1, named).why).toMatch(/also fails step 2: base image/);
    // "step 1" must not claim "step 12: ..." as its own.
    expect(judgeKnownBad(run(['step 12: extra']), 1, { note: 'x', fails: ['step 1'] }).ok).toBe(false);
  });

  it('summarises a lab in one line', () => {
    expect(labSummary(true, true, 4, 4)).toBe('starter fails, solution passes, 4 of 4 known-bad answers fail');
    expect(labSummary(false, true, 2, 3)).toBe('starter does NOT fail, solution passes, 2 of 3 known-bad answers fail');
  });
});

describe('labs:verify on a fixture lab', () => {
  let dir: string;
  const lab = (...p: string[]) => path.join(dir, 'hello-lab', ...p);
  const addBad = (name: string, files: Record<string, string>) => {
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(path.dirname(lab('known-bad', name, f)), { recursive: true });
      writeFileSync(lab('known-bad', name, f), text);
    }
  };
  const greet = (body: string) => `export function greet(name) {\n  ${body}\n}\n`;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'labs-verify-'));
    cpSync(path.resolve('tests/fixtures/labs'), dir, { recursive: true });
    addBad('hard-coded', { 'MISTAKE.md': 'Returns a fixed greeting.\nFails: greet', 'src/greet.js': greet("return 'Hello, Bob!';") });
    addBad('no-punctuation', { 'MISTAKE.md': 'Forgets the exclamation mark.', 'src/greet.js': greet('return `Hello, ${name}`;') });
    addBad('shouts', { 'MISTAKE.md': 'Upper-cases the greeting.', 'src/greet.js': greet('return `HELLO, ${name}!`;') });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const verify = () => {
    const r = spawnSync(process.execPath, ['scripts/labs-verify.ts', 'hello-lab'], { encoding: 'utf8', env: { ...process.env, MLOPS_LABS_DIR: dir } });
    return { code: r.status, out: `${r.stdout}${r.stderr}` };
  };

  it('passes a lab whose starter fails, solution passes and every known-bad answer fails', () => {
    const r = verify();
    expect(r.out).toContain('hello-lab');
    expect(r.out).toMatch(/starter fails, solution passes, 3 of 3 known-bad answers fail/);
    expect(r.out).toMatch(/fails\s+hard-coded: Returns a fixed greeting\.\s+caught by: greet says hello/);
    expect(r.code).toBe(0);
  }, 60_000);

  it('fails a lab whose tests accept a known-bad answer, or that has too few', () => {
    // The solution itself, filed as a mistake: the tests cannot reject it.
    addBad('not-a-mistake', { 'MISTAKE.md': 'Claims a mistake it does not make.', 'src/greet.js': greet('return `Hello, ${name}!`;') });
    rmSync(lab('known-bad', 'shouts'), { recursive: true });
    rmSync(lab('known-bad', 'no-punctuation'), { recursive: true });
    const r = verify();
    expect(r.out).toMatch(/1 of 2 known-bad answers fail/);
    expect(r.out).toMatch(/known-bad\/not-a-mistake \("Claims a mistake it does not make\."\): every test passes/);
    expect(r.out).toMatch(/has 2 known-bad answer\(s\); every lab needs at least 3/);
    expect(r.code).toBe(1);
  }, 60_000);
});

describe('readKnownBad', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'known-bad-'));
    cpSync(path.resolve('tests/fixtures/labs'), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (rel: string, text: string) => {
    const full = path.join(dir, 'hello-lab', 'known-bad', rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  };

  it('reads each answer without its MISTAKE.md', () => {
    write('b-second/src/greet.js', 'b');
    write('b-second/MISTAKE.md', 'Second.');
    write('a-first/src/greet.js', 'a');
    write('a-first/MISTAKE.md', 'First.\nFails: greet');
    expect(readKnownBad(dir, 'hello-lab')).toEqual([
      { name: 'a-first', mistake: { note: 'First.', fails: ['greet'] }, files: { 'src/greet.js': 'a' } },
      { name: 'b-second', mistake: { note: 'Second.', fails: [] }, files: { 'src/greet.js': 'b' } },
    ]);
  });

  it('names the folder and the fix for a missing note, no files, or a changed package.json', () => {
    write('no-note/src/greet.js', 'x');
    expect(() => readKnownBad(dir, 'hello-lab')).toThrow('labs/hello-lab/known-bad/no-note/MISTAKE.md is missing. Fix: add it;');
    rmSync(path.join(dir, 'hello-lab', 'known-bad', 'no-note'), { recursive: true });
    write('empty/MISTAKE.md', 'Nothing.');
    expect(() => readKnownBad(dir, 'hello-lab')).toThrow('labs/hello-lab/known-bad/empty holds no files besides MISTAKE.md. Fix:');
    write('empty/package.json', '{}');
    expect(() => readKnownBad(dir, 'hello-lab')).toThrow("labs/hello-lab/known-bad/empty/package.json: a wrong answer may not change the lab's dependencies.");
  });
});
