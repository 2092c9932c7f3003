/**
 * Reads a lab's wrong answers (`labs/<slug>/known-bad/<name>/`) for `labs:verify`. They sit
 * beside starter/ and solution/, never inside them, so `readLab` (and with it the project
 * payload, the zips and search) never sees them: a student cannot read the wrong answers.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseMistake, type Mistake } from './lab-verify.ts';
import { LabError, readTextFiles } from './labs.ts';
import { SLUG } from './schemas.ts';

/** One wrong answer: files laid over the starter, and the mistake they represent. */
export interface KnownBad {
  /** Folder name under known-bad/. */
  name: string;
  mistake: Mistake;
  /** Files overlaying the starter, relative to the project root (MISTAKE.md excluded). */
  files: Record<string, string>;
}

/** Files a known-bad answer may not replace: changing them would change the lab, not the answer. */
const LAB_OWNED = new Set(['package.json', 'package-lock.json', 'requirements.txt', 'pytest.ini', 'pyproject.toml']);

/** Reads every known-bad answer of a lab, sorted by name; a lab without the folder has none. */
export function readKnownBad(labsDir: string, slug: string): KnownBad[] {
  const root = path.join(labsDir, slug, 'known-bad');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const where = `labs/${slug}/known-bad/${name}`;
      if (!SLUG.test(name)) throw new LabError(`${where}: name each wrong answer with lower-case words joined by hyphens. Fix: rename the folder, e.g. "health-check-wrong-port".`);
      const { 'MISTAKE.md': note, ...files } = readTextFiles(path.join(root, name), where);
      if (note === undefined)
        throw new LabError(`${where}/MISTAKE.md is missing. Fix: add it; its first line says which mistake the answer represents.`);
      if (Object.keys(files).length === 0)
        throw new LabError(`${where} holds no files besides MISTAKE.md. Fix: add the student's files with the mistake in them, as they would overlay the starter.`);
      const owned = Object.keys(files).filter((f) => LAB_OWNED.has(f));
      if (owned.length)
        throw new LabError(`${where}/${owned[0]}: a wrong answer may not change the lab's dependencies. Fix: remove it; overlay only files the student edits.`);
      let mistake: Mistake;
      try {
        mistake = parseMistake(note, `${where}/MISTAKE.md`);
      } catch (error) {
        throw new LabError((error as Error).message);
      }
      return { name, mistake, files };
    });
}
