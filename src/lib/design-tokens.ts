/**
 * The design tokens as data, for the /design/ page and for a unit test that keeps this list
 * and src/styles/global.css in step (a token shown here must exist there, in both themes
 * where it is a colour).
 */

/** One custom property and what it is for. */
export interface Token {
  /** Custom property name, with its leading dashes. */
  name: string;
  /** When to use it, in a few words. */
  use: string;
}

/** Colours; each has a light and a dark value. Text colours keep 4.5:1 on the backgrounds. */
export const COLOUR_TOKENS: Token[] = [
  { name: '--bg', use: 'page background' },
  { name: '--bg-soft', use: 'quiet areas: table heads, default badges' },
  { name: '--bg-code', use: 'inline code' },
  { name: '--surface', use: 'cards, inputs, buttons' },
  { name: '--fg', use: 'body text' },
  { name: '--fg-muted', use: 'secondary text (still 4.5:1)' },
  { name: '--border', use: 'dividers and card edges' },
  { name: '--border-strong', use: 'edges of controls (3:1)' },
  { name: '--accent', use: 'links, primary buttons, current item' },
  { name: '--accent-hover', use: 'primary button under the pointer' },
  { name: '--accent-fg', use: 'text on --accent' },
  { name: '--accent-soft', use: 'tint behind accent text, info panels' },
  { name: '--focus', use: 'focus outline' },
  { name: '--ok', use: 'right answers, passed tests' },
  { name: '--ok-soft', use: 'tint behind --ok' },
  { name: '--bad', use: 'wrong answers, failures' },
  { name: '--bad-soft', use: 'tint behind --bad' },
  { name: '--warn', use: 'warnings, storage notices' },
  { name: '--warn-soft', use: 'tint behind --warn' },
  { name: '--ink-1', use: 'illustration: main strokes' },
  { name: '--ink-2', use: 'illustration: second strokes' },
  { name: '--ink-3', use: 'illustration: highlights (never text)' },
  { name: '--ink-soft', use: 'illustration: background' },
];

/** The type scale, smallest first. */
export const TYPE_TOKENS: Token[] = [
  { name: '--step--2', use: 'fine print' },
  { name: '--step--1', use: 'badges, captions, field messages' },
  { name: '--step-0', use: 'body text' },
  { name: '--step-1', use: 'h4, card titles, lead paragraphs' },
  { name: '--step-2', use: 'h3' },
  { name: '--step-3', use: 'h2' },
  { name: '--step-4', use: 'h1' },
];

/** The spacing scale, smallest first. */
export const SPACE_TOKENS: Token[] = [
  { name: '--space-3xs', use: 'icon to its label' },
  { name: '--space-2xs', use: 'inside badges and buttons' },
  { name: '--space-xs', use: 'between buttons in a row' },
  { name: '--space-s', use: 'inside inputs' },
  { name: '--space-m', use: 'between paragraphs, page gutter on phones' },
  { name: '--space-l', use: 'inside cards and panels' },
  { name: '--space-xl', use: 'between sections' },
  { name: '--space-2xl', use: 'before a quiz or lab' },
  { name: '--space-3xl', use: 'page top and bottom' },
];

/** Corner radii and shadows. */
export const SHAPE_TOKENS: Token[] = [
  { name: '--radius-sm', use: 'inline code' },
  { name: '--radius', use: 'buttons, inputs, panels, code blocks' },
  { name: '--radius-lg', use: 'cards, module art' },
  { name: '--radius-pill', use: 'badges' },
  { name: '--shadow-sm', use: 'buttons' },
  { name: '--shadow', use: 'cards' },
  { name: '--shadow-lg', use: 'dialogs, drawers, popovers' },
];

/**
 * The custom properties a stylesheet defines in one rule block, e.g. `:root { … }`.
 * `selector` is matched exactly at the start of a line.
 */
export function definedProperties(css: string, selector: string): Set<string> {
  const start = css.indexOf(`\n${selector} {`);
  if (start < 0) return new Set();
  const body = css.slice(start, css.indexOf('\n}', start));
  return new Set([...body.matchAll(/^\s*(--[\w-]+)\s*:/gm)].map((m) => m[1]!));
}
