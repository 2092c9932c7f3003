// @ts-check
/**
 * A walk through the store in a temporary folder: run `npm run demo` once the tests pass.
 * It plays the part of both Git (saving and restoring the pointer) and DVC.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataStore } from './src/store.js';

const root = mkdtempSync(path.join(tmpdir(), 'data-versioning-demo-'));
const file = path.join(root, 'data', 'train.csv');
const pointer = `${file}.dvc`;
const store = new DataStore(root);

try {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, 'sepal_length,species\n5.1,setosa\n');
  console.log('dvc add (version 1):', store.add('data/train.csv'));
  const version1Pointer = readFileSync(pointer, 'utf8'); // what `git commit` would keep

  writeFileSync(file, 'sepal_length,species\n5.1,setosa\n6.7,virginica\n');
  console.log('dvc status after editing the data:', store.status());
  console.log('dvc add (version 2):', store.add('data/train.csv'));

  writeFileSync(pointer, version1Pointer); // `git checkout <old commit> -- data/train.csv.dvc`
  console.log('dvc status with the version 1 pointer back:', store.status());
  console.log('dvc checkout restored:', store.checkout());
  console.log('data/train.csv now holds:', JSON.stringify(readFileSync(file, 'utf8')));
} finally {
  rmSync(root, { recursive: true, force: true });
}
