// @ts-check
/**
 * A tiny logistic regression trained by batch gradient descent.
 * Features are standardised with the training set's means and standard deviations, and
 * those statistics are part of the model: a saved model without them predicts nonsense.
 * This file is finished; you do not need to change it.
 */

/**
 * Everything the model learned. This is what a model file must preserve.
 * @typedef {object} Model
 * @property {number[]} means    Mean of each feature in the training rows.
 * @property {number[]} stds     Standard deviation of each feature (1 when a feature is constant).
 * @property {number[]} weights  One weight per standardised feature.
 * @property {number} bias       The intercept.
 */

/**
 * @typedef {object} Hyperparameters
 * @property {number} learningRate  Step size of gradient descent.
 * @property {number} epochs        Passes over the training rows.
 */

/** @type {Hyperparameters} */
export const DEFAULT_HYPERPARAMETERS = { learningRate: 0.1, epochs: 2000 };

/** @param {number} z */
const sigmoid = (z) => 1 / (1 + Math.exp(-z));

/**
 * Trains a logistic regression. Deterministic: the same rows give the same model.
 * @param {number[][]} rows
 * @param {number[]} labels  0 or 1 per row.
 * @param {Hyperparameters} [hyperparameters]
 * @returns {Model}
 */
export function train(rows, labels, hyperparameters = DEFAULT_HYPERPARAMETERS) {
  const { learningRate, epochs } = hyperparameters;
  const n = rows.length;
  const width = rows[0].length;
  const means = Array.from({ length: width }, (_, j) => rows.reduce((sum, row) => sum + row[j], 0) / n);
  const stds = means.map((mean, j) => {
    const variance = rows.reduce((sum, row) => sum + (row[j] - mean) ** 2, 0) / n;
    return variance > 0 ? Math.sqrt(variance) : 1;
  });
  const scaled = rows.map((row) => row.map((value, j) => (value - means[j]) / stds[j]));

  const weights = new Array(width).fill(0);
  let bias = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gradW = new Array(width).fill(0);
    let gradB = 0;
    scaled.forEach((x, i) => {
      const error = sigmoid(x.reduce((z, value, j) => z + value * weights[j], bias)) - labels[i];
      x.forEach((value, j) => (gradW[j] += error * value));
      gradB += error;
    });
    weights.forEach((_, j) => (weights[j] -= (learningRate * gradW[j]) / n));
    bias -= (learningRate * gradB) / n;
  }
  return { means, stds, weights, bias };
}

/**
 * Probability that the customer churns.
 * @param {Model} model
 * @param {number[]} row  Feature values in the training column order.
 */
export function predictProba(model, row) {
  const z = row.reduce((sum, value, j) => sum + model.weights[j] * ((value - model.means[j]) / model.stds[j]), model.bias);
  return sigmoid(z);
}

/**
 * Predicted class, 0 or 1.
 * @param {Model} model
 * @param {number[]} row
 */
export function predict(model, row) {
  return predictProba(model, row) >= 0.5 ? 1 : 0;
}

/**
 * Share of rows whose predicted class equals the label.
 * @param {Model} model
 * @param {number[][]} rows
 * @param {number[]} labels
 */
export function accuracy(model, rows, labels) {
  const right = rows.filter((row, i) => predict(model, row) === labels[i]).length;
  return right / rows.length;
}

/**
 * Deterministic split: every fifth row (the 5th, 10th, …) goes to the test set.
 * @param {number[][]} rows
 * @param {number[]} labels
 */
export function splitTrainTest(rows, labels) {
  const isTest = (/** @type {number} */ i) => i % 5 === 4;
  return {
    train: { rows: rows.filter((_, i) => !isTest(i)), labels: labels.filter((_, i) => !isTest(i)) },
    test: { rows: rows.filter((_, i) => isTest(i)), labels: labels.filter((_, i) => isTest(i)) },
  };
}
