import { codeToHtml } from 'shiki';
import { describe, expect, it } from 'vitest';
import { extractRunnableBlocks, hasRunFlag, outputMismatch, runnableCodeTransformer } from '../../src/lib/runnable-code.ts';

const lesson = [
  '---', 'title: T', '---', '', 'Intro.', '',
  '```python run', 'print("hi")', '```', '', '```text output', 'hi', '```', '',
  '```python', 'print("not run")', '```', '',
  '```python run', 'x = 1', '```', '', '```text', 'plain text, not compared', '```',
].join('\n');

describe('extractRunnableBlocks', () => {
  it('finds only `python run` blocks, with their fence line and the `text output` block after them', () => {
    expect(extractRunnableBlocks(lesson, 'a.mdx')).toEqual([
      { file: 'a.mdx', line: 7, code: 'print("hi")', expected: 'hi' },
      { file: 'a.mdx', line: 19, code: 'x = 1' },
    ]);
  });

  it('keeps indented code inside a list item, minus the list indent', () => {
    const src = '1. Step\n\n   ```python run\n   if True:\n       print(1)\n   ```\n';
    expect(extractRunnableBlocks(src, 'b.mdx')[0]).toMatchObject({ line: 3, code: 'if True:\n    print(1)' });
  });

  it('does not end a block at a shorter fence inside a longer one', () => {
    const src = '````python run\nprint("```")\n```\n````\n';
    expect(extractRunnableBlocks(src, 'c.mdx')[0]!.code).toBe('print("```")\n```');
  });

  it('names the file and line of a `run` flag on another language, with the fix', () => {
    expect(() => extractRunnableBlocks('x\n```bash run\nls\n```\n', 'lessons/m/01-x.mdx')).toThrow(
      'lessons/m/01-x.mdx:2: only Python blocks can be run, but this one is "bash". Fix: remove `run`, or write the sample in Python.',
    );
  });

  it('rejects an `output` block that follows no runnable sample, and an unclosed fence', () => {
    expect(() => extractRunnableBlocks('```python\nprint(1)\n```\n```text output\n1\n```\n', 'd.mdx')).toThrow(/^d\.mdx:4: an `output` block must follow/);
    expect(() => extractRunnableBlocks('text\n```python run\nprint(1)\n', 'e.mdx')).toThrow('e.mdx:2: this code fence is never closed. Fix: end the block with ```.');
  });

  it('reads `run` as a whole word only', () => {
    expect(hasRunFlag('run')).toBe(true);
    expect(hasRunFlag('title="x" run')).toBe(true);
    expect(hasRunFlag('runner')).toBe(false);
    expect(hasRunFlag('rerun')).toBe(false);
    expect(hasRunFlag(undefined)).toBe(false);
  });
});

describe('outputMismatch', () => {
  it('ignores trailing spaces, CRLF and trailing blank lines', () => {
    expect(outputMismatch('a\nb\n', 'a  \r\nb\r\n\r\n')).toBeUndefined();
  });
  it('names the first differing line, and missing or extra lines', () => {
    expect(outputMismatch('a\nb', 'a\nc')).toBe('output line 2 differs: expected "b", got "c"');
    expect(outputMismatch('a\nb', 'a')).toBe('output line 2 differs: expected "b", got "(end of output)"');
    expect(outputMismatch('a', 'a\nextra')).toBe('output line 2 differs: expected "(end of output)", got "extra"');
  });
});

describe('runnableCodeTransformer', () => {
  const render = (meta?: string, lang = 'python') =>
    codeToHtml('print(1)', { lang, theme: 'github-light', transformers: [runnableCodeTransformer], ...(meta ? { meta: { __raw: meta } } : {}) });
  it('marks the <pre> of a `python run` block for the in-page runner', async () => {
    expect(await render('run')).toMatch(/^<pre[^>]* data-runnable="python"/);
  });
  it('leaves other blocks alone', async () => {
    expect(await render()).not.toContain('data-runnable');
    expect(await render('runner')).not.toContain('data-runnable');
    expect(await render('run', 'bash')).not.toContain('data-runnable');
  });
});
