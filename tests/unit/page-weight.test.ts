import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measurePage, pageResources, staticImports } from '../../src/lib/page-weight.ts';

describe('staticImports', () => {
  it('finds static imports and re-exports but not dynamic import()', () => {
    const js = 'import{a as b}from"./chunk.js";import"./side.js";export{c}from"./re.js";const x=()=>import("./lazy.js");';
    expect(staticImports(js)).toEqual(['./chunk.js', './side.js', './re.js']);
  });
});

describe('measurePage', () => {
  it('counts HTML, CSS and scripts with their static imports, once each', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'weight-'));
    mkdirSync(path.join(dist, '_astro'));
    writeFileSync(path.join(dist, '_astro/a.css'), 'body{color:red}');
    writeFileSync(path.join(dist, '_astro/main.js'), 'import"./dep.js";import{x}from"./dep.js";import("./lazy.js");');
    writeFileSync(path.join(dist, '_astro/dep.js'), 'export const x=1;');
    writeFileSync(path.join(dist, '_astro/lazy.js'), 'export const big="'.padEnd(5000, 'x') + '";');
    const html = '<html><head><link rel="stylesheet" href="/_astro/a.css"><script>var t=1</script></head><body><script type="module" src="/_astro/main.js"></script></body></html>';
    writeFileSync(path.join(dist, 'index.html'), html);
    const w = measurePage(dist, 'index.html');
    expect(w.files.sort()).toEqual(['/_astro/a.css', '/_astro/dep.js', '/_astro/main.js']);
    expect(w.css.raw).toBe(15);
    expect(w.js.raw).toBe('var t=1'.length + 'import"./dep.js";import{x}from"./dep.js";import("./lazy.js");'.length + 'export const x=1;'.length);
    expect(w.html.raw).toBe(html.length);
    expect(pageResources(html).inlineJs).toEqual(['var t=1']);
  });
});

describe('measureDeferred', () => {
  it('counts code behind dynamic imports, once, excluding what was already loaded', async () => {
    const { measureDeferred, dynamicImports } = await import('../../src/lib/page-weight.ts');
    expect(dynamicImports('a();import("./x.js");import( "./y.js" );import(`./z.js`)')).toEqual(['./x.js', './y.js', './z.js']);
    const dist = mkdtempSync(path.join(tmpdir(), 'weight-'));
    mkdirSync(path.join(dist, '_astro'));
    writeFileSync(path.join(dist, '_astro/main.js'), 'import"./shared.js";const l=()=>import("./lazy.js");');
    writeFileSync(path.join(dist, '_astro/shared.js'), 'export const s=1;');
    writeFileSync(path.join(dist, '_astro/lazy.js'), 'import"./shared.js";import"./only-lazy.js";export const z=2;');
    writeFileSync(path.join(dist, '_astro/only-lazy.js'), 'export const o=3;');
    writeFileSync(path.join(dist, 'index.html'), '<script type="module" src="/_astro/main.js"></script>');
    const later = measureDeferred(dist, measurePage(dist, 'index.html'));
    expect(later.files).toEqual(['/_astro/lazy.js', '/_astro/only-lazy.js']);
    // Code loaded lazily by lazy code (idle-loaded widget, then its SDK on click) counts too.
    writeFileSync(path.join(dist, '_astro/only-lazy.js'), 'export const o=()=>import("./on-click.js");');
    writeFileSync(path.join(dist, '_astro/on-click.js'), 'import"./shared.js";export const c=4;');
    expect(measureDeferred(dist, measurePage(dist, 'index.html')).files).toEqual(['/_astro/lazy.js', '/_astro/only-lazy.js', '/_astro/on-click.js']);
  });
});
