// @ts-check
/**
 * Saving and loading the churn model as a JSON model file with metadata.
 *
 * A model file holds two things:
 *   - `parameters`: what the model learned, enough to predict;
 *   - `metadata`: what you need to trust, reproduce and audit it (when it was made, from which
 *     data, with which settings, how good it was, with which software).
 * The loader must refuse anything it does not fully understand, with an error that says why.
 *
 * YOUR TASK: write the six functions marked "Step N" below (README.md explains each step).
 * The constants, the error class, the types and the small checks at the bottom (isObject,
 * isString, isStringArray, isNumberArray, isSha256, isUtcTimestamp) are done: use them.
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
  throw new Error('not implemented yet: sha256Hex (README step 1)');
}

/**
 * Step 2. Builds the model file object: the learned parameters plus metadata.
 * See README.md for the exact shape.
 * @param {Model} model
 * @param {ModelInfo} info
 * @returns {ModelFile}
 */
export function createModelFile(model, info) {
  throw new Error('not implemented yet: createModelFile (README step 2)');
}

/**
 * Step 3. Writes the model file as indented JSON, creating missing folders.
 * @param {string} filePath
 * @param {ModelFile} modelFile
 */
export function saveModelFile(filePath, modelFile) {
  throw new Error('not implemented yet: saveModelFile (README step 3)');
}

/**
 * Step 4. Checks that a parsed value is a model file this code can use: its format, its
 * version, and every field of README.md's table, present and of the right type and format.
 * Throws a ModelFileError naming the first problem it finds (a missing field by its dotted path).
 * @param {unknown} value
 * @returns {ModelFile}
 */
export function validateModelFile(value) {
  throw new Error('not implemented yet: validateModelFile (README step 4)');
}

/**
 * Step 5. Reads, parses and validates a model file.
 * Throws a ModelFileError if the file is not valid JSON or not a valid model file.
 * @param {string} filePath
 * @returns {ModelFile}
 */
export function loadModelFile(filePath) {
  throw new Error('not implemented yet: loadModelFile (README step 5)');
}

/**
 * Step 6. Confirms that some training data is the data the model was trained on.
 * Throws a ModelFileError if its hash differs from the one recorded in the model file.
 * @param {ModelFile} modelFile
 * @param {Buffer | string} dataBytes  The exact contents of the training file.
 */
export function verifyTrainingData(modelFile, dataBytes) {
  throw new Error('not implemented yet: verifyTrainingData (README step 6)');
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
