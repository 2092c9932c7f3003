import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFile, headersFor, isLabPage, labPagePaths, nginxLabMap, parseHeadersFile } from '../../src/lib/headers.ts';

describe('lab page headers', () => {
  it('finds lesson pages whose frontmatter names a lab', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'headers-'));
    cpSync('tests/fixtures/content', dir, { recursive: true });
    expect(labPagePaths(dir)).toEqual(['/learn/basics/first/']);
  });

  it('matches a lab page with or without the trailing slash or index.html', () => {
    const pages = ['/learn/basics/first/'];
    expect(isLabPage('/learn/basics/first/', pages)).toBe(true);
    expect(isLabPage('/learn/basics/first', pages)).toBe(true);
    expect(isLabPage('/learn/basics/first/index.html?x=1', pages)).toBe(true);
    expect(isLabPage('/learn/basics/second/', pages)).toBe(false);
  });

  it('writes a _headers file that isolates only lab pages, and parses it back', () => {
    const rules = parseHeadersFile(headersFile(['/learn/basics/first/']));
    expect(headersFor('/learn/basics/first', rules)).toEqual({
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'credentialless',
    });
    expect(headersFor('/learn/basics/second/', rules)).toEqual({});
    expect(headersFor('/_astro/a.css', parseHeadersFile('/_astro/*\n  Cache-Control: immutable'))).toEqual({ 'Cache-Control': 'immutable' });
  });

  it('writes an nginx map for the same pages', () => {
    expect(nginxLabMap(['/learn/a/b/'])).toContain('  /learn/a/b/ 1;\n  /learn/a/b/index.html 1;\n}');
  });
});
