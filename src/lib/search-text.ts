/**
 * Words for search: the same normalising, splitting and stemming at build time (the index)
 * and in the browser (the query), so "containers" finds "container" and "Unpickling" is one
 * word. Small on purpose: the search worker loads it.
 */
import { stemmer } from 'stemmer';

/**
 * Function words. They are left out of body text in the index (they would match everything)
 * and out of queries, so "what is canary" searches for "canary" only.
 */
export const STOP_WORDS = new Set(
  ('a an and are as at be been being but by can could did do does doing done for from had has have having he her his how i if in into is it its ' +
    'me my no nor not of off on once only or our out over own same she so some such than that the their them then there these they this those ' +
    'through to too under until up very was we were what when where which while who whom why will with would you your yours yourself also just ' +
    'more most other any each few both all again further here about above below after before against during between because am s t don should now')
    .split(' '),
);

/**
 * Words that only phrase a question ("What is the difference between A and B?"). They are
 * dropped from queries but kept in the index, since headings such as "Tell me about
 * yourself" are made of them.
 */
export const QUESTION_WORDS = new Set('difference differences vs versus mean means meant briefly'.split(' '));

/** Words that phrase a question only when they open it ("Explain how…"); elsewhere they carry meaning ("explain a prediction"). */
export const LEADING_WORDS = new Set('explain describe tell define name list give walk compare discuss'.split(' '));

/** Lower case, no accents, "A/B" as one word, apostrophes and possessive "'s" removed. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b([a-z])\/([a-z])\b/g, '$1$2')
    .replace(/['’]s\b/g, '')
    .replace(/['’]/g, '');
}

/** The words of a text with where each starts, after `normalise` (same length as the input for Latin text). */
export function words(text: string): { word: string; start: number }[] {
  const out: { word: string; start: number }[] = [];
  for (const m of text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').matchAll(/[a-z0-9]+/g)) out.push({ word: m[0], start: m.index });
  return out;
}

/**
 * Other forms to try when a query word is not in the index: comparatives ("smaller" →
 * "small", "bigger" → "big"), which the stemmer leaves alone.
 */
export function variants(word: string): string[] {
  const m = /^(.{3,}?)(er|est)$/.exec(word);
  if (!m) return [];
  const base = m[1]!;
  const out = [base];
  if (/([b-df-hj-np-tv-z])\1$/.test(base)) out.push(base.slice(0, -1));
  return out;
}

/** The index form of a word: its stem, so inflections meet. Numbers stay as they are. */
export function term(word: string): string {
  return /^\d/.test(word) ? word : stemmer(word);
}

/** The commonest function words: never indexed, not even in headings, where they say nothing. */
const FILLER = new Set('the an and of to in for with on is are or as at by be it its from this that'.split(' '));

/**
 * Words of a text in index form, in order. One-letter words are dropped, and stop words too
 * unless `keepStop` (headings keep "tell", "me", "about", "yourself", but never "the").
 */
export function terms(text: string, keepStop = false): string[] {
  const out: string[] = [];
  for (const w of normalise(text).match(/[a-z0-9]+/g) ?? []) if (w.length > 1 && !FILLER.has(w) && (keepStop || !STOP_WORDS.has(w))) out.push(term(w));
  return out;
}

/**
 * The anchor a page gives a heading (GitHub's rule: lower case, punctuation removed, spaces
 * to hyphens). The index stores an anchor only where this differs (repeated headings).
 */
export function headingSlug(heading: string): string {
  return heading.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}
