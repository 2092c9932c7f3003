/**
 * The in-page Python runner's files, decided at build time: the Pyodide core copied from the
 * npm package into a versioned folder the site serves itself, the worker script under a
 * content hash, and the packages taken from the Pyodide distribution of exactly the same
 * version (its public CDN, or `PYODIDE_PACKAGES_URL` for a self-hosted copy).
 */
import { createHash } from 'node:crypto';
import { withBase } from './url.ts';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The pinned Pyodide release; package.json pins the same version exactly. */
export const PYODIDE_VERSION = '314.0.8';
/** The public CDN copy of the distribution whose packages match the npm core. */
export const DEFAULT_PACKAGES_URL = `https://cdn.jsdelivr.net/pyodide/v${PYODIDE_VERSION}/full/`;
/** Core files the site serves itself (copied from node_modules/pyodide at build). */
export const CORE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'] as const;
/** Every runner file lives under this path: one set of headers (worker CSP, COEP, long cache) covers it. */
export const RUNNER_PATH = '/runner/';
/** Versioned folder of the core: a new Pyodide version gets a new URL, so a year's cache is safe. */
export const CORE_PATH = `${RUNNER_PATH}pyodide-${PYODIDE_VERSION}/`;
/**
 * What pytest needs, by lock-file name. The lock also lists pytest's historic dependencies
 * (py, six, setuptools…), which pytest 9 never imports; loading only these saves about 2 MB.
 */
export const PYTEST_PACKAGES = ['pytest', 'pluggy', 'iniconfig', 'packaging', 'pygments'] as const;

/** Folder of the installed npm package (builds and tests run from the project root). */
export const pyodideDir = () => path.resolve('node_modules/pyodide');

/** One package of the lock file, as far as the runner reads it. */
interface LockPackage {
  name: string;
  version: string;
  file_name: string;
  imports: string[];
  depends: string[];
}
/** The parts of `pyodide-lock.json` the runner reads. */
export interface PyodideLock {
  packages: Record<string, LockPackage>;
}

/** The installed lock file. */
export const readLock = (): PyodideLock => JSON.parse(readFileSync(path.join(pyodideDir(), 'pyodide-lock.json'), 'utf8'));

/**
 * The packages base URL from the build environment: `PYODIDE_PACKAGES_URL`, or the CDN.
 * Throws a message that names the variable and the fix when it is not an http(s) URL.
 */
export function packagesUrl(value: string | undefined = process.env.PYODIDE_PACKAGES_URL): string {
  if (value === undefined || value.trim() === '') return DEFAULT_PACKAGES_URL;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`PYODIDE_PACKAGES_URL is "${value}", which is not a URL. Fix: set it to the folder of a Pyodide ${PYODIDE_VERSION} distribution, e.g. https://example.org/pyodide/v${PYODIDE_VERSION}/full/, or unset it for the CDN.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`PYODIDE_PACKAGES_URL is "${value}": only http(s) URLs can be fetched by the worker. Fix: use an https:// URL, e.g. https://example.org/pyodide/v${PYODIDE_VERSION}/full/.`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** The origin the worker may connect to besides its own (none when packages are self-hosted on the site's origin). */
export const packagesOrigin = (url: string) => new URL(url).origin;

/** A requirement line's distribution name, normalised as PEP 503 does ("Scikit_Learn>=1" → "scikit-learn"). */
export function requirementName(line: string): string | undefined {
  const text = line.replace(/#.*/, '').trim();
  if (!text || text.startsWith('-')) return undefined;
  return /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(text)?.[0].toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * The lock-file packages a lab needs beyond pytest, from its requirements.txt. A requirement
 * Pyodide does not ship is an error naming the lab's file and the fix, because the page
 * could never install it.
 */
export function labPackages(requirements: string, lock: PyodideLock, where: string): string[] {
  const names = requirements.split(/\r?\n/).map(requirementName).filter((n): n is string => Boolean(n));
  const out: string[] = [];
  for (const name of names) {
    if ((PYTEST_PACKAGES as readonly string[]).includes(name)) continue;
    if (!lock.packages[name])
      throw new Error(`${where}/starter/requirements.txt: "${name}" is not in Pyodide ${PYODIDE_VERSION}'s distribution, so the page cannot install it. Fix: use a package its lock file lists (node_modules/pyodide/pyodide-lock.json), or drop it.`);
    out.push(name);
  }
  return out;
}

/** The URLs of pytest's wheels in the distribution, with the lock's exact file names. */
export const pytestUrls = (lock: PyodideLock, base: string) => PYTEST_PACKAGES.map((n) => `${base}${lock.packages[n]!.file_name}`);

/** The worker script as the browser runs it: the TypeScript source with its types removed. */
export function workerScript(): string {
  const source = readFileSync(path.resolve('src/components/lab/python-worker.ts'), 'utf8');
  return ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
}

/** The worker's URL: its name carries a hash of its text and the version, so it can be cached for a year. */
export function workerPath(script = workerScript()): string {
  const hash = createHash('sha256').update(PYODIDE_VERSION).update(script).digest('hex').slice(0, 10);
  return `${RUNNER_PATH}python-worker.${hash}.js`;
}

/** Bytes of the core files, for the progress bar's total on the first run. */
export const coreBytes = () => CORE_FILES.reduce((sum, f) => sum + statSync(path.join(pyodideDir(), f)).size, 0);

/** Everything the page needs to start the runner, read by `<mlops-lab>` and lesson code blocks. */
export interface RunnerConfig {
  /** The worker script (same origin). */
  worker: string;
  /** The core folder (same origin), with a trailing slash. */
  indexUrl: string;
  /** Where packages come from, with a trailing slash. */
  packagesUrl: string;
  /** pytest's wheels in the distribution. */
  pytest: string[];
  /** Approximate bytes of the core, for the first run's progress bar. */
  coreBytes: number;
}

let cached: RunnerConfig | undefined;
/** The runner configuration for this build (computed once). */
export function runnerConfig(): RunnerConfig {
  if (cached) return cached;
  const base = packagesUrl();
  cached = { worker: withBase(workerPath()), indexUrl: withBase(CORE_PATH), packagesUrl: base, pytest: pytestUrls(readLock(), base), coreBytes: coreBytes() };
  return cached;
}
