// @ts-check
/**
 * Saving and loading the churn model as a JSON model file with metadata.
 *
 * A model file holds two things:
 *   - `parameters`: what the model learned, enough to predict;
 *   - `metadata`: what you need to trust, reproduce and audit it (when it was made, from which
 *     data, with which settings, how good it was, with which software).
 * The loader refuses anything it does not fully understand, with an error that says why.
 * This is the finished version of the file; compare it with yours.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Name of this file format. A loader refuses files of any other format. */
export const FORMAT = 'churn-logistic-regression';
/** Version of the format this code writes. Bump it when the shape of the file changes. */
export const FORMAT_VERSION = 1;
/** Versions this code can read. */
export const SUPPORTED_FORMAT_VERSIONS = [1];
/** Version of the code that produced the file, recorded in `metadata.software.lab`. */
export const LAB_VERSION = '1.0.0';

/** Raised when a model file must not be used; the message says what is wrong. */
export class ModelFileError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'ModelFileError';
  }
}

/**
 * @typedef {import('./model.js').Model} Model
 * @typedef {import('./model.js').Hyperparameters} Hyperparameters
 *
 * @typedef {object} ModelFile
 * @property {string} format           Always FORMAT.
 * @property {number} formatVersion    Always FORMAT_VERSION when written by this code.
 * @property {Model} parameters        What the model learned.
 * @property {Metadata} metadata       Everything needed to trust and reproduce it.
 *
 * @typedef {object} Metadata
 * @property {string} createdAt        ISO 8601 time in UTC, e.g. "2026-11-27T09:30:00.000Z".
 * @property {string[]} featureNames   Input columns, in the order the parameters expect.
 * @property {string} target           The predicted column.
 * @property {{ path: string, sha256: string, rows: number }} trainingData
 * @property {Hyperparameters} hyperparameters
 * @property {{ trainAccuracy: number, testAccuracy: number }} metrics
 * @property {{ lab: string, node: string }} software
 *
 * @typedef {object} ModelInfo
 * @property {string[]} featureNames
 * @property {string} target
 * @property {{ path: string, bytes: Buffer | string, rows: number }} trainingData
 *           `bytes` are the exact contents of the training file.
 * @property {Hyperparameters} hyperparameters
 * @property {{ trainAccuracy: number, testAccuracy: number }} metrics
 * @property {Date} [now]  The creation time; defaults to the current time.
 */

/**
 * Step 1. The SHA-256 digest of some data, as 64 lower-case hexadecimal characters.
 * @param {Buffer | string} data  Strings are hashed as UTF-8.
 * @returns {string}
 */
export function sha256Hex(data) {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Step 2. Builds the model file object: the learned parameters plus metadata.
 * @param {Model} model
 * @param {ModelInfo} info
 * @returns {ModelFile}
 */
export function createModelFile(model, info) {
  const now = info.now ?? new Date();
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    parameters: {
      means: [...model.means],
      stds: [...model.stds],
      weights: [...model.weights],
      bias: model.bias,
    },
    metadata: {
      createdAt: now.toISOString(),
      featureNames: [...info.featureNames],
      target: info.target,
      trainingData: {
        path: info.trainingData.path,
        sha256: sha256Hex(info.trainingData.bytes),
        rows: info.trainingData.rows,
      },
      hyperparameters: { ...info.hyperparameters },
      metrics: { ...info.metrics },
      software: { lab: LAB_VERSION, node: process.version },
    },
  };
}

/**
 * Step 3. Writes the model file as indented JSON, creating missing folders.
 * @param {string} filePath
 * @param {ModelFile} modelFile
 */
export function saveModelFile(filePath, modelFile) {
  mkdirSync(dirname(filePath), { recursive: true });
  writeFileSync(filePath, `${JSON.stringify(modelFile, null, 2)}\n`, 'utf8');
}

/**
 * Step 4. Checks that a parsed value is a model file this code can use.
 * Throws a ModelFileError naming the first problem it finds.
 * @param {unknown} value
 * @returns {ModelFile}
 */
export function validateModelFile(value) {
  if (!isObject(value)) throw new ModelFileError('a model file must contain a JSON object');

  // Identify the format and its version before reading anything else.
  const format = field(value, 'format', isString, 'a string');
  if (format !== FORMAT) throw new ModelFileError(`wrong format "${format}": expected "${FORMAT}"`);
  const version = field(value, 'formatVersion', Number.isInteger, 'an integer');
  if (!SUPPORTED_FORMAT_VERSIONS.includes(version)) {
    throw new ModelFileError(
      `unsupported formatVersion ${version}: this loader reads version ${SUPPORTED_FORMAT_VERSIONS.join(', ')}`,
    );
  }

  // Every field the loader relies on, with its type and format.
  const featureNames = field(value, 'metadata.featureNames', isStringArray, 'a non-empty list of non-empty strings');
  for (const name of ['means', 'stds', 'weights']) {
    const values = field(value, `parameters.${name}`, isNumberArray, 'a list of finite numbers');
    if (values.length !== featureNames.length) {
      throw new ModelFileError(
        `parameters.${name} has ${values.length} values but metadata.featureNames has ${featureNames.length}`,
      );
    }
  }
  field(value, 'parameters.bias', Number.isFinite, 'a finite number');
  field(value, 'metadata.createdAt', isUtcTimestamp, 'an ISO 8601 UTC time such as "2026-11-27T09:30:00.000Z"');
  field(value, 'metadata.target', isString, 'a non-empty string');
  field(value, 'metadata.trainingData.path', isString, 'a non-empty string');
  field(value, 'metadata.trainingData.sha256', isSha256, '64 lower-case hexadecimal characters');
  field(value, 'metadata.trainingData.rows', isCount, 'a whole number of at least 1');
  field(value, 'metadata.hyperparameters.learningRate', (v) => Number.isFinite(v) && v > 0, 'a number above 0');
  field(value, 'metadata.hyperparameters.epochs', isCount, 'a whole number of at least 1');
  field(value, 'metadata.metrics.trainAccuracy', isFraction, 'a number from 0 to 1');
  field(value, 'metadata.metrics.testAccuracy', isFraction, 'a number from 0 to 1');
  field(value, 'metadata.software.lab', isString, 'a non-empty string');
  field(value, 'metadata.software.node', isString, 'a non-empty string');

  return /** @type {ModelFile} */ (value);
}

/**
 * Step 5. Reads, parses and validates a model file.
 * @param {string} filePath
 * @returns {ModelFile}
 */
export function loadModelFile(filePath) {
  const text = readFileSync(filePath, 'utf8');
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ModelFileError(`${filePath} is not valid JSON: ${/** @type {Error} */ (error).message}`);
  }
  return validateModelFile(parsed);
}

/**
 * Step 6. Confirms that some training data is the data the model was trained on.
 * @param {ModelFile} modelFile
 * @param {Buffer | string} dataBytes  The exact contents of the training file.
 */
export function verifyTrainingData(modelFile, dataBytes) {
  const expected = modelFile.metadata.trainingData.sha256;
  const actual = sha256Hex(dataBytes);
  if (actual !== expected) {
    throw new ModelFileError(
      `training data sha256 mismatch: the model file records ${expected.slice(0, 12)}…, ` +
        `this data hashes to ${actual.slice(0, 12)}…; it is not the data the model was trained on`,
    );
  }
}

/** @param {unknown} value */
const isCount = (value) => Number.isInteger(value) && /** @type {number} */ (value) >= 1;
/** @param {unknown} value */
const isFraction = (value) => Number.isFinite(value) && /** @type {number} */ (value) >= 0 && /** @type {number} */ (value) <= 1;

/**
 * Reads a dotted path such as "metadata.trainingData.sha256" and checks its value.
 * @param {Record<string, unknown>} root
 * @param {string} path
 * @param {(value: any) => boolean} check
 * @param {string} expected  What the value should be, for the error message.
 * @returns {any}
 */
function field(root, path, check, expected) {
  /** @type {unknown} */
  let value = root;
  for (const key of path.split('.')) {
    value = isObject(value) ? value[key] : undefined;
  }
  if (!value) throw new ModelFileError(`missing field "${path}"`);
  if (!check(value)) throw new ModelFileError(`field "${path}" must be ${expected}`);
  return value;
}

// Helpers you may use --------------------------------------------------------------------

/** @param {unknown} value @returns {value is Record<string, unknown>} */
export function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @param {unknown} value */
export function isString(value) {
  return typeof value === 'string' && value.length > 0;
}

/** @param {unknown} value */
export function isStringArray(value) {
  return Array.isArray(value) && value.length > 0 && value.every(isString);
}

/** A list of numbers that JSON can represent (no NaN, no Infinity). @param {unknown} value */
export function isNumberArray(value) {
  return Array.isArray(value) && value.every((item) => typeof item === 'number' && Number.isFinite(item));
}

/** @param {unknown} value */
export function isSha256(value) {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

/**
 * An ISO 8601 time in UTC as `Date.prototype.toISOString` writes it, with or without the
 * milliseconds: "2026-11-27T09:30:00.000Z". Local times, offsets and other date styles are
 * refused because they sort and compare badly across machines.
 * @param {unknown} value
 */
export function isUtcTimestamp(value) {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(value)) return false;
  const time = Date.parse(value);
  // Round-tripping catches dates that do not exist, such as February 30.
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 19) === value.slice(0, 19);
}
