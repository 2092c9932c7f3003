/**
 * Which parts of a title or heading to highlight: whole words whose stem the query matched,
 * or the typed start of a word while the student is still typing it. Never fragments inside
 * a word (a search for "canary" must not mark "nar" in "scenarios").
 */
import { normalise, term } from './search-text.ts';

/** Stems of title words, cached: the same headings come back query after query. */
const stems = new Map<string, string>();
const stemOf = (word: string) => {
  let s = stems.get(word);
  if (s === undefined) stems.set(word, (s = term(word)));
  return s;
};

/** [start, end] (inclusive) spans in `text` to highlight. */
export function highlightSpans(text: string, matched: Set<string>, prefixes: string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’]s\b)?/gu)) {
    const start = m.index;
    // Plain ASCII words (nearly all) skip Unicode normalisation, which is slow.
    const word = /^[\x00-\x7f]*$/.test(m[0]) ? m[0].toLowerCase().replace(/'s$/, '').replace(/[^a-z0-9]/g, '') : normalise(m[0]).replace(/[^a-z0-9]/g, '');
    if (!word) continue;
    if (word.length > 1 && matched.has(stemOf(word))) {
      spans.push([start, start + m[0].length - 1]);
      continue;
    }
    const prefix = prefixes.find((p) => word.startsWith(p));
    if (prefix) spans.push([start, start + prefix.length - 1]);
  }
  return spans;
}
