/**
 * Build-time highlighting for code outside MDX lessons: lab files, lab steps, question
 * explanations and model answers. It gives the same markup as Astro's Markdown highlighting
 * in lessons (`pre.astro-code` with both themes as CSS variables, see markdown.shikiConfig in
 * astro.config.mjs), so global.css styles every code block the same way.
 */
import { createHighlighter, type ShikiTransformer } from 'shiki';
import { codeBlockLabel } from './code-label.ts';

/** The lesson themes: one for each site theme, emitted as CSS variables. */
export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/**
 * Languages loaded once at build time: those the lessons, question bank and lab files use.
 * Loading all of Shiki's would slow every build for languages no one writes.
 */
export const CODE_LANGUAGES = [
  'bash', 'css', 'csv', 'diff', 'dockerfile', 'graphql', 'groovy', 'hcl', 'html', 'http', 'ini', 'javascript', 'json',
  'markdown', 'protobuf', 'python', 'sql', 'toml', 'typescript', 'xml', 'yaml',
] as const;

// Top-level await: Markdown rendering (marked) is synchronous, so the highlighter is ready before any caller runs.
const highlighter = await createHighlighter({ themes: Object.values(CODE_THEMES), langs: [...CODE_LANGUAGES] });

/** Names Shiki knows, aliases included (`js`, `py`, `sh`, `yml`...). */
const known = new Set<string>(highlighter.getLoadedLanguages());

/** The language a fence names, as written (lesson code keeps `js` too), or `text` when it names none or one not loaded. */
export function codeLanguage(lang: string | undefined): string {
  const name = (lang ?? '').trim().split(/\s+/)[0]!.toLowerCase();
  return name && known.has(name) ? name : 'text';
}

/**
 * Makes Shiki's `<pre>` look like Astro's: the `astro-code` class global.css styles, the
 * language for the Copy button's label, and a focusable, named box so a keyboard user can
 * scroll a long line into view (it scrolls, it is never clipped or wrapped).
 */
export const astroCodeLook = (lang: string): ShikiTransformer => ({
  name: 'mlops-astro-code-look',
  pre(node) {
    node.properties.class = `astro-code astro-code-themes ${CODE_THEMES.light} ${CODE_THEMES.dark}`;
    node.properties.style = `${node.properties.style ?? ''};overflow-x:auto`.replace(/^;/, '');
    node.properties.tabindex = '0';
    node.properties['data-language'] = lang;
  },
});

/** Highlights one block of code as lesson code is highlighted; an unknown language gives plain text. */
export function highlightCode(code: string, lang?: string): string {
  const language = codeLanguage(lang);
  return highlighter.codeToHtml(code.replace(/\n$/, ''), {
    lang: language,
    themes: CODE_THEMES,
    defaultColor: false,
    transformers: [astroCodeLook(language), codeBlockLabel],
  });
}
