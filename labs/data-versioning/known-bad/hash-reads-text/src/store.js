// @ts-check
/**
 * A small content-addressed data store that works like DVC's cache.
 *
 * - add(path) hashes a file, keeps its bytes in the cache under their MD5 hash and writes
 *   a `<file>.dvc` pointer that Git can version instead of the data.
 * - status() compares the workspace with the pointers.
 * - checkout() makes the workspace match the pointers again, using the cache.
 *
 * All paths given to and returned by the store are relative to the project root and use
 * forward slashes, e.g. "data/train.csv".
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where objects live, relative to the project root: DVC 3's layout. */
export const CACHE_DIR = '.dvc/cache/files/md5';

/** Suffix of pointer files, as in DVC. */
export const POINTER_SUFFIX = '.dvc';

/**
 * One tracked output, as written in a pointer file.
 * @typedef {{ md5: string, size: number, hash: 'md5', path: string }} Out
 */

/**
 * What status() reports: files whose content no longer matches their pointer, and
 * files whose pointer exists but whose data is gone. Both lists are sorted.
 * @typedef {{ modified: string[], deleted: string[] }} Status
 */

export class DataStore {
  /** @param {string} root the project folder; every path is relative to it */
  constructor(root) {
    this.root = path.resolve(root);
  }

  // ---------------------------------------------------------------------------
  // Step 1: hashFile
  // ---------------------------------------------------------------------------

  /**
   * The MD5 hash of a file's bytes, as 32 lower-case hexadecimal characters.
   * The name of the file plays no part: only its content does.
   * @param {string} relPath
   * @returns {string}
   */
  hashFile(relPath) {
    return createHash('md5').update(readFileSync(this.abs(relPath), 'utf8')).digest('hex');
  }

  // ---------------------------------------------------------------------------
  // Step 2: objectPath
  // ---------------------------------------------------------------------------

  /**
   * The absolute path where the object with this hash is stored: the first two
   * characters name a folder, the other thirty the file.
   * `b1946ac9…` lives at `<root>/.dvc/cache/files/md5/b1/946ac9…`.
   * @param {string} md5
   * @returns {string}
   */
  objectPath(md5) {
    return path.join(this.root, CACHE_DIR, md5.slice(0, 2), md5.slice(2));
  }

  // ---------------------------------------------------------------------------
  // Step 3: add
  // ---------------------------------------------------------------------------

  /**
   * Starts tracking a file, or records its new version: its bytes go into the cache under
   * their hash (stored once, however many files share them), its pointer is written next to
   * it, and Git is told to ignore the data file. A path that is not a file is refused with an
   * Error that names it.
   * @param {string} relPath
   * @returns {Out} the entry written to the pointer
   */
  add(relPath) {
    const file = this.abs(relPath);
    if (!existsSync(file)) throw new Error(`Cannot add ${relPath}: there is no such file.`);
    if (!statSync(file).isFile()) throw new Error(`Cannot add ${relPath}: it is not a file; add the files in it one by one.`);
    const md5 = this.hashFile(relPath);
    const object = this.objectPath(md5);
    if (!existsSync(object)) {
      mkdirSync(path.dirname(object), { recursive: true });
      copyFileSync(file, object);
    }
    /** @type {Out} */
    const out = { md5, size: statSync(file).size, hash: 'md5', path: path.posix.basename(relPath) };
    this.writePointer(relPath, out);
    this.ignoreInGit(relPath);
    return out;
  }

  // ---------------------------------------------------------------------------
  // Step 4: status
  // ---------------------------------------------------------------------------

  /**
   * Compares every tracked file with its pointer: a data file that is gone is deleted, one
   * whose bytes differ from what the pointer records is modified.
   * @returns {Status}
   */
  status() {
    /** @type {Status} */
    const result = { modified: [], deleted: [] };
    for (const { dataPath, out } of this.trackedFiles()) {
      const file = this.abs(dataPath);
      if (!existsSync(file)) result.deleted.push(dataPath);
      else if (statSync(file).size !== out.size || this.hashFile(dataPath) !== out.md5) result.modified.push(dataPath);
    }
    return result;
  }

  // ---------------------------------------------------------------------------
  // Step 5: checkout
  // ---------------------------------------------------------------------------

  /**
   * Makes every tracked file match its pointer, copying the right version from the cache.
   * Like `dvc checkout --force`, it overwrites a modified file. Files that already match
   * are left alone. When the object a pointer names is not in the cache, it throws an Error
   * that names the file and the hash.
   * @returns {string[]} the files it restored, sorted
   */
  checkout() {
    /** @type {string[]} */
    const restored = [];
    for (const { dataPath, out } of this.trackedFiles()) {
      const file = this.abs(dataPath);
      if (existsSync(file) && this.hashFile(dataPath) === out.md5) continue;
      const object = this.objectPath(out.md5);
      if (!existsSync(object)) {
        throw new Error(`Cannot restore ${dataPath}: object ${out.md5} is not in the cache. Fetch it from the remote first (dvc pull does this).`);
      }
      mkdirSync(path.dirname(file), { recursive: true });
      copyFileSync(object, file);
      restored.push(dataPath);
    }
    return restored.sort();
  }

  // ---------------------------------------------------------------------------
  // Helpers (already written)
  // ---------------------------------------------------------------------------

  /**
   * Absolute path of a project-relative path.
   * @param {string} relPath
   */
  abs(relPath) {
    return path.join(this.root, relPath);
  }

  /**
   * Writes `<relPath>.dvc`: a JSON pointer with one output. JSON is valid YAML, so it
   * reads like the YAML pointers DVC writes.
   * @param {string} relPath the data file
   * @param {Out} out
   */
  writePointer(relPath, out) {
    writeFileSync(this.abs(relPath + POINTER_SUFFIX), `${JSON.stringify({ outs: [out] }, null, 2)}\n`);
  }

  /**
   * Adds `/<file name>` to the `.gitignore` next to the data file, once, as `dvc add` does.
   * @param {string} relPath
   */
  ignoreInGit(relPath) {
    const gitignore = path.join(path.dirname(this.abs(relPath)), '.gitignore');
    const entry = `/${path.posix.basename(relPath)}`;
    const lines = existsSync(gitignore) ? readFileSync(gitignore, 'utf8').split('\n') : [];
    if (lines.includes(entry)) return;
    const text = lines.filter((line) => line !== '').concat(entry).join('\n');
    writeFileSync(gitignore, `${text}\n`);
  }

  /**
   * Every pointer in the project with the data file it describes, sorted by path.
   * Skips the `.dvc` folder itself, `.git` and `node_modules`.
   * @returns {{ pointerPath: string, dataPath: string, out: Out }[]}
   */
  trackedFiles() {
    /** @type {{ pointerPath: string, dataPath: string, out: Out }[]} */
    const found = [];
    /** @param {string} folder project-relative, '' for the root */
    const walk = (folder) => {
      for (const entry of readdirSync(this.abs(folder), { withFileTypes: true })) {
        const rel = folder ? `${folder}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!['.dvc', '.git', 'node_modules'].includes(entry.name)) walk(rel);
        } else if (entry.isFile() && entry.name.endsWith(POINTER_SUFFIX)) {
          const out = readPointer(readFileSync(this.abs(rel), 'utf8'), rel);
          found.push({ pointerPath: rel, dataPath: folder ? `${folder}/${out.path}` : out.path, out });
        }
      }
    };
    walk('');
    return found.sort((a, b) => a.dataPath.localeCompare(b.dataPath));
  }
}

/**
 * Parses a pointer file and checks it has the fields the store relies on.
 * @param {string} text
 * @param {string} where the pointer's path, for error messages
 * @returns {Out}
 */
export function readPointer(text, where) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`${where} is not a valid pointer: it must be JSON like {"outs": [{"md5": "…", "size": 1, "hash": "md5", "path": "…"}]}.`);
  }
  const out = data?.outs?.[0];
  if (!out || typeof out.md5 !== 'string' || !/^[0-9a-f]{32}$/.test(out.md5) || typeof out.path !== 'string' || typeof out.size !== 'number') {
    throw new Error(`${where} is not a valid pointer: outs[0] needs an md5 (32 hex characters), a size and a path.`);
  }
  return out;
}
