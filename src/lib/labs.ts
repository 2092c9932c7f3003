/**
 * Reads a lab folder (`labs/<slug>/`) into what the site needs: the StackBlitz SDK's
 * project shape (template `node`, text files only), the solution files, and zips for
 * download. Every rule that can fail says which file or field is wrong and how to fix it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { z } from 'astro/zod';
import { starterProblem } from './lab-runtime.ts';
import { fix, SLUG } from './schemas.ts';
import { withBase } from './url.ts';

/** Limits that keep an embed fast to post and a download small. */
export const LAB_LIMITS = { fileBytes: 100 * 1024, totalBytes: 512 * 1024, files: 200 } as const;

/** Folders and files never sent to the browser or zipped. */
const IGNORED = new Set(['node_modules', '.git', '.DS_Store', 'Thumbs.db', 'coverage']);

/** Where a lab runs: `node` in StackBlitz WebContainers, `python` in Pyodide in the page (and CPython locally). */
export const LAB_RUNTIMES = ['node', 'python'] as const;
/** One of `LAB_RUNTIMES`. */
export type LabRuntime = (typeof LAB_RUNTIMES)[number];

/** `labs/<slug>/lab.json`. Rules that involve two fields or the starter's files are checked in `readLab`. */
export const labMetaSchema = z.strictObject({
  /** Title shown above the lab and in StackBlitz. */
  title: z.string({ error: fix('add a `title`, e.g. "Save and load a model".') }).min(1),
  /** One or two sentences on what the student builds. */
  summary: z.string({ error: fix('add a `summary` of what the student builds.') }).min(1),
  /** Id of the lesson the lab belongs to (`<module>/<slug>`). */
  lesson: z.string({ error: fix('set `lesson` to the id of the lesson that embeds the lab, e.g. "saving-models/safe-loading-and-versioning".') }),
  /** Where the lab runs: "node" (StackBlitz, the default) or "python" (Pyodide in the page, pytest for checks). */
  runtime: z.enum(LAB_RUNTIMES, { error: fix('set `runtime` to "node" or "python", or leave it out for "node".') }).default('node'),
  /** File the editor opens first, relative to starter/. */
  openFile: z.string({ error: fix('set `openFile` to the file the student edits, relative to starter/, e.g. "src/model.js".') }).min(1),
  /** Node labs only: npm script (in starter/package.json) run when the lab starts, usually "test". */
  startScript: z.string({ error: fix('set `startScript` to an npm script of starter/package.json, e.g. "test".') }).min(1).optional(),
  /** Python labs only: the file "Run" executes, relative to starter/, e.g. "main.py". */
  mainScript: z.string({ error: fix('set `mainScript` to the Python file "Run" executes, relative to starter/, e.g. "main.py".') }).min(1).optional(),
  /** Estimated time to finish the lab, in minutes. */
  minutes: z.number({ error: fix('set `minutes` to the estimated time, e.g. 20.') }).int().positive(),
  /**
   * Show the editor's file list. Leave it out to let the site decide: shown when the student
   * edits more than one file or a file in a hidden folder (see `showExplorer` in lab-view.ts).
   */
  explorer: z.boolean({ error: fix('set `explorer` to true or false, or leave it out to let the site decide.') }).optional(),
});
export type LabMeta = z.infer<typeof labMetaSchema>;

/**
 * The project sent to the browser: for a node lab, exactly the StackBlitz SDK's `Project`
 * (template `node`); a python lab has the same shape with template `python`, read by the
 * Pyodide runner, never by StackBlitz.
 */
export interface LabProject {
  title: string;
  description: string;
  template: LabRuntime;
  files: Record<string, string>;
}

/** Everything the site knows about one lab. */
export interface Lab {
  slug: string;
  meta: LabMeta;
  /** The task, README.md as Markdown. */
  readme: string;
  project: LabProject;
  /** Files that differ in the finished version (new or changed), relative to the project root. */
  solution: Record<string, string>;
}

/** Thrown for a lab that cannot be used; the message names the lab folder and the fix. */
export class LabError extends Error {
  override name = 'LabError';
}

/** Reads every text file under `dir` (dotfiles included, node_modules excluded), keyed by POSIX path. */
export function readTextFiles(dir: string, where: string): Record<string, string> {
  const files: Record<string, string> = {};
  let total = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (IGNORED.has(entry.name)) continue;
      const full = path.join(folder, entry.name);
      const rel = path.relative(dir, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      if (!entry.isFile()) throw new LabError(`${where}/${rel}: only plain files can be sent to the browser. Fix: replace the link with a copy of the file.`);
      const bytes = readFileSync(full);
      if (bytes.length > LAB_LIMITS.fileBytes)
        throw new LabError(`${where}/${rel} is ${bytes.length} bytes; a lab file may be at most ${LAB_LIMITS.fileBytes}. Fix: make the file smaller or generate it in a script.`);
      let text: string;
      try {
        if (bytes.includes(0)) throw new Error('NUL byte');
        text = decoder.decode(bytes);
      } catch {
        throw new LabError(`${where}/${rel} is a binary file; StackBlitz accepts text files only. Fix: remove it, or store the data as text (CSV, JSON, base64).`);
      }
      total += bytes.length;
      files[rel] = text;
    }
  };
  walk(dir);
  if (Object.keys(files).length > LAB_LIMITS.files)
    throw new LabError(`${where} has ${Object.keys(files).length} files; a lab may have at most ${LAB_LIMITS.files}. Fix: trim the project.`);
  if (total > LAB_LIMITS.totalBytes)
    throw new LabError(`${where} holds ${total} bytes of files; a lab may hold at most ${LAB_LIMITS.totalBytes}. Fix: shrink data files.`);
  return files;
}

/** Reads and checks `labs/<slug>/`. `labsDir` is the folder holding all labs. */
export function readLab(labsDir: string, slug: string): Lab {
  const where = `labs/${slug}`;
  if (!SLUG.test(slug)) throw new LabError(`${where}: a lab folder name is lower-case words joined by hyphens. Fix: rename the folder.`);
  const dir = path.join(labsDir, slug);
  const metaPath = path.join(dir, 'lab.json');
  if (!existsSync(metaPath)) throw new LabError(`${where}/lab.json is missing. Fix: add it with title, summary, lesson, openFile, startScript (node) or runtime and mainScript (python), and minutes.`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(metaPath, 'utf8'));
  } catch (error) {
    throw new LabError(`${where}/lab.json is not valid JSON (${(error as Error).message}). Fix: correct the JSON syntax.`);
  }
  const parsed = labMetaSchema.safeParse(raw);
  if (!parsed.success)
    throw new LabError(`${where}/lab.json: ${parsed.error.issues.map((i) => `field \`${i.path.join('.') || '(root)'}\` ${i.message}`).join('; ')}`);
  const meta = parsed.data;

  const readmePath = path.join(dir, 'README.md');
  if (!existsSync(readmePath)) throw new LabError(`${where}/README.md is missing. Fix: write the task, with steps and hints, in README.md.`);
  const starterDir = path.join(dir, 'starter');
  if (!existsSync(starterDir) || !statSync(starterDir).isDirectory())
    throw new LabError(`${where}/starter/ is missing. Fix: put the complete project the student starts from in starter/.`);
  const files = readTextFiles(starterDir, `${where}/starter`);
  const solutionDir = path.join(dir, 'solution');
  const solution = existsSync(solutionDir) ? readTextFiles(solutionDir, `${where}/solution`) : {};
  if (Object.keys(solution).length === 0)
    throw new LabError(`${where}/solution/ is missing or empty. Fix: add the files that differ in the finished version.`);
  // Wrong answers must never reach the student: they live beside starter/, not inside what is sent.
  for (const [part, group] of [['starter', files], ['solution', solution]] as const) {
    const leak = Object.keys(group).find((f) => f.split('/').includes('known-bad') || f.split('/').pop() === 'MISTAKE.md');
    if (leak)
      throw new LabError(`${where}/${part}/${leak}: a known-bad answer inside ${part}/ would be sent to the student. Fix: move it to ${where}/known-bad/<name>/.`);
  }

  // Wrong answers must never reach the student: they live beside starter/, not inside what is sent.
  for (const [part, group] of [['starter', files], ['solution', solution]] as const) {
    const leak = Object.keys(group).find((f) => f.split('/').includes('known-bad') || f.split('/').pop() === 'MISTAKE.md');
    if (leak)
      throw new LabError(`${where}/${part}/${leak}: a known-bad answer inside ${part}/ would be sent to the student. Fix: move it to ${where}/known-bad/<name>/.`);
  }

  const problem = starterProblem(where, meta, files);
  if (problem) throw new LabError(problem);
  if (!(meta.openFile in files))
    throw new LabError(`${where}/lab.json: field \`openFile\` is "${meta.openFile}", which is not a file in starter/. Fix: use a path relative to starter/, e.g. "${Object.keys(files).find((f) => f.endsWith(meta.runtime === 'python' ? '.py' : '.js')) ?? 'package.json'}".`);

  return {
    slug,
    meta,
    readme: readFileSync(readmePath, 'utf8'),
    project: { title: meta.title, description: meta.summary, template: meta.runtime, files },
    solution,
  };
}

/** Reads every lab folder (those with a lab.json), sorted by slug. */
export function readLabs(labsDir: string): Lab[] {
  if (!existsSync(labsDir)) return [];
  return readdirSync(labsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(labsDir, d.name, 'lab.json')))
    .map((d) => readLab(labsDir, d.name))
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

/** What the lab widget fetches on Launch (`project.json`): the runtime, the project and the solution files. */
export interface LabPayload {
  /** Which runner takes the project: StackBlitz for node, the Pyodide worker for python. */
  runtime: LabRuntime;
  project: LabProject;
  solution: Record<string, string>;
  /** Python labs: the file "Run" executes, relative to the project root. */
  mainScript?: string;
}

/** The payload of one lab, as `project.json` serves it. */
export const labPayload = (lab: Lab): LabPayload => ({
  runtime: lab.meta.runtime,
  project: lab.project,
  solution: lab.solution,
  ...(lab.meta.mainScript ? { mainScript: lab.meta.mainScript } : {}),
});

/** The finished project: starter files with the solution laid over them. */
export const solvedFiles = (lab: Lab): Record<string, string> => ({ ...lab.project.files, ...lab.solution });

/** A zip of the given files inside one top folder, so unzipping makes a single directory. */
export function zipFiles(folder: string, files: Record<string, string>): Uint8Array<ArrayBuffer> {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) entries[`${folder}/${name}`] = strToU8(text);
  // A fixed date keeps the zip identical from build to build.
  return new Uint8Array(zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
}

/** Files grouped as a tree for display: folders first, then files, each sorted. */
export interface TreeNode {
  name: string;
  path: string;
  children?: TreeNode[];
}

/** Builds a display tree from POSIX paths. */
export function fileTree(paths: string[]): TreeNode[] {
  const root: TreeNode = { name: '', path: '', children: [] };
  for (const p of paths) {
    let node = root;
    const parts = p.split('/');
    parts.forEach((part, i) => {
      const isFile = i === parts.length - 1;
      const childPath = parts.slice(0, i + 1).join('/');
      let child = node.children!.find((c) => c.name === part && Boolean(c.children) !== isFile);
      if (!child) {
        child = isFile ? { name: part, path: childPath } : { name: part, path: childPath, children: [] };
        node.children!.push(child);
      }
      node = child;
    });
  }
  const sort = (nodes: TreeNode[]): TreeNode[] =>
    nodes
      .sort((a, b) => Number(Boolean(b.children)) - Number(Boolean(a.children)) || a.name.localeCompare(b.name))
      .map((n) => (n.children ? { ...n, children: sort(n.children) } : n));
  return sort(root.children!);
}

/** Shiki language for a lab file, from its name. */
export function languageOf(file: string): string {
  const name = file.split('/').pop()!.toLowerCase();
  if (name === 'dockerfile' || name.endsWith('.dockerfile')) return 'dockerfile';
  if (name === '.dockerignore' || name === '.gitignore' || name === '.env.example') return 'text';
  const ext = name.includes('.') ? name.split('.').pop()! : '';
  const byExt: Record<string, string> = {
    js: 'javascript', mjs: 'javascript', cjs: 'javascript', ts: 'typescript', json: 'json', md: 'markdown',
    yml: 'yaml', yaml: 'yaml', py: 'python', csv: 'csv', txt: 'text', sh: 'bash', toml: 'toml', tf: 'hcl', html: 'html', css: 'css',
  };
  return byExt[ext] ?? 'text';
}

/** Id of a file's panel in the static view, for links from the file tree. */
export const fileAnchor = (prefix: string, file: string) => `${prefix}-${file.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '')}`;

/** URLs of a lab's build outputs, under the site's base path. */
export const labUrls = (slug: string) => ({
  project: withBase(`/labs/${slug}/project.json`),
  /** Every file highlighted on one page: read without JavaScript, and where the lesson loads a file from when it is opened. */
  files: withBase(`/labs/${slug}/files/`),
  starterZip: withBase(`/labs/${slug}/${slug}-starter.zip`),
  solutionZip: withBase(`/labs/${slug}/${slug}-solution.zip`),
});
