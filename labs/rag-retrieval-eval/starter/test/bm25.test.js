// @ts-check
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createBm25Index } from '../src/bm25.js';

// Three passages after tokenizing: p1 [gpu, memory, cache] (3 tokens), p2 [gpu, gpu, latency]
// (3 tokens), p3 [cost, report] (2 tokens). N = 3, average length 8/3.
const passages = [
  { id: 'p1', docId: 'd1', text: 'GPU memory cache' },
  { id: 'p2', docId: 'd1', text: 'GPU GPU latency' },
  { id: 'p3', docId: 'd2', text: 'cost report' },
];

// Worked by hand with k1 = 1.2 and b = 0.75:
// idf(gpu) = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln(1.6); idf(cache) = ln(1 + 2.5 / 1.5) = ln(8/3).
// A 3-token passage: 1 - b + b * 3 / (8/3) = 1.09375, so k1 * 1.09375 = 1.3125.
// p1: tf(gpu) = 1 → 2.2 / (1 + 1.3125); tf(cache) = 1 → the same factor.
// p2: tf(gpu) = 2 → 2 * 2.2 / (2 + 1.3125).
const p1 = (Math.log(1.6) + Math.log(8 / 3)) * (2.2 / 2.3125);
const p2 = Math.log(1.6) * (4.4 / 3.3125);

describe('step 3: createBm25Index', () => {
  it('scores passages with BM25, matching a hand-worked example', () => {
    const hits = createBm25Index(passages).search('gpu cache', 10);
    assert.deepEqual(hits.map((h) => h.id), ['p1', 'p2']);
    assert.ok(Math.abs(hits[0].score - p1) < 1e-9, `p1 scored ${hits[0].score}, expected ${p1}`);
    assert.ok(Math.abs(hits[1].score - p2) < 1e-9, `p2 scored ${hits[1].score}, expected ${p2}`);
  });

  it('returns the passage fields with the score, and leaves out passages that match nothing', () => {
    const hits = createBm25Index(passages).search('cost', 10);
    assert.equal(hits.length, 1);
    assert.equal(hits[0].id, 'p3');
    assert.equal(hits[0].docId, 'd2');
    assert.equal(hits[0].text, 'cost report');
    assert.ok(hits[0].score > 0);
    assert.deepEqual(createBm25Index(passages).search('kubernetes', 10), []);
    assert.deepEqual(createBm25Index(passages).search('the and of', 10), [], 'a query of stopwords matches nothing');
  });

  it('returns at most n hits, best first', () => {
    const hits = createBm25Index(passages).search('gpu cache cost', 2);
    assert.equal(hits.length, 2);
    assert.ok(hits[0].score >= hits[1].score);
  });

  it('counts a repeated query word once', () => {
    const index = createBm25Index(passages);
    assert.deepEqual(index.search('gpu gpu gpu cache', 10), index.search('gpu cache', 10));
  });

  it('weights rare words above common ones (idf)', () => {
    const index = createBm25Index([
      { id: 'common', docId: 'a', text: 'model model serving' },
      { id: 'rare', docId: 'b', text: 'model exit 137' },
      { id: 'other', docId: 'c', text: 'model drift alert' },
    ]);
    assert.equal(index.search('model 137', 1)[0].id, 'rare');
  });

  it('saturates term frequency and normalises by length (k1 and b)', () => {
    const index = createBm25Index([
      { id: 'once', docId: 'a', text: 'cache' },
      { id: 'ten', docId: 'b', text: 'cache '.repeat(10) },
      { id: 'x', docId: 'c', text: 'other words here' },
    ], { b: 0 });
    const [ten, once] = index.search('cache', 2);
    // With b = 0 length does not matter, and tf 10 scores less than (k1 + 1) times tf 1.
    assert.equal(ten.id, 'ten');
    assert.ok(ten.score / once.score < 2.2, `ten occurrences scored ${ten.score / once.score} times one occurrence`);
    const long = createBm25Index([
      { id: 'short', docId: 'a', text: 'cache hit' },
      { id: 'long', docId: 'b', text: `cache ${'filler '.repeat(30)}` },
      { id: 'x', docId: 'c', text: 'other words' },
    ]);
    assert.equal(long.search('cache', 1)[0].id, 'short', 'with b = 0.75 a long passage with the same tf scores lower');
  });
});
