/**
 * The accessible name of a code block. Every block is a focusable scroll box (a long line
 * scrolls instead of being clipped) and a focusable box needs a name: "Python code".
 * Lessons get it through markdown.shikiConfig, other text through code-highlight.ts.
 */
import type { ShikiTransformer } from 'shiki';

/** Short fence names authors write, by the language's full name. */
const ALIASES: Record<string, string> = { js: 'javascript', ts: 'typescript', py: 'python', sh: 'bash', shell: 'bash', shellscript: 'bash', zsh: 'bash', yml: 'yaml', docker: 'dockerfile' };

/** Display names; a language not listed shows as written. */
const LABELS: Record<string, string> = {
  bash: 'Shell', javascript: 'JavaScript', typescript: 'TypeScript', python: 'Python', yaml: 'YAML', json: 'JSON',
  dockerfile: 'Dockerfile', hcl: 'HCL', http: 'HTTP', toml: 'TOML', sql: 'SQL', html: 'HTML', css: 'CSS', xml: 'XML',
  graphql: 'GraphQL', ini: 'INI', markdown: 'Markdown', protobuf: 'Protobuf', groovy: 'Groovy', csv: 'CSV', diff: 'Diff',
};

/** "Python code" for `python` or `py`; plain text, `plaintext` or no language give "Code". */
export function codeLabel(lang: string | undefined): string {
  const name = (lang ?? '').trim().toLowerCase();
  const id = ALIASES[name] ?? name;
  if (!id || id === 'text' || id === 'plaintext' || id === 'txt') return 'Code';
  return `${LABELS[id] ?? id} code`;
}

/** Shiki transformer: names the `<pre>` after its language (a group, so the name is allowed and read). */
export const codeBlockLabel: ShikiTransformer = {
  name: 'mlops-code-block-label',
  pre(node) {
    node.properties.role = 'group';
    node.properties['aria-label'] = codeLabel(this.options.lang);
  },
};
