import { describe, expect, it } from 'vitest';
import { spreadLabel } from '../../src/lib/score-spread.ts';

describe('spreadLabel', () => {
  it('prints the score alone when every run agrees', () => {
    expect(spreadLabel(100, [100, 100, 100])).toBe('100');
  });

  it('prints the lowest and highest run beside the median, so an outlier shows', () => {
    expect(spreadLabel(100, [100, 96, 100])).toBe('100 (96–100)');
    expect(spreadLabel(99, [100, 99, 98])).toBe('99 (98–100)');
  });

  it('ignores runs without a score and says n/a when the median run has none', () => {
    expect(spreadLabel(100, [null, 100])).toBe('100');
    expect(spreadLabel(null, [100, 99])).toBe('n/a');
  });
});
