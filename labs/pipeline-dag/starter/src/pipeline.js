// @ts-check
/**
 * The weekly training pipeline from the lesson, run by your DAG runner.
 * Every task is simulated (no real data or model), but the shape is the real one:
 * two extractions in parallel, validation, training, evaluation, registration, deployment.
 * `extract_labels` fails on its first attempt, like a flaky warehouse connection.
 *
 * Run it with `npm start` once the tests pass.
 */
import { runDag } from './dag.js';

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();
/** @param {string} message */
const log = (message) => console.log(`${String(Date.now() - started).padStart(5)} ms  ${message}`);

/** @type {import('./dag.js').Task[]} */
const tasks = [
  {
    id: 'extract_events',
    run: async () => {
      log('extract_events: reading 7 days of events');
      await sleep(120);
      return { rows: 48_210 };
    },
  },
  {
    id: 'extract_labels',
    retries: 2,
    run: async ({ attempt }) => {
      log(`extract_labels: attempt ${attempt}`);
      await sleep(80);
      if (attempt === 1) throw new Error('connection reset by warehouse');
      return { rows: 3_907 };
    },
  },
  {
    id: 'validate',
    upstream: ['extract_events', 'extract_labels'],
    run: ({ inputs }) => {
      const events = /** @type {{ rows: number }} */ (inputs.extract_events);
      const labels = /** @type {{ rows: number }} */ (inputs.extract_labels);
      log(`validate: ${events.rows} events, ${labels.rows} labels`);
      if (labels.rows < 1_000) throw new Error('too few labels to train on');
      return { rows: labels.rows };
    },
  },
  {
    id: 'train',
    upstream: ['validate'],
    run: async () => {
      log('train: fitting the model');
      await sleep(150);
      return { model: 'churn-model-2.4.0' };
    },
  },
  {
    id: 'evaluate',
    upstream: ['train', 'validate'],
    run: ({ inputs }) => {
      const { model } = /** @type {{ model: string }} */ (inputs.train);
      log(`evaluate: scoring ${model}`);
      return { accuracy: 0.91 };
    },
  },
  {
    id: 'register',
    upstream: ['evaluate', 'train'],
    run: ({ inputs }) => {
      const { accuracy } = /** @type {{ accuracy: number }} */ (inputs.evaluate);
      if (accuracy < 0.85) throw new Error(`accuracy ${accuracy} is below the 0.85 gate`);
      log('register: model registered');
      return { version: 7 };
    },
  },
  {
    id: 'deploy',
    upstream: ['register'],
    run: ({ inputs }) => {
      log(`deploy: canary release of registered version ${JSON.stringify(inputs.register)}`);
    },
  },
];

const report = await runDag(tasks);
console.log('');
console.table(
  Object.fromEntries(
    Object.entries(report).map(([id, r]) => [id, { state: r.state, attempts: r.attempts, error: r.error ?? '' }]),
  ),
);
