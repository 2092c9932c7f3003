import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FALLBACK_ART, illustratedModules, moduleArt } from '../../src/lib/module-art.ts';
import { COLOUR_TOKENS, definedProperties, SHAPE_TOKENS, SPACE_TOKENS, TYPE_TOKENS } from '../../src/lib/design-tokens.ts';
import { contrastRatio } from '../../src/lib/contrast.ts';

const css = readFileSync('src/styles/global.css', 'utf8');
const modules = (parse(readFileSync('content/course.yaml', 'utf8')) as { id: string }[]).map((m) => m.id);

/** `--name: #hex` values in one rule block of global.css. */
function palette(selector: string): Record<string, string> {
  const start = css.indexOf(`\n${selector} {`);
  const body = css.slice(start, css.indexOf('\n}', start));
  return Object.fromEntries([...body.matchAll(/^\s*(--[\w-]+):\s*(#[0-9a-f]{3,6})\s*;/gim)].map((m) => [m[1]!, m[2]!]));
}
const light = palette(':root');
const dark = { ...light, ...palette(":root[data-theme='dark']") };

describe('module illustrations', () => {
  it('every module in course.yaml has its own picture, and no picture is for a module that does not exist', () => {
    for (const id of modules) expect(moduleArt(id).fallback, `module ${id}`).toBe(false);
    expect(illustratedModules().sort()).toEqual([...modules].sort());
  });
  it('an unknown id (even one that names an Object property) gets the open book', () => {
    for (const id of ['no-such-module', 'constructor', '__proto__', '']) {
      const art = moduleArt(id);
      expect(art.fallback).toBe(true);
      expect(art.shapes).toBe(FALLBACK_ART.shapes);
    }
  });
  it('pictures are drawn in one style: known shapes and classes, no colours of their own, distinct alt texts', () => {
    const all = [...modules.map((id) => moduleArt(id)), FALLBACK_ART];
    for (const art of all) {
      expect(art.alt.length, art.alt).toBeGreaterThan(5);
      for (const [, tag] of art.shapes.matchAll(/<(\w+)/g)) expect(['path', 'circle', 'rect']).toContain(tag);
      for (const [, cls] of art.shapes.matchAll(/class="([^"]*)"/g)) expect(['art-line', 'art-2', 'art-3', 'art-dot', 'art-2-fill', 'art-3-fill']).toContain(cls);
      expect(art.shapes).not.toMatch(/(?:fill|stroke|style)=|#[0-9a-f]{3}/i);
      // Every shape has a class, so the theme's inks reach all of it.
      expect(art.shapes.match(/<(?:path|circle|rect)\b/g)!.length).toBe(art.shapes.match(/class="/g)!.length);
    }
    expect(new Set(all.map((a) => a.alt)).size).toBe(all.length);
    expect(new Set(all.map((a) => a.shapes)).size).toBe(all.length);
  });
});

describe('design tokens', () => {
  it('every token the design page lists is defined in global.css, colours in both themes', () => {
    const root = definedProperties(css, ':root');
    const darkDefined = definedProperties(css, ":root[data-theme='dark']");
    for (const t of [...COLOUR_TOKENS, ...TYPE_TOKENS, ...SPACE_TOKENS, ...SHAPE_TOKENS]) expect(root.has(t.name), t.name).toBe(true);
    for (const t of COLOUR_TOKENS) expect(darkDefined.has(t.name), `${t.name} in the dark theme`).toBe(true);
  });
  it('finds nothing in a block that is not there', () => {
    expect(definedProperties(css, '.no-such-rule').size).toBe(0);
  });
  it('type steps are fluid (clamp) and grow from step to step at both ends', () => {
    const ends = TYPE_TOKENS.map((t) => {
      const m = new RegExp(`${t.name}:\\s*clamp\\(([\\d.]+)rem,[^,]+,\\s*([\\d.]+)rem\\)`).exec(css);
      expect(m, `${t.name} is a clamp() in rem`).not.toBeNull();
      return [Number(m![1]), Number(m![2])] as const;
    });
    for (let i = 1; i < ends.length; i++) {
      expect(ends[i]![0]).toBeGreaterThan(ends[i - 1]![0]);
      expect(ends[i]![1]).toBeGreaterThan(ends[i - 1]![1]);
    }
  });

  const text = ['--fg', '--fg-muted', '--accent', '--ok', '--bad', '--warn'];
  const backgrounds = ['--bg', '--bg-soft', '--surface'];
  for (const [theme, p] of [['light', light], ['dark', dark]] as const) {
    it(`${theme}: text colours reach 4.5:1 on every background and on their own tint`, () => {
      for (const fg of text) for (const bg of backgrounds) expect(contrastRatio(p[fg]!, p[bg]!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      for (const tone of ['--ok', '--bad', '--warn', '--accent']) {
        expect(contrastRatio(p[tone]!, p[`${tone}-soft`]!), `${tone} on its tint`).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(p['--fg']!, p[`${tone}-soft`]!), `--fg on ${tone}-soft`).toBeGreaterThanOrEqual(4.5);
      }
      expect(contrastRatio(p['--accent-fg']!, p['--accent']!)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(p['--accent-fg']!, p['--accent-hover']!)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(p['--fg']!, p['--bg-code']!)).toBeGreaterThanOrEqual(4.5);
    });
    it(`${theme}: control edges and the focus ring reach 3:1`, () => {
      for (const bg of backgrounds) {
        expect(contrastRatio(p['--border-strong']!, p[bg]!), `--border-strong on ${bg}`).toBeGreaterThanOrEqual(3);
        expect(contrastRatio(p['--focus']!, p[bg]!), `--focus on ${bg}`).toBeGreaterThanOrEqual(3);
      }
    });
  }
  it('the contrast function matches known WCAG figures and rejects a non-hex colour', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777', '#fff')).toBeCloseTo(4.48, 2);
    expect(() => contrastRatio('red', '#fff')).toThrow(/not a #rgb or #rrggbb colour/);
  });
});
