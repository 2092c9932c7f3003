// @ts-check
/**
 * The whole round trip, end to end: `npm start`.
 * Train on data/churn.csv, save models/churn-v1.json, load it back, verify the training
 * data and prove that the loaded model predicts exactly what the trained one does.
 * This file is finished; it works once src/model-file.js does.
 */
import { readFileSync } from 'node:fs';
import { parseCsv } from './csv.js';
import { accuracy, DEFAULT_HYPERPARAMETERS, predictProba, splitTrainTest, train } from './model.js';
import { createModelFile, loadModelFile, saveModelFile, verifyTrainingData } from './model-file.js';

const DATA_PATH = 'data/churn.csv';
const MODEL_PATH = 'models/churn-v1.json';

const dataBytes = readFileSync(DATA_PATH);
const data = parseCsv(dataBytes.toString('utf8'), 'churned');
const { train: trainSet, test: testSet } = splitTrainTest(data.rows, data.labels);

const model = train(trainSet.rows, trainSet.labels, DEFAULT_HYPERPARAMETERS);
const metrics = {
  trainAccuracy: accuracy(model, trainSet.rows, trainSet.labels),
  testAccuracy: accuracy(model, testSet.rows, testSet.labels),
};
console.log(`trained on ${trainSet.rows.length} rows, test accuracy ${metrics.testAccuracy.toFixed(3)}`);

const modelFile = createModelFile(model, {
  featureNames: data.featureNames,
  target: data.target,
  trainingData: { path: DATA_PATH, bytes: dataBytes, rows: data.rows.length },
  hyperparameters: DEFAULT_HYPERPARAMETERS,
  metrics,
});
saveModelFile(MODEL_PATH, modelFile);
console.log(`saved ${MODEL_PATH}`);

const loaded = loadModelFile(MODEL_PATH);
verifyTrainingData(loaded, readFileSync(loaded.metadata.trainingData.path));
console.log(`loaded it back; training data hash ${loaded.metadata.trainingData.sha256.slice(0, 12)}… matches`);

const differences = data.rows.filter((row) => predictProba(model, row) !== predictProba(loaded.parameters, row));
console.log(
  differences.length === 0
    ? `all ${data.rows.length} predictions are identical after the round trip`
    : `${differences.length} predictions changed after the round trip`,
);
