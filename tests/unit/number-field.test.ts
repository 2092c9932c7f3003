/** Inline validation messages for number fields: field, range, example. */
import { describe, expect, it } from 'vitest';
import { numberFieldError, type NumberRule } from '../../src/lib/number-field.ts';

const seconds: NumberRule = { label: 'Seconds per question', min: 10, max: 900, step: 10, example: 120 };
const count: NumberRule = { label: 'Questions', min: 1, max: 20, example: 5 };

describe('numberFieldError', () => {
  it('accepts values inside the range on a step', () => {
    for (const v of ['10', '120', '900', ' 60 ']) expect(numberFieldError(v, seconds), v).toBeUndefined();
    expect(numberFieldError('1', count)).toBeUndefined();
  });

  it('names the minimum and the maximum', () => {
    expect(numberFieldError('5', seconds)).toBe('Seconds per question: 5 is below the minimum of 10. Enter a number between 10 and 900.');
    expect(numberFieldError('901', seconds)).toBe('Seconds per question: 901 is above the maximum of 900. Enter a number between 10 and 900.');
    expect(numberFieldError('0', count)).toBe('Questions: 0 is below the minimum of 1. Enter a number between 1 and 20.');
  });

  it('explains an empty field, text and an off-step value with an example', () => {
    expect(numberFieldError('', seconds)).toBe('Seconds per question: enter a number between 10 and 900, e.g. 120.');
    expect(numberFieldError('abc', count)).toBe('Questions: "abc" is not a number. Enter a number between 1 and 20, e.g. 5.');
    expect(numberFieldError('125', seconds)).toBe('Seconds per question: use steps of 10, e.g. 120 or 130.');
    expect(numberFieldError('2.5', count)).toBe('Questions: enter a whole number between 1 and 20, e.g. 3.');
  });
});
