/**
 * Turns search records into the compact files the browser fetches: the records (display
 * fields trimmed and shared through tables), and an inverted index from each word (stem) to
 * the records that hold it and how strongly, cut into one shard per first character. The
 * browser looks words up instead of scanning the course's text, and fetches only the shards
 * of the words a student types, so neither a query's time nor its download grows with the
 * whole course's vocabulary.
 */
import { encodeNumbers, encodeWords } from './search-codec.ts';
import { INDEX_VERSION, POSTINGS_CAP, shardKey, WEIGHT_BITS, type SearchIndexFile, type SearchRecord, type SearchShardFile, type StoredRecord } from './search-types.ts';
import { headingSlug, terms } from './search-text.ts';

/** How much a word counts in each field: headings, terms and lab titles lead, body text follows. */
const FIELD_WEIGHT = { heading: 4, parent: 2, name: 5, lesson: 1, prompt: 2, tags: 1.5 } as const;
/**
 * Weights are stored in WEIGHT_BITS (three tiers): 1 for body text alone, 2 for a heading,
 * name or prompt, 3 for that and much more (a heading word the section also explains).
 */
const WEIGHT_SCALE = 0.4;
/** BM25's saturation and length normalisation for body text. */
const K1 = 1.2;
const B = 0.6;
/**
 * Body words kept per record, the most distinctive first (by weight × rarity). The rest are
 * words the record mentions in passing; dropping them halves the index a student downloads.
 */
const BODY_WORDS = 36;

/** Pairs of adjacent heading words joined ("roll" + "back"), candidates for `addCompounds`. */
function compounds(heading: string): string[] {
  const words = terms(heading, true);
  return words.slice(1).map((w, i) => words[i]! + w);
}

/**
 * A heading's "Rolling back" is also found as "rollback" when the course spells it that way
 * elsewhere; pairs that are not words of the course are not added.
 */
function addCompounds(records: SearchRecord[], weights: Map<string, number>[]): void {
  const vocab = new Set(weights.flatMap((w) => [...w.keys()]));
  records.forEach((r, i) => {
    if (r.kind === 'section') for (const c of compounds(r.heading ?? '')) if (vocab.has(c)) weights[i]!.set(c, Math.max(weights[i]!.get(c) ?? 0, FIELD_WEIGHT.heading));
  });
}

/**
 * "unpickl" is about "pickl": a word made of "un" and another indexed word also counts as
 * that word, so "pickle" finds "Unpickling runs code".
 */
function addUnBases(weights: Map<string, number>[]): void {
  const vocab = new Set(weights.flatMap((w) => [...w.keys()]));
  for (const w of weights)
    for (const [t, v] of [...w]) if (t.startsWith('un') && t.length > 5 && vocab.has(t.slice(2))) w.set(t.slice(2), Math.max(w.get(t.slice(2)) ?? 0, v));
}

/** Each record's words with a weight: strong fields add fixed amounts, body text saturates. */
function weighWords(records: SearchRecord[]): Map<string, number>[] {
  const bodies = records.map((r) => terms(r.text));
  const avg = bodies.reduce((n, b) => n + b.length, 0) / Math.max(1, bodies.length) || 1;
  const df = new Map<string, number>();
  for (const b of bodies) for (const t of new Set(b)) df.set(t, (df.get(t) ?? 0) + 1);
  return records.map((r, i) => {
    const w = new Map<string, number>();
    const add = (words: string[], weight: number) => {
      for (const t of new Set(words)) w.set(t, (w.get(t) ?? 0) + weight);
    };
    // Stop words stay in headings and names so "Tell me about yourself" can still be found.
    if (r.kind === 'section') {
      add(terms(r.heading ?? '', true), FIELD_WEIGHT.heading);
      add(terms(r.parent ?? ''), FIELD_WEIGHT.parent);
      add(terms(r.title), FIELD_WEIGHT.lesson);
    } else if (r.kind === 'question') {
      add(terms(r.title), FIELD_WEIGHT.prompt);
      add(terms((r.tags ?? []).join(' ')), FIELD_WEIGHT.tags);
    } else add(terms(r.title, true), FIELD_WEIGHT.name);
    const body = bodies[i]!;
    const tf = new Map<string, number>();
    for (const t of body) tf.set(t, (tf.get(t) ?? 0) + 1);
    const norm = K1 * (1 - B + (B * body.length) / avg);
    const scored = [...tf].map(([t, n]): [string, number] => [t, (n * (K1 + 1)) / (n + norm)]);
    const rarity = (t: string) => Math.log(records.length / (df.get(t) ?? 1));
    scored.sort((a, b) => b[1] * rarity(b[0]) - a[1] * rarity(a[0]));
    // Recaps and reading lists repeat what other sections teach: fewer of their words are kept.
    const keep = Math.round(BODY_WORDS * Math.min(1, r.prior ?? 1));
    for (const [t, s] of scored.slice(0, keep)) w.set(t, (w.get(t) ?? 0) + s);
    // Words already in a strong field keep their body weight too.
    for (const [t, s] of scored.slice(keep)) if (w.has(t)) w.set(t, w.get(t)! + s);
    return w;
  });
}

const QUESTION_LIMIT = 72;
const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, s.lastIndexOf(' ', n) > n * 0.6 ? s.lastIndexOf(' ', n) : n)}…`);

/** The record as stored: short keys, lesson title and URL shared through `pages`. */
function store(r: SearchRecord, moduleIndex: Map<string, number>, pageIndex: (r: SearchRecord) => number): StoredRecord {
  const w = r.prior !== undefined && r.prior !== 1 ? Math.round(r.prior * 100) : undefined;
  const m = r.module !== undefined ? moduleIndex.get(r.module) : undefined;
  if (r.kind === 'section') {
    const hash = r.url.indexOf('#');
    const anchor = hash >= 0 ? r.url.slice(hash + 1) : '';
    // The excerpt of a section is left out (the lesson title says where it is): it was the
    // largest part of the file. The anchor is stored only when the heading does not give it.
    return { k: 's', p: pageIndex(r), ...(r.heading ? { h: r.heading } : {}), ...(anchor !== headingSlug(r.heading ?? '') ? { a: anchor } : {}), ...(w ? { w } : {}) };
  }
  const id = r.url.split('#').pop()!.replace(/^q-/, '');
  // Question prompts can be whole scenarios; the result list shows their start.
  if (r.kind === 'question') return { k: 'q', t: clip(r.title, QUESTION_LIMIT), i: id, m, ...(r.excerpt.startsWith('Interview') ? { o: 1 as const } : {}), ...(w ? { w } : {}) };
  // A term's definition is one click away; its name is what the student looks for.
  if (r.kind === 'term') return { k: 't', t: r.title, i: id, ...(w ? { w } : {}) };
  return { k: 'l', t: r.title, u: r.url, ...(m !== undefined ? { m } : {}), x: r.excerpt, ...(w ? { w } : {}) };
}

/** The files the browser fetches: the records, and the word index's shards by key. */
export interface IndexFiles {
  index: SearchIndexFile;
  shards: Map<string, SearchShardFile>;
}

/** Builds the index and its word shards from the records. */
export function buildIndexFiles(records: SearchRecord[]): IndexFiles {
  const modules: [string, string][] = [];
  const moduleIndex = new Map<string, number>();
  for (const r of records)
    if (r.module && !moduleIndex.has(r.module)) {
      moduleIndex.set(r.module, modules.length);
      modules.push([r.module, r.moduleTitle ?? r.module]);
    }
  const pages: [string, string, number][] = [];
  const pageIndex = new Map<string, number>();
  const pageOf = (r: SearchRecord) => {
    const url = r.url.split('#')[0]!;
    if (!pageIndex.has(url)) {
      pageIndex.set(url, pages.length);
      pages.push([r.title, url, moduleIndex.get(r.module ?? '') ?? -1]);
    }
    return pageIndex.get(url)!;
  };
  const stored = records.map((r) => store(r, moduleIndex, pageOf));

  const lists = new Map<string, [number, number][]>();
  const weights = weighWords(records);
  addUnBases(weights);
  addCompounds(records, weights);
  weights.forEach((words, id) => {
    for (const [t, w] of words) {
      let list = lists.get(t);
      if (!list) lists.set(t, (list = []));
      list.push([id, w]);
    }
  });
  const byKey = new Map<string, string[]>();
  for (const t of [...lists.keys()].sort()) {
    const key = shardKey(t);
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)!.push(t);
  }
  const shards = new Map<string, SearchShardFile>();
  for (const [key, words] of byKey) shards.set(key, { v: INDEX_VERSION, key, vocab: encodeWords(words), postings: words.map((t) => encodeList(lists.get(t)!)).join(' ') });
  return { index: { v: INDEX_VERSION, modules, pages, records: stored, shards: [...shards.keys()] }, shards };
}

/**
 * One word's postings: how many records hold it, then the records most about it. Weights
 * are absolute (a heading word is worth more than a body word in every list), rounded to
 * fit in WEIGHT_BITS.
 */
function encodeList(list: [number, number][]): string {
  const kept = [...list].sort((a, b) => b[1] - a[1]).slice(0, POSTINGS_CAP).sort((a, b) => a[0] - b[0]);
  let prev = 0;
  const out = [list.length];
  for (const [id, w] of kept) {
    const q = Math.max(1, Math.min((1 << WEIGHT_BITS) - 1, Math.round(WEIGHT_SCALE * w)));
    out.push(((id - prev) << WEIGHT_BITS) + q);
    prev = id;
  }
  return encodeNumbers(out);
}
