/**
 * Renders a lab's README as the task beside the lab, with progressive hints: inside a step,
 * list items that start with `Hint:` become nested `<details>`, so hint 2 can only be opened
 * after hint 1. Nesting, not a script, enforces the order, so it works without JavaScript.
 */
import type { MarkedExtension, Tokens } from 'marked';
import { renderMarkdown } from './markdown.ts';

/** `Hint:` at the start of a list item, also written as `*Hint:*` or `**Hint:**`. */
const HINT_PREFIX = /^\s*(?:\*\*|\*|__|_)?Hint:(?:\*\*|\*|__|_)?\s*/i;
/** The same prefix in rendered HTML: optional <p>, optional <strong>/<em>, then "Hint:". */
const HINT_PREFIX_HTML = /^(\s*(?:<p>)?)(?:<(strong|em)>)?Hint:(?:<\/(?:strong|em)>)?\s*/i;

/** Whether a list item is a hint (its text starts with `Hint:`). */
export const isHint = (item: Pick<Tokens.ListItem, 'text'>): boolean => HINT_PREFIX.test(item.text);

/** A list token tagged with the number of the step it sits in. */
type StepList = Tokens.List & { mlopsStep?: number };

/** Tags every list nested in a numbered step with that step's number, for the hints' labels. */
function tagSteps(tokens: Tokens.Generic[]): void {
  for (const token of tokens) {
    if (token.type !== 'list' || !(token as Tokens.List).ordered) continue;
    const list = token as Tokens.List;
    const first = typeof list.start === 'number' ? list.start : 1;
    list.items.forEach((item, i) => {
      for (const child of item.tokens) if (child.type === 'list') (child as StepList).mlopsStep = first + i;
    });
  }
}

/** One run of hints as nested disclosures: each hint's body holds the next hint. */
function hintChain(bodies: string[], step: number | undefined): string {
  const label = step === undefined ? 'Hints' : `Hints for step ${step}`;
  let inner = '';
  for (let i = bodies.length - 1; i >= 0; i--)
    inner = `<details class="hint"><summary>Hint ${i + 1} of ${bodies.length}</summary><div class="hint-body">${bodies[i]}</div>${inner}</details>`;
  return `<div class="hints" role="group" aria-label="${label}">${inner}</div>\n`;
}

/** The marked extension that turns runs of `Hint:` items into progressive hints. */
export const progressiveHints: MarkedExtension = {
  hooks: {
    processAllTokens(tokens) {
      tagSteps(tokens as Tokens.Generic[]);
      return tokens;
    },
  },
  renderer: {
    list(token) {
      if (!token.items.some(isHint)) return false;
      const step = (token as StepList).mlopsStep;
      const tag = token.ordered ? 'ol' : 'ul';
      let html = '';
      let plain: string[] = [];
      let hints: string[] = [];
      // Keep the author's order: plain items stay in a list, each run of hints becomes a chain.
      const flush = () => {
        if (plain.length) html += `<${tag}>\n${plain.join('')}</${tag}>\n`;
        if (hints.length) html += hintChain(hints, step);
        plain = [];
        hints = [];
      };
      for (const item of token.items) {
        if (isHint(item)) {
          if (plain.length) flush();
          hints.push(this.parser.parse(item.tokens).replace(HINT_PREFIX_HTML, '$1'));
        } else {
          if (hints.length) flush();
          plain.push(this.listitem(item));
        }
      }
      flush();
      return html;
    },
  },
};

/** The README without its title (the page shows the lab title), as HTML with progressive hints. */
export function renderLabTask(readme: string): string {
  return renderMarkdown(readme.replace(/^#\s+.*\n+/, ''), 2, progressiveHints);
}
