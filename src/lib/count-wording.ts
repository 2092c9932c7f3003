/**
 * Finds counts whose noun disagrees with the number in a page's text ("1 lessons",
 * "114 interview question"), so a count written without `plural()` fails the build
 * check instead of reaching a student. Only nouns the site counts are listed: words that
 * also read as adjectives after a number ("10 step", "500 page", "67 match") are left out.
 */

/** The nouns the site puts after a count, singular. */
export const COUNTED_NOUNS = ['lesson', 'question', 'interview question', 'term', 'card', 'module', 'lab', 'draft', 'key point', 'answer', 'attempt', 'story', 'tag', 'quiz'];

const plurals = (noun: string) => (noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : noun.endsWith('z') ? `${noun}zes` : `${noun}s`);
const alternatives = (forms: string[]) => forms.map((f) => f.replace(/ /g, '\\s+')).join('|');
// A number not glued to a longer one ("1.5", "10,000", "v1") and not part of a range or ratio.
const count = String.raw`(?<![\w.,/:-])(\d+)`;
const singular = new RegExp(`${count}\\s+(${alternatives(COUNTED_NOUNS)})(?![\\w-])`, 'g');
const plural = new RegExp(`${count}\\s+(${alternatives(COUNTED_NOUNS.map(plurals))})(?![\\w-])`, 'g');

/** Each mismatch as "<count> <noun>", in the order found; empty when every count agrees. */
export function countMismatches(text: string): string[] {
  const found: { at: number; words: string }[] = [];
  for (const m of text.matchAll(singular)) if (m[1] !== '1') found.push({ at: m.index, words: m[0] });
  for (const m of text.matchAll(plural)) if (m[1] === '1') found.push({ at: m.index, words: m[0] });
  return found.sort((a, b) => a.at - b.at).map((f) => f.words.replace(/\s+/g, ' '));
}

/** The text a reader sees (or will see once a template is used) in an HTML page, tags removed. */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
