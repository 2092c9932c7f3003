import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite, resolveFile, scanHtml } from '../../src/lib/link-check.ts';

function site(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'site-'));
  for (const [name, html] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), html);
  }
  return dir;
}

describe('link check', () => {
  it('collects ids and links, skipping canonical links', () => {
    const s = scanHtml('<link rel="canonical" href="https://x.org/a/"><h2 id="one">x</h2><a name="two"></a><a href="/b/#one">b</a><img src="/i.png">');
    expect([...s.ids]).toEqual(['one', 'two']);
    expect(s.links).toEqual(['/b/#one', '/i.png']);
  });

  it('resolves directories, files and missing paths', () => {
    const dir = site({ 'a/index.html': '', 'f.css': '' });
    expect(resolveFile(dir, '/a/')).toBe('/a/index.html');
    expect(resolveFile(dir, '/a')).toBe('/a/index.html');
    expect(resolveFile(dir, '/f.css')).toBe('/f.css');
    expect(resolveFile(dir, '/nope/')).toBeUndefined();
    expect(resolveFile(dir, '/../etc/passwd')).toBeUndefined();
  });

  it('finds broken pages and anchors, follows relative links, and lists external ones', () => {
    const dir = site({
      'index.html': '<a href="/a/#x">ok</a><a href="/a/#y">bad anchor</a><a href="a/">relative ok</a><a href="https://docs.python.org/3/">ext</a><a href="#top">self</a><p id="top"></p>',
      'a/index.html': '<h2 id="x">X</h2><a href="../missing/">bad page</a><a href="mailto:x@y.z">mail</a>',
    });
    const r = checkSite(dir);
    expect(r.pages).toBe(2);
    expect(r.broken).toEqual([
      { page: '/a/', href: '../missing/', reason: 'no page or file at /missing/' },
      { page: '/', href: '/a/#y', reason: '/a/ has no element with id "y"' },
    ]);
    expect([...r.external.keys()]).toEqual(['https://docs.python.org/3/']);
  });

  it('checks a site built for a base path as served under it: a root-absolute link that leaves the base is broken', () => {
    const dir = site({
      'index.html': '<a href="/mlops-course/a/#x">ok</a><a href="a/">relative ok</a><a href="/mlops-course">base without slash</a><a href="/a/">escapes</a><img src="/favicon.svg"><a href="../">up and out</a>',
      'a/index.html': '<h2 id="x">X</h2><a href="/mlops-course/">home</a><a href="/mlops-course/a/#nope">bad anchor</a>',
      'favicon.svg': '<svg></svg>',
    });
    const r = checkSite(dir, '/mlops-course/');
    expect(r.internal).toBe(8);
    expect(r.broken.map((b) => [b.page, b.href, b.reason.split(' (')[0]])).toEqual([
      ['/mlops-course/a/', '/mlops-course/a/#nope', '/mlops-course/a/ has no element with id "nope"'],
      ['/mlops-course/', '/a/', 'it leaves the base path /mlops-course/'],
      ['/mlops-course/', '/favicon.svg', 'it leaves the base path /mlops-course/'],
      ['/mlops-course/', '../', 'it leaves the base path /mlops-course/'],
    ]);
    expect(r.broken[1]!.reason).toContain('withBase()');
  });

  it('finds nothing outside the base when the base is the root', () => {
    const dir = site({ 'index.html': '<a href="/a/">a</a><a href="/b/">missing</a>', 'a/index.html': '' });
    expect(checkSite(dir, '/').broken).toEqual([{ page: '/', href: '/b/', reason: 'no page or file at /b/' }]);
  });
});
