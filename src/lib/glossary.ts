/** Checks that glossary terms point at lessons and terms that exist. */
import type { Course } from './course.ts';
import type { GlossaryData } from './schemas.ts';

/** A term as loaded, with the file it came from. */
export type GlossaryTerm = GlossaryData & { file: string };

/** Reports terms whose `lesson` or `related` entries do not exist. */
export function glossaryProblems(terms: GlossaryTerm[], course: Course): string[] {
  const ids = new Set(terms.map((t) => t.id));
  const problems: string[] = [];
  for (const t of terms) {
    const where = `${t.file}: term "${t.id}"`;
    if (t.lesson && !course.lesson(t.lesson))
      problems.push(`${where}: field \`lesson\` is "${t.lesson}", which is not a lesson. Fix: use a lesson id like "${course.lessons[0]?.id ?? 'module/lesson'}" or remove the field.`);
    for (const r of t.related)
      if (!ids.has(r)) problems.push(`${where}: field \`related\` names "${r}", which is not a glossary term. Fix: add that term or remove it from \`related\`.`);
  }
  return problems;
}

/** The letters of the glossary's jump list, in order; a letter without terms is shown but not linked. */
export const ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/** The letter a term is filed under: ".dockerignore" goes under D, a term starting with a digit under "#". */
export function letterOf(term: string): string {
  const first = /[a-z0-9]/i.exec(term)?.[0] ?? '#';
  return /[0-9]/.test(first) ? '#' : first.toUpperCase();
}

/** Text folded for matching: lower case, accents dropped, punctuation read as spaces. */
export function foldForFilter(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether a term matches what the student typed: every word of the query appears in the
 * term's name or id ("ops" finds "MLOps" and "DevOps", "docker comp" finds "Docker Compose").
 * An empty query matches everything.
 * @param haystack the term's name and id, already folded with `foldForFilter`.
 */
export function matchesFilter(query: string, haystack: string): boolean {
  return foldForFilter(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** One letter of the jump list and the term it jumps to, or no term when none is filed under it. */
export interface LetterJump {
  letter: string;
  /** Id of the first (shown) term under this letter. */
  target?: string;
}

/**
 * The jump list: A–Z (plus "#" when a term starts with a digit), each pointing at the first
 * of `terms` filed under it, in the order given.
 */
export function letterJumps(terms: readonly { id: string; letter: string }[]): LetterJump[] {
  const first = new Map<string, string>();
  for (const t of terms) if (!first.has(t.letter)) first.set(t.letter, t.id);
  const letters = first.has('#') ? ['#', ...ALPHABET] : ALPHABET;
  return letters.map((letter) => ({ letter, target: first.get(letter) }));
}

/** What the filter's status line says: how many terms match out of how many. */
export function filterStatus(shown: number, total: number, query: string): string {
  if (!query.trim()) return `${total} terms`;
  if (shown === 0) return `No terms match “${query.trim()}”.`;
  return `${shown} of ${total} terms ${shown === 1 ? 'matches' : 'match'} “${query.trim()}”.`;
}
