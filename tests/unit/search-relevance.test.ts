/**
 * Relevance of search over the real course content: realistic queries (keywords, acronyms,
 * typos, whole interview questions) must find what answers them in the top 3, and the
 * ranking rules the issue sets (stop words, highlights, recaps low, a floor) must hold.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRecords } from '../../src/lib/search-index.ts';
import { buildIndexFiles } from '../../src/lib/search-index-file.ts';
import { engineWithShards, QUERY_MAX_TERMS, search } from '../../src/lib/search-engine.ts';
import { readIndexInput } from '../../src/lib/search-input.ts';
import { RELEVANCE } from '../search-queries.ts';
import { scoreRelevance } from '../relevance-score.ts';

const records = buildRecords(readIndexInput(path.resolve('content'), path.resolve('labs')));
const { index, shards } = buildIndexFiles(records);
// Round-trip through JSON, as the browser gets it.
const engine = engineWithShards(JSON.parse(JSON.stringify(index)), JSON.parse(JSON.stringify([...shards.values()])));
const urls = (q: string, n = 3) => search(engine, q, n).hits.map((h) => h.record.url);

describe('search relevance', () => {
  it('has at least 60 queries, with every kind of search represented', () => {
    expect(RELEVANCE.length).toBeGreaterThanOrEqual(60);
    for (const kind of ['keyword', 'acronym', 'typo', 'question'] as const) expect(RELEVANCE.filter((c) => c.kind === kind).length, kind).toBeGreaterThanOrEqual(5);
  });

  it('expects only things that exist: every expectation matches a real record', () => {
    const all = records.map((r) => r.url);
    for (const c of RELEVANCE) expect(all.some((u) => c.expect.test(u)), `${c.query}: ${c.expect.source} matches no record`).toBe(true);
  });

  it('finds what answers at least 95 % of the queries in the top 3', () => {
    const score = scoreRelevance(engine, RELEVANCE);
    console.log(`search relevance: top-3 ${(score.top3 * 100).toFixed(1)} %, MRR ${score.mrr.toFixed(3)} over ${RELEVANCE.length} queries`);
    expect(score.top3, `missed:\n${score.misses.join('\n')}`).toBeGreaterThanOrEqual(0.95);
    expect(score.mrr).toBeGreaterThan(0.8);
  });

  it('lets no stop word drive a match: "what is canary" finds canary, not "What an API is"', () => {
    const hits = search(engine, 'what is canary', 50).hits;
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.record.heading ?? h.record.title).not.toMatch(/^What an API is$/);
    expect(urls('what is canary', 5)).toEqual(urls('canary', 5));
  });

  it('highlights whole words or word prefixes only, never fragments inside a word', () => {
    for (const q of ['what is canary', 'canary', 'nar', 'docker layer', 'dokcer layer', 'pickle security', 'kube']) {
      for (const h of search(engine, q, 30).hits) {
        for (const [text, spans] of [[h.record.title, h.titleMatches], [h.record.heading ?? '', h.headingMatches]] as const) {
          for (const [a] of spans) expect(a === 0 || !/[\p{L}\p{N}]/u.test(text[a - 1]!), `"${q}" marks inside a word of "${text}" at ${a}`).toBe(true);
        }
      }
    }
    const scenario = search(engine, 'what is canary', 50).hits.find((h) => /scenario/i.test(h.record.heading ?? ''));
    expect(scenario?.headingMatches ?? []).toEqual([]);
  });

  it('ranks a heading, glossary term or lab title that names the topic above sections that only mention it', () => {
    for (const q of ['jenkinsfile', 'xcom', 'dockerignore', 'fargate', 'streamlit']) {
      const top = search(engine, q, 1).hits[0]!;
      expect(top.headingMatches.length + top.titleMatches.length, `top hit for "${q}": ${top.record.url}`).toBeGreaterThan(0);
    }
  });

  it('keeps "Further reading" and "Summary" sections out of the top 3', () => {
    for (const c of RELEVANCE) for (const h of search(engine, c.query, 3).hits) expect(h.record.heading ?? '', c.query).not.toMatch(/^(Further reading|Summary)$/);
  });

  it('shows only results above a relevance floor, so counts mean something', () => {
    expect(search(engine, 'dockerfile non root', 500).hits.length).toBeLessThan(30);
    expect(search(engine, 'pickle security', 500).hits.length).toBeLessThan(40);
    expect(search(engine, 'qwzxv', 500).hits).toEqual([]);
  });

  it('caps long queries and says so', () => {
    const long = Array.from({ length: 250 }, (_, i) => ['docker', 'model', 'drift', 'canary', 'pickle', 'terraform', 'latency', 'airflow', 'feature', 'registry', 'secrets', 'gpu'][i % 12]).join(' ');
    const result = search(engine, long, 20);
    expect(result.note).toMatch(/first 200 characters/);
    const manyWords = 'docker model drift canary pickle terraform latency airflow feature registry secrets gpu';
    expect(search(engine, manyWords, 20).note).toContain(`first ${QUERY_MAX_TERMS} words`);
    expect(search(engine, 'docker layer', 20).note).toBeUndefined();
  });

  it('never indexes answers: question records carry the prompt only', () => {
    const q = engine.records.find((r) => r.kind === 'question');
    expect(q?.url).toMatch(/^\/questions\/[a-z0-9-]+\/#q-/);
    expect(JSON.stringify(index)).not.toContain('keyPoints');
  });

  it('ignores one-letter queries', () => expect(search(engine, 'a').hits).toEqual([]));
});
