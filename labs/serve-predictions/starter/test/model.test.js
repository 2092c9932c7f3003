// Tests for src/model.js, which is given complete: these pass from the start.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadModelFromFile, predict } from '../src/model.js';

describe('the bundled model', () => {
  const model = loadModelFromFile();

  it('has a version and one weight per feature', () => {
    assert.equal(model.version, '2.1.0');
    assert.equal(model.features.length, model.weights.length);
  });

  it('scores a long-standing, quiet customer as low risk', () => {
    const result = predict(model, { tenure_months: 48, monthly_charges: 60, support_calls_90d: 0, late_payments_12m: 0 });
    assert.equal(result.prediction, 0);
    assert.ok(result.probability < 0.1, `probability ${result.probability}`);
  });

  it('scores a new customer with many support calls as high risk', () => {
    const result = predict(model, { tenure_months: 3, monthly_charges: 95, support_calls_90d: 5, late_payments_12m: 2 });
    assert.equal(result.prediction, 1);
    assert.equal(result.probability, 0.9191);
  });
});
