// Tests for step 4: validateFeatures in src/validate.js.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadModelFromFile } from '../src/model.js';
import { validateFeatures } from '../src/validate.js';

const model = loadModelFromFile();
const VALID = { tenure_months: 24, monthly_charges: 80, support_calls_90d: 1, late_payments_12m: 0 };

/** The (field, code) pairs of a list of problems, in order. */
const pairs = (problems) => problems.map((p) => [p.field, p.code]);

describe('step 4: validateFeatures', () => {
  it('returns no problems for a complete, in-range input', () => {
    assert.deepEqual(validateFeatures(VALID, model), []);
  });

  it('accepts values exactly at the minimum and the maximum', () => {
    assert.deepEqual(validateFeatures({ tenure_months: 0, monthly_charges: 1000, support_calls_90d: 50, late_payments_12m: 12 }, model), []);
  });

  it('reports a missing feature as "missing"', () => {
    const { support_calls_90d, ...rest } = VALID;
    assert.deepEqual(pairs(validateFeatures(rest, model)), [['support_calls_90d', 'missing']]);
  });

  it('reports strings, booleans and null as "type" (no silent conversion of "24" to 24)', () => {
    const problems = validateFeatures({ ...VALID, tenure_months: '24', monthly_charges: true, late_payments_12m: null }, model);
    assert.deepEqual(pairs(problems), [
      ['tenure_months', 'type'],
      ['monthly_charges', 'type'],
      ['late_payments_12m', 'type'],
    ]);
  });

  it('reports non-finite numbers as "type"', () => {
    assert.deepEqual(pairs(validateFeatures({ ...VALID, monthly_charges: Number.POSITIVE_INFINITY }, model)), [['monthly_charges', 'type']]);
  });

  it('reports values outside [min, max] as "range"', () => {
    const problems = validateFeatures({ ...VALID, tenure_months: -1, late_payments_12m: 13 }, model);
    assert.deepEqual(pairs(problems), [
      ['tenure_months', 'range'],
      ['late_payments_12m', 'range'],
    ]);
  });

  it('reports keys the model does not know as "unknown", after the feature problems', () => {
    const problems = validateFeatures({ ...VALID, tenure_months: 500, customer_name: 'Ada', region: 'EU' }, model);
    assert.deepEqual(pairs(problems), [
      ['tenure_months', 'range'],
      ['customer_name', 'unknown'],
      ['region', 'unknown'],
    ]);
  });

  it('gives every problem a human-readable message', () => {
    for (const problem of validateFeatures({ tenure_months: 'x', late_payments_12m: 99, extra: 1 }, model)) {
      assert.equal(typeof problem.message, 'string');
      assert.ok(problem.message.length > 0, `empty message for ${problem.field}`);
    }
  });

  it('rejects a body that is not a JSON object as a whole', () => {
    for (const body of [[VALID], null, 'tenure_months=24', 42]) {
      assert.deepEqual(pairs(validateFeatures(body, model)), [[null, 'not-object']], `body ${JSON.stringify(body)}`);
    }
  });
});
