/**
 * The glossary as the Markdown plugin needs it, read straight from `content/glossary/*.yaml`:
 * the plugin runs inside the Markdown processor, before and outside Astro's content layer,
 * so it cannot ask the collection. The collection's schema still checks every field; this
 * reader only needs each term's id, name and definition.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** What a popover shows for one term. */
export interface PopoverTerm {
  /** Anchor on the glossary page, e.g. `onnx`. */
  id: string;
  /** The term as written, e.g. "ONNX". */
  term: string;
  /** The definition, Markdown allowed. */
  definition: string;
}

/** Reads every term in `dir`; entries without a string id are left to the schema to report. */
export function readGlossaryTerms(dir: string): Map<string, PopoverTerm> {
  const terms = new Map<string, PopoverTerm>();
  const files = safeList(dir).filter((f) => f.endsWith('.yaml')).sort();
  for (const name of files) {
    let list: unknown;
    try {
      list = parse(readFileSync(path.join(dir, name), 'utf8'));
    } catch {
      // A broken file is reported, with its line, by the content collection's loader.
      continue;
    }
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      if (typeof raw?.id !== 'string') continue;
      terms.set(raw.id, { id: raw.id, term: String(raw.term ?? raw.id), definition: String(raw.definition ?? '') });
    }
  }
  return terms;
}

/**
 * A reader that re-reads the folder only when a file in it changed, so `astro dev` picks up
 * a new term without a restart while a build reads the folder once per lesson at most.
 */
export function glossaryReader(dir: string): () => Map<string, PopoverTerm> {
  let stamp = '';
  let terms = new Map<string, PopoverTerm>();
  return () => {
    const now = safeList(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => `${f}:${statSync(path.join(dir, f)).mtimeMs}`)
      .join('|');
    if (now !== stamp) {
      terms = readGlossaryTerms(dir);
      stamp = now;
    }
    return terms;
  };
}

/** The known id closest to `id` by edit distance (at most a third of its length), for a "did you mean". */
export function closestId(id: string, ids: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 3)) + 1;
  for (const candidate of ids) {
    const d = editDistance(id, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Levenshtein distance between two short strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
