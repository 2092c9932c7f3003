/**
 * `npm run check:lesson-code` on fixture lessons: good samples pass; a sample that raises,
 * prints something else or never ends fails, named by file and line. Uses the same cached
 * virtual environment as the real lessons (same requirements.txt).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

let content: string;
const lesson = () => path.join(content, 'lessons', 'demo', '01-samples.mdx');
beforeEach(() => {
  content = path.join(mkdtempSync(path.join(tmpdir(), 'lesson-code-')), 'content');
  cpSync(path.resolve('tests/fixtures/lesson-code'), content, { recursive: true });
  copyFileSync(path.resolve('content/lessons/requirements.txt'), path.join(content, 'lessons', 'requirements.txt'));
});
afterEach(() => rmSync(path.dirname(content), { recursive: true, force: true }));
const check = () => {
  const r = spawnSync(process.execPath, ['scripts/check-lesson-code.ts'], {
    encoding: 'utf8',
    env: { ...process.env, MLOPS_CONTENT_DIR: content, MLOPS_LESSON_CODE_TIMEOUT_MS: '5000' },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};
const file = 'lessons/demo/01-samples.mdx';

describe('check:lesson-code', () => {
  it('runs the marked samples, checks their output, and leaves unmarked blocks alone', () => {
    const r = check();
    expect(r.out).toMatch(new RegExp(`ok {3}\\S*${file}:7 \\(output checked\\)`));
    expect(r.out).toMatch(new RegExp(`ok {3}\\S*${file}:18$`, 'm'));
    expect(r.out).toContain('2 of 2 lesson samples ran as shown');
    expect(r.out).not.toContain('this block must not run');
    expect(r.code).toBe(0);
  }, 600_000);

  it('fails on an exception, a wrong output and a sample that never ends, naming file and line', () => {
    appendFileSync(lesson(), '\n```python run\nimport json\njson.loads("{not json")\n```\n\n```python run\nprint("Hello")\n```\n\n```text output\nHello, world\n```\n\n```python run\nwhile True:\n    pass\n```\n');
    const r = check();
    expect(r.out).toMatch(new RegExp(`FAIL \\S*${file}:29: exited with 1: json\\.decoder\\.JSONDecodeError`));
    expect(r.out).toMatch(new RegExp(`FAIL \\S*${file}:34 \\(output checked\\): output line 1 differs: expected "Hello, world", got "Hello"\\. Fix: update the \`text output\` block`));
    expect(r.out).toMatch(new RegExp(`FAIL \\S*${file}:42: did not finish within 5 s`));
    expect(r.out).toContain('2 of 5 lesson samples ran as shown');
    expect(r.code).toBe(1);
  }, 600_000);

  it('refuses `run` on a block that is not Python, with the fix', () => {
    appendFileSync(lesson(), '\n```bash run\nls\n```\n');
    const r = check();
    expect(r.out).toMatch(new RegExp(`${file}:29: only Python blocks can be run, but this one is "bash"\\. Fix: remove \`run\``));
    expect(r.code).toBe(1);
  });
});
