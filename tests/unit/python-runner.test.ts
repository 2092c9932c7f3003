import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CORE_FILES,
  CORE_PATH,
  DEFAULT_PACKAGES_URL,
  labPackages,
  packagesUrl,
  PYODIDE_VERSION,
  pytestUrls,
  readLock,
  requirementName,
  workerPath,
  workerScript,
} from '../../src/lib/pyodide-dist.ts';
import { copyRunner, runnerFile, runnerHeaders } from '../../src/lib/runner-files.ts';
import { headersFile, headersFor, parseHeadersFile } from '../../src/lib/headers.ts';
import { changedFiles, formatBytes, groupByStep, resultSummary, type RunnerTest } from '../../src/lib/runner-results.ts';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const lock = readLock();

describe('pyodide distribution', () => {
  it('pins the npm package to exactly the version whose CDN packages it uses', () => {
    expect(pkg.dependencies.pyodide).toBe(PYODIDE_VERSION);
    expect(JSON.parse(readFileSync('node_modules/pyodide/package.json', 'utf8')).version).toBe(PYODIDE_VERSION);
    expect(DEFAULT_PACKAGES_URL).toBe(`https://cdn.jsdelivr.net/pyodide/v${PYODIDE_VERSION}/full/`);
  });

  it('takes PYODIDE_PACKAGES_URL for a self-hosted copy, and rejects what a worker cannot fetch', () => {
    expect(packagesUrl(undefined)).toBe(DEFAULT_PACKAGES_URL);
    expect(packagesUrl('  ')).toBe(DEFAULT_PACKAGES_URL);
    expect(packagesUrl('https://files.example.org/pyodide/full')).toBe('https://files.example.org/pyodide/full/');
    expect(() => packagesUrl('pyodide/full/')).toThrow(/PYODIDE_PACKAGES_URL is "pyodide\/full\/", which is not a URL\. Fix:/);
    expect(() => packagesUrl('file:///srv/pyodide/')).toThrow(/only http\(s\) URLs.*Fix: use an https:\/\/ URL/);
  });

  it("maps requirements.txt to the lock's package names, pytest aside, and names a package Pyodide lacks", () => {
    expect(requirementName('Scikit_Learn>=1.8,<2  # model')).toBe('scikit-learn');
    expect(requirementName('# only a comment')).toBeUndefined();
    expect(requirementName('-r other.txt')).toBeUndefined();
    expect(labPackages('pytest>=9,<10\nscikit-learn>=1.8,<2\njoblib\n', lock, 'labs/x')).toEqual(['scikit-learn', 'joblib']);
    expect(() => labPackages('pytest\ntorch>=2\n', lock, 'labs/x')).toThrow(/labs\/x\/starter\/requirements\.txt: "torch" is not in Pyodide 314\.0\.8's distribution.*Fix:/);
  });

  it("asks for pytest's wheels by the lock's exact file names under the packages URL", () => {
    const urls = pytestUrls(lock, 'https://h.example/full/');
    expect(urls).toContain(`https://h.example/full/${lock.packages.pytest!.file_name}`);
    expect(urls.map((u) => u.split('/').pop())).toEqual(['pytest', 'pluggy', 'iniconfig', 'packaging', 'pygments'].map((n) => lock.packages[n]!.file_name));
  });

  it('names the worker after a hash of its text, so a changed worker gets a new URL', () => {
    const script = workerScript();
    expect(script).not.toMatch(/import type|: Pyodide\b/);
    expect(workerPath(script)).toMatch(/^\/runner\/python-worker\.[0-9a-f]{10}\.js$/);
    expect(workerPath(`${script}\n// changed`)).not.toBe(workerPath(script));
  });
});

describe('serving the runner', () => {
  it('copies the core into a versioned folder and the worker under its hashed name', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'runner-'));
    try {
      const written = copyRunner(out);
      for (const f of CORE_FILES) expect(existsSync(path.join(out, CORE_PATH, f)), f).toBe(true);
      expect(written).toContain(workerPath());
      expect(readFileSync(path.join(out, workerPath()), 'utf8')).toBe(workerScript());
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('answers runner paths in dev from node_modules, and nothing else', () => {
    expect(runnerFile(`${CORE_PATH}pyodide.asm.wasm`)?.type).toBe('application/wasm');
    expect(runnerFile(workerPath())?.body).toBe(workerScript());
    expect(runnerFile(`${CORE_PATH}package.json`)).toBeUndefined();
    expect(runnerFile(`${CORE_PATH}../../package.json`)).toBeUndefined();
    expect(runnerFile('/learn/')).toBeUndefined();
  });

  it('gives /runner/ (and only it) wasm compilation, the packages origin and COEP', () => {
    const headers = runnerHeaders(DEFAULT_PACKAGES_URL, 'https://course.example');
    expect(headers['Content-Security-Policy']).toBe(
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' https://cdn.jsdelivr.net; frame-ancestors 'none'; object-src 'none'; base-uri 'none'",
    );
    expect(runnerHeaders('https://course.example/pyodide/', 'https://course.example')['Content-Security-Policy']).toContain("connect-src 'self';");
    const rules = parseHeadersFile(headersFile(['/learn/a/'], '/', headers));
    expect(headersFor(workerPath(), rules)).toMatchObject({ 'Cross-Origin-Embedder-Policy': 'credentialless', 'Content-Security-Policy': headers['Content-Security-Policy'] });
    expect(headersFor(`${CORE_PATH}pyodide.asm.wasm`, rules)['Cache-Control']).toContain('immutable');
    expect(headersFor('/learn/a/', rules)['Content-Security-Policy']).not.toContain('wasm-unsafe-eval');
    expect(headersFor('/_astro/x.js', rules)['Content-Security-Policy']).not.toContain('wasm-unsafe-eval');
  });

  it('the nginx config sends the same worker policy under /runner/', () => {
    const conf = readFileSync('deploy/nginx/site.conf', 'utf8');
    // The whole location block: it holds a nested `types { }` block, so stop at its own closing brace.
    const block = /location \/runner\/ \{([\s\S]*?)\n  \}/.exec(conf)![1]!;
    expect(block).toContain(runnerHeaders(DEFAULT_PACKAGES_URL)['Content-Security-Policy']);
    expect(block).toContain('Cross-Origin-Embedder-Policy "credentialless"');
  });
});

const t = (name: string, outcome: RunnerTest['outcome'], classname = 'tests.test_x'): RunnerTest => ({ classname, name, outcome, message: '', details: '' });

describe('test results', () => {
  it('groups tests by step from function, class or module names; the rest last', () => {
    const groups = groupByStep([t('test_other', 'passed'), t('test_step2_b', 'failed'), t('test_a', 'passed', 'tests.test_x.TestStep1Load'), t('test_c', 'failed', 'tests.test_step3_sign')]);
    expect(groups.map((g) => [g.label, g.tests.map((x) => x.name)])).toEqual([
      ['Step 1', ['test_a']],
      ['Step 2', ['test_step2_b']],
      ['Step 3', ['test_c']],
      ['Other tests', ['test_other']],
    ]);
  });

  it('says all pass only when every test ran and passed', () => {
    expect(resultSummary([t('a', 'passed'), t('b', 'passed')])).toBe('2 of 2 tests pass. All tests pass: the lab is done.');
    expect(resultSummary([t('a', 'passed'), t('b', 'failed')])).toBe('1 of 2 tests pass; 1 fail.');
    expect(resultSummary([t('a', 'passed'), t('tests/test_y.py', 'error')])).toBe('1 of 1 tests pass; 1 test file could not be loaded.');
    expect(resultSummary([])).toMatch(/found no tests/);
  });

  it('formats bytes and keeps only changed files', () => {
    expect(formatBytes(13_530_536)).toBe('13.5 MB');
    expect(formatBytes(20_538)).toBe('21 kB');
    expect(changedFiles({ a: '1', b: '2', c: 'new' }, { a: '1', b: 'x' })).toEqual({ b: '2', c: 'new' });
  });
});
