/**
 * Finds counts whose noun disagrees with the number in a page's text ("1 lessons",
 * "114 interview question"), so a count written without `plural()` fails the build
 * check instead of reaching a student. Only nouns the site counts are listed: words that
 * also read as adjectives after a number ("10 step", "500 page", "67 match") are left out.
 */

/** The nouns the site puts after a count, singular. */
export const COUNTED_NOUNS = ['lesson', 'question', 'interview question', 'term', 'card', 'flashcard', 'module', 'lab', 'file', 'draft', 'key point', 'answer', 'attempt', 'story', 'tag', 'quiz'];

const plurals = (noun: string) => (noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : noun.endsWith('z') ? `${noun}zes` : `${noun}s`);
const alternatives = (forms: string[]) => forms.map((f) => f.replace(/ /g, '\\s+')).join('|');
// A number not glued to a longer one ("1.5", "10,000", "v1") and not part of a range or ratio.
const count = String.raw`(?<![\w.,/:-])(\d+)`;
// Case-insensitive: a heading's "3 Lesson" is as wrong as a sentence's.
const singularForm = new RegExp(`${count}\\s+(${alternatives(COUNTED_NOUNS)})(?![\\w-])`, 'gi');
const pluralForm = new RegExp(`${count}\\s+(${alternatives(COUNTED_NOUNS.map(plurals))})(?![\\w-])`, 'gi');

/** Each mismatch as "<count> <noun>", in the order found; empty when every count agrees. */
export function countMismatches(text: string): string[] {
  const found: { at: number; words: string }[] = [];
  for (const m of text.matchAll(singularForm)) if (m[1] !== '1') found.push({ at: m.index, words: m[0] });
  for (const m of text.matchAll(pluralForm)) if (m[1] === '1') found.push({ at: m.index, words: m[0] });
  return found.sort((a, b) => a.at - b.at).map((f) => f.words.replace(/\s+/g, ' '));
}

/**
 * The text a reader meets in an HTML page: its text (templates included, since they are
 * shown once used) and the names a screen reader speaks (`aria-label`, `title`, `alt`),
 * with tags, scripts and styles removed. For built pages; lessons' Markdown goes through
 * `plainText` in text.ts instead.
 */
export function visibleText(html: string): string {
  const spoken = [...html.matchAll(/\s(?:aria-label|title|alt)="([^"]*)"/g)].map((m) => ` ¶ ${m[1]}`).join('');
  return `${html}${spoken}`
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    // A block's edge ends its text: "10001" in one table cell and "File" in the next are not a count.
    .replace(/<\/?(?:p|div|li|dt|dd|td|th|tr|h[1-6]|summary|details|section|article|aside|header|footer|nav|figcaption|caption|legend|button|option|pre|blockquote|table|ul|ol|dl)\b[^>]*>/gi, ' ¶ ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
