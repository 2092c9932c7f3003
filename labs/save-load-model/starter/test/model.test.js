// Tests for the code that is already written (csv.js and model.js): these pass from the start.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseCsv } from '../src/csv.js';
import { accuracy, predictProba, splitTrainTest, train } from '../src/model.js';

const csv = readFileSync(new URL('../data/churn.csv', import.meta.url), 'utf8');

test('parseCsv separates the features from the target column', () => {
  const data = parseCsv(csv, 'churned');
  assert.deepEqual(data.featureNames, ['tenure_months', 'monthly_charges', 'support_calls']);
  assert.equal(data.rows.length, 60);
  assert.equal(data.rows[0].length, 3);
  assert.ok(data.labels.every((label) => label === 0 || label === 1));
});

test('parseCsv names the line and column of a bad value', () => {
  assert.throws(() => parseCsv('a,b,y\n1,x,0\n', 'y'), /line 2, column "b"/);
});

test('training is deterministic and learns something', () => {
  const data = parseCsv(csv, 'churned');
  const { train: trainSet, test: testSet } = splitTrainTest(data.rows, data.labels);
  const first = train(trainSet.rows, trainSet.labels);
  const second = train(trainSet.rows, trainSet.labels);
  assert.deepEqual(first, second);
  assert.ok(accuracy(first, testSet.rows, testSet.labels) >= 0.7, 'the model should beat always guessing "stays"');
  const p = predictProba(first, data.rows[0]);
  assert.ok(p > 0 && p < 1);
});
