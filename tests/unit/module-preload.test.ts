import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addModulePreloads, preloadBuiltPages } from '../../src/lib/module-preload.ts';

const scripts: Record<string, string> = {
  '/_astro/Nav.js': 'import{t as e}from"./preload-helper.js";e(()=>import("./menu.js"));',
  '/_astro/Notice.js': 'import{s}from"./storage.js";import"./bus.js";',
  '/_astro/bus.js': 'import{w}from"./when-idle.js";export const b=1;',
  '/_astro/storage.js': 'export const s=1;',
  '/_astro/when-idle.js': 'export const w=1;',
  '/_astro/preload-helper.js': 'export const t=1;',
  '/_astro/menu.js': 'import"./heavy.js";',
};
const read = (url: string) => {
  if (!(url in scripts)) throw new Error(`no file ${url}`);
  return scripts[url]!;
};
const links = (html: string) => [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);

describe('addModulePreloads', () => {
  it('preloads each static import, and their imports, just before the script that needs them', () => {
    const html = '<body><p>x</p><script type="module" src="/_astro/Notice.js"></script></body>';
    const out = addModulePreloads(html, read);
    expect(links(out)).toEqual(['/_astro/storage.js', '/_astro/bus.js', '/_astro/when-idle.js']);
    expect(out.indexOf('href="/_astro/when-idle.js"')).toBeLessThan(out.indexOf('<script'));
    expect(out.indexOf('<p>x</p>')).toBeLessThan(out.indexOf('<link'));
  });

  it('leaves dynamic imports and what only they import to load on first use', () => {
    const out = addModulePreloads('<script type="module" src="/_astro/Nav.js"></script>', read);
    expect(links(out)).toEqual(['/_astro/preload-helper.js']);
  });

  it('links a shared chunk once per page, and never one that is already a script or a link', () => {
    const html =
      '<link rel="modulepreload" href="/_astro/storage.js"><script type="module" src="/_astro/Notice.js"></script>' +
      '<script type="module" src="/_astro/bus.js"></script><script type="module" src="/_astro/Notice.js"></script>';
    expect(links(addModulePreloads(html, read))).toEqual(['/_astro/storage.js', '/_astro/when-idle.js']);
  });

  it('keeps the base path of a site served under a folder', () => {
    const sub = (url: string) => read(url.replace('/course', ''));
    const out = addModulePreloads('<script type="module" src="/course/_astro/Notice.js"></script>', sub);
    expect(links(out)).toEqual(['/course/_astro/storage.js', '/course/_astro/bus.js', '/course/_astro/when-idle.js']);
  });

  it('leaves inline and classic scripts alone, and fails on an import that is not in the build', () => {
    const html = '<script type="module">const a=1</script><script src="/_astro/storage.js"></script>';
    expect(addModulePreloads(html, read)).toBe(html);
    expect(() => addModulePreloads('<script type="module" src="/_astro/menu.js"></script>', read)).toThrow('no file /_astro/heavy.js');
  });
});

describe('preloadBuiltPages', () => {
  it('rewrites every built page that has module scripts and names the page when an import is missing', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'preload-'));
    mkdirSync(path.join(dist, '_astro'));
    mkdirSync(path.join(dist, 'learn/a'), { recursive: true });
    for (const [url, text] of Object.entries(scripts)) writeFileSync(path.join(dist, url), text);
    writeFileSync(path.join(dist, 'index.html'), '<script type="module" src="/_astro/Notice.js"></script>');
    writeFileSync(path.join(dist, 'learn/a/index.html'), '<p>no scripts</p>');
    expect(preloadBuiltPages(dist, '/')).toBe(1);
    expect(links(readFileSync(path.join(dist, 'index.html'), 'utf8'))).toHaveLength(3);

    writeFileSync(path.join(dist, 'learn/a/index.html'), '<script type="module" src="/_astro/menu.js"></script>');
    expect(() => preloadBuiltPages(dist, '/')).toThrow(/learn\/a\/index\.html.*heavy\.js/);
  });
});
