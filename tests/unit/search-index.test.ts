/** The compact index file: it round-trips every record, bounds each word's list, and refuses damage with a fix. */
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { decodeNumbers, decodeWords, encodeNumbers, encodeWords } from '../../src/lib/search-codec.ts';
import { buildRecords, sectionPrior, splitSections } from '../../src/lib/search-index.ts';
import { buildIndexFiles } from '../../src/lib/search-index-file.ts';
import { addShard, engineWithShards, loadIndex, missingShards, search } from '../../src/lib/search-engine.ts';
import { readIndexInput } from '../../src/lib/search-input.ts';
import { headingSlug, terms, variants } from '../../src/lib/search-text.ts';
import { POSTINGS_CAP, shardKey } from '../../src/lib/search-types.ts';

const input = readIndexInput(path.resolve('content'), path.resolve('labs'));
const records = buildRecords(input);
const { index: file, shards } = buildIndexFiles(records);
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('search index file', () => {
  it('encodes numbers and words compactly and decodes them exactly', () => {
    const numbers = [0, 1, 31, 32, 1023, 1024, 123456789, 7, 8];
    expect(decodeNumbers(encodeNumbers(numbers))).toEqual(numbers);
    expect(encodeNumbers([5, 40]).length).toBe(3);
    expect(() => encodeNumbers([-1])).toThrow(/whole numbers/);
    expect(() => decodeNumbers('ab!')).toThrow(/unexpected character "!".*npm run build/);
    const words = ['422', 'api', 'apis', 'canari', 'canary', 'k8s', 'x'];
    expect(decodeWords(encodeWords(words))).toEqual(words);
    expect(() => encodeWords(['Docker'])).toThrow(/lower-case/);
  });

  it('gives every record back with its URL, title and kind', () => {
    const engine = engineWithShards(copy(file), copy([...shards.values()]));
    expect(engine.records.map((r) => [r.kind, r.url, r.heading ?? r.title.slice(0, 40)])).toEqual(
      records.map((r) => [r.kind, r.url, r.heading ?? r.title.replace(/…$/, '').slice(0, 40)]),
    );
  });

  it('derives anchors as the lesson pages do (GitHub slugs), storing only the exceptions', () => {
    for (const l of input.lessons) for (const s of splitSections(l.body)) if (s.heading) expect(headingSlug(s.heading), s.heading).toBe(new GithubSlugger().slug(s.heading));
    expect(file.records.filter((r) => r.a).length).toBeLessThan(file.records.length / 4);
  });

  it('keeps at most POSTINGS_CAP records per word, so a query costs the same as the course grows', () => {
    for (const shard of shards.values()) {
      const lists = shard.postings.split(' ');
      expect(lists.length).toBe(decodeWords(shard.vocab).length);
      for (const l of lists) expect(decodeNumbers(l).length - 1).toBeLessThanOrEqual(POSTINGS_CAP);
    }
  });

  it('cuts the word index into shards by first character, each holding only its own words', () => {
    expect(file.shards).toEqual([...shards.keys()]);
    expect(file.shards.length).toBeGreaterThan(20);
    for (const [key, shard] of shards) for (const w of decodeWords(shard.vocab)) expect(shardKey(w), w).toBe(key);
    // The records file no longer carries any word index: a first query fetches it and only its words' shards.
    expect(Object.keys(file).sort()).toEqual(['modules', 'pages', 'records', 'shards', 'v']);
  });

  it('names the shards a query still needs, and searches once they are added', () => {
    const engine = loadIndex(copy(file));
    expect(missingShards(engine, 'What is a canary deployment?').sort()).toEqual(['c', 'd']);
    expect(missingShards(engine, 'x')).toEqual([]);
    expect(() => search(engine, 'canary', 5)).toThrow(/shard "c" is needed.*Fix: load the shards/);
    addShard(engine, copy(shards.get('c')!));
    expect(missingShards(engine, 'canary deployment')).toEqual(['d']);
    expect(search(engine, 'canary', 5).hits[0]!.record.heading).toMatch(/canary/i);
    // A word whose first letter starts no indexed word needs no shard and finds nothing.
    const none = [...'abcdefghijklmnopqrstuvwxyz'].find((k) => !file.shards.includes(k));
    if (none) expect(missingShards(engine, `${none}zzzz`)).toEqual([]);
  });

  it('refuses an index of another format with a message that says what to do', () => {
    expect(() => loadIndex({ ...file, v: 1 } as never)).toThrow(/search-index\.json has format 1.*Fix: rebuild the site/);
    const engine = loadIndex(copy(file));
    expect(() => addShard(engine, { ...shards.get('c')!, postings: 'a b' })).toThrow(/shard "c" has \d+ words but 2 postings lists\. Fix/);
    expect(() => addShard(engine, { ...shards.get('c')!, v: 2 } as never)).toThrow(/shard "c" has format 2.*Fix: rebuild/);
  });

  it('holds back recaps and link lists, not teaching sections', () => {
    expect(sectionPrior('Further reading', 0)).toBeLessThan(0.5);
    expect(sectionPrior('Summary', 0)).toBeLessThan(0.5);
    expect(sectionPrior('Useful tools', 0.8)).toBeLessThan(0.5);
    expect(sectionPrior('Canary releases', 0.05)).toBe(1);
  });

  it('drops stop words from body text, stems inflections and knows comparatives', () => {
    expect(terms('What is the canary doing with containers?')).toEqual(['canari', 'contain']);
    expect(terms('Tell me about yourself', true)).toContain('yourself');
    expect(variants('smaller')).toContain('small');
    expect(variants('bigger')).toContain('big');
    expect(variants('api')).toEqual([]);
  });
});
