import { describe, expect, it } from 'vitest';
import { codeLanguage, highlightCode } from '../../src/lib/code-highlight.ts';
import { codeLabel } from '../../src/lib/code-label.ts';
import { renderMarkdown } from '../../src/lib/markdown.ts';
import { renderLabTask } from '../../src/lib/lab-task.ts';

/** The opening `<pre ...>` tag of the first code block in some HTML. */
const preTag = (html: string) => html.match(/<pre\b[^>]*>/)?.[0] ?? '';

describe('code outside lessons is highlighted like lesson code', () => {
  it('a fenced block in a question explanation gets Shiki markup with both themes as variables', () => {
    const html = renderMarkdown('Use this:\n\n```python\nimport pickle\nmodel = pickle.loads(data)\n```\n');
    const pre = preTag(html);
    expect(pre).toContain('class="astro-code astro-code-themes github-light-default github-dark-default"');
    expect(pre).toMatch(/--shiki-light:#[0-9a-f]{6};--shiki-dark:#[0-9a-f]{6}/i);
    expect(pre).toContain('data-language="python"');
    expect(pre).toContain('tabindex="0"');
    expect(pre).toContain('role="group"');
    expect(pre).toContain('aria-label="Python code"');
    // Tokens are coloured: `import` is a keyword span with a colour of its own in each theme.
    expect(html).toMatch(/<span style="--shiki-light:#[0-9a-f]{6};--shiki-dark:#[0-9a-f]{6}">import<\/span>/i);
    expect(html).not.toContain('<pre><code');
  });

  it('escapes the code, so a "<" in an answer cannot open a tag', () => {
    const html = renderMarkdown('```html\n<script>alert(1)</script>\n```');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#x3C;');
  });

  it('aliases are resolved and an unknown or missing language still gives a styled, named block', () => {
    expect(codeLanguage('js')).toBe('js');
    expect(codeLanguage('YAML')).toBe('yaml');
    expect(codeLanguage('brainfuck')).toBe('text');
    expect(codeLanguage(undefined)).toBe('text');
    for (const source of ['```brainfuck\n+++\n```', '```\nplain\n```', '    indented code\n']) {
      const pre = preTag(renderMarkdown(source));
      expect(pre, source).toContain('class="astro-code');
      expect(pre, source).toContain('data-language="text"');
      expect(pre, source).toContain('aria-label="Code"');
    }
    expect(preTag(renderMarkdown('```js\nconst a = 1;\n```'))).toContain('aria-label="JavaScript code"');
  });

  it('lab steps (the README task) and headed Markdown get the same blocks', () => {
    const html = renderLabTask('# Title\n\n1. Run:\n\n   ```bash\n   npm test\n   ```\n');
    expect(preTag(html)).toContain('aria-label="Shell code"');
    expect(preTag(html)).toContain('class="astro-code');
  });

  it('a long line stays one line: no wrapping markup, the block scrolls instead', () => {
    const long = `x = "${'a'.repeat(300)}"`;
    const html = highlightCode(long, 'python');
    expect(preTag(html)).toContain('overflow-x:auto');
    expect(html.match(/class="line"/g)).toHaveLength(1);
  });
});

describe('code block labels', () => {
  it('names languages by their display name and plain text as "Code"', () => {
    expect(codeLabel('py')).toBe('Python code');
    expect(codeLabel('sh')).toBe('Shell code');
    expect(codeLabel('dockerfile')).toBe('Dockerfile code');
    expect(codeLabel('text')).toBe('Code');
    expect(codeLabel('')).toBe('Code');
    expect(codeLabel('rust')).toBe('rust code');
  });
});
