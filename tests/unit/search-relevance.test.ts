/**
 * Relevance of search over the real course content: each realistic query (typos included)
 * must return the expected page, section or question among its top 3 results.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndexFile, buildRecords } from '../../src/lib/search-index.ts';
import { loadFuse, search } from '../../src/lib/search-engine.ts';
import { readIndexInput } from '../../src/lib/search-input.ts';
import { RELEVANCE } from '../search-queries.ts';

const file = buildIndexFile(buildRecords(readIndexInput(path.resolve('content'), path.resolve('labs'))));
// Round-trip through JSON, as the browser gets it.
const fuse = loadFuse(JSON.parse(JSON.stringify(file)));

describe('search relevance', () => {
  it('has at least 25 queries', () => expect(RELEVANCE.length).toBeGreaterThanOrEqual(25));

  for (const [query, expected] of RELEVANCE)
    it(`"${query}" finds ${expected.source} in the top 3`, () => {
      const top = search(fuse, query, 3).map((h) => h.record.url);
      expect(top.some((u) => expected.test(u)), `top 3 for "${query}": ${top.join(' | ')}`).toBe(true);
    });

  it('never indexes answers: question records carry the prompt only', () => {
    const q = file.records.find((r) => r.kind === 'question');
    expect(q?.url).toMatch(/^\/questions\/[a-z0-9-]+\/#q-/);
    expect(JSON.stringify(file.index)).not.toContain('keyPoints');
  });

  it('ignores one-letter queries', () => expect(search(fuse, 'a')).toEqual([]));
});
