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
});
