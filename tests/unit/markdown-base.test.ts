import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { describe, expect, it, vi } from 'vitest';
import { markdownBase, rebaseAttributes } from '../../src/lib/markdown-base.ts';
import { renderInlineMarkdown, renderMarkdown } from '../../src/lib/markdown.ts';

describe('links written root-absolute by authors', () => {
  it('move under the base in lessons: links, images and reference definitions, nothing external', async () => {
    const processor = await createSatteriMarkdownProcessor({ mdastPlugins: [markdownBase('/mlops-course/')] });
    const source = [
      'See [ONNX](/glossary/#onnx) and [the API lesson](/learn/apis/rest/).',
      '![A diagram](/images/flow.svg)',
      'Read [the docs][docs] and [the map][map]; jump to [a section](#why) or [a sibling](../other/).',
      '',
      '[docs]: https://docs.docker.com/',
      '[map]: /learn/',
    ].join('\n');
    const { code } = await processor.render(source);
    expect(code).toContain('href="/mlops-course/glossary/#onnx"');
    expect(code).toContain('href="/mlops-course/learn/apis/rest/"');
    expect(code).toContain('src="/mlops-course/images/flow.svg"');
    expect(code).toContain('href="/mlops-course/learn/"');
    expect(code).toContain('href="https://docs.docker.com/"');
    expect(code).toContain('href="#why"');
    expect(code).toContain('href="../other/"');
    expect(code).not.toMatch(/(href|src)="\/(?!mlops-course\/)/);
  });

  it('move under the base in JSX written in MDX, for href and src strings only', () => {
    const attributes = [
      { type: 'mdxJsxAttribute', name: 'href', value: '/labs/' },
      { type: 'mdxJsxAttribute', name: 'src', value: '/a.svg' },
      { type: 'mdxJsxAttribute', name: 'title', value: '/not-a-link/' },
      { type: 'mdxJsxAttribute', name: 'href', value: 'https://x.org/' },
      { type: 'mdxJsxExpressionAttribute', value: '...props' },
    ];
    const out = rebaseAttributes(attributes, '/b/')!;
    expect(out.map((a) => a.value)).toEqual(['/b/labs/', '/b/a.svg', '/not-a-link/', 'https://x.org/', '...props']);
    expect(attributes[0]!.value).toBe('/labs/');
    expect(rebaseAttributes(attributes.slice(2), '/b/')).toBeUndefined();
    expect(rebaseAttributes(attributes, '/')).toBeUndefined();
  });

  it('stay as written for a root build, in Markdown rendered from YAML (questions, glossary, lab READMEs)', () => {
    expect(renderMarkdown('[ONNX](/glossary/#onnx)')).toContain('href="/glossary/#onnx"');
    expect(renderInlineMarkdown('[x](https://x.org/)')).toContain('href="https://x.org/"');
    expect(renderMarkdown('# T\n\n[a](/learn/)', 1)).toContain('href="/learn/"');
  });

  it('move under the base in Markdown rendered from YAML when the site is built for a sub-path', async () => {
    vi.resetModules();
    vi.doMock('../../src/lib/url.ts', async (load) => {
      const real = await load<typeof import('../../src/lib/url.ts')>();
      return { ...real, BASE: '/b/', withBase: (p: string, base = '/b/') => real.withBase(p, base) };
    });
    try {
      const md = await import('../../src/lib/markdown.ts');
      expect(md.renderMarkdown('See [ONNX](/glossary/#onnx) or [docs](https://onnx.ai/).')).toContain('<a href="/b/glossary/#onnx">ONNX</a> or <a href="https://onnx.ai/">');
      expect(md.renderMarkdown('# Task\n\n![x](/labs/a.png) [next](/learn/x/)', 1)).toMatch(/src="\/b\/labs\/a\.png".*href="\/b\/learn\/x\/"/s);
      expect(md.renderInlineMarkdown('[map](/learn/)')).toBe('<a href="/b/learn/">map</a>');
    } finally {
      vi.doUnmock('../../src/lib/url.ts');
      vi.resetModules();
    }
  });
});
