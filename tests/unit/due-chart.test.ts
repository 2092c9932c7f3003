import { describe, expect, it } from 'vitest';
import { dueByDay } from '../../src/lib/due-forecast.ts';
import { columnChartSvg, columnLayout } from '../../src/lib/column-chart.ts';

const at = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();

describe('dueByDay', () => {
  // Monday 7 December 2026, 15:00 local time.
  const now = at(2026, 12, 7, 15);

  it('puts each card on its local day, overdue cards today, and ignores cards due later', () => {
    const cards = {
      overdue: { due: at(2026, 11, 1) },
      earlierToday: { due: at(2026, 12, 7, 9) },
      laterToday: { due: at(2026, 12, 7, 23) },
      tomorrow: { due: at(2026, 12, 8, 1) },
      sunday: { due: at(2026, 12, 13, 23) },
      nextWeek: { due: at(2026, 12, 14, 0) },
    };
    const days = dueByDay(cards, now);
    expect(days.map((d) => d.count)).toEqual([3, 1, 0, 0, 0, 0, 1]);
    expect(days.map((d) => d.label)).toEqual(['Today', 'Tomorrow', 'Wed 9 Dec', 'Thu 10 Dec', 'Fri 11 Dec', 'Sat 12 Dec', 'Sun 13 Dec']);
    expect(days.map((d) => d.short)).toEqual(['Today', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(days[0]!.start).toBe(at(2026, 12, 7));
  });

  it('crosses a month and a year', () => {
    const days = dueByDay({ x: { due: at(2027, 1, 2, 12) } }, at(2026, 12, 30, 8), 4);
    expect(days.map((d) => [d.label, d.count])).toEqual([
      ['Today', 0],
      ['Tomorrow', 0],
      ['Fri 1 Jan', 0],
      ['Sat 2 Jan', 1],
    ]);
  });

  it('has zero everywhere without cards', () => {
    expect(dueByDay({}, now).every((d) => d.count === 0)).toBe(true);
  });
});

describe('column chart', () => {
  it('makes the largest value fill the plot and the others proportional', () => {
    const cols = columnLayout([
      { label: 'A', value: 4 },
      { label: 'B', value: 2 },
      { label: 'C', value: 0 },
    ], { width: 300, height: 140 });
    const plot = 140 - 18 - 22;
    expect(cols.map((c) => c.height)).toEqual([plot, plot / 2, 0]);
    expect(cols.every((c) => c.y + c.height === c.baseline)).toBe(true);
    // Evenly spaced, left to right, inside the drawing.
    expect(cols.map((c) => c.center)).toEqual([50, 150, 250]);
  });

  it('draws nothing taller than the plot when every value is zero', () => {
    expect(columnLayout([{ label: 'A', value: 0 }]).map((c) => c.height)).toEqual([0]);
  });

  it('writes values and escaped labels into a hidden SVG', () => {
    const svg = columnChartSvg([
      { label: 'Today', value: 3 },
      { label: '<b>', value: 1 },
    ]);
    expect(svg).toMatch(/^<svg class="column-chart" viewBox="0 0 320 150" aria-hidden="true"/);
    expect(svg.match(/<rect class="col"/g)).toHaveLength(2);
    expect(svg).toContain('>3</text>');
    expect(svg).toContain('>Today</text>');
    expect(svg).toContain('&#60;b&#62;');
    expect(svg).not.toContain('<b>');
  });
});
