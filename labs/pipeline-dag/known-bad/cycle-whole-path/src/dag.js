// @ts-check
/**
 * A small DAG runner, modelled on what Airflow's scheduler does for one DAG run.
 *
 * A pipeline is a list of tasks. Each task names the tasks it depends on (`upstream`).
 * The runner checks the graph, then runs every task once its upstream tasks have succeeded,
 * several at a time when they do not depend on each other. A failing task is retried up to
 * `retries` times; if it still fails, everything downstream of it is marked `upstream_failed`
 * and never runs. The result is a report with the final state of every task.
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
 * @param {Task[]} tasks
 * @returns {string[]}
 */
export function validateDag(tasks) {
  // Step 1: unique ids and known dependencies.
  /** @type {Map<string, Task>} */
  const byId = new Map();
  for (const task of tasks) {
    if (byId.has(task.id)) throw new DagError(`Duplicate task id "${task.id}"`);
    byId.set(task.id, task);
  }
  for (const task of tasks) {
    for (const up of upstreamOf(task)) {
      if (!byId.has(up)) throw new DagError(`Task "${task.id}" depends on unknown task "${up}"`);
    }
  }

  // Step 2: depth-first search over upstream edges. A task is "visiting" while we explore its
  // upstream tasks; meeting a visiting task again means we walked round a cycle.
  /** @type {Map<string, 'visiting' | 'done'>} */
  const mark = new Map();
  /** @type {string[]} */
  const order = [];
  /** @type {string[]} */
  const path = [];

  /** @param {string} id */
  const visit = (id) => {
    if (mark.get(id) === 'done') return;
    if (mark.get(id) === 'visiting') {
      // path holds the chain of tasks, each downstream of the next; reverse it so the arrows
      // point downstream: a -> b means "b depends on a".
      const cycle = [path[0], ...path.slice(1), id].reverse();
      throw new DagError(`Cycle detected: ${cycle.join(' -> ')}`);
    }
    mark.set(id, 'visiting');
    path.push(id);
    for (const up of upstreamOf(/** @type {Task} */ (byId.get(id)))) visit(up);
    path.pop();
    mark.set(id, 'done');
    order.push(id); // all upstream tasks are already in `order`
  };

  for (const task of tasks) visit(task.id);
  return order;
}

/**
 * Step 3: run one task with retries. Resolves with a report; never rejects.
 *
 * @param {Task} task
 * @param {Record<string, unknown>} inputs
 * @returns {Promise<TaskReport>}
 */
export async function runWithRetries(task, inputs) {
  const maxAttempts = 1 + Math.max(0, task.retries ?? 0);
  let error = '';
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      const result = await task.run({ attempt, inputs });
      return { state: 'success', attempts: attempt, result };
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
  }
  return { state: 'failed', attempts: maxAttempts, error };
}

/**
 * Step 4 and Step 5: run the whole DAG and return a report for every task, keyed by id.
 *
 * @param {Task[]} tasks
 * @param {RunOptions} [options]
 * @returns {Promise<Record<string, TaskReport>>}
 */
export async function runDag(tasks, options = {}) {
  const order = validateDag(tasks);
  const maxConcurrency = options.maxConcurrency ?? Infinity;
  if (!(maxConcurrency >= 1)) throw new RangeError('maxConcurrency must be at least 1');

  /** @type {Map<string, Task>} */
  const byId = new Map(tasks.map((task) => [task.id, task]));
  /** @type {Record<string, TaskReport>} */
  const reports = {};
  const waiting = new Set(order);
  /** @type {Map<string, Promise<string>>} */
  const running = new Map();

  while (waiting.size > 0 || running.size > 0) {
    // Step 5: a task whose upstream failed (or was itself skipped) will never run.
    // Walking in topological order lets the state flow down a whole chain in one pass.
    for (const id of order) {
      if (!waiting.has(id)) continue;
      const ups = upstreamOf(/** @type {Task} */ (byId.get(id)));
      if (ups.some((up) => reports[up] && reports[up].state !== 'success')) {
        waiting.delete(id);
        reports[id] = { state: 'upstream_failed', attempts: 0 };
      }
    }

    // Step 4: start every task whose upstream tasks have all succeeded, up to the limit.
    for (const id of order) {
      if (running.size >= maxConcurrency) break;
      if (!waiting.has(id)) continue;
      const task = /** @type {Task} */ (byId.get(id));
      const ups = upstreamOf(task);
      if (!ups.every((up) => reports[up]?.state === 'success')) continue;
      waiting.delete(id);
      /** @type {Record<string, unknown>} */
      const inputs = {};
      for (const up of ups) inputs[up] = reports[up].result;
      running.set(
        id,
        runWithRetries(task, inputs).then((report) => {
          reports[id] = report;
          return id;
        }),
      );
    }

    if (running.size === 0) break; // nothing running and nothing can start: we are done
    const finished = await Promise.race(running.values());
    running.delete(finished);
  }

  // Report tasks in the order they were given, which reads best.
  return Object.fromEntries(tasks.map((task) => [task.id, reports[task.id]]));
}
