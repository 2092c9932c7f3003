/**
 * Content loader for a folder of YAML lists (`content/questions/`, `content/glossary/`):
 * every `*.yaml` file holds a list, and each item becomes one entry keyed by its `id`.
 * Splitting by file lets authors of different modules work without touching one big file;
 * a repeated id fails the build naming both files, because links and progress use ids.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Loader } from 'astro/loaders';
import { parse } from 'yaml';

/** Loads `<dir>/*.yaml` lists into one collection; each item gets a `file` field for messages. */
export function yamlListLoader(dir: string, what: string): Loader {
  return {
    name: `mlops-yaml-list:${what}`,
    async load({ store, parseData, generateDigest, watcher }) {
      store.clear();
      const seen = new Map<string, string>();
      const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.yaml')).sort();
      for (const name of files) {
        const filePath = path.join(dir, name);
        const relative = path.relative(process.cwd(), filePath);
        let list: unknown;
        try {
          list = parse(await readFile(filePath, 'utf8'));
        } catch (error) {
          throw new Error(`${relative}: the YAML cannot be read: ${(error as Error).message} Fix: correct the YAML syntax (quote strings that contain ": " or start with a symbol).`);
        }
        if (list == null) continue;
        if (!Array.isArray(list)) throw new Error(`${relative}: a ${what} file is a YAML list. Fix: start each ${what} with "- id: …".`);
        for (const [index, raw] of list.entries()) {
          const id = typeof raw?.id === 'string' ? raw.id : `${name}#${index + 1}`;
          const first = seen.get(id);
          if (first) throw new Error(`${relative}: ${what} id "${id}" is already used in ${first}. Fix: give one of them a new id.`);
          seen.set(id, relative);
          const data = await parseData({ id, data: { ...raw, file: relative }, filePath: relative });
          store.set({ id, data, filePath: relative, digest: generateDigest(data) });
        }
      }
      watcher?.add(dir);
    },
  };
}
