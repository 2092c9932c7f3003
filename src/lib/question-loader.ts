/**
 * Content loader for the question bank: every `*.yaml` in the questions folder holds a
 * list of questions, and each question becomes one entry keyed by its id. A repeated id
 * fails the build naming both files, because progress is stored against ids.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { parse } from 'yaml';

/** Loads `<dir>/*.yaml` question lists into one collection keyed by question id. */
export function questionLoader(dir: string): Loader {
  return {
    name: 'mlops-questions',
    async load({ store, parseData, generateDigest, watcher }) {
      store.clear();
      const seen = new Map<string, string>();
      const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.yaml')).sort();
      for (const name of files) {
        const filePath = path.join(dir, name);
        const relative = path.relative(process.cwd(), filePath);
        const list: unknown = parse(await readFile(filePath, 'utf8'));
        if (list == null) continue;
        if (!Array.isArray(list))
          throw new Error(`${relative}: a question file is a YAML list. Fix: start each question with "- id: …".`);
        for (const [index, raw] of list.entries()) {
          const id = typeof raw?.id === 'string' ? raw.id : `${name}#${index + 1}`;
          const first = seen.get(id);
          if (first)
            throw new Error(`${relative}: question id "${id}" is already used in ${first}. Fix: give one of them a new id.`);
          seen.set(id, relative);
          const data = await parseData({ id, data: { ...raw, file: relative }, filePath: relative });
          store.set({ id, data, filePath: relative, digest: generateDigest(data) });
        }
      }
      watcher?.add(dir);
    },
  };
}
