/**
 * Runnable lesson code: a fenced block written ```` ```python run ```` is a sample the course
 * promises runs as shown. `npm test` extracts every such block from the lessons and runs it
 * with CPython (scripts/check-lesson-code.ts); when the next block is ```` ```text output ````,
 * what the sample prints must match it. The page marks runnable blocks with `data-runnable`
 * so the in-page runner can offer a Run button.
 */
import type { ShikiTransformer } from 'shiki';

/** One runnable block found in a lesson. */
export interface RunnableBlock {
  /** The lesson file, as given to `extractRunnableBlocks`. */
  file: string;
  /** 1-based line of the opening fence, for messages such as "03-x.mdx:39". */
  line: number;
  code: string;
  /** The text of a ```` ```text output ```` block right after it, when there is one. */
  expected?: string;
}

/** Thrown for a malformed runnable block; the message names the file, the line and the fix. */
export class RunnableCodeError extends Error {
  override name = 'RunnableCodeError';
}

/** Whether a fence's meta string (the words after the language) holds the word `run`. */
export const hasRunFlag = (meta: string | undefined) => /(?:^|\s)run(?:\s|$)/.test(meta ?? '');

/** Whether a fence's meta string marks its block as the expected output of the sample before it. */
export const hasOutputFlag = (meta: string | undefined) => /(?:^|\s)output(?:\s|$)/.test(meta ?? '');

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)\s*(.*)$/;

interface Fence {
  line: number;
  lang: string;
  meta: string;
  body: string;
}

/** Every fenced block of a Markdown/MDX source, with its language, meta and 1-based line. */
function fences(source: string, file: string): Fence[] {
  const lines = source.split(/\r?\n/);
  const found: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const [, indent, marker, lang, meta] = open;
    const body: string[] = [];
    let j = i + 1;
    const closing = new RegExp(`^${indent}${marker![0]}{${marker!.length},}\\s*$`);
    while (j < lines.length && !closing.test(lines[j]!)) body.push(lines[j++]!.slice(indent!.length));
    if (j >= lines.length) throw new RunnableCodeError(`${file}:${i + 1}: this code fence is never closed. Fix: end the block with ${marker}.`);
    found.push({ line: i + 1, lang: lang!, meta: meta!.trim(), body: body.join('\n') });
    i = j;
  }
  return found;
}

/** The runnable blocks of one lesson source, with the output each must print when it says. */
export function extractRunnableBlocks(source: string, file: string): RunnableBlock[] {
  const all = fences(source, file);
  const blocks: RunnableBlock[] = [];
  all.forEach((fence, i) => {
    if (hasOutputFlag(fence.meta) && !hasRunFlag(all[i - 1]?.meta))
      throw new RunnableCodeError(`${file}:${fence.line}: an \`output\` block must follow a \`python run\` block. Fix: mark the sample before it \`\`\`python run, or drop \`output\`.`);
    if (!hasRunFlag(fence.meta)) return;
    if (fence.lang !== 'python')
      throw new RunnableCodeError(`${file}:${fence.line}: only Python blocks can be run, but this one is "${fence.lang || 'without a language'}". Fix: remove \`run\`, or write the sample in Python.`);
    const next = all[i + 1];
    const block: RunnableBlock = { file, line: fence.line, code: fence.body };
    if (next && hasOutputFlag(next.meta)) block.expected = next.body;
    blocks.push(block);
  });
  return blocks;
}

/** Output as compared: line endings unified, trailing spaces and trailing blank lines ignored. */
const normalise = (text: string) =>
  text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trimEnd();

/** Undefined when `actual` matches the expected output, otherwise a message showing the first differing line. */
export function outputMismatch(expected: string, actual: string): string | undefined {
  const want = normalise(expected).split('\n');
  const got = normalise(actual).split('\n');
  const at = want.findIndex((line, i) => line !== got[i]);
  const index = at === -1 ? (got.length > want.length ? want.length : -1) : at;
  if (index === -1) return undefined;
  return `output line ${index + 1} differs: expected ${JSON.stringify(want[index] ?? '(end of output)')}, got ${JSON.stringify(got[index] ?? '(end of output)')}`;
}

/**
 * Shiki transformer: a ```` ```python run ```` block's `<pre>` gets `data-runnable="python"`,
 * the hook the in-page runner looks for; other blocks are left as they are.
 */
export const runnableCodeTransformer: ShikiTransformer = {
  name: 'mlops-runnable-code',
  pre(node) {
    const meta = (this.options.meta as { __raw?: string } | undefined)?.__raw;
    if (this.options.lang === 'python' && hasRunFlag(meta)) node.properties['data-runnable'] = 'python';
  },
};
