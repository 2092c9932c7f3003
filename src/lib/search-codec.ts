/**
 * The compact text form of the index's number lists: each number in base 32, one character
 * per five bits, every character but the last of a number taken from a second alphabet. A
 * typical posting takes two characters instead of five in JSON, and the file stays text.
 */

const LAST = '0123456789abcdefghijklmnopqrstuv';
const MORE = 'wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-';
const VALUE = new Map<string, [number, boolean]>([...[...LAST].map((c, i): [string, [number, boolean]] => [c, [i, true]]), ...[...MORE].map((c, i): [string, [number, boolean]] => [c, [i, false]])]);

/** Non-negative integers as one string. */
export function encodeNumbers(numbers: number[]): string {
  let out = '';
  for (let v of numbers) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`search index: cannot encode ${v}; only whole numbers of 0 or more.`);
    let s = LAST[v & 31]!;
    v = Math.floor(v / 32);
    while (v > 0) {
      s = MORE[v & 31]! + s;
      v = Math.floor(v / 32);
    }
    out += s;
  }
  return out;
}

/** The numbers back from `encodeNumbers`; a stray character means a damaged index and throws. */
export function decodeNumbers(text: string): number[] {
  const out: number[] = [];
  let v = 0;
  for (const c of text) {
    const d = VALUE.get(c);
    if (!d) throw new Error(`search-index.json: unexpected character "${c}" in the word index. Fix: rebuild the site (npm run build).`);
    v = v * 32 + d[0];
    if (d[1]) {
      out.push(v);
      v = 0;
    }
  }
  return out;
}

/** Longest shared start stored per word; capital letters A–P say how long it is. */
const MAX_SHARED = 15;

/**
 * A sorted word list with each word's shared start with the previous word left out: a
 * capital letter (A = 0 … P = 15 shared characters) then the rest. Words are [a-z0-9]+.
 */
export function encodeWords(words: string[]): string {
  let prev = '';
  let out = '';
  for (const w of words) {
    if (!/^[a-z0-9]+$/.test(w)) throw new Error(`search index: cannot store the word "${w}"; words are lower-case letters and digits.`);
    let i = 0;
    while (i < MAX_SHARED && i < prev.length && i < w.length - 1 && prev[i] === w[i]) i++;
    out += String.fromCharCode(65 + i) + w.slice(i);
    prev = w;
  }
  return out;
}

/** The words back from `encodeWords`. */
export function decodeWords(text: string): string[] {
  const words: string[] = [];
  let prev = '';
  for (const m of text.matchAll(/([A-P])([a-z0-9]*)/g)) {
    prev = prev.slice(0, m[1]!.charCodeAt(0) - 65) + m[2]!;
    words.push(prev);
  }
  return words;
}
