import { describe, expect, it } from 'vitest';
import { diagramMinWidth, DiagramError, MIN_LABEL_PX } from '../../src/lib/diagram.ts';

const svg = (attrs: string, body: string) => `<svg ${attrs} role="img"><title>t</title>${body}</svg>`;

describe('diagram minimum width', () => {
  it('keeps the smallest class-sized label at 11 px: a 720-wide diagram with .d-small (12) needs 660 px', () => {
    const html = svg('viewBox="0 0 720 290"', '<text class="d-text">API</text><text class="d-small">validate</text>');
    expect(diagramMinWidth(html)).toBe(660);
    // At that width one SVG unit is 660/720 px, so a 12-unit label renders at exactly 11 px.
    expect((12 * 660) / 720).toBeCloseTo(MIN_LABEL_PX, 5);
  });

  it('uses the smallest size set in any way: attribute, inline style or class', () => {
    expect(diagramMinWidth(svg('viewBox="0 0 800 300"', '<text class="d-text">a</text><text font-size="10">b</text>'))).toBe(880);
    expect(diagramMinWidth(svg('viewBox="0 0 800 300"', '<text class="d-text" style="font-size: 8px">a</text>'))).toBe(1100);
    expect(diagramMinWidth(svg('viewBox="0 0 760 300"', '<text class="d-box d-text">a</text>'))).toBe(Math.ceil((760 * 11) / 14));
  });

  it('reads the width from the viewBox, not its origin, with commas or spaces', () => {
    expect(diagramMinWidth(svg('viewBox="0 40 720 150"', '<text class="d-small">a</text>'))).toBe(660);
    expect(diagramMinWidth(svg('viewBox="10,0,360,100"', '<text class="d-small">a</text>'))).toBe(330);
  });

  it('text with no size set falls back to 16 px; an SVG without text or no SVG needs no minimum', () => {
    expect(diagramMinWidth(svg('viewBox="0 0 1600 300"', '<text>a</text>'))).toBe(1100);
    expect(diagramMinWidth(svg('viewBox="0 0 720 290"', '<rect width="5" height="5"/>'))).toBeUndefined();
    expect(diagramMinWidth('<p>No picture here</p>')).toBeUndefined();
  });

  it('an SVG with text but no viewBox is refused with where it is and the fix', () => {
    expect(() => diagramMinWidth(svg('width="720"', '<text class="d-small">a</text>'), '/learn/apis/x/')).toThrow(DiagramError);
    expect(() => diagramMinWidth(svg('width="720"', '<text>a</text>'), '/learn/apis/x/')).toThrow(/\/learn\/apis\/x\/: the <svg> has no usable viewBox \(found none\)\. Fix: give it viewBox=/);
  });
});
