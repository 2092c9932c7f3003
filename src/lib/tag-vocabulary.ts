/**
 * The one list of question tags (`content/tags.yaml`: tag → one-line meaning) and the
 * build check that holds the bank to it. Near-duplicates such as `healthcheck` next to
 * `health-check` split a topic's questions across two filter boxes; the check names the
 * file, the question, the tag and the closest allowed tag.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SLUG } from './schemas.ts';

/** Allowed tags, each with the one line that says what it covers. */
export type TagVocabulary = Map<string, string>;

/** Name of the vocabulary file inside the content folder. */
export const TAGS_FILE = 'tags.yaml';

/** Thrown when the vocabulary file itself is missing or malformed. */
export class TagVocabularyError extends Error {}

/** Reads and checks `<contentDir>/tags.yaml`; every entry must be `slug-tag: meaning`. */
export function readTagVocabulary(contentDir: string): TagVocabulary {
  const file = path.join(contentDir, TAGS_FILE);
  const shown = path.relative(process.cwd(), file) || file;
  if (!existsSync(file))
    throw new TagVocabularyError(`${shown} is missing. Fix: create it with one line per allowed question tag, e.g. "docker: Docker images, containers and the Docker CLI."`);
  const data: unknown = parse(readFileSync(file, 'utf8'));
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new TagVocabularyError(`${shown}: expected a mapping of tag to meaning. Fix: write one "tag: what it covers" line per tag.`);
  const vocab: TagVocabulary = new Map();
  const problems: string[] = [];
  for (const [tag, meaning] of Object.entries(data)) {
    if (!SLUG.test(tag)) problems.push(`${shown}: tag "${tag}" is not lower-case with hyphens. Fix: rename it, e.g. "${tag.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}".`);
    else if (typeof meaning !== 'string' || !meaning.trim()) problems.push(`${shown}: tag "${tag}" has no meaning. Fix: add one line saying what it covers.`);
    else vocab.set(tag, meaning.trim());
  }
  if (problems.length) throw new TagVocabularyError(problems.join('\n'));
  return vocab;
}

/** Edit distance (insertions, deletions, substitutions) between two short strings. */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** A tag with hyphens and a plural "s" removed, so "status-codes" and "healthcheck" meet their twins. */
const bare = (tag: string) => tag.replace(/-/g, '').replace(/s$/, '');

/**
 * The allowed tag closest to `tag`: same letters once hyphens and plurals are ignored,
 * else one that holds the other as whole words ("model-drift" → "drift"), else the
 * smallest edit distance. Undefined when nothing is close enough to be a useful hint.
 */
export function closestTag(tag: string, allowed: Iterable<string>): string | undefined {
  const list = [...allowed];
  const same = list.find((t) => bare(t) === bare(tag));
  if (same) return same;
  const words = (t: string) => t.split('-');
  const holds = (outer: string, inner: string) => {
    const o = words(outer).join(' ');
    return ` ${o} `.includes(` ${words(inner).join(' ')} `);
  };
  const nested = list.filter((t) => holds(tag, t) || holds(t, tag)).sort((a, b) => Math.abs(a.length - tag.length) - Math.abs(b.length - tag.length));
  if (nested[0]) return nested[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const t of list) {
    const d = editDistance(tag, t);
    if (d < bestDistance) [best, bestDistance] = [t, d];
  }
  // More than a third of the letters changed is another word, not a misspelling.
  return bestDistance <= Math.max(2, Math.floor(tag.length / 3)) ? best : undefined;
}

/** Reports every question tag outside the vocabulary, with the closest allowed tag as the fix. */
export function tagProblems(questions: { id: string; tags: string[]; file: string }[], vocab: TagVocabulary): string[] {
  const problems: string[] = [];
  for (const q of questions)
    for (const tag of q.tags) {
      if (vocab.has(tag)) continue;
      const near = closestTag(tag, vocab.keys());
      const fix = near
        ? `Fix: use "${near}" (${vocab.get(near)}), or add "${tag}" to content/${TAGS_FILE} with a one-line meaning if it is a new topic.`
        : `Fix: add "${tag}" to content/${TAGS_FILE} with a one-line meaning, or use an allowed tag.`;
      problems.push(`${q.file}: question "${q.id}": tag "${tag}" is not in content/${TAGS_FILE}. ${fix}`);
    }
  return problems;
}
