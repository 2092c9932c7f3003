import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { glossaryPopovers, glossaryTermId, popoverId, unknownTermMessage } from '../../src/lib/glossary-popovers.ts';
import { closestId, readGlossaryTerms, type PopoverTerm } from '../../src/lib/glossary-terms.ts';
import { markdownBase } from '../../src/lib/markdown-base.ts';

const TERMS = new Map<string, PopoverTerm>([
  ['onnx', { id: 'onnx', term: 'ONNX', definition: 'An open format for models, saved as `model.onnx`; see [the API term](/glossary/#api).' }],
  ['api', { id: 'api', term: 'API', definition: 'A contract between programs.' }],
]);

/** Renders Markdown the way the site's config does: base path first, then popovers. */
async function render(source: string, base = '/') {
  const processor = await createSatteriMarkdownProcessor({ mdastPlugins: [markdownBase(base)], hastPlugins: [glossaryPopovers(base, () => TERMS)] });
  return (await processor.render(source)).code;
}
const count = (html: string, needle: string) => html.split(needle).length - 1;

describe('glossary links in lessons', () => {
  it('become buttons that open one popover per term, holding its name, definition and glossary link', async () => {
    const html = await render('Export to [**ONNX**](/glossary/#onnx), then [ONNX again](/glossary/#onnx) through an [API](/glossary/#api).');
    expect(html).not.toContain('<a href="/glossary/#onnx">ONNX');
    expect(count(html, '<button type="button" class="glossary-term" popovertarget="glossary-popover-onnx">')).toBe(2);
    expect(html).toContain('popovertarget="glossary-popover-onnx"><strong>ONNX</strong></button>');
    expect(html).toContain('popovertarget="glossary-popover-api">API</button>');
    expect(count(html, 'id="glossary-popover-onnx"')).toBe(1);
    expect(count(html, 'id="glossary-popover-api"')).toBe(1);
    expect(count(html, 'popover="auto"')).toBe(2);
    const onnx = html.slice(html.indexOf('<div id="glossary-popover-onnx"'), html.indexOf('</div>', html.indexOf('<div id="glossary-popover-onnx"')));
    expect(onnx).toContain('role="dialog" aria-labelledby="glossary-popover-onnx-name"');
    expect(onnx).toContain('id="glossary-popover-onnx-name">ONNX</p>');
    expect(onnx).toContain('An open format for models, saved as <code>model.onnx</code>; see <a href="/glossary/#api">the API term</a>.');
    expect(onnx).toContain('<a href="/glossary/#onnx">Open in the glossary<span class="visually-hidden">: ONNX</span></a>');
    expect(onnx).toContain('<button type="button" popovertarget="glossary-popover-onnx" popovertargetaction="hide">Close</button>');
  });

  it('place the popovers after the text, so no block element lands inside a paragraph', async () => {
    const html = await render('A [term](/glossary/#api) in a paragraph.\n\n| col |\n| --- |\n| [API](/glossary/#api) |');
    expect(html.indexOf('<div id="glossary-popover-api"')).toBeGreaterThan(html.lastIndexOf('</table>'));
    expect(html).toMatch(/<td><button [^>]*popovertarget="glossary-popover-api">API<\/button><\/td>/);
  });

  it('carry the base path on every link when the site is built for a sub-path', async () => {
    const html = await render('[ONNX](/glossary/#onnx) and [a lesson](/learn/x/).', '/mlops-course/');
    expect(html).toContain('popovertarget="glossary-popover-onnx"');
    expect(html).toContain('href="/mlops-course/glossary/#onnx">Open in the glossary');
    expect(html).toContain('href="/mlops-course/glossary/#api">the API term');
    expect(html).toContain('href="/mlops-course/learn/x/"');
    expect(html).not.toMatch(/(href|src)="\/(?!mlops-course\/)/);
  });

  it('leave other links alone, and a page without term links without popovers', async () => {
    const html = await render('[All terms](/glossary/), [docs](https://onnx.ai/#onnx) and [a section](#onnx).');
    expect(html).toContain('<a href="/glossary/">All terms</a>');
    expect(html).toContain('<a href="https://onnx.ai/#onnx">docs</a>');
    expect(html).toContain('<a href="#onnx">a section</a>');
    expect(html).not.toContain('popover');
  });

  it('work in MDX, inside components, as attributes the JSX runtime writes out', () => {
    const { code } = mdxToJs('<Callout>Save it as [ONNX](/glossary/#onnx).</Callout>\n', {
      mdastPlugins: [markdownBase('/')],
      hastPlugins: [glossaryPopovers('/', () => TERMS)],
      jsxImportSource: 'astro',
      elementAttributeNameCase: 'html',
    });
    expect(code).toContain('popovertarget: "glossary-popover-onnx"');
    expect(code).toContain('popover: "auto"');
    expect(code).toContain('popovertargetaction: "hide"');
  });

  it('fail on a term the glossary lacks, naming the lesson, the id and a fix', async () => {
    const processor = await createSatteriMarkdownProcessor({ hastPlugins: [glossaryPopovers('/', () => TERMS)] });
    const file = path.resolve('content/lessons/apis/01-x.mdx');
    await expect(processor.render('See [ONNX](/glossary/#onxx).', { fileURL: new URL(`file://${file}`) } as never)).rejects.toThrow(
      'content/lessons/apis/01-x.mdx: links to glossary term "onxx" (/glossary/#onxx), which is not in content/glossary/. Fix: use the existing id "onnx", add a term with `id: onxx`',
    );
  });
});

describe('glossary term helpers', () => {
  it('read a term id from a link only when it points at a glossary anchor under the base', () => {
    expect(glossaryTermId('/glossary/#onnx', '/')).toBe('onnx');
    expect(glossaryTermId('/b/glossary/#onnx', '/b/')).toBe('onnx');
    expect(glossaryTermId('/glossary/#onnx', '/b/')).toBeUndefined();
    expect(glossaryTermId('/glossary/', '/')).toBeUndefined();
    expect(glossaryTermId('/glossary/#', '/')).toBeUndefined();
    expect(glossaryTermId('https://x.org/glossary/#onnx', '/')).toBeUndefined();
    expect(glossaryTermId(undefined, '/')).toBeUndefined();
    expect(popoverId('onnx')).toBe('glossary-popover-onnx');
  });

  it('suggest a near id only when one is near', () => {
    expect(closestId('helthcheck', ['healthcheck', 'health', 'docker'])).toBe('healthcheck');
    expect(closestId('kubernetes', ['onnx', 'api'])).toBeUndefined();
    expect(unknownTermMessage('a.mdx', 'zzz', ['onnx'])).toBe(
      'a.mdx: links to glossary term "zzz" (/glossary/#zzz), which is not in content/glossary/. Fix: add a term with `id: zzz` to a file in content/glossary/, or remove the link.',
    );
  });

  it('read every term of the real glossary, and every term a lesson links exists', () => {
    const dir = path.resolve('content/glossary');
    const terms = readGlossaryTerms(dir);
    const entries = readdirSync(dir).flatMap((f) => parse(readFileSync(path.join(dir, f), 'utf8')) as { id: string; term: string }[]);
    expect(terms.size).toBe(entries.length);
    expect(terms.get('onnx')?.term).toBe(entries.find((e) => e.id === 'onnx')!.term);
    expect(terms.get('onnx')?.definition.length).toBeGreaterThan(20);
    const lessons = path.resolve('content/lessons');
    const linked = readdirSync(lessons, { recursive: true })
      .filter((f) => String(f).endsWith('.mdx'))
      .flatMap((f) => [...readFileSync(path.join(lessons, String(f)), 'utf8').matchAll(/\]\(\/glossary\/#([^)\s]+)\)/g)].map((m) => m[1]!));
    expect(linked.length).toBeGreaterThan(300);
    expect(linked.filter((id) => !terms.has(id))).toEqual([]);
  });
});
