/** The compact index file: it round-trips every record, bounds each word's list, and refuses damage with a fix. */
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { decodeNumbers, decodeWords, encodeNumbers, encodeWords } from '../../src/lib/search-codec.ts';
import { buildRecords, sectionPrior, splitSections } from '../../src/lib/search-index.ts';
import { buildIndexFile } from '../../src/lib/search-index-file.ts';
import { loadIndex } from '../../src/lib/search-engine.ts';
import { readIndexInput } from '../../src/lib/search-input.ts';
import { headingSlug, terms, variants } from '../../src/lib/search-text.ts';
import { POSTINGS_CAP } from '../../src/lib/search-types.ts';

const input = readIndexInput(path.resolve('content'), path.resolve('labs'));
const records = buildRecords(input);
const file = buildIndexFile(records);

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
    const engine = loadIndex(JSON.parse(JSON.stringify(file)));
    expect(engine.records.map((r) => [r.kind, r.url, r.heading ?? r.title.slice(0, 40)])).toEqual(
      records.map((r) => [r.kind, r.url, r.heading ?? r.title.replace(/…$/, '').slice(0, 40)]),
    );
  });

  it('derives anchors as the lesson pages do (GitHub slugs), storing only the exceptions', () => {
    for (const l of input.lessons) for (const s of splitSections(l.body)) if (s.heading) expect(headingSlug(s.heading), s.heading).toBe(new GithubSlugger().slug(s.heading));
    expect(file.records.filter((r) => r.a).length).toBeLessThan(file.records.length / 4);
  });

  it('keeps at most POSTINGS_CAP records per word, so a query costs the same as the course grows', () => {
    const lists = file.postings.split(' ');
    expect(lists.length).toBe(decodeWords(file.vocab).length);
    for (const l of lists) expect(decodeNumbers(l).length - 1).toBeLessThanOrEqual(POSTINGS_CAP);
  });

  it('refuses an index of another format with a message that says what to do', () => {
    expect(() => loadIndex({ ...file, v: 1 } as never)).toThrow(/search-index\.json has format 1.*Fix: rebuild the site/);
    expect(() => loadIndex({ ...file, postings: 'a b' })).toThrow(/postings lists\. Fix/);
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
