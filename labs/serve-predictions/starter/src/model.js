// @ts-check
/**
 * The model: a logistic regression stored as JSON (weights, bias, threshold and the
 * allowed range of each feature). This file is complete; you do not need to change it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {object} FeatureSpec
 * @property {string} name   key the client must send
 * @property {number} min    smallest allowed value (inclusive)
 * @property {number} max    largest allowed value (inclusive)
 * @property {string} [description]
 */

/**
 * @typedef {object} Model
 * @property {string} name
 * @property {string} version
 * @property {FeatureSpec[]} features
 * @property {number[]} weights   one weight per feature, in the same order
 * @property {number} bias
 * @property {number} threshold   probability at or above which the prediction is 1
 */

/** The model file that ships with the service. */
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../model/model.json', import.meta.url));

/**
 * Reads and checks a model file. Throws if the file is missing or malformed, so a bad
 * deployment fails loudly instead of serving nonsense.
 * @param {string} [path]
 * @returns {Model}
 */
export function loadModelFromFile(path = DEFAULT_MODEL_PATH) {
  const model = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof model.version !== 'string' || !Array.isArray(model.features) || !Array.isArray(model.weights))
    throw new Error(`${path}: a model needs "version", "features" and "weights"`);
  if (model.features.length !== model.weights.length)
    throw new Error(`${path}: ${model.features.length} features but ${model.weights.length} weights`);
  if (typeof model.bias !== 'number' || typeof model.threshold !== 'number')
    throw new Error(`${path}: "bias" and "threshold" must be numbers`);
  return model;
}

/**
 * Scores one validated input.
 * @param {Model} model
 * @param {Record<string, number>} features  one finite number per feature name
 * @returns {{ prediction: 0 | 1, probability: number }}
 */
export function predict(model, features) {
  const z = model.features.reduce((sum, feature, i) => sum + model.weights[i] * features[feature.name], model.bias);
  const probability = 1 / (1 + Math.exp(-z));
  if (!Number.isFinite(probability)) throw new Error('model produced a non-finite probability');
  return { prediction: probability >= model.threshold ? 1 : 0, probability: Math.round(probability * 10000) / 10000 };
}
