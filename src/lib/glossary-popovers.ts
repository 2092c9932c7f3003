/**
 * A Markdown plugin that keeps students in the lesson: every link to a glossary term
 * (`[ONNX](/glossary/#onnx)`) becomes a button that opens the term's definition in a native
 * popover (`popovertarget`, no JavaScript), with a link on to the full glossary entry.
 * One popover per term per page, placed after the lesson text; a link to a term that does
 * not exist fails the build, naming the lesson, the id and the fix.
 * It runs in Sätteri as a hast plugin, after `markdownBase` has put the base path on links.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { markdownToHast } from 'satteri';
import type { Element, ElementContent, Root } from 'hast';
import { closestId, type PopoverTerm } from './glossary-terms.ts';
import { withBase } from './url.ts';

/** The id of the popover that holds a term on a lesson page. */
export const popoverId = (termId: string) => `glossary-popover-${termId}`;

/** What the plugin needs from Sätteri's hast visitor context. */
interface Context {
  fileURL: URL | undefined;
  data: Record<string, unknown>;
  replaceNode(node: never, replacement: unknown): void;
  appendChild(node: never, child: unknown): void;
}

/** The term id a link points at, or undefined when it is not a glossary term link. */
export function glossaryTermId(href: unknown, base: string): string | undefined {
  if (typeof href !== 'string') return undefined;
  const page = withBase('/glossary/', base);
  if (!href.startsWith(`${page}#`)) return undefined;
  const id = decodeURIComponent(href.slice(page.length + 1));
  return id || undefined;
}

/** The message that fails the build for a link to a term the glossary lacks. */
export function unknownTermMessage(file: string, id: string, known: Iterable<string>): string {
  const guess = closestId(id, known);
  return (
    `${file}: links to glossary term "${id}" (/glossary/#${id}), which is not in content/glossary/. ` +
    `Fix: ${guess ? `use the existing id "${guess}", ` : ''}add a term with \`id: ${id}\` to a file in content/glossary/, or remove the link.`
  );
}

/** The definition's inline content as hast, with root-absolute links moved under the base. */
function definitionContent(markdown: string, base: string): ElementContent[] {
  const root = markdownToHast(markdown, { position: false }) as Root;
  const content = root.children.flatMap((block) => (block.type === 'element' && block.tagName === 'p' ? block.children : []));
  const rebase = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      for (const key of ['href', 'src'])
        if (typeof node.properties[key] === 'string') node.properties[key] = withBase(node.properties[key], base);
      rebase(node.children);
    }
  };
  rebase(content);
  return content;
}

const text = (value: string): ElementContent => ({ type: 'text', value });
const el = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** The popover for one term: its name, its definition, a link to the glossary and a Close button. */
export function popoverElement(term: PopoverTerm, base: string): Element {
  const id = popoverId(term.id);
  return el('div', { id, popover: 'auto', className: ['glossary-popover'], role: 'dialog', ariaLabelledBy: [`${id}-name`] }, [
    el('p', { className: ['glossary-popover-name'], id: `${id}-name` }, [text(term.term)]),
    el('p', {}, definitionContent(term.definition, base)),
    el('p', { className: ['glossary-popover-actions'] }, [
      el('a', { href: withBase(`/glossary/#${term.id}`, base) }, [
        text('Open in the glossary'),
        el('span', { className: ['visually-hidden'] }, [text(`: ${term.term}`)]),
      ]),
      el('button', { type: 'button', popoverTarget: id, popoverTargetAction: 'hide' }, [text('Close')]),
    ]),
  ]);
}

/**
 * The plugin for `satteri({ hastPlugins: [glossaryPopovers('/', readTerms)] })`.
 * @param terms called once per document, so a term added while `astro dev` runs is found.
 */
export function glossaryPopovers(base: string, terms: () => ReadonlyMap<string, PopoverTerm>) {
  const KEY = 'mlopsGlossaryTerms';
  return {
    name: 'mlops-glossary-popovers',
    before(_root: unknown, ctx: Context) {
      ctx.data[KEY] = { terms: terms(), used: new Map<string, PopoverTerm>() };
    },
    element: {
      filter: ['a'],
      visit(node: Element, ctx: Context) {
        const id = glossaryTermId(node.properties?.href, base);
        if (!id) return;
        const state = ctx.data[KEY] as { terms: ReadonlyMap<string, PopoverTerm>; used: Map<string, PopoverTerm> };
        const term = state.terms.get(id);
        if (!term) {
          const file = ctx.fileURL ? path.relative(process.cwd(), fileURLToPath(ctx.fileURL)) : 'a lesson';
          throw new Error(unknownTermMessage(file, id, state.terms.keys()));
        }
        state.used.set(id, term);
        ctx.replaceNode(
          node as never,
          el('button', { type: 'button', className: ['glossary-term'], popoverTarget: popoverId(id) }, node.children),
        );
      },
    },
    after(root: Root, ctx: Context) {
      const { used } = ctx.data[KEY] as { used: Map<string, PopoverTerm> };
      if (used.size) ctx.appendChild(root as never, [...used.values()].map((t) => popoverElement(t, base)));
    },
  };
}
