// @ts-check
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { meanOf, recallAtK, reciprocalRank } from '../src/metrics.js';

describe('step 1: recallAtK', () => {
  it('divides the relevant documents found in the top k by all relevant documents', () => {
    // b is relevant and found in the top 3; it is the only relevant document: recall 1/1.
    assert.equal(recallAtK(['a', 'b', 'c'], ['b'], 3), 1);
    // 2 of the 4 relevant documents are in the top 2: recall 2/4, however short the list is.
    assert.equal(recallAtK(['x', 'y'], ['x', 'y', 'z', 'w'], 2), 0.5);
  });

  it('only looks at the first k results', () => {
    assert.equal(recallAtK(['a', 'b', 'c'], ['c'], 2), 0);
    assert.equal(recallAtK(['a', 'b', 'c'], ['b', 'c'], 2), 0.5);
  });

  it('treats k larger than the list as the whole list', () => {
    assert.equal(recallAtK(['a', 'b'], ['b', 'd'], 10), 0.5);
    assert.equal(recallAtK([], ['b'], 5), 0);
  });

  it('counts a document retrieved twice only once', () => {
    // Without de-duplication, b would count twice and recall would reach 2/2 = 1.
    assert.equal(recallAtK(['b', 'b', 'a'], ['b', 'c'], 3), 0.5);
    assert.equal(recallAtK(['b', 'b'], ['b', 'b'], 2), 1, 'a relevant id listed twice is still one document');
  });

  it('returns null when the query has no relevant document', () => {
    assert.equal(recallAtK(['a', 'b'], [], 2), null);
  });

  it('rejects a k that is not a whole number of at least 1, naming k', () => {
    for (const k of [0, -1, 1.5, Number.NaN]) assert.throws(() => recallAtK(['a'], ['a'], k), { name: 'RangeError', message: /\bk\b/ });
  });
});

describe('step 1: reciprocalRank', () => {
  it('is one over the rank of the first relevant result', () => {
    assert.equal(reciprocalRank(['a', 'b', 'c'], ['a']), 1);
    assert.equal(reciprocalRank(['a', 'b', 'c'], ['c', 'b']), 1 / 2);
    assert.equal(reciprocalRank(['a', 'b', 'c', 'd'], ['d']), 1 / 4);
  });

  it('is 0 when nothing relevant was retrieved, including an empty list', () => {
    assert.equal(reciprocalRank(['a', 'b'], ['z']), 0);
    assert.equal(reciprocalRank([], ['z']), 0);
  });

  it('counts positions as listed, duplicates included', () => {
    assert.equal(reciprocalRank(['a', 'a', 'b'], ['b']), 1 / 3);
  });

  it('returns null when the query has no relevant document', () => {
    assert.equal(reciprocalRank(['a'], []), null);
  });
});

describe('step 1: meanOf (MRR over a query set)', () => {
  it('keeps queries that found nothing (0) in the mean', () => {
    // (1 + 0 + 0.5) / 3: averaging only the hits would give 0.75.
    assert.equal(meanOf([1, 0, 0.5]), 0.5);
    assert.equal(meanOf([0, 0]), 0);
  });

  it('skips null, the queries that cannot be scored', () => {
    assert.equal(meanOf([1, null, 0]), 0.5);
  });

  it('returns null when no query can be scored', () => {
    assert.equal(meanOf([]), null);
    assert.equal(meanOf([null, null]), null);
  });

  it('gives the MRR of a small query set computed by hand', () => {
    const runs = [
      { retrieved: ['d3', 'd1', 'd7'], relevant: ['d1'] }, // 1/2
      { retrieved: ['d2', 'd9', 'd4'], relevant: ['d8'] }, // 0
      { retrieved: ['d5', 'd6'], relevant: ['d5', 'd6'] }, // 1
      { retrieved: ['d1'], relevant: [] }, // skipped
    ];
    assert.equal(meanOf(runs.map((r) => reciprocalRank(r.retrieved, r.relevant))), 0.5);
  });
});
