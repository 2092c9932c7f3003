/** The tag vocabulary: the check names file, question, tag and fix; the real bank and themes stay inside it. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { readBank } from '../../src/lib/bank-lint.ts';
import { closestTag, editDistance, readTagVocabulary, tagProblems, TagVocabularyError } from '../../src/lib/tag-vocabulary.ts';

const FILE = 'content/questions/fixture.yaml';
const vocab = new Map([
  ['health-check', 'Health checks.'],
  ['status-code', 'HTTP status codes.'],
  ['drift', 'Data drift.'],
  ['concept-drift', 'Concept drift.'],
  ['docker', 'Docker.'],
  ['kubernetes', 'Kubernetes.'],
]);

describe('closestTag', () => {
  it('finds the twin of a near-duplicate: hyphen, plural, prefix', () => {
    expect(closestTag('healthcheck', vocab.keys())).toBe('health-check');
    expect(closestTag('status-codes', vocab.keys())).toBe('status-code');
    expect(closestTag('model-drift', vocab.keys())).toBe('drift');
    expect(closestTag('concept-drifts', vocab.keys())).toBe('concept-drift');
  });

  it('corrects a misspelling and gives up on an unrelated word', () => {
    expect(closestTag('kubernets', vocab.keys())).toBe('kubernetes');
    expect(closestTag('dokcer', vocab.keys())).toBe('docker');
    expect(closestTag('salary', vocab.keys())).toBeUndefined();
  });

  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('tagProblems', () => {
  it('passes allowed tags and names file, question, tag and the closest allowed tag otherwise', () => {
    expect(tagProblems([{ id: 'fine', file: FILE, tags: ['docker', 'drift'] }], vocab)).toEqual([]);
    const problems = tagProblems([{ id: 'probe', file: FILE, tags: ['docker', 'healthcheck', 'model-drift'] }], vocab);
    expect(problems).toEqual([
      `${FILE}: question "probe": tag "healthcheck" is not in content/tags.yaml. Fix: use "health-check" (Health checks.), or add "healthcheck" to content/tags.yaml with a one-line meaning if it is a new topic.`,
      `${FILE}: question "probe": tag "model-drift" is not in content/tags.yaml. Fix: use "drift" (Data drift.), or add "model-drift" to content/tags.yaml with a one-line meaning if it is a new topic.`,
    ]);
  });

  it('still says how to fix a tag with no close twin', () => {
    const [problem] = tagProblems([{ id: 'hr', file: FILE, tags: ['salary'] }], vocab);
    expect(problem).toBe(`${FILE}: question "hr": tag "salary" is not in content/tags.yaml. Fix: add "salary" to content/tags.yaml with a one-line meaning, or use an allowed tag.`);
  });
});

describe('readTagVocabulary', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tags-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads tag: meaning lines and rejects a missing file, a bad name or an empty meaning', () => {
    expect(() => readTagVocabulary(dir)).toThrow(/tags\.yaml is missing\. Fix: create it/);
    writeFileSync(path.join(dir, 'tags.yaml'), 'docker: Docker images.\n');
    expect([...readTagVocabulary(dir)]).toEqual([['docker', 'Docker images.']]);
    writeFileSync(path.join(dir, 'tags.yaml'), 'Model_Drift: Drift.\nempty: ""\n');
    const error = (() => {
      try {
        readTagVocabulary(dir);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TagVocabularyError);
    expect(String(error)).toContain('tag "Model_Drift" is not lower-case with hyphens. Fix: rename it, e.g. "model-drift"');
    expect(String(error)).toContain('tag "empty" has no meaning. Fix: add one line');
  });
});

describe('the real bank', () => {
  const real = readTagVocabulary(path.resolve('content'));
  const bank = readBank(path.resolve('content/questions'));

  it('uses only tags from content/tags.yaml', () => {
    expect(tagProblems(bank, real)).toEqual([]);
  });

  it('has no near-duplicate pair left in the vocabulary', () => {
    const tags = [...real.keys()];
    // Two tags spelled alike once hyphens and a plural "s" are ignored are one topic under two names.
    const bare = (t: string) => t.replace(/-/g, '').replace(/s$/, '');
    expect(tags.filter((t, i) => tags.findIndex((o) => bare(o) === bare(t)) !== i)).toEqual([]);
    for (const pair of [['health-check', 'healthcheck'], ['status-code', 'status-codes'], ['drift', 'model-drift']]) expect(real.has(pair[1]!), pair[1]).toBe(false);
  });

  it('lists every tag the interview themes rely on', () => {
    const themes = parse(readFileSync(path.resolve('content/interview-themes.yaml'), 'utf8')) as { theme: string; tags: string[] }[];
    for (const theme of themes) for (const tag of theme.tags) expect(real.has(tag), `${theme.theme}: ${tag}`).toBe(true);
  });

  it('lists no tag the bank never uses', () => {
    const used = new Set(bank.flatMap((q) => q.tags));
    expect([...real.keys()].filter((t) => !used.has(t))).toEqual([]);
  });
});
