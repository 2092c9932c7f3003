// Tests for your work in src/model-file.js. They fail until you finish the README's steps.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { parseCsv } from '../src/csv.js';
import { accuracy, DEFAULT_HYPERPARAMETERS, predictProba, splitTrainTest, train } from '../src/model.js';
import {
  createModelFile,
  FORMAT,
  FORMAT_VERSION,
  LAB_VERSION,
  loadModelFile,
  saveModelFile,
  sha256Hex,
  validateModelFile,
  verifyTrainingData,
} from '../src/model-file.js';

// Scratch folder inside the project, removed after the tests.
const scratchRoot = fileURLToPath(new URL('../.test-output/', import.meta.url));
mkdirSync(scratchRoot, { recursive: true });
const scratch = mkdtempSync(join(scratchRoot, 'run-'));
after(() => rmSync(scratchRoot, { recursive: true, force: true }));

const DATA_PATH = 'data/churn.csv';
const dataBytes = readFileSync(new URL(`../${DATA_PATH}`, import.meta.url));
const data = parseCsv(dataBytes.toString('utf8'), 'churned');
const split = splitTrainTest(data.rows, data.labels);
const model = train(split.train.rows, split.train.labels, DEFAULT_HYPERPARAMETERS);
const metrics = {
  trainAccuracy: accuracy(model, split.train.rows, split.train.labels),
  testAccuracy: accuracy(model, split.test.rows, split.test.labels),
};
const NOW = new Date('2026-11-27T09:30:00.000Z');

/** The model file for the bundled data, built with your createModelFile. */
function buildFile() {
  return createModelFile(model, {
    featureNames: data.featureNames,
    target: data.target,
    trainingData: { path: DATA_PATH, bytes: dataBytes, rows: data.rows.length },
    hyperparameters: DEFAULT_HYPERPARAMETERS,
    metrics,
    now: NOW,
  });
}

/** A valid model file written by hand, so the loader tests do not depend on your writer. */
function handWrittenFile() {
  return {
    format: 'churn-logistic-regression',
    formatVersion: 1,
    parameters: { means: [36.1, 70.2, 1.6], stds: [20.3, 25.4, 1.5], weights: [-1.2, 0.6, 0.9], bias: -0.8 },
    metadata: {
      createdAt: '2026-11-27T09:30:00.000Z',
      featureNames: ['tenure_months', 'monthly_charges', 'support_calls'],
      target: 'churned',
      trainingData: { path: 'data/churn.csv', sha256: 'a'.repeat(64), rows: 60 },
      hyperparameters: { learningRate: 0.1, epochs: 2000 },
      metrics: { trainAccuracy: 0.83, testAccuracy: 0.75 },
      software: { lab: '1.0.0', node: 'v20.11.0' },
    },
  };
}

/** Writes any value as JSON into the scratch folder and returns the path. */
function writeJson(name, value) {
  const path = join(scratch, name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

/**
 * The dotted path of every value in a model file (lists count as one value), e.g.
 * "metadata.trainingData.sha256". Taken from the hand-written file, so no field is left out.
 * @param {Record<string, unknown>} value
 * @param {string} [prefix]
 * @returns {string[]}
 */
function leafPaths(value, prefix = '') {
  return Object.entries(value).flatMap(([key, child]) =>
    child !== null && typeof child === 'object' && !Array.isArray(child)
      ? leafPaths(/** @type {Record<string, unknown>} */ (child), `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

/** Sets (or, with `remove`, deletes) the value at a dotted path of a plain object. */
function setPath(root, path, value, remove = false) {
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce((node, key) => node[key], root);
  if (remove) delete parent[keys.at(-1)];
  else parent[keys.at(-1)] = value;
  return root;
}

/** A wrong value of the right field for every field of the format, after format and formatVersion. */
const WRONG_VALUES = {
  'parameters.means': [36.1, '70.2', 1.6],
  'parameters.stds': 'not a list',
  'parameters.weights': [-1.2, null, 0.9],
  'parameters.bias': '-0.8',
  'metadata.createdAt': '2026-11-27 09:30',
  'metadata.featureNames': [],
  'metadata.target': '',
  'metadata.trainingData.path': 42,
  'metadata.trainingData.sha256': 'not-a-hash',
  'metadata.trainingData.rows': 60.5,
  'metadata.hyperparameters.learningRate': -0.1,
  'metadata.hyperparameters.epochs': '2000',
  'metadata.metrics.trainAccuracy': 1.5,
  'metadata.metrics.testAccuracy': -0.25,
  'metadata.software.lab': '',
  'metadata.software.node': null,
};

/** Escapes a dotted path for use in a regular expression. @param {string} path */
const pattern = (path) => path.replaceAll('.', '\\.');

/** Expects a ModelFileError whose message matches the pattern. */
function assertRefused(fn, pattern) {
  assert.throws(fn, { name: 'ModelFileError', message: pattern });
}

describe('step 1: sha256Hex', () => {
  test('returns the hex SHA-256 digest', () => {
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('hashes a Buffer and the same text as a string identically', () => {
    assert.equal(sha256Hex(Buffer.from('churn')), sha256Hex('churn'));
  });
});

describe('step 2: createModelFile', () => {
  test('records the format and its version', () => {
    const file = buildFile();
    assert.equal(file.format, FORMAT);
    assert.equal(file.formatVersion, FORMAT_VERSION);
  });

  test('keeps every learned parameter', () => {
    assert.deepEqual(buildFile().parameters, model);
  });

  test('records the metadata: features, target, created time, settings, metrics, software', () => {
    const { metadata } = buildFile();
    assert.deepEqual(metadata.featureNames, ['tenure_months', 'monthly_charges', 'support_calls']);
    assert.equal(metadata.target, 'churned');
    assert.equal(metadata.createdAt, '2026-11-27T09:30:00.000Z', 'createdAt is info.now as an ISO string');
    assert.deepEqual(metadata.hyperparameters, DEFAULT_HYPERPARAMETERS);
    assert.deepEqual(metadata.metrics, metrics);
    assert.deepEqual(metadata.software, { lab: LAB_VERSION, node: process.version });
  });

  test('records the SHA-256 of the exact training file bytes', () => {
    const expected = createHash('sha256').update(dataBytes).digest('hex');
    assert.deepEqual(buildFile().metadata.trainingData, { path: DATA_PATH, sha256: expected, rows: 60 });
  });

  test('copies the parameters, so changing the model later cannot change the file', () => {
    const trained = structuredClone(model);
    const file = createModelFile(trained, {
      featureNames: data.featureNames,
      target: data.target,
      trainingData: { path: DATA_PATH, bytes: dataBytes, rows: data.rows.length },
      hyperparameters: DEFAULT_HYPERPARAMETERS,
      metrics,
      now: NOW,
    });
    trained.weights[0] = 99;
    trained.means.push(1);
    assert.deepEqual(file.parameters, model);
  });

  test('uses the current time when no time is given', () => {
    const before = Date.now();
    const { metadata } = createModelFile(model, {
      featureNames: data.featureNames,
      target: data.target,
      trainingData: { path: DATA_PATH, bytes: dataBytes, rows: data.rows.length },
      hyperparameters: DEFAULT_HYPERPARAMETERS,
      metrics,
    });
    const created = Date.parse(metadata.createdAt);
    assert.ok(created >= before - 1000 && created <= Date.now() + 1000, `createdAt was ${metadata.createdAt}`);
    assert.equal(new Date(created).toISOString(), metadata.createdAt, 'createdAt is an ISO 8601 UTC string');
  });
});

describe('step 3: saveModelFile', () => {
  test('writes the model file as JSON, creating missing folders', () => {
    const path = join(scratch, 'new-folder', 'churn-v1.json');
    saveModelFile(path, buildFile());
    assert.ok(existsSync(path), `${path} should exist`);
    assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), buildFile());
  });

  test('indents the JSON with two spaces and ends the file with a newline', () => {
    const path = join(scratch, 'indented.json');
    saveModelFile(path, buildFile());
    assert.equal(readFileSync(path, 'utf8'), `${JSON.stringify(buildFile(), null, 2)}\n`);
  });
});

describe('step 4: validateModelFile', () => {
  test('accepts a valid model file and returns it', () => {
    const file = handWrittenFile();
    assert.deepEqual(validateModelFile(file), file);
  });

  test('accepts the file your createModelFile builds', () => {
    assert.doesNotThrow(() => validateModelFile(buildFile()));
  });

  test('refuses a value that is not an object', () => {
    assertRefused(() => validateModelFile([1, 2, 3]), /object/);
  });

  test('refuses a file of another format', () => {
    const file = { ...handWrittenFile(), format: 'some-other-model' };
    assertRefused(() => validateModelFile(file), /format/);
  });

  test('refuses an unsupported formatVersion and says which versions it reads', () => {
    const file = { ...handWrittenFile(), formatVersion: 2 };
    assertRefused(() => validateModelFile(file), /unsupported formatVersion 2.*1/);
  });

  test('refuses a file with a missing field and names the field, for every field of the format', () => {
    const paths = leafPaths(handWrittenFile());
    assert.equal(paths.length, 18, 'the format has 18 fields');
    for (const path of paths) {
      const file = setPath(handWrittenFile(), path, undefined, true);
      assertRefused(() => validateModelFile(file), new RegExp(`missing field "${pattern(path)}"`));
    }
  });

  test('refuses a field of the wrong type or format and names it, for every field of the format', () => {
    const paths = leafPaths(handWrittenFile()).filter((path) => path !== 'format' && path !== 'formatVersion');
    assert.deepEqual(Object.keys(WRONG_VALUES).sort(), paths.sort(), 'every field has a wrong value to try');
    for (const [path, wrong] of Object.entries(WRONG_VALUES)) {
      const file = setPath(handWrittenFile(), path, wrong);
      assert.throws(
        () => validateModelFile(file),
        (err) => err instanceof Error && err.name === 'ModelFileError' && err.message.includes(path),
        `${path} = ${JSON.stringify(wrong)} should be refused with a ModelFileError that names "${path}"`,
      );
    }
  });

  test('refuses a createdAt that is not an ISO 8601 UTC time', () => {
    for (const createdAt of ['27/11/2026', 'Fri, 27 Nov 2026 09:30:00 GMT', '2026-11-27T10:30:00+01:00', '2026-02-30T09:30:00.000Z']) {
      const file = setPath(handWrittenFile(), 'metadata.createdAt', createdAt);
      assertRefused(() => validateModelFile(file), /metadata\.createdAt/);
    }
    assert.doesNotThrow(() => validateModelFile(setPath(handWrittenFile(), 'metadata.createdAt', '2026-11-27T09:30:00Z')));
  });

  test('refuses a training data hash that is not 64 lower-case hex characters', () => {
    for (const sha256 of ['a'.repeat(63), 'a'.repeat(65), 'A'.repeat(64), 'g'.repeat(64)]) {
      const file = setPath(handWrittenFile(), 'metadata.trainingData.sha256', sha256);
      assertRefused(() => validateModelFile(file), /metadata\.trainingData\.sha256/);
    }
  });

  test('accepts zero where zero is a valid value: a bias of 0 and an accuracy of 0', () => {
    const file = setPath(setPath(handWrittenFile(), 'parameters.bias', 0), 'metadata.metrics.testAccuracy', 0);
    assert.deepEqual(validateModelFile(file), file);
  });

  test('refuses a parameter that is not a finite number (NaN is saved as null)', () => {
    const file = handWrittenFile();
    file.parameters.weights[1] = null;
    assertRefused(() => validateModelFile(file), /parameters\.weights/);
  });

  test('refuses parameters whose length does not match the features, for means, stds and weights', () => {
    for (const name of ['means', 'stds', 'weights']) {
      const file = setPath(handWrittenFile(), `parameters.${name}`, [0.1, 0.2]);
      assertRefused(() => validateModelFile(file), new RegExp(`parameters\\.${name}`));
    }
  });
});

describe('step 5: loadModelFile', () => {
  test('round trip: the loaded model predicts exactly what the trained model predicts', () => {
    const path = join(scratch, 'round-trip.json');
    saveModelFile(path, buildFile());
    const loaded = loadModelFile(path);
    const before = data.rows.map((row) => predictProba(model, row));
    const afterLoad = data.rows.map((row) => predictProba(loaded.parameters, row));
    assert.deepEqual(afterLoad, before);
    assert.deepEqual(loaded.metadata, buildFile().metadata);
  });

  test('refuses a file with an unsupported formatVersion', () => {
    const path = writeJson('version-2.json', { ...handWrittenFile(), formatVersion: 2 });
    assertRefused(() => loadModelFile(path), /unsupported formatVersion 2/);
  });

  test('refuses a file with a missing field, with the validator\'s message and not "not valid JSON"', () => {
    const file = handWrittenFile();
    delete file.parameters.bias;
    const path = writeJson('no-bias.json', file);
    assertRefused(() => loadModelFile(path), /missing field "parameters\.bias"/);
    assert.throws(
      () => loadModelFile(path),
      (err) => err instanceof Error && !/not valid JSON/i.test(err.message),
      'the file is valid JSON: only JSON.parse errors should say "not valid JSON"',
    );
  });

  test('refuses a file that is not valid JSON', () => {
    const path = join(scratch, 'truncated.json');
    writeFileSync(path, JSON.stringify(handWrittenFile()).slice(0, 80));
    assertRefused(() => loadModelFile(path), /not valid JSON/);
  });
});

describe('step 6: verifyTrainingData', () => {
  test('accepts the exact training data', () => {
    assert.doesNotThrow(() => verifyTrainingData(buildFile(), dataBytes));
  });

  test('detects training data that changed after the model was saved', () => {
    // Flip the label at the end of the first data line: one character out of about 1,000.
    const lines = dataBytes.toString('utf8').split('\n');
    lines[1] = lines[1].endsWith('0') ? `${lines[1].slice(0, -1)}1` : `${lines[1].slice(0, -1)}0`;
    const tampered = lines.join('\n');
    assert.notEqual(tampered, dataBytes.toString('utf8'));
    assertRefused(() => verifyTrainingData(buildFile(), tampered), /sha256|hash/i);
  });
});
