/**
 * How wide an inline SVG diagram must stay for its labels to be read. An SVG scaled to a
 * phone's width shrinks its text with it (a 720-unit diagram at 330 px turns 12 px labels
 * into 5.5 px); below the width computed here the figure scrolls sideways instead.
 */

/** The smallest text the course lets a diagram show, in CSS pixels. */
export const MIN_LABEL_PX = 11;

/** Font sizes of the diagram classes in global.css (`.d-text`, `.d-small`), in SVG units. */
const CLASS_FONT_SIZES: Record<string, number> = { 'd-text': 14, 'd-small': 12 };
/** What SVG text uses when nothing sets a size (the browser's default). */
const DEFAULT_FONT_SIZE = 16;

/** Thrown for an SVG the width cannot be worked out for; the message says what to add. */
export class DiagramError extends Error {
  override name = 'DiagramError';
}

/** Every font size the SVG sets: by attribute, by inline style, or through a diagram class. */
function fontSizes(svg: string): number[] {
  const sizes: number[] = [];
  for (const m of svg.matchAll(/font-size(?:="|\s*:\s*)([\d.]+)(?:px)?/g)) sizes.push(Number(m[1]));
  for (const m of svg.matchAll(/class="([^"]*)"/g))
    for (const name of m[1]!.split(/\s+/)) if (CLASS_FONT_SIZES[name]) sizes.push(CLASS_FONT_SIZES[name]);
  return sizes.filter((n) => n > 0);
}

/**
 * The minimum rendered width, in whole CSS pixels, at which the smallest label of the first
 * `<svg>` in `html` is still MIN_LABEL_PX tall. Undefined when the HTML holds no SVG with text.
 * @param where names the lesson in the error, so a bad diagram is easy to find.
 */
export function diagramMinWidth(html: string, where = 'a <Diagram>'): number | undefined {
  const svg = html.match(/<svg\b[\s\S]*?<\/svg>/)?.[0];
  if (!svg || !/<text\b/.test(svg)) return undefined;
  const viewBox = svg.match(/<svg\b[^>]*\bviewBox="([^"]+)"/)?.[1];
  const width = viewBox ? Number(viewBox.trim().split(/[\s,]+/)[2]) : NaN;
  if (!(width > 0))
    throw new DiagramError(`${where}: the <svg> has no usable viewBox (found ${viewBox === undefined ? 'none' : `"${viewBox}"`}). Fix: give it viewBox="0 0 <width> <height>" so it can scale and keep its labels legible.`);
  const sizes = fontSizes(svg);
  const smallest = sizes.length ? Math.min(...sizes) : DEFAULT_FONT_SIZE;
  return Math.ceil((width * MIN_LABEL_PX) / smallest);
}
