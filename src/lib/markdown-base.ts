/**
 * A Markdown plugin that puts the site's base path in front of root-absolute links in
 * lessons, so authors keep writing `[ONNX](/glossary/#onnx)` and `/learn/apis/rest/`
 * whatever the site is published under. It rewrites Markdown links, images and link
 * definitions, and `href`/`src` string attributes of JSX elements written in MDX
 * (`<a href="/labs/">`). It runs in Sätteri, Astro's Markdown processor, as an mdast plugin.
 */
import { withBase } from './url.ts';

/** The parts of a Markdown node this plugin reads. */
interface LinkNode {
  url: string;
}
/** One attribute of an MDX JSX element (`<a href="/x/">`); expressions are left alone. */
interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
/** An MDX JSX element. */
interface JsxNode {
  attributes: JsxAttribute[];
}
/** What the plugin needs from Sätteri's visitor context: set a field of a node. */
interface Context {
  setProperty(node: never, key: string, value: unknown): void;
}

const LINK_ATTRIBUTES = new Set(['href', 'src']);

/** The JSX attributes with root-absolute `href`/`src` strings moved under `base`, or undefined when none changes. */
export function rebaseAttributes(attributes: readonly JsxAttribute[], base: string): JsxAttribute[] | undefined {
  let changed = false;
  const out = attributes.map((a) => {
    if (a.type !== 'mdxJsxAttribute' || !LINK_ATTRIBUTES.has(a.name ?? '') || typeof a.value !== 'string') return a;
    const value = withBase(a.value, base);
    if (value === a.value) return a;
    changed = true;
    return { ...a, value };
  });
  return changed ? out : undefined;
}

/** The plugin for `satteri({ mdastPlugins: [markdownBase('/mlops-course/')] })`. */
export function markdownBase(base: string) {
  const rebaseUrl = (node: LinkNode, ctx: Context) => {
    const url = withBase(node.url, base);
    if (url !== node.url) ctx.setProperty(node as never, 'url', url);
  };
  const rebaseJsx = (node: JsxNode, ctx: Context) => {
    const attributes = rebaseAttributes(node.attributes, base);
    if (attributes) ctx.setProperty(node as never, 'attributes', attributes);
  };
  return {
    name: 'mlops-markdown-base',
    link: rebaseUrl,
    image: rebaseUrl,
    definition: rebaseUrl,
    mdxJsxFlowElement: rebaseJsx,
    mdxJsxTextElement: rebaseJsx,
  };
}
