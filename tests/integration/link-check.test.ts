/**
 * The link check on a real build: a lesson with a broken link and a broken anchor builds
 * fine (Astro does not check prose links) but fails the check with the page and the link.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSite } from '../../src/lib/link-check.ts';

const run = promisify(execFile);
let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'mlops-links-'));
  await cp(path.resolve('tests/fixtures/content'), path.join(work, 'content'), { recursive: true });
  await cp(path.resolve('tests/fixtures/labs'), path.join(work, 'labs'), { recursive: true });
  const lesson = path.join(work, 'content/lessons/basics/02-second.mdx');
  await writeFile(lesson, `${await readFile(lesson, 'utf8')}\nSee [the first lesson](/learn/basics/frist/) and [its section](/learn/basics/first/#no-such-section) and [this part](#another-section).\n`);
  await run('npx', ['astro', 'build', '--outDir', path.join(work, 'dist')], {
    env: { ...process.env, MLOPS_CONTENT_DIR: path.join(work, 'content'), MLOPS_LABS_DIR: path.join(work, 'labs'), MLOPS_CACHE_DIR: path.join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 20 * 1024 * 1024,
  });
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('link check on a built fixture', () => {
  it('reports the broken page link and the broken anchor, and accepts the good anchor', () => {
    const report = checkSite(path.join(work, 'dist'));
    expect(report.broken).toEqual([
      { page: '/learn/basics/second/', href: '/learn/basics/frist/', reason: 'no page or file at /learn/basics/frist/' },
      { page: '/learn/basics/second/', href: '/learn/basics/first/#no-such-section', reason: '/learn/basics/first/ has no element with id "no-such-section"' },
    ]);
    expect(report.internal).toBeGreaterThan(20);
  });

  it('fails the check script with the page, the link and what to fix', async () => {
    const result = await run('node', ['scripts/check-links.ts', path.join(work, 'dist')]).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('- /learn/basics/second/: "/learn/basics/frist/": no page or file at /learn/basics/frist/. Fix the link in the source of /learn/basics/second/.');
  });
});
