// @ts-check
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rerank } from '../src/rerank.js';

describe('step 4: rerank', () => {
  it('puts a candidate that covers every query word above one that repeats a single word', () => {
    const candidates = [
      { id: 'repeats', text: 'CUDA CUDA CUDA CUDA drivers for CUDA', score: 9 },
      { id: 'covers', text: 'vLLM fails at startup with CUDA out of memory', score: 4 },
    ];
    const ranked = rerank('vLLM CUDA memory startup', candidates);
    assert.deepEqual(ranked.map((c) => c.id), ['covers', 'repeats']);
  });

  it('prefers the query words as a phrase when coverage is equal', () => {
    const candidates = [
      { id: 'scattered', text: 'cache misses show in every token metric', score: 5 },
      { id: 'phrase', text: 'the token cache misses grew', score: 5 },
    ];
    assert.deepEqual(rerank('token cache misses', candidates).map((c) => c.id), ['phrase', 'scattered']);
  });

  it('uses the retrieval score to break a tie in coverage and phrases', () => {
    const candidates = [
      { id: 'low', text: 'the prompt needs a rollback', score: 2 },
      { id: 'high', text: 'prompt rollback steps', score: 6 },
    ];
    assert.deepEqual(rerank('rollback prompt', candidates).map((c) => c.id), ['high', 'low']);
  });

  it('ranks by match, not by length', () => {
    const candidates = [
      { id: 'long', text: `${'notes about the weekly platform meeting and its many agenda items '.repeat(4)} latency`, score: 3 },
      { id: 'short', text: 'p95 latency alert', score: 3 },
      { id: 'medium', text: 'what the p95 latency alert means and what to check first', score: 3 },
    ];
    const ranked = rerank('p95 latency alert check', candidates);
    assert.equal(ranked[0].id, 'medium');
    assert.equal(ranked.at(-1)?.id, 'long');
  });

  it('adds rerankScore, keeps every candidate with its fields, and does not change the input', () => {
    const candidates = [
      { id: 'a', docId: 'd1', text: 'prompt injection pages we retrieved', score: 3 },
      { id: 'b', docId: 'd2', text: 'password reset page', score: 1 },
      { id: 'c', docId: 'd3', text: 'nothing relevant', score: 0.5 },
    ];
    const before = structuredClone(candidates);
    const ranked = rerank('prompt injection pages', candidates);
    assert.deepEqual(candidates, before, 'the input array and its objects must not change');
    assert.equal(ranked.length, 3);
    assert.deepEqual(ranked.map((c) => c.id).sort(), ['a', 'b', 'c']);
    for (const c of ranked) {
      assert.equal(typeof c.rerankScore, 'number');
      assert.ok(c.rerankScore >= 0 && c.rerankScore <= 1.75, `rerankScore ${c.rerankScore} is outside 0 to 1.75`);
      assert.ok(c.docId && c.text, 'the candidate keeps its fields');
    }
    // a covers all 3 query words and both pairs and has the best score: 1 + 0.5 + 0.25.
    assert.ok(Math.abs(ranked[0].rerankScore - 1.75) < 1e-9);
    assert.deepEqual(rerank('anything', []), []);
  });
});
