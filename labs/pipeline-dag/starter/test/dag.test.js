// @ts-check
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DagError, runDag, runWithRetries, validateDag } from '../src/dag.js';

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A task that records when it starts and finishes in `events`, waits `ms`, and returns `value`.
 * @param {string} id
 * @param {string[]} upstream
 * @param {string[]} events
 * @param {number} [ms]
 * @returns {import('../src/dag.js').Task}
 */
function recorded(id, upstream, events, ms = 5) {
  return {
    id,
    upstream,
    run: async () => {
      events.push(`start ${id}`);
      await sleep(ms);
      events.push(`end ${id}`);
      return `${id} output`;
    },
  };
}

/**
 * Checks that a cycle message like "Cycle detected: a -> b -> c -> a" describes a real loop.
 * @param {string} message
 * @param {import('../src/dag.js').Task[]} tasks
 */
function assertRealCycle(message, tasks) {
  const match = /Cycle detected: (.+)$/.exec(message);
  assert.ok(match, `expected a message like "Cycle detected: a -> b -> a", got "${message}"`);
  const ids = match[1].split(' -> ');
  assert.ok(ids.length >= 2, `a cycle needs at least two ids in "${message}"`);
  assert.equal(ids[0], ids.at(-1), `the cycle should end where it starts: "${message}"`);
  for (let i = 0; i + 1 < ids.length; i++) {
    const downstream = tasks.find((t) => t.id === ids[i + 1]);
    assert.ok(
      downstream?.upstream?.includes(ids[i]),
      `"${ids[i]} -> ${ids[i + 1]}" should mean "${ids[i + 1]}" depends on "${ids[i]}", but it does not`,
    );
  }
}

const noop = () => undefined;

describe('step 1: validateDag rejects duplicate ids and unknown dependencies', () => {
  it('rejects a dependency on a task that does not exist, naming both', () => {
    const tasks = [
      { id: 'extract', run: noop },
      { id: 'train', upstream: ['extrct'], run: noop },
    ];
    assert.throws(() => validateDag(tasks), (err) => {
      assert.ok(err instanceof DagError, 'throw a DagError');
      assert.match(err.message, /"train"/);
      assert.match(err.message, /"extrct"/);
      assert.match(err.message, /unknown/i);
      return true;
    });
  });

  it('rejects duplicate task ids', () => {
    const tasks = [
      { id: 'train', run: noop },
      { id: 'train', run: noop },
    ];
    assert.throws(() => validateDag(tasks), (err) => {
      assert.ok(err instanceof DagError, 'throw a DagError');
      assert.match(err.message, /duplicate/i);
      assert.match(err.message, /"train"/);
      return true;
    });
  });
});

describe('step 2: validateDag orders the tasks and names cycles', () => {
  it('returns every id in an order where upstream tasks come first', () => {
    const tasks = [
      { id: 'deploy', upstream: ['register'], run: noop },
      { id: 'train', upstream: ['validate'], run: noop },
      { id: 'register', upstream: ['evaluate'], run: noop },
      { id: 'extract', run: noop },
      { id: 'evaluate', upstream: ['train', 'validate'], run: noop },
      { id: 'validate', upstream: ['extract'], run: noop },
    ];
    const order = validateDag(tasks);
    assert.ok(Array.isArray(order), 'validateDag should return an array of task ids');
    assert.deepEqual([...order].sort(), tasks.map((t) => t.id).sort(), 'every task id, exactly once');
    for (const task of tasks) {
      for (const up of task.upstream ?? []) {
        assert.ok(order.indexOf(up) < order.indexOf(task.id), `"${up}" must come before "${task.id}" in ${order}`);
      }
    }
  });

  it('rejects a cycle and names the tasks on it, in order', () => {
    const tasks = [
      { id: 'extract', run: noop },
      { id: 'a', upstream: ['extract', 'c'], run: noop },
      { id: 'b', upstream: ['a'], run: noop },
      { id: 'c', upstream: ['b'], run: noop },
    ];
    assert.throws(() => validateDag(tasks), (err) => {
      assert.ok(err instanceof DagError, 'throw a DagError');
      assertRealCycle(err.message, tasks);
      assert.doesNotMatch(err.message, /extract/, 'extract is not on the cycle');
      return true;
    });
  });

  it('names only the tasks on the cycle, even when the walk reaches it from a task downstream', () => {
    const tasks = [
      { id: 'report', upstream: ['evaluate'], run: noop },
      { id: 'extract', run: noop },
      { id: 'train', upstream: ['extract', 'evaluate'], run: noop },
      { id: 'evaluate', upstream: ['train'], run: noop },
    ];
    assert.throws(() => validateDag(tasks), (err) => {
      assert.ok(err instanceof DagError, 'throw a DagError');
      assertRealCycle(err.message, tasks);
      assert.doesNotMatch(err.message, /report/, 'report depends on the cycle but is not on it');
      assert.doesNotMatch(err.message, /extract/, 'extract is upstream of the cycle but not on it');
      return true;
    });
  });

  it('rejects a task that depends on itself', () => {
    const tasks = [{ id: 'train', upstream: ['train'], run: noop }];
    assert.throws(() => validateDag(tasks), (err) => {
      assert.ok(err instanceof DagError, 'throw a DagError');
      assert.match(err.message, /Cycle detected: train -> train/);
      return true;
    });
  });
});

describe('step 3: runWithRetries', () => {
  it('returns success with the result and the number of attempts', async () => {
    const report = await runWithRetries({ id: 'x', run: () => 42 }, {});
    assert.deepEqual(report, { state: 'success', attempts: 1, result: 42 });
  });

  it('retries until the task succeeds, passing the attempt number and the inputs', async () => {
    /** @type {number[]} */
    const seen = [];
    const task = {
      id: 'flaky',
      retries: 2,
      /** @param {import('../src/dag.js').TaskContext} ctx */
      run: async ({ attempt, inputs }) => {
        seen.push(attempt);
        assert.deepEqual(inputs, { extract: 'rows' });
        if (attempt < 3) throw new Error(`timeout on attempt ${attempt}`);
        return 'ok';
      },
    };
    const report = await runWithRetries(task, { extract: 'rows' });
    assert.deepEqual(seen, [1, 2, 3], 'attempt should count 1, 2, 3');
    assert.deepEqual(report, { state: 'success', attempts: 3, result: 'ok' });
  });

  it('gives up after 1 + retries attempts and keeps the last error message', async () => {
    let calls = 0;
    const task = {
      id: 'broken',
      retries: 1,
      run: () => {
        calls++;
        throw new Error(`bad data (call ${calls})`);
      },
    };
    const report = await runWithRetries(task, {});
    assert.equal(calls, 2, 'retries: 1 means two attempts in total');
    assert.deepEqual(report, { state: 'failed', attempts: 2, error: 'bad data (call 2)' });
  });

  it('treats a rejected promise like a thrown error, and tries once when retries is missing', async () => {
    const report = await runWithRetries({ id: 'x', run: () => Promise.reject(new Error('503')) }, {});
    assert.deepEqual(report, { state: 'failed', attempts: 1, error: '503' });
  });
});

describe('step 4: runDag schedules the tasks', () => {
  it('runs a chain in dependency order and passes results downstream like XCom', async () => {
    /** @type {string[]} */
    const events = [];
    /** @type {unknown} */
    let trainInputs;
    const tasks = [
      recorded('evaluate', ['train'], events),
      {
        id: 'train',
        upstream: ['extract'],
        /** @param {import('../src/dag.js').TaskContext} ctx */
        run: async ({ inputs }) => {
          trainInputs = inputs;
          events.push('start train', 'end train');
          return 'model';
        },
      },
      recorded('extract', [], events),
    ];
    const report = await runDag(tasks);
    assert.deepEqual(events, ['start extract', 'end extract', 'start train', 'end train', 'start evaluate', 'end evaluate']);
    assert.deepEqual(trainInputs, { extract: 'extract output' }, 'train receives the return value of extract');
    assert.deepEqual(report, {
      evaluate: { state: 'success', attempts: 1, result: 'evaluate output' },
      train: { state: 'success', attempts: 1, result: 'model' },
      extract: { state: 'success', attempts: 1, result: 'extract output' },
    });
  });

  it('runs independent tasks at the same time', async () => {
    let running = 0;
    let most = 0;
    /** @param {string} id @returns {import('../src/dag.js').Task} */
    const slow = (id) => ({
      id,
      upstream: ['extract'],
      run: async () => {
        running++;
        most = Math.max(most, running);
        await sleep(30);
        running--;
      },
    });
    const tasks = [{ id: 'extract', run: noop }, slow('train_a'), slow('train_b'), slow('train_c')];
    await runDag(tasks);
    assert.equal(most, 3, 'the three training tasks only depend on extract, so all three should run together');
  });

  it('never runs more than maxConcurrency tasks at once', async () => {
    let running = 0;
    let most = 0;
    /** @param {string} id @returns {import('../src/dag.js').Task} */
    const slow = (id) => ({
      id,
      run: async () => {
        running++;
        most = Math.max(most, running);
        await sleep(15);
        running--;
      },
    });
    const report = await runDag([slow('a'), slow('b'), slow('c'), slow('d')], { maxConcurrency: 2 });
    assert.equal(most, 2, 'at most two tasks may run at once');
    assert.ok(Object.values(report).every((r) => r.state === 'success'), 'all four still run');
  });

  it('starts a task as soon as its own upstream tasks are done, not when a whole "level" is', async () => {
    /** @type {string[]} */
    const events = [];
    const tasks = [
      recorded('fast', [], events, 5),
      recorded('slow', [], events, 60),
      recorded('after_fast', ['fast'], events, 5),
    ];
    await runDag(tasks);
    assert.ok(
      events.indexOf('start after_fast') < events.indexOf('end slow'),
      `after_fast only needs fast, so it should start before slow ends; events were ${events.join(', ')}`,
    );
  });

  it('retries a flaky task and carries on downstream', async () => {
    const tasks = [
      {
        id: 'extract',
        retries: 2,
        /** @param {import('../src/dag.js').TaskContext} ctx */
        run: ({ attempt }) => {
          if (attempt === 1) throw new Error('connection reset');
          return 100;
        },
      },
      { id: 'train', upstream: ['extract'], run: () => 'model' },
    ];
    const report = await runDag(tasks);
    assert.deepEqual(report.extract, { state: 'success', attempts: 2, result: 100 });
    assert.deepEqual(report.train, { state: 'success', attempts: 1, result: 'model' });
  });

  it('passes each task the results of its own upstream tasks, and only those', async () => {
    /** @type {Record<string, unknown>} */
    const seen = {};
    /** @param {string} id @param {string[]} upstream @returns {import('../src/dag.js').Task} */
    const task = (id, upstream) => ({
      id,
      upstream,
      run: ({ inputs }) => {
        seen[id] = inputs;
        return `${id} output`;
      },
    });
    await runDag([task('events', []), task('labels', []), task('join', ['events', 'labels']), task('train', ['join']), task('report', ['events'])]);
    assert.deepEqual(seen.events, {}, 'a task without upstream tasks gets no inputs');
    assert.deepEqual(seen.join, { events: 'events output', labels: 'labels output' });
    assert.deepEqual(seen.train, { join: 'join output' }, 'train depends on join only, not on every task that finished before it');
    assert.deepEqual(seen.report, { events: 'events output' });
  });

  it('refuses to run an invalid DAG at all', async () => {
    let ran = false;
    const tasks = [
      {
        id: 'a',
        upstream: ['b'],
        run: () => {
          ran = true;
        },
      },
      { id: 'b', upstream: ['a'], run: noop },
    ];
    await assert.rejects(runDag(tasks), DagError);
    assert.equal(ran, false, 'no task may run when the graph has a cycle');
  });
});

describe('step 5: runDag handles failures', () => {
  it('marks everything downstream of a failure upstream_failed and never runs it', async () => {
    /** @type {string[]} */
    const ran = [];
    /** @param {string} id @param {string[]} upstream @returns {import('../src/dag.js').Task} */
    const task = (id, upstream) => ({
      id,
      upstream,
      run: () => {
        ran.push(id);
      },
    });
    const tasks = [
      task('extract', []),
      {
        id: 'validate',
        upstream: ['extract'],
        retries: 1,
        run: () => {
          ran.push('validate');
          throw new Error('missing column "tenure_months"');
        },
      },
      task('train', ['validate']),
      task('evaluate', ['train']),
      task('deploy', ['evaluate']),
      task('data_report', ['extract']),
    ];
    const report = await runDag(tasks);
    assert.deepEqual(report.validate, { state: 'failed', attempts: 2, error: 'missing column "tenure_months"' });
    for (const id of ['train', 'evaluate', 'deploy']) {
      assert.deepEqual(report[id], { state: 'upstream_failed', attempts: 0 }, `${id} is downstream of validate`);
    }
    assert.equal(report.data_report.state, 'success', 'data_report does not depend on validate, so it runs');
    assert.deepEqual(ran.sort(), ['data_report', 'extract', 'validate', 'validate'], 'only these runs happen');
  });

  it('marks a task upstream_failed when any one of several upstream tasks fails', async () => {
    let joined = false;
    const tasks = [
      { id: 'events', run: () => 'ok' },
      { id: 'labels', run: () => Promise.reject(new Error('empty table')) },
      {
        id: 'join',
        upstream: ['events', 'labels'],
        run: () => {
          joined = true;
        },
      },
    ];
    const report = await runDag(tasks);
    assert.equal(report.join.state, 'upstream_failed');
    assert.equal(joined, false, 'join must not run');
    assert.equal(report.events.state, 'success');
  });

  it('keeps running the branches a failure does not reach, and reports every task', async () => {
    /** @type {string[]} */
    const events = [];
    let ranAfterBroken = false;
    const tasks = [
      {
        id: 'broken',
        run: () => {
          throw new Error('disk full');
        },
      },
      recorded('slow', [], events, 40),
      recorded('after_slow', ['slow'], events, 5),
      {
        id: 'after_broken',
        upstream: ['broken'],
        run: () => {
          ranAfterBroken = true;
        },
      },
    ];
    const report = await runDag(tasks);
    assert.deepEqual(report, {
      broken: { state: 'failed', attempts: 1, error: 'disk full' },
      slow: { state: 'success', attempts: 1, result: 'slow output' },
      after_slow: { state: 'success', attempts: 1, result: 'after_slow output' },
      after_broken: { state: 'upstream_failed', attempts: 0 },
    });
    assert.equal(ranAfterBroken, false, 'after_broken must not run');
  });
});
