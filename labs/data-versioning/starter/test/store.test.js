// @ts-check
/**
 * Tests for src/store.js. Each test builds a fresh project in a temporary folder,
 * so nothing here touches your files.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { CACHE_DIR, DataStore } from '../src/store.js';

const HELLO_MD5 = 'b1946ac92492d2347c6235b4d2611184'; // md5 of "hello\n"

/**
 * A throw-away project with a store and small file helpers.
 * @param {import('node:test').TestContext} t
 */
function project(t) {
  const root = mkdtempSync(path.join(tmpdir(), 'data-versioning-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const abs = (/** @type {string} */ rel) => path.join(root, rel);
  return {
    root,
    store: new DataStore(root),
    /** @param {string} rel @param {string} text */
    write(rel, text) {
      mkdirSync(path.dirname(abs(rel)), { recursive: true });
      writeFileSync(abs(rel), text);
    },
    /** @param {string} rel */
    read: (rel) => readFileSync(abs(rel), 'utf8'),
    /** @param {string} rel */
    exists: (rel) => existsSync(abs(rel)),
    /** @param {string} rel */
    remove: (rel) => unlinkSync(abs(rel)),
    /** Every object file in the cache, as "ab/cdef…". */
    objects() {
      const cache = abs(CACHE_DIR);
      if (!existsSync(cache)) return [];
      return readdirSync(cache).flatMap((prefix) => readdirSync(path.join(cache, prefix)).map((rest) => `${prefix}/${rest}`));
    },
  };
}

test('step 1: hashFile returns the MD5 of the content, whatever the file is called', (t) => {
  const p = project(t);
  p.write('data/hello.txt', 'hello\n');
  p.write('other/copy.txt', 'hello\n');
  p.write('data/bye.txt', 'bye\n');
  assert.equal(p.store.hashFile('data/hello.txt'), HELLO_MD5, 'hashFile must return the hex MD5 digest of the file bytes.');
  assert.equal(p.store.hashFile('other/copy.txt'), HELLO_MD5, 'Two files with the same bytes must have the same hash: the name plays no part.');
  assert.notEqual(p.store.hashFile('data/bye.txt'), HELLO_MD5, 'Different content must give a different hash.');
});

test('step 1: hashFile hashes the raw bytes, so binary files (models, images) keep their hash', (t) => {
  const p = project(t);
  mkdirSync(path.join(p.root, 'models'), { recursive: true });
  // The start of a PNG file: bytes that are not valid UTF-8 text.
  writeFileSync(path.join(p.root, 'models/weights.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00, 0x80, 0x0a]));
  assert.equal(
    p.store.hashFile('models/weights.bin'),
    '0b5a07eb4621b297b9b7a03d6dca621e',
    'Hash the bytes as they are on disk. Reading the file as text (an encoding such as "utf8") replaces bytes that are not valid text, so the hash no longer matches md5sum or DVC.',
  );
});

test('step 2: objectPath splits the hash into a two-character folder and the rest', (t) => {
  const p = project(t);
  assert.equal(
    p.store.objectPath(HELLO_MD5),
    path.join(p.root, '.dvc', 'cache', 'files', 'md5', 'b1', '946ac92492d2347c6235b4d2611184'),
    'Objects live at <root>/.dvc/cache/files/md5/<first 2 characters>/<other 30>, as in DVC 3.',
  );
});

test('step 3: add stores the content in the cache under its hash', (t) => {
  const p = project(t);
  p.write('data/hello.txt', 'hello\n');
  p.store.add('data/hello.txt');
  assert.deepEqual(p.objects(), ['b1/946ac92492d2347c6235b4d2611184'], 'After add, the cache must hold exactly one object, named after the hash.');
  assert.equal(readFileSync(p.store.objectPath(HELLO_MD5), 'utf8'), 'hello\n', 'The object must hold the same bytes as the file.');
  assert.equal(p.read('data/hello.txt'), 'hello\n', 'add must leave the workspace file where it was.');
});

test('step 3: add writes a DVC-style pointer next to the file and returns its entry', (t) => {
  const p = project(t);
  p.write('data/hello.txt', 'hello\n');
  const out = p.store.add('data/hello.txt');
  const expected = { md5: HELLO_MD5, size: 6, hash: 'md5', path: 'hello.txt' };
  assert.ok(p.exists('data/hello.txt.dvc'), 'add must write the pointer data/hello.txt.dvc next to the data file.');
  assert.deepEqual(JSON.parse(p.read('data/hello.txt.dvc')), { outs: [expected] }, 'The pointer holds one output: md5, size in bytes, hash: "md5", and the file name relative to the pointer.');
  assert.deepEqual(out, expected, 'add must return the entry it wrote.');
});

test('step 3: add tells Git to ignore the data file, once', (t) => {
  const p = project(t);
  p.write('data/hello.txt', 'hello\n');
  p.store.add('data/hello.txt');
  p.write('data/hello.txt', 'hello again\n');
  p.store.add('data/hello.txt');
  const lines = p.read('data/.gitignore').split('\n').filter(Boolean);
  assert.deepEqual(lines, ['/hello.txt'], 'data/.gitignore must list /hello.txt exactly once, so Git versions the pointer and never the data.');
});

test('step 3: identical content is stored once', (t) => {
  const p = project(t);
  p.write('data/a.csv', 'x,y\n1,2\n');
  p.write('backup/a-copy.csv', 'x,y\n1,2\n');
  const first = p.store.add('data/a.csv');
  const second = p.store.add('backup/a-copy.csv');
  assert.equal(second.md5, first.md5, 'Both pointers must name the same hash.');
  assert.equal(p.objects().length, 1, 'Content-addressed storage keeps one object for identical content, however many files have it.');
});

test('step 3: a new version gets a new object, and the old one stays', (t) => {
  const p = project(t);
  p.write('data/train.csv', 'x,y\n1,2\n');
  const v1 = p.store.add('data/train.csv');
  p.write('data/train.csv', 'x,y\n1,2\n3,4\n');
  const v2 = p.store.add('data/train.csv');
  assert.notEqual(v2.md5, v1.md5, 'Changed content must get a new hash.');
  assert.equal(p.objects().length, 2, 'The cache must keep both versions: nothing is ever overwritten.');
  assert.equal(JSON.parse(p.read('data/train.csv.dvc')).outs[0].md5, v2.md5, 'The pointer must name the newest version.');
});

test('step 3: add refuses a path that is missing or is a folder, naming it', (t) => {
  const p = project(t);
  assert.throws(() => p.store.add('data/missing.csv'), /data\/missing\.csv/, 'add must throw an Error that names the missing file.');
  p.write('data/raw/part-0.csv', 'a\n');
  assert.throws(
    () => p.store.add('data/raw'),
    /data\/raw/,
    'data/raw is a folder, not a file: add must refuse it with an Error that names it (checking that the path exists is not enough).',
  );
  assert.deepEqual(p.objects(), [], 'A refused path must leave the cache untouched.');
});

test('step 4: status is clean right after add', (t) => {
  const p = project(t);
  p.write('data/a.csv', 'a\n');
  p.write('data/b.csv', 'b\n');
  p.store.add('data/a.csv');
  p.store.add('data/b.csv');
  assert.deepEqual(p.store.status(), { modified: [], deleted: [] });
});

test('step 4: status reports modified and deleted files', (t) => {
  const p = project(t);
  p.write('data/a.csv', 'a\n');
  p.write('data/b.csv', 'b\n');
  p.write('models/model.json', '{"w": [1, 2]}\n');
  p.store.add('data/a.csv');
  p.store.add('data/b.csv');
  p.store.add('models/model.json');
  p.write('data/a.csv', 'a changed\n');
  p.write('models/model.json', '{"w": [1, 3]}\n'); // same size, different bytes
  p.remove('data/b.csv');
  assert.deepEqual(
    p.store.status(),
    { modified: ['data/a.csv', 'models/model.json'], deleted: ['data/b.csv'] },
    'A file whose bytes differ from its pointer is modified (compare the hash, not only the size); a tracked file that is gone is deleted. Paths are project-relative and sorted.',
  );
});

test('step 5: checkout restores deleted and modified files and leaves the rest alone', (t) => {
  const p = project(t);
  p.write('data/a.csv', 'a\n');
  p.write('data/b.csv', 'b\n');
  p.write('data/c.csv', 'c\n');
  for (const file of ['data/a.csv', 'data/b.csv', 'data/c.csv']) p.store.add(file);
  p.write('data/a.csv', 'edited by mistake\n');
  p.remove('data/b.csv');
  assert.deepEqual(p.store.checkout(), ['data/a.csv', 'data/b.csv'], 'checkout must return the files it restored, sorted, and skip files that already match.');
  assert.equal(p.read('data/a.csv'), 'a\n');
  assert.equal(p.read('data/b.csv'), 'b\n');
  assert.deepEqual(p.store.status(), { modified: [], deleted: [] }, 'After checkout the workspace must match every pointer.');
  assert.deepEqual(p.store.checkout(), [], 'A second checkout has nothing to do.');
});

test('step 5: checkout travels back to an old version when the old pointer comes back', (t) => {
  const p = project(t);
  p.write('data/train.csv', 'version 1\n');
  p.store.add('data/train.csv');
  const v1Pointer = p.read('data/train.csv.dvc'); // what Git has in last week's commit
  p.write('data/train.csv', 'version 2, with more rows\n');
  p.store.add('data/train.csv');
  p.write('data/train.csv.dvc', v1Pointer); // `git checkout <old commit> -- data/train.csv.dvc`
  assert.deepEqual(p.store.status(), { modified: ['data/train.csv'], deleted: [] }, 'With the old pointer back, the workspace holds the wrong version.');
  p.store.checkout(); // `dvc checkout`
  assert.equal(p.read('data/train.csv'), 'version 1\n', 'checkout must bring back the bytes the pointer names, from the cache.');
});

test('step 5: checkout explains what to do when an object is not in the cache', (t) => {
  const p = project(t);
  p.write('data/a.csv', 'a\n');
  const { md5 } = p.store.add('data/a.csv');
  rmSync(path.join(p.root, '.dvc'), { recursive: true, force: true }); // a fresh clone has pointers but no cache
  p.remove('data/a.csv');
  assert.throws(
    () => p.store.checkout(),
    (error) => error instanceof Error && error.message.includes('data/a.csv') && error.message.includes(md5),
    'When the object is missing, checkout must throw an Error that names the file and the hash, so the user knows to pull it from the remote.',
  );
});
