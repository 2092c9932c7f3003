/**
 * CPython virtual environments for checking Python labs and runnable lesson code. One
 * environment per set of requirements, created once and reused from a cache folder keyed
 * by the Python version and the requirements text, so a second run installs nothing.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Thrown when no usable Python or venv module is found; the message says exactly what to install. */
export class PythonEnvError extends Error {
  override name = 'PythonEnvError';
}

/** The Debian packages that give a machine `python3`, `venv` and `pip`. */
export const DEBIAN_PYTHON_PACKAGES = 'python3 python3-venv python3-pip';

/** Where environments are cached unless `MLOPS_PYTHON_CACHE` says otherwise. */
export const defaultCacheDir = () => process.env.MLOPS_PYTHON_CACHE ?? path.resolve('node_modules/.cache/mlops-python');

/** Distribution names listed in a requirements file (comments, options and markers dropped). */
export function requirementNames(requirements: string): string[] {
  return requirements
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line && !line.startsWith('-'))
    .map((line) => /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(line)?.[0])
    .filter((name): name is string => Boolean(name));
}

/** The cache key of an environment: the same Python and requirements reuse one folder. */
export const envKey = (pythonVersion: string, requirements: string) =>
  createHash('sha256').update(`${pythonVersion}\n${requirements.replace(/\r\n/g, '\n').trim()}`).digest('hex').slice(0, 16);

/** The first Python 3 on the PATH and its version, or an error saying what to install. */
export function findPython(candidates = ['python3', 'python']): { command: string; version: string } {
  for (const command of candidates) {
    const r = spawnSync(command, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8' });
    if (r.status === 0 && /^3\.\d+\.\d+/.test(r.stdout.trim())) return { command, version: r.stdout.trim() };
  }
  throw new PythonEnvError(
    `Python 3 was not found (tried ${candidates.join(', ')}). Fix: install Python 3.11 or newer with venv and pip: on Debian or Ubuntu "sudo apt-get install ${DEBIAN_PYTHON_PACKAGES}", on macOS "brew install python", on Windows from python.org.`,
  );
}

/** A ready environment: its interpreter and the versions of what it runs. */
export interface PythonEnv {
  /** Absolute path of the environment's `python`. */
  python: string;
  /** Python's own version, e.g. "3.11.7". */
  pythonVersion: string;
  /** Installed version of each requirement, by name as written in requirements.txt. */
  versions: Record<string, string>;
}

const venvPython = (dir: string) => path.join(dir, process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');

/**
 * Creates (or reuses) the environment for `requirements` and returns it. A folder is reused
 * only after an install finished, so an interrupted run never leaves a half-made environment.
 */
export function ensureEnv(requirements: string, cacheDir = defaultCacheDir()): PythonEnv {
  const base = findPython();
  const dir = path.join(cacheDir, envKey(base.version, requirements));
  const done = path.join(dir, 'mlops-env.json');
  if (!existsSync(done)) withLock(`${dir}.lock`, done, () => create(base.command, dir, done, requirements));
  return { python: venvPython(dir), pythonVersion: base.version, versions: installedVersions(venvPython(dir), requirementNames(requirements)) };
}

/** How long another process may take to build the same environment before its lock counts as abandoned. */
const LOCK_STALE_MS = 20 * 60_000;

/**
 * Runs `build` while holding `lock` (a folder: creating one is atomic), so two test files that
 * need the same environment never build it into the same folder at once; the second waits
 * for the first one's `done` marker instead.
 */
function withLock(lock: string, done: string, build: () => void) {
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(done)) return;
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      if (Date.now() - since > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    if (!existsSync(done)) build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds the environment in `dir`; `done` is written last, so only a finished one is ever reused. */
function create(command: string, dir: string, done: string, requirements: string) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const venv = spawnSync(command, ['-m', 'venv', dir], { encoding: 'utf8' });
  if (venv.status !== 0)
    throw new PythonEnvError(
      `"${command} -m venv" failed (${lastLines(venv.stderr || venv.stdout)}). Fix: install the venv module: on Debian or Ubuntu "sudo apt-get install ${DEBIAN_PYTHON_PACKAGES}".`,
    );
  writeFileSync(path.join(dir, 'requirements.txt'), requirements);
  const pip = spawnSync(venvPython(dir), ['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input', '-q', '-r', path.join(dir, 'requirements.txt')], {
    encoding: 'utf8',
    timeout: 900_000,
  });
  // Not a PythonEnvError: a requirement pip cannot install is the lab's fault, never a reason to skip.
  if (pip.status !== 0)
    throw new Error(`pip could not install the requirements (${lastLines(pip.stderr || pip.stdout)}). Fix: check the names and version ranges in requirements.txt, and that pip's index is reachable.`);
  writeFileSync(done, JSON.stringify({ requirements }));
}

/** Versions of the named distributions inside an environment ("missing" when not installed). */
function installedVersions(python: string, names: string[]): Record<string, string> {
  if (names.length === 0) return {};
  const code = 'import json, sys\nfrom importlib import metadata\nout = {}\nfor n in sys.argv[1:]:\n    try: out[n] = metadata.version(n)\n    except metadata.PackageNotFoundError: out[n] = "missing"\nprint(json.dumps(out))';
  const r = spawnSync(python, ['-c', code, ...names], { encoding: 'utf8' });
  return r.status === 0 ? JSON.parse(r.stdout) : Object.fromEntries(names.map((n) => [n, 'unknown']));
}

/** "Python 3.11.7; pytest 9.1.1, joblib 1.6.0": what a run used, for the verify report. */
export const describeEnv = (env: PythonEnv) =>
  [`Python ${env.pythonVersion}`, Object.entries(env.versions).map(([n, v]) => `${n} ${v}`).join(', ')].filter(Boolean).join('; ');

const lastLines = (text: string) => text.trim().split('\n').slice(-2).join(' ').slice(0, 300) || 'no output';

/** Reads a requirements file, or '' when there is none. */
export const readRequirements = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
