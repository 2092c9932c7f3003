// @ts-check
/**
 * A small DAG runner, modelled on what Airflow's scheduler does for one DAG run.
 *
 * A pipeline is a list of tasks. Each task names the tasks it depends on (`upstream`).
 * The runner checks the graph, then runs every task once its upstream tasks have succeeded,
 * several at a time when they do not depend on each other. A failing task is retried up to
 * `retries` times; if it still fails, everything downstream of it is marked `upstream_failed`
 * and never runs. The result is a report with the final state of every task.
 *
 * YOUR TASK: write the three functions marked "Step N" below (README.md explains each step).
 * The types, the error class and the `upstreamOf` helper are done.
 */

/**
 * @typedef {object} TaskContext
 * @property {number} attempt                  1 for the first try, 2 for the first retry, …
 * @property {Record<string, unknown>} inputs  Return values of the upstream tasks, by id (like XCom).
 *
 * @typedef {object} Task
 * @property {string} id                       Unique name of the task.
 * @property {string[]} [upstream]             Ids of the tasks that must succeed first.
 * @property {number} [retries]                Extra attempts after the first failure (default 0).
 * @property {(context: TaskContext) => unknown} run  The work; may return a value or a Promise.
 *
 * @typedef {'success' | 'failed' | 'upstream_failed'} TaskState
 *
 * @typedef {object} TaskReport
 * @property {TaskState} state
 * @property {number} attempts   How many times `run` was called (0 when it never ran).
 * @property {unknown} [result]  The return value, when the task succeeded.
 * @property {string} [error]    The last error message, when the task failed.
 *
 * @typedef {object} RunOptions
 * @property {number} [maxConcurrency]  Most tasks running at once (default: no limit).
 */

/** Raised when the graph itself is wrong: a duplicate id, an unknown dependency, a cycle. */
export class DagError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'DagError';
  }
}

/** @param {Task} task */
const upstreamOf = (task) => task.upstream ?? [];

/**
 * Step 1 and Step 2: check that `tasks` form a valid DAG and return the ids in an order where
 * every task comes after all of its upstream tasks (a topological order).
 *
 * Step 1: throw a DagError for a duplicate id (`Duplicate task id "train"`) and for a
 *         dependency on a task that does not exist (`Task "train" depends on unknown task "extrct"`).
 * Step 2: walk the graph depth-first; throw `Cycle detected: a -> b -> c -> a` when a path leads
 *         back to a task you are still exploring, otherwise return the topological order.
 *
 * @param {Task[]} tasks
 * @returns {string[]}
 */
export function validateDag(tasks) {
  void tasks;
  void upstreamOf;
  throw new Error('validateDag is not written yet (Steps 1 and 2 in README.md)');
}

/**
 * Step 3: run one task, retrying it up to `task.retries` extra times. Resolve with a report:
 *   { state: 'success', attempts, result }  or  { state: 'failed', attempts, error }.
 * Never reject: a failure is a report, not an exception.
 *
 * @param {Task} task
 * @param {Record<string, unknown>} inputs
 * @returns {Promise<TaskReport>}
 */
export async function runWithRetries(task, inputs) {
  void task;
  void inputs;
  throw new Error('runWithRetries is not written yet (Step 3 in README.md)');
}

/**
 * Step 4 and Step 5: run the whole DAG and return a report for every task, keyed by id.
 *
 * Step 4: validate first; then keep starting every task whose upstream tasks have all
 *         succeeded (at most `maxConcurrency` at once), and wait for whichever finishes first.
 * Step 5: when a task has failed (or is itself upstream_failed), mark every task downstream of
 *         it `{ state: 'upstream_failed', attempts: 0 }` without running it.
 *
 * @param {Task[]} tasks
 * @param {RunOptions} [options]
 * @returns {Promise<Record<string, TaskReport>>}
 */
export async function runDag(tasks, options = {}) {
  void tasks;
  void options;
  throw new Error('runDag is not written yet (Steps 4 and 5 in README.md)');
}
