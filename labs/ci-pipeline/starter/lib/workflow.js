// @ts-check
/**
 * Reads .github/workflows/ci.yml for the tests and answers small questions about it.
 * You do not need to change this file: edit the workflow until the tests pass.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Where GitHub looks for workflows, relative to the repository root. */
export const WORKFLOW_FILE = '.github/workflows/ci.yml';
const WORKFLOW_URL = new URL(`../${WORKFLOW_FILE}`, import.meta.url);

/**
 * @typedef {Record<string, any>} Mapping
 * @typedef {{ job: string, index: number, step: Mapping }} StepRef
 */

/**
 * Reads and parses the workflow. Throws an Error that says what to fix when the file
 * is missing or is not a YAML mapping, so every test fails with the same clear message.
 * @returns {{ text: string, data: Mapping }}
 */
export function loadWorkflow() {
  if (!existsSync(WORKFLOW_URL)) {
    throw new Error(`${WORKFLOW_FILE} is missing. GitHub runs only the workflow files in .github/workflows/, so create it there.`);
  }
  const text = readFileSync(WORKFLOW_URL, 'utf8');
  let data;
  try {
    data = parse(text);
  } catch (error) {
    throw new Error(`${WORKFLOW_FILE} is not valid YAML, so GitHub would reject it: ${/** @type {Error} */ (error).message}`);
  }
  if (!isMapping(data)) throw new Error(`${WORKFLOW_FILE} must be a YAML mapping with at least \`on:\` and \`jobs:\`.`);
  return { text, data };
}

/**
 * @param {unknown} value
 * @returns {value is Mapping}
 */
export function isMapping(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The `on:` triggers as a mapping from event name to its settings (null when it has none).
 * `on: push` and `on: [push, pull_request]` are normalised to the same shape.
 * @param {Mapping} data
 * @returns {Mapping}
 */
export function triggers(data) {
  const on = data.on;
  if (typeof on === 'string') return { [on]: null };
  if (Array.isArray(on)) return Object.fromEntries(on.map((event) => [event, null]));
  return isMapping(on) ? on : {};
}

/**
 * The branch filter of one trigger, as a list (empty when there is none).
 * @param {unknown} trigger
 * @returns {string[]}
 */
export function branchesOf(trigger) {
  if (!isMapping(trigger)) return [];
  const branches = trigger.branches;
  if (typeof branches === 'string') return [branches];
  return Array.isArray(branches) ? branches.map(String) : [];
}

/**
 * One job by id, or undefined.
 * @param {Mapping} data
 * @param {string} id
 * @returns {Mapping | undefined}
 */
export function job(data, id) {
  const jobs = isMapping(data.jobs) ? data.jobs : {};
  return isMapping(jobs[id]) ? jobs[id] : undefined;
}

/**
 * The steps of a job (an empty list when it has none).
 * @param {Mapping | undefined} aJob
 * @returns {Mapping[]}
 */
export function stepsOf(aJob) {
  return aJob && Array.isArray(aJob.steps) ? aJob.steps.filter(isMapping) : [];
}

/**
 * Every step of every job, with the job id and position, for rules that apply everywhere.
 * @param {Mapping} data
 * @returns {StepRef[]}
 */
export function allSteps(data) {
  const jobs = isMapping(data.jobs) ? data.jobs : {};
  return Object.entries(jobs).flatMap(([id, aJob]) => stepsOf(isMapping(aJob) ? aJob : undefined).map((step, index) => ({ job: id, index, step })));
}

/**
 * The action a step uses, without its version: `actions/checkout@v7` gives `actions/checkout`.
 * @param {Mapping} step
 * @returns {string}
 */
export function actionOf(step) {
  return typeof step.uses === 'string' ? step.uses.split('@')[0].trim() : '';
}

/**
 * The jobs a job waits for, as a list.
 * @param {Mapping | undefined} aJob
 * @returns {string[]}
 */
export function needsOf(aJob) {
  if (!aJob) return [];
  if (typeof aJob.needs === 'string') return [aJob.needs];
  return Array.isArray(aJob.needs) ? aJob.needs.map(String) : [];
}

/**
 * Whether a value is a whole GitHub expression such as `${{ vars.USER }}`.
 * @param {unknown} value
 */
export function isExpression(value) {
  return typeof value === 'string' && /^\$\{\{[\s\S]*\}\}$/.test(value.trim());
}

/**
 * Whether a value is exactly a reference to a stored secret: `${{ secrets.NAME }}`
 * (or the job's own token, `${{ github.token }}`).
 * @param {unknown} value
 */
export function isSecretReference(value) {
  return typeof value === 'string' && /^\$\{\{\s*(secrets\.[A-Za-z_][A-Za-z0-9_]*|github\.token)\s*\}\}$/.test(value.trim());
}

/**
 * Every `env:` mapping in the workflow (top level, jobs and steps), with where it is.
 * @param {Mapping} data
 * @returns {{ where: string, env: Mapping }[]}
 */
export function envBlocks(data) {
  /** @type {{ where: string, env: Mapping }[]} */
  const blocks = [];
  if (isMapping(data.env)) blocks.push({ where: 'the top-level env', env: data.env });
  const jobs = isMapping(data.jobs) ? data.jobs : {};
  for (const [id, aJob] of Object.entries(jobs)) {
    if (isMapping(aJob) && isMapping(aJob.env)) blocks.push({ where: `the env of job "${id}"`, env: aJob.env });
  }
  for (const { job: id, index, step } of allSteps(data)) {
    if (isMapping(step.env)) blocks.push({ where: `the env of step ${index + 1} of job "${id}"`, env: step.env });
  }
  return blocks;
}

/** Names that say "this holds a credential". */
export const CREDENTIAL_NAME = /pass(word|wd)?|token|secret|api[-_]?key|access[-_]?key|private[-_]?key|credential/i;

/** Shapes of real credentials that must never appear in a repository. */
export const CREDENTIAL_PATTERNS = [
  { name: 'a GitHub token', pattern: /\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}/ },
  { name: 'a GitHub fine-grained token', pattern: /\bgithub_pat_[A-Za-z0-9_]{20,}/ },
  { name: 'a Docker Hub access token', pattern: /\bdckr_pat_[A-Za-z0-9_-]{10,}/ },
  { name: 'an AWS access key id', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'a private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
];
