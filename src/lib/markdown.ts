/**
 * Markdown for short author text outside MDX (glossary definitions, question prompts and
 * explanations). Authors are trusted, but raw HTML is still escaped so a stray "<" in a
 * YAML string cannot break the page.
 */
import { Marked, type MarkedExtension, type Token } from 'marked';
import { withBase } from './url.ts';
import { highlightCode } from './code-highlight.ts';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Authors write root-absolute links ("/glossary/#onnx"); the site may live under a sub-path. */
const baseLinks = (token: Token) => {
  if (token.type === 'link' || token.type === 'image') token.href = withBase(token.href);
};

/** Fenced code is highlighted at build time like lesson code, so no text shows unstyled monospace. */
const code = ({ text, lang }: { text: string; lang?: string }) => `${highlightCode(text, lang)}\n`;

const marked = new Marked({
  gfm: true,
  async: false,
  walkTokens: baseLinks,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    code,
  },
});

/** Wide tables scroll inside a focusable box, as lesson tables do (Table.astro), so keyboard users can scroll them. */
const wrapTables = (html: string) =>
  html
    .replace(/<table>/g, '<div class="table-scroll" tabindex="0" role="group" aria-label="Table, scrolls sideways"><table>')
    .replace(/<\/table>/g, '</table></div>');

/**
 * Renders block Markdown (paragraphs, lists, code) to HTML.
 * @param headingOffset added to every heading level, so a README's `#` fits under a page's `h2`.
 * @param extension extra marked renderers or hooks for one kind of text (lab tasks render hints with it).
 */
export function renderMarkdown(source: string, headingOffset = 0, extension?: MarkedExtension): string {
  if (headingOffset === 0 && !extension) return wrapTables(marked.parse(source) as string);
  const shifted = new Marked({
    gfm: true,
    async: false,
    walkTokens: baseLinks,
    renderer: {
      html: ({ text }) => escapeHtml(text),
      code,
      heading({ tokens, depth }) {
        const level = Math.min(6, depth + headingOffset);
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
    },
  });
  if (extension) shifted.use(extension);
  return wrapTables(shifted.parse(source) as string);
}

/** Renders one paragraph without the wrapping <p>, for labels and short answers. */
export function renderInlineMarkdown(source: string): string {
  return marked.parseInline(source) as string;
}
