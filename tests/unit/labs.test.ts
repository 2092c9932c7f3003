import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileTree, LAB_LIMITS, languageOf, readLab, readLabs, solvedFiles, zipFiles } from '../../src/lib/labs.ts';
import { embedSupport, resetDiff, solutionDiff } from '../../src/lib/lab-support.ts';

const FIXTURE = path.resolve('tests/fixtures/labs');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'labs-'));
  cpSync(FIXTURE, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const at = (...p: string[]) => path.join(dir, 'hello-lab', ...p);
const editJson = (file: string, change: (v: Record<string, unknown>) => void) => {
  const value = JSON.parse(readFileSync(file, 'utf8'));
  change(value);
  writeFileSync(file, JSON.stringify(value));
};

describe('readLab', () => {
  it('reads the starter into the SDK project shape, dotfiles included', () => {
    const lab = readLab(dir, 'hello-lab');
    expect(lab.project.template).toBe('node');
    expect(lab.project.title).toBe('Say hello');
    expect(Object.keys(lab.project.files).sort()).toEqual(['.gitignore', 'package.json', 'src/greet.js', 'test/greet.test.js']);
    expect(Object.keys(lab.solution)).toEqual(['src/greet.js']);
    expect(solvedFiles(lab)['src/greet.js']).toContain('Hello, ${name}!');
  });

  it('leaves node_modules out', () => {
    cpSync(at('starter', 'src'), at('starter', 'node_modules', 'dep'), { recursive: true });
    expect(Object.keys(readLab(dir, 'hello-lab').project.files).some((f) => f.includes('node_modules'))).toBe(false);
  });

  it('rejects a binary file with the file name and the fix', () => {
    writeFileSync(at('starter', 'model.bin'), Buffer.from([1, 0, 2, 3]));
    expect(() => readLab(dir, 'hello-lab')).toThrow(
      'labs/hello-lab/starter/model.bin is a binary file; StackBlitz accepts text files only. Fix: remove it, or store the data as text (CSV, JSON, base64).',
    );
  });

  it('rejects an oversize file', () => {
    writeFileSync(at('starter', 'big.csv'), 'x'.repeat(LAB_LIMITS.fileBytes + 1));
    expect(() => readLab(dir, 'hello-lab')).toThrow(/big\.csv is \d+ bytes; a lab file may be at most/);
  });

  it('rejects a missing openFile and names what exists', () => {
    editJson(at('lab.json'), (v) => (v.openFile = 'src/nope.js'));
    expect(() => readLab(dir, 'hello-lab')).toThrow(
      'labs/hello-lab/lab.json: field `openFile` is "src/nope.js", which is not a file in starter/. Fix: use a path relative to starter/, e.g. "src/greet.js".',
    );
  });

  it('rejects a startScript that package.json lacks', () => {
    editJson(at('lab.json'), (v) => (v.startScript = 'dev'));
    expect(() => readLab(dir, 'hello-lab')).toThrow(
      'labs/hello-lab/lab.json: field `startScript` is "dev", but starter/package.json has no such script. Fix: use one of test, start or add it to package.json.',
    );
  });

  it('rejects bad lab.json fields with the schema fix', () => {
    editJson(at('lab.json'), (v) => {
      delete v.title;
      v.minutes = 'soon';
    });
    expect(() => readLab(dir, 'hello-lab')).toThrow(/field `title` is missing\. Fix: add a `title`.*field `minutes` has the wrong type/);
  });

  it('rejects a lab without a solution', () => {
    rmSync(at('solution'), { recursive: true });
    expect(() => readLab(dir, 'hello-lab')).toThrow('labs/hello-lab/solution/ is missing or empty. Fix: add the files that differ in the finished version.');
  });

  it('keeps known-bad answers out of the project, the solution and the zips', () => {
    mkdirSync(at('known-bad', 'shouts', 'src'), { recursive: true });
    writeFileSync(at('known-bad', 'shouts', 'src', 'greet.js'), 'export const greet = () => "WRONG ANSWER";');
    writeFileSync(at('known-bad', 'shouts', 'MISTAKE.md'), 'Shouts.');
    const lab = readLab(dir, 'hello-lab');
    const everything = JSON.stringify(lab);
    expect(everything).not.toContain('WRONG ANSWER');
    expect(everything).not.toContain('known-bad');
    for (const zip of [zipFiles('s', lab.project.files), zipFiles('s', solvedFiles(lab))]) {
      const texts = Object.entries(unzipSync(zip)).map(([name, bytes]) => name + strFromU8(bytes));
      expect(texts.some((t) => t.includes('WRONG ANSWER') || t.includes('MISTAKE'))).toBe(false);
    }
  });

  it('rejects a known-bad answer placed where the student would get it', () => {
    mkdirSync(at('starter', 'known-bad', 'x'), { recursive: true });
    writeFileSync(at('starter', 'known-bad', 'x', 'MISTAKE.md'), 'Oops.');
    expect(() => readLab(dir, 'hello-lab')).toThrow(
      'labs/hello-lab/starter/known-bad/x/MISTAKE.md: a known-bad answer inside starter/ would be sent to the student. Fix: move it to labs/hello-lab/known-bad/<name>/.',
    );
  });

  it('lists only folders with a lab.json', () => {
    cpSync(at('starter'), path.join(dir, 'not-a-lab'), { recursive: true });
    expect(readLabs(dir).map((l) => l.slug)).toEqual(['hello-lab']);
  });
});

describe('zips and trees', () => {
  it('zips files under one folder, identically each time', () => {
    const files = { 'package.json': '{}', 'src/a.js': 'export {}' };
    const zip = zipFiles('demo', files);
    const back = unzipSync(zip);
    expect(Object.keys(back).sort()).toEqual(['demo/package.json', 'demo/src/a.js']);
    expect(strFromU8(back['demo/src/a.js']!)).toBe('export {}');
    expect(zipFiles('demo', files)).toEqual(zip);
  });

  it('builds a tree with folders first', () => {
    expect(fileTree(['package.json', 'src/b.js', 'src/a.js', '.env.example'])).toEqual([
      { name: 'src', path: 'src', children: [{ name: 'a.js', path: 'src/a.js' }, { name: 'b.js', path: 'src/b.js' }] },
      { name: '.env.example', path: '.env.example' },
      { name: 'package.json', path: 'package.json' },
    ]);
  });

  it('picks a highlighting language from the file name', () => {
    expect(languageOf('Dockerfile')).toBe('dockerfile');
    expect(languageOf('.github/workflows/ci.yml')).toBe('yaml');
    expect(languageOf('main.tf')).toBe('hcl');
    expect(languageOf('LICENSE')).toBe('text');
  });
});

describe('lab support in the browser', () => {
  const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
  it('allows Chromium-based desktop browsers', () => {
    expect(embedSupport({ userAgent: chrome, brands: [{ brand: 'Chromium' }], online: true })).toEqual({ ok: true });
    expect(embedSupport({ userAgent: chrome, online: true })).toEqual({ ok: true });
  });
  it('explains why Firefox, Safari on iPad and offline cannot', () => {
    expect(embedSupport({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', online: true })).toMatchObject({ ok: false, reason: expect.stringMatching(/Chromium-based/) });
    expect(embedSupport({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/18.0 Safari/605.1.15', maxTouchPoints: 5, online: true })).toMatchObject({ ok: false, reason: expect.stringMatching(/iPhone and iPad/) });
    expect(embedSupport({ userAgent: chrome, online: false })).toMatchObject({ ok: false, reason: expect.stringMatching(/offline/) });
  });
  it('resets by rewriting starter files and deleting added ones, keeping node_modules', () => {
    const diff = resetDiff({ 'a.js': 'changed', 'extra.js': '1', 'node_modules/x/index.js': '', 'package-lock.json': '{}' }, { 'a.js': 'start' });
    expect(diff).toEqual({ create: { 'a.js': 'start' }, destroy: ['extra.js'] });
    expect(solutionDiff({ 'a.js': 'done' })).toEqual({ create: { 'a.js': 'done' }, destroy: [] });
  });
});
