import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFile, headersFor, isLabPage, isWorkerRequest, labPagePaths, nginxLabMap, parseHeadersFile, WORKER_HEADERS } from '../../src/lib/headers.ts';

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
    expect(headersFor('/learn/basics/first', rules)).toMatchObject({
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'credentialless',
      'X-Content-Type-Options': 'nosniff',
    });
    expect(headersFor('/learn/basics/second/', rules)['Cross-Origin-Embedder-Policy']).toBeUndefined();
    expect(headersFor('/learn/basics/second/', rules)['Content-Security-Policy']).toBe("frame-ancestors 'none'; object-src 'none'; base-uri 'self'");
    expect(headersFor('/_astro/app.js', rules)['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor('/', rules)['Cache-Control']).toBe('no-cache');
    expect(headersFor('/_astro/a.css', parseHeadersFile('/_astro/*\n  Cache-Control: immutable'))).toEqual({ 'Cache-Control': 'immutable' });
  });

  it('writes an nginx map for the same pages', () => {
    const map = nginxLabMap(['/learn/a/b/']);
    expect(map).toContain('map $uri $mlops_lab_page {');
    const pattern = new RegExp(/"~(.+)" 1;/.exec(map)![1]!);
    // $uri as nginx has it after try_files: no query string, "/x//index.html" for "/x/".
    for (const uri of ['/learn/a/b/', '/learn/a/b', '/learn/a/b/index.html', '/learn/a/b//index.html']) expect(pattern.test(uri), uri).toBe(true);
    for (const uri of ['/learn/a/bc/', '/learn/a/b/other/', '/x/learn/a/b/']) expect(pattern.test(uri), uri).toBe(false);
  });

  it('serves build assets (worker scripts among them) with an embedder policy a lab page accepts', () => {
    const rules = parseHeadersFile(headersFile(['/learn/basics/first/']));
    expect(headersFor('/_astro/search-worker-abc.js', rules)['Cross-Origin-Embedder-Policy']).toBe('credentialless');
    // Pages other than lab pages stay unisolated.
    expect(headersFor('/learn/basics/second/', rules)['Cross-Origin-Embedder-Policy']).toBeUndefined();
    // nginx's asset location sends the same value (add_header there replaces the server's).
    const nginx = readFileSync('deploy/nginx/site.conf', 'utf8');
    const assets = /location \/_astro\/ \{([\s\S]*?)\n  \}/.exec(nginx)![1]!;
    expect(assets).toContain(`add_header Cross-Origin-Embedder-Policy "${WORKER_HEADERS['Cross-Origin-Embedder-Policy']}" always;`);
  });

  it('recognises dev-server worker requests by fetch destination or Vite worker URL', () => {
    expect(isWorkerRequest('/src/components/search/search-worker.ts?worker_file&type=module', undefined)).toBe(true);
    expect(isWorkerRequest('/src/x.ts', 'worker')).toBe(true);
    expect(isWorkerRequest('/src/x.ts', 'script')).toBe(false);
    expect(isWorkerRequest('/learn/a/b/', 'document')).toBe(false);
  });

  it('puts every path under the base path for a sub-path build, so a host applies them there', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'headers-'));
    cpSync('tests/fixtures/content', dir, { recursive: true });
    const pages = labPagePaths(dir, '/mlops-course/');
    expect(pages).toEqual(['/mlops-course/learn/basics/first/']);
    const text = headersFile(pages, '/mlops-course/');
    // Every rule's path (lines that are not indented) starts with the base.
    const paths = text.split('\n').filter((l) => l && !/^\s|^#/.test(l));
    expect(paths).toEqual(['/mlops-course/*', '/mlops-course/_astro/*', '/mlops-course/learn/basics/first/']);
    const rules = parseHeadersFile(text);
    expect(headersFor('/mlops-course/learn/basics/first/', rules)['Cross-Origin-Embedder-Policy']).toBe('credentialless');
    expect(headersFor('/mlops-course/_astro/a.js', rules)['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor('/learn/basics/first/', rules)).toEqual({});
    const pattern = new RegExp(/"~(.+)" 1;/.exec(nginxLabMap(pages))![1]!);
    expect(pattern.test('/mlops-course/learn/basics/first/')).toBe(true);
    expect(pattern.test('/learn/basics/first/')).toBe(false);
  });
});
