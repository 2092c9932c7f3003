/**
 * Proves that bad content fails `astro build` with a message naming the file, the field
 * and the fix. Each case copies a small valid fixture, breaks one thing, and builds it.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const FIXTURE = path.resolve('tests/fixtures/content');
const LABS = path.resolve('tests/fixtures/labs');
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'mlops-build-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Copies the fixture, applies `breakIt`, builds, and returns the build output and whether it failed. */
async function build(name: string, breakIt: (dir: string) => Promise<void>) {
  const content = path.join(work, name, 'content');
  await cp(FIXTURE, content, { recursive: true });
  await cp(LABS, path.join(work, name, 'labs'), { recursive: true });
  await breakIt(content);
  const env = {
    ...process.env,
    MLOPS_CONTENT_DIR: content,
    MLOPS_LABS_DIR: path.join(work, name, 'labs'),
    MLOPS_CACHE_DIR: path.join(work, name, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const args = ['astro', 'build', '--outDir', path.join(work, name, 'dist')];
  try {
    const { stdout, stderr } = await run('npx', args, { env, maxBuffer: 20 * 1024 * 1024 });
    return { failed: false, output: stdout + stderr };
  } catch (error) {
    const e = error as { stdout: string; stderr: string };
    return { failed: true, output: `${e.stdout}\n${e.stderr}` };
  }
}

const edit = (file: string, from: string | RegExp, to: string) => async (dir: string) => {
  const p = path.join(dir, file);
  await writeFile(p, (await readFile(p, 'utf8')).replace(from, to));
};
// Astro colours its terminal output; compare plain text.
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('astro build on broken content', () => {
  it('builds the valid fixture', async () => {
    const result = await build('valid', async () => {});
    expect(plain(result.output)).toContain('Complete!');
    expect(result.failed).toBe(false);
  });

  it('fails on a missing title, naming the file, the field and the fix', async () => {
    const { failed, output } = await build('no-title', edit('lessons/basics/01-first.mdx', 'title: First lesson\n', ''));
    expect(failed).toBe(true);
    const text = plain(output);
    expect(text).toContain('01-first.mdx');
    expect(text).toContain('title');
    expect(text).toContain('Fix: add a `title` to the frontmatter');
  });

  it('fails on an unknown module', async () => {
    const { failed, output } = await build('bad-module', edit('lessons/basics/02-second.mdx', 'module: basics', 'module: basic'));
    expect(failed).toBe(true);
    expect(plain(output)).toContain('02-second.mdx: field `module` is "basic", which is not in course.yaml. Fix: use one of basics');
  });

  it('fails on a duplicate order', async () => {
    const { failed, output } = await build('dup-order', edit('lessons/basics/02-second.mdx', 'order: 2', 'order: 1'));
    expect(failed).toBe(true);
    expect(plain(output)).toMatch(/01-first\.mdx and .*02-second\.mdx: field `order` is 1 in each\. Fix: give each lesson/);
  });

  it('fails on an unknown prerequisite', async () => {
    const { failed, output } = await build('bad-prereq', edit('lessons/basics/02-second.mdx', 'basics/first', 'basics/frist'));
    expect(failed).toBe(true);
    expect(plain(output)).toContain('02-second.mdx: field `prerequisites` names "basics/frist", which is not a lesson.');
  });

  it('fails on a lesson with a lab but no <LabSlot />, naming the file and the fix', async () => {
    const { failed, output } = await build('no-slot', edit('lessons/basics/01-first.mdx', '<LabSlot />\n', ''));
    expect(failed).toBe(true);
    expect(plain(output)).toContain('01-first.mdx: field `lab` is "hello-lab", but the lesson has no <LabSlot />. Fix: put <LabSlot /> on its own line right before `## Summary`.');
  });

  it('fails on a question whose section anchor does not exist', async () => {
    const { failed, output } = await build('bad-anchor', edit('questions/basics.yaml', 'section: a-section', 'section: no-such-heading'));
    expect(failed).toBe(true);
    expect(plain(output)).toContain('question "fixture-one": field `section` is "no-such-heading", which is not a heading of');
    expect(plain(output)).toContain('Fix: use one of "a-section"');
  });

  it('fails on a single-choice question with two right answers', async () => {
    const { failed, output } = await build(
      'two-right',
      edit('questions/basics.yaml', '    - text: "False"\n', '    - text: "False"\n      correct: true\n'),
    );
    expect(failed).toBe(true);
    const text = plain(output);
    expect(text).toContain('basics.yaml');
    expect(text).toContain('Question "fixture-one": a true-false question needs exactly one choice with `correct: true` (found 2). Fix: mark exactly one.');
  });

  it('fails on a question tag outside content/tags.yaml, naming the closest allowed tag', async () => {
    const { failed, output } = await build('bad-tag', edit('questions/basics.yaml', '  difficulty: easy\n', '  difficulty: easy\n  tags: [basics, healthcheck]\n'));
    expect(failed).toBe(true);
    expect(plain(output)).toContain('basics.yaml: question "fixture-one": tag "healthcheck" is not in content/tags.yaml. Fix: use "health-check"');
  });

  it('fails on a lesson link to a glossary term that does not exist, once, naming the lesson, the id and the fix', async () => {
    const { failed, output } = await build('bad-term', async (dir) => {
      const lesson = path.join(dir, 'lessons/basics/02-second.mdx');
      await writeFile(lesson, `${await readFile(lesson, 'utf8')}\nA [fixture](/glossary/#fixtures) again.\n`);
    });
    expect(failed).toBe(true);
    const text = plain(output);
    const message = '02-second.mdx: links to glossary term "fixtures" (/glossary/#fixtures), which is not in content/glossary/. Fix: use the existing id "fixture"';
    expect(text).toContain(message);
    expect(text.split(message).length - 1, 'the message appears once').toBe(1);
  });
});
