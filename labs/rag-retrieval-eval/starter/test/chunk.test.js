// @ts-check
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chunkText } from '../src/chunk.js';

/** "w1 w2 … wn" @param {number} n */
const words = (n) => Array.from({ length: n }, (_, i) => `w${i + 1}`).join(' ');

describe('step 2: chunkText', () => {
  it('cuts ten words into chunks of 4 that share 1 word', () => {
    assert.deepEqual(chunkText(words(10), { size: 4, overlap: 1 }), ['w1 w2 w3 w4', 'w4 w5 w6 w7', 'w7 w8 w9 w10']);
  });

  it('cuts without overlap when overlap is 0, with a shorter last chunk', () => {
    assert.deepEqual(chunkText(words(10), { size: 4, overlap: 0 }), ['w1 w2 w3 w4', 'w5 w6 w7 w8', 'w9 w10']);
  });

  it('returns one chunk when the text fits, not a second chunk made only of the overlap', () => {
    assert.deepEqual(chunkText(words(5), { size: 5, overlap: 2 }), [words(5)]);
    assert.deepEqual(chunkText(words(3), { size: 8, overlap: 2 }), [words(3)]);
  });

  it('treats any run of whitespace as one separator', () => {
    assert.deepEqual(chunkText('  alpha\n\nbeta \t gamma  delta ', { size: 3, overlap: 1 }), ['alpha beta gamma', 'gamma delta']);
  });

  it('returns no chunks for empty text', () => {
    assert.deepEqual(chunkText('', { size: 4, overlap: 1 }), []);
    assert.deepEqual(chunkText('   \n ', { size: 4, overlap: 1 }), []);
  });

  it('respects size and overlap for every combination, and covers every word in order', () => {
    const text = words(53);
    const all = text.split(' ');
    for (let size = 1; size <= 12; size++) {
      for (let overlap = 0; overlap < size; overlap++) {
        const chunks = chunkText(text, { size, overlap }).map((c) => c.split(' '));
        const label = `size ${size}, overlap ${overlap}`;
        assert.ok(chunks.length > 0, `${label}: no chunks`);
        assert.deepEqual(chunks[0].slice(0, 1), ['w1'], `${label}: the first chunk must start at the first word`);
        assert.equal(chunks.at(-1)?.at(-1), 'w53', `${label}: the last chunk must end at the last word`);
        for (const [i, chunk] of chunks.entries()) {
          assert.ok(chunk.length <= size, `${label}: chunk ${i} has ${chunk.length} words`);
          const start = all.indexOf(chunk[0]);
          assert.deepEqual(chunk, all.slice(start, start + chunk.length), `${label}: chunk ${i} is not a run of consecutive words`);
          if (i === 0) continue;
          const previous = chunks[i - 1];
          assert.deepEqual(chunk.slice(0, overlap), previous.slice(previous.length - overlap), `${label}: chunks ${i - 1} and ${i} must share exactly ${overlap} words`);
          assert.ok(all.indexOf(chunk.at(-1) ?? '') > all.indexOf(previous.at(-1) ?? ''), `${label}: chunk ${i} adds no new word`);
        }
        for (const [i, chunk] of chunks.slice(0, -1).entries())
          assert.equal(chunk.length, size, `${label}: only the last chunk may be short, but chunk ${i} has ${chunk.length} words`);
      }
    }
  });

  it('rejects a size below 1 or an overlap outside 0 to size - 1, naming the option', () => {
    assert.throws(() => chunkText(words(5), { size: 0, overlap: 0 }), { name: 'RangeError', message: /size/ });
    assert.throws(() => chunkText(words(5), { size: 4, overlap: 4 }), { name: 'RangeError', message: /overlap/ });
    assert.throws(() => chunkText(words(5), { size: 4, overlap: -1 }), { name: 'RangeError', message: /overlap/ });
    assert.throws(() => chunkText(words(5), { size: 2.5, overlap: 0 }), { name: 'RangeError', message: /size/ });
  });
});
