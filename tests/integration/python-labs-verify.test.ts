/**
 * `labs:verify` on a python fixture lab, with real CPython and pytest: the verdicts come
 * from pytest's report, the same judges as node labs, and a missing Python is explained.
 * The first run creates the cached virtual environment (a minute or more); later runs reuse it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let dir: string;
const lab = (...p: string[]) => path.join(dir, 'hello-py', ...p);
const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(lab(rel)), { recursive: true });
  writeFileSync(lab(rel), text);
};
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'py-verify-'));
  cpSync(path.resolve('tests/fixtures/py-labs'), dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const verify = (env: Record<string, string | undefined> = {}) => {
  const r = spawnSync(process.execPath, ['scripts/labs-verify.ts', 'hello-py'], { encoding: 'utf8', env: { ...process.env, MLOPS_LABS_DIR: dir, ...env } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

describe('labs:verify on a python lab', () => {
  it('passes when the starter fails, the solution passes and each known-bad answer fails its named step', () => {
    const r = verify();
    expect(r.out).toMatch(/ok\s+hello-py .*starter fails, solution passes, 3 of 3 known-bad answers fail/);
    expect(r.out).toMatch(/ran with Python 3\.\d+\.\d+; pytest 9\.\d+/);
    expect(r.out).toMatch(/fails\s+shouts: Upper-cases the name\.\s+caught by: step 2: tests\.test_greet::test_step2_keeps_the_name_as_written$/m);
    expect(r.code).toBe(0);
  }, 600_000);

  it('fails on a crash, a passing known-bad answer, a wrongly named step and a starter that already passes', () => {
    write('known-bad/import-crash/MISTAKE.md', 'Cannot be imported.\n');
    write('known-bad/import-crash/greet.py', 'def greet(name)\n    return name\n');
    write('known-bad/not-a-mistake/MISTAKE.md', 'The solution, filed as a mistake.\n');
    write('known-bad/not-a-mistake/greet.py', 'def greet(name):\n    return f"Hello, {name}!"\n');
    write('known-bad/shouts/MISTAKE.md', 'Upper-cases the name.\n\nFails: step 1\n');
    const r = verify();
    expect(r.out).toMatch(/known-bad\/import-crash \("Cannot be imported\."\): a test file crashed \(tests\.test_greet\)/);
    expect(r.out).toMatch(/known-bad\/not-a-mistake \("The solution, filed as a mistake\."\): every test passes/);
    expect(r.out).toMatch(/known-bad\/shouts .*none of the tests its MISTAKE\.md names \(step 1\) fails; it fails step 2: tests\.test_greet::test_step2/);
    expect(r.code).toBe(1);

    write('starter/greet.py', 'def greet(name):\n    return f"Hello, {name}!"\n');
    expect(verify().out).toMatch(/starter \(0 of 2 fail\): every test passes on the starter/);
  }, 600_000);

  it('says what to install when Python is missing: skipped locally, an error in CI', () => {
    const noPython = { PATH: path.join(dir, 'empty-bin') };
    const local = verify({ ...noPython, CI: '' });
    expect(local.out).toMatch(/SKIP hello-py .*not run, Python is missing/);
    expect(local.out).toContain('sudo apt-get install python3 python3-venv python3-pip');
    expect(local.code).toBe(0);
    const ci = verify({ ...noPython, CI: '1' });
    expect(ci.out).toMatch(/FAIL hello-py/);
    expect(ci.out).toContain('Python 3 was not found (tried python3, python). Fix: install Python 3.11 or newer with venv and pip');
    expect(ci.code).toBe(1);
  });
});
