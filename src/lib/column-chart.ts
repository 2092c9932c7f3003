/**
 * A small column chart as an SVG string, drawn without a chart library: at seven bars a
 * library would cost more than the chart. The SVG is decorative (`aria-hidden`); the page
 * pairs it with a table that says the same in text.
 */

/** One column. */
export interface Column {
  /** Short label under the column ("Today", "Wed"). */
  label: string;
  value: number;
}

/** Size of the drawing in SVG units; it scales to the width of its container. */
export interface ChartSize {
  width: number;
  height: number;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const round = (n: number) => Math.round(n * 10) / 10;

/** Geometry of each column: where it stands and how tall it is, tallest value filling the plot. */
export function columnLayout(columns: readonly Column[], size: ChartSize = { width: 320, height: 150 }) {
  const top = 18;
  const bottom = 22;
  const plot = size.height - top - bottom;
  const slot = size.width / Math.max(columns.length, 1);
  const barWidth = Math.min(36, slot * 0.6);
  const max = Math.max(1, ...columns.map((c) => c.value));
  return columns.map((c, i) => {
    const value = Math.max(0, c.value);
    const height = round((value / max) * plot);
    const center = round(slot * i + slot / 2);
    return { ...c, value, center, x: round(center - barWidth / 2), width: round(barWidth), y: round(top + plot - height), height, baseline: top + plot };
  });
}

/** The chart as SVG markup: columns, their values above them and labels below. */
export function columnChartSvg(columns: readonly Column[], size: ChartSize = { width: 320, height: 150 }): string {
  const bars = columnLayout(columns, size);
  const baseline = bars[0]?.baseline ?? size.height - 22;
  const parts = bars.map(
    (b) =>
      `<rect class="col" x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="2"/>` +
      `<text class="val" x="${b.center}" y="${b.y - 4}" text-anchor="middle">${b.value}</text>` +
      `<text class="lab" x="${b.center}" y="${baseline + 16}" text-anchor="middle">${esc(b.label)}</text>`,
  );
  return (
    `<svg class="column-chart" viewBox="0 0 ${size.width} ${size.height}" aria-hidden="true" focusable="false">` +
    `<line class="axis" x1="0" x2="${size.width}" y1="${baseline}" y2="${baseline}"/>${parts.join('')}</svg>`
  );
}
