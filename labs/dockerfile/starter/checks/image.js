// @ts-check
// Works out which files a Dockerfile puts in the image, without Docker: it follows WORKDIR,
// COPY and ADD (from the build context after .dockerignore, or `--from` an earlier stage)
// the way the builder does, and finds the Python module the start command imports.
// Not part of your task: the tests use it to check that the image holds what the CMD runs.
import { contextSources, expand, flags, serverIndex, stageVariables, words } from './dockerfile.js';

/** @typedef {import('./dockerfile.js').ParsedDockerfile} ParsedDockerfile */

/** Joins slash paths and resolves `.` and `..`, always absolute. */
export function resolvePath(/** @type {string[]} */ ...parts) {
  /** @type {string[]} */
  const out = [];
  for (const part of parts.join('/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** A COPY source pattern (`app/`, `*.txt`, `.`) as a regex over paths without a leading slash. */
function sourceRegex(/** @type {string} */ source) {
  const clean = resolvePath(source).slice(1);
  const re = clean.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${re}$`);
}

/**
 * Files of the image at the end of each stage: image path → the context file it came from.
 * @param {ParsedDockerfile} parsed
 * @param {string[]} context files sent to the builder (already filtered by .dockerignore)
 * @returns {{ files: Map<string, string>, workdir: string }[]}
 */
export function imageFiles(parsed, context) {
  /** @type {{ files: Map<string, string>, workdir: string }[]} */
  const stages = [];
  const contextFiles = new Map(context.map((f) => [f, f]));
  parsed.stages.forEach((stage, index) => {
    const parentName = (stage.from.getImage() ?? '').toLowerCase();
    const parent = parsed.stages.findIndex((s, i) => i < index && s.name?.toLowerCase() === parentName);
    const files = new Map(parent >= 0 ? stages[parent].files : []);
    let workdir = parent >= 0 ? stages[parent].workdir : '/';
    stage.instructions.forEach((instruction, at) => {
      const keyword = instruction.getKeyword();
      const vars = stageVariables(parsed, { ...stage, instructions: stage.instructions.slice(0, at) });
      if (keyword === 'WORKDIR') workdir = resolvePath(workdir, expand(words(instruction).join(' '), vars));
      if (keyword !== 'COPY' && keyword !== 'ADD') return;
      const from = flags(instruction).find((f) => f.name === 'from')?.value;
      /** @type {Map<string, string>} source path (no leading slash) → origin */
      let source = contextFiles;
      if (from !== undefined) {
        const other = /^\d+$/.test(from) ? Number(from) : parsed.stages.findIndex((s) => s.name?.toLowerCase() === from.toLowerCase());
        source = new Map([...(stages[other]?.files ?? new Map())].map(([p, o]) => [p.slice(1), o]));
      }
      const args = words(instruction);
      if (args.length < 2) return;
      const sources = from !== undefined ? args.slice(0, -1) : contextSources(instruction);
      const rawDest = expand(args[args.length - 1], vars);
      const dest = rawDest.startsWith('/') ? resolvePath(rawDest) : resolvePath(workdir, rawDest);
      const intoFolder = rawDest.endsWith('/') || rawDest === '.' || sources.length > 1 || sources.some((s) => /[*?]/.test(s));
      for (const pattern of sources) {
        const regex = sourceRegex(expand(pattern, vars));
        for (const [path, origin] of source) {
          const parts = path.split('/');
          // The pattern names this file, or a folder holding it (a folder's contents are copied, not the folder).
          const depth = parts.findIndex((_, i) => regex.test(parts.slice(0, i + 1).join('/')));
          const isRoot = regex.test('');
          if (depth === -1 && !isRoot) continue;
          if (isRoot) files.set(resolvePath(dest, path), origin);
          else if (depth === parts.length - 1) files.set(intoFolder ? resolvePath(dest, parts[depth]) : dest, origin);
          else files.set(resolvePath(dest, ...parts.slice(depth + 1)), origin);
        }
      }
    });
    stages.push({ files, workdir });
  });
  return stages;
}

/** Options of uvicorn and gunicorn that take a value, so their values are not mistaken for the app. */
const TAKES_VALUE = new Set(['--host', '--port', '--uds', '--fd', '--workers', '--app-dir', '--root-path', '--log-level', '--log-config', '--env-file', '--timeout-keep-alive', '--limit-concurrency', '--forwarded-allow-ips', '--reload-dir', '--bind', '-b', '-w', '-k', '--worker-class', '-c', '--config', '--chdir', '--timeout', '-t']);

/**
 * The Python file the start command imports: `uvicorn app.main:app` → `app/main.py`
 * (relative to the folder it is found from), with that folder when `--app-dir`/`--chdir` moves it.
 * @param {string[]} argv
 * @returns {{ target: string, files: string[], dir: string | null } | null}
 */
export function appModule(argv) {
  const base = (/** @type {string} */ w) => w.split('/').pop() ?? w;
  const index = serverIndex(argv);
  if (index === -1) return null;
  const rest = argv.slice(index + 1);
  let dir = null;
  /** @type {string[]} */
  const positional = [];
  for (let i = 0; i < rest.length; i++) {
    const [name, inline] = rest[i].split('=', 2);
    if (name.startsWith('-')) {
      const value = inline ?? (TAKES_VALUE.has(name) ? rest[++i] : undefined);
      if (name === '--app-dir' || name === '--chdir') dir = value ?? null;
      continue;
    }
    positional.push(rest[i]);
  }
  if (base(argv[index]) === 'fastapi') {
    const path = positional[1] ?? 'main.py';
    return { target: path, files: [path], dir };
  }
  const target = positional[0];
  if (!target) return null;
  const module = target.split(':')[0].replace(/\./g, '/');
  return { target, files: [`${module}.py`, `${module}/__init__.py`], dir };
}
