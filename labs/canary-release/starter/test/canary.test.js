// @ts-check
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CanaryController, bucketOf } from '../src/canary.js';
import { sendTraffic } from '../src/random.js';

const users = Array.from({ length: 20_000 }, (_, i) => `user-${i}`);

/** @param {Partial<import('../src/canary.js').CanaryOptions>} [overrides] */
function controller(overrides = {}) {
  return new CanaryController({ stable: 'v1', canary: 'v2', minRequests: 100, ...overrides });
}

/**
 * Records `requests` outcomes for one version: the first `errors` fail, and latencies cycle
 * through `latencies`.
 * @param {CanaryController} c
 * @param {string} version
 * @param {{ requests: number, errors?: number, latencies?: number[] }} spec
 */
function feed(c, version, { requests, errors = 0, latencies = [50] }) {
  for (let i = 0; i < requests; i++) {
    c.record(version, { ok: i >= errors, latencyMs: latencies[i % latencies.length] });
  }
}

/**
 * True when `text` shows `value` as a number (to within 0.05, so "1.4" and "1.40" both count).
 * @param {string} text
 * @param {number} value
 */
function showsNumber(text, value) {
  const numbers = (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
  return numbers.some((n) => Math.abs(n - value) < 0.051);
}

/**
 * True when `text` shows a rate as a percentage ("7.0%") or as a fraction ("0.07").
 * @param {string} text
 * @param {number} rate
 */
function showsRate(text, rate) {
  const numbers = (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
  return numbers.some((n) => Math.abs(n - rate * 100) < 0.051 || Math.abs(n - rate) < 0.00051);
}

/** Feeds both versions a healthy, identical window and evaluates it. @param {CanaryController} c */
function healthyStep(c) {
  feed(c, 'v1', { requests: 200, errors: 2 });
  feed(c, 'v2', { requests: 200, errors: 2 });
  return c.evaluate();
}

describe('step 1: bucketOf', () => {
  it('gives each user a whole-number bucket from 0 to 99', () => {
    for (const id of users.slice(0, 1000)) {
      const b = bucketOf(id, 'v2');
      assert.ok(Number.isInteger(b) && b >= 0 && b <= 99, `bucketOf("${id}") returned ${b}`);
    }
  });

  it('always gives the same user the same bucket', () => {
    assert.equal(bucketOf('user-42', 'v2'), bucketOf('user-42', 'v2'));
    assert.equal(bucketOf('alice@example.com', 'release-7'), bucketOf('alice@example.com', 'release-7'));
  });

  it('spreads users evenly over the buckets', () => {
    const counts = new Array(100).fill(0);
    for (const id of users) counts[bucketOf(id, 'v2')]++;
    const below5 = counts.slice(0, 5).reduce((a, b) => a + b, 0) / users.length;
    assert.ok(below5 > 0.04 && below5 < 0.06, `expected about 5% of users in buckets 0-4, got ${(below5 * 100).toFixed(1)}%`);
    assert.ok(Math.min(...counts) > 100, 'every bucket should hold a fair share of 20,000 users');
  });

  it('uses the salt, so each release picks a different set of users', () => {
    const moved = users.slice(0, 1000).filter((id) => bucketOf(id, 'release-a') !== bucketOf(id, 'release-b'));
    assert.ok(moved.length > 900, `changing the salt should reshuffle almost every user, only ${moved.length} of 1000 moved`);
  });
});

describe('step 2: route', () => {
  it('starts at the first step and sends about that share of users to the canary', () => {
    const c = controller();
    assert.equal(c.weight, 5);
    const share = users.filter((id) => c.route(id) === 'v2').length / users.length;
    assert.ok(share > 0.04 && share < 0.06, `expected about 5% on the canary, got ${(share * 100).toFixed(1)}%`);
    assert.ok(users.every((id) => ['v1', 'v2'].includes(c.route(id))), 'route returns a version name');
  });

  it('is sticky: a user gets the same version on every request', () => {
    const c = controller();
    for (const id of users.slice(0, 500)) {
      const first = c.route(id);
      for (let i = 0; i < 3; i++) assert.equal(c.route(id), first, `${id} changed version between requests`);
    }
  });

  it('routes users in bucket < weight to the canary', () => {
    const c = controller({ salt: 'fixed-salt' });
    for (const id of users.slice(0, 500)) {
      const expected = bucketOf(id, 'fixed-salt') < 5 ? 'v2' : 'v1';
      assert.equal(c.route(id), expected, `${id} is in bucket ${bucketOf(id, 'fixed-salt')}`);
    }
  });

  it('uses the canary name as the salt when none is given', () => {
    const c = controller();
    const id = users.find((u) => bucketOf(u, 'v2') < 5) ?? '';
    assert.equal(c.route(id), 'v2', `${id} is in bucket ${bucketOf(id, 'v2')} for salt "v2"`);
  });
});

describe('step 3: record and stats', () => {
  it('counts requests, errors, the error rate and the p95 latency per version', () => {
    const c = controller();
    const latencies = Array.from({ length: 100 }, (_, i) => 100 - i); // 100, 99, …, 1
    feed(c, 'v2', { requests: 100, errors: 4, latencies });
    feed(c, 'v1', { requests: 50, errors: 0, latencies: [20] });
    assert.deepEqual(c.stats('v2'), { requests: 100, errors: 4, errorRate: 0.04, p95LatencyMs: 95 });
    assert.deepEqual(c.stats('v1'), { requests: 50, errors: 0, errorRate: 0, p95LatencyMs: 20 });
  });

  it('reports zeros and a null latency for a version with no requests yet', () => {
    const c = controller();
    assert.deepEqual(c.stats('v2'), { requests: 0, errors: 0, errorRate: 0, p95LatencyMs: null });
  });

  it('accepts outcomes without a latency', () => {
    const c = controller();
    c.record('v1', { ok: false });
    assert.deepEqual(c.stats('v1'), { requests: 1, errors: 1, errorRate: 1, p95LatencyMs: null });
  });

  it('rejects an unknown version name, naming the expected ones', () => {
    const c = controller();
    assert.throws(() => c.record('v3', { ok: true, latencyMs: 10 }), /Unknown version "v3".*"v1".*"v2"/);
  });
});

describe('step 4: evaluate waits, advances and promotes', () => {
  it('waits until both versions have served minRequests in this step', () => {
    const c = controller();
    feed(c, 'v1', { requests: 500 });
    feed(c, 'v2', { requests: 99 });
    const result = c.evaluate();
    assert.equal(result.decision, 'wait');
    assert.equal(result.weight, 5);
    assert.equal(typeof result.reason, 'string');
    assert.equal(c.status, 'running');
  });

  it('advances a healthy canary to the next step and starts a fresh window', () => {
    const c = controller();
    const result = healthyStep(c);
    assert.deepEqual([result.decision, result.weight], ['advance', 25]);
    assert.equal(c.weight, 25);
    assert.equal(c.stats('v1').requests, 0, 'the next step is judged on new requests only');
    assert.equal(c.stats('v2').requests, 0, 'the next step is judged on new requests only');
  });

  it('keeps users on the canary as the weight grows', () => {
    const c = controller();
    const before = users.filter((id) => c.route(id) === 'v2');
    healthyStep(c);
    const lost = before.filter((id) => c.route(id) !== 'v2');
    assert.equal(lost.length, 0, `${lost.length} users were moved back to stable when the weight went up`);
  });

  it('promotes after the last step: weight 100, everyone on the canary', () => {
    const c = controller();
    const weights = [];
    for (let i = 0; i < 3; i++) weights.push(healthyStep(c));
    assert.deepEqual(weights.map((r) => [r.decision, r.weight]), [['advance', 25], ['advance', 50], ['promote', 100]]);
    assert.equal(c.status, 'promoted');
    assert.ok(users.slice(0, 500).every((id) => c.route(id) === 'v2'), 'after promotion every user gets the canary');
    assert.equal(c.evaluate().decision, 'done', 'a finished release has nothing left to decide');
  });

  it('follows custom steps', () => {
    const c = controller({ steps: [1, 10, 100] });
    assert.equal(c.weight, 1);
    assert.deepEqual([healthyStep(c).weight, healthyStep(c).weight], [10, 100]);
  });

});

describe('step 5: evaluate rolls back a worse canary', () => {
  it('rolls back when the canary error rate is too far above stable', () => {
    const c = controller();
    feed(c, 'v1', { requests: 1000, errors: 10 }); // 1%
    feed(c, 'v2', { requests: 100, errors: 4 }); // 4%: 3 points worse, limit is 2
    const result = c.evaluate();
    assert.equal(result.decision, 'rollback');
    assert.equal(result.weight, 0);
    assert.match(result.reason, /error rate/i);
    assert.equal(c.status, 'rolled_back');
    assert.equal(c.weight, 0);
    assert.ok(users.slice(0, 2000).every((id) => c.route(id) === 'v1'), 'after a rollback every user gets stable');
    assert.equal(c.evaluate().decision, 'done', 'a finished release has nothing left to decide');
  });

  it('tolerates an increase up to the threshold itself', () => {
    const c = controller({ maxErrorRateIncrease: 0.02 });
    feed(c, 'v1', { requests: 100, errors: 1 }); // 1%
    feed(c, 'v2', { requests: 100, errors: 3 }); // 3%: exactly 2 points worse
    assert.equal(c.evaluate().decision, 'advance');
  });

  it('rolls back when the canary p95 latency is more than maxLatencyRatio times stable', () => {
    const c = controller({ maxLatencyRatio: 1.5 });
    feed(c, 'v1', { requests: 200, latencies: [40, 50, 60] });
    feed(c, 'v2', { requests: 200, latencies: [80, 95, 110] });
    const result = c.evaluate();
    assert.equal(result.decision, 'rollback');
    assert.match(result.reason, /latency/i);
  });

  it('accepts a canary that is a little slower but within the ratio', () => {
    const c = controller({ maxLatencyRatio: 1.5 });
    feed(c, 'v1', { requests: 200, latencies: [40, 50, 60] });
    feed(c, 'v2', { requests: 200, latencies: [50, 70, 90] });
    assert.equal(c.evaluate().decision, 'advance');
  });
});

describe('step 5: the rollback reason and p95 latency', () => {
  it('shows both error rates in the reason, so the person on call sees how much worse', () => {
    const c = controller();
    feed(c, 'v1', { requests: 1000, errors: 14 }); // 1.4%
    feed(c, 'v2', { requests: 100, errors: 7 }); // 7%
    const { decision, reason } = c.evaluate();
    assert.equal(decision, 'rollback');
    assert.match(reason, /error rate/i, 'say which check failed');
    assert.ok(showsRate(reason, 0.07), `the reason should show the canary's error rate (7% or 0.07): "${reason}"`);
    assert.ok(showsRate(reason, 0.014), `the reason should show stable's error rate (1.4% or 0.014): "${reason}"`);
  });

  it('rolls back on a slow tail that the mean hides: p95 230 ms against 48 ms', () => {
    const c = controller({ maxLatencyRatio: 1.5 });
    feed(c, 'v1', { requests: 200, latencies: [48] });
    // Nine fast requests for every very slow one: the mean (59 ms) is within 1.5 x 48 ms, the p95 is not.
    feed(c, 'v2', { requests: 200, latencies: [40, 40, 40, 40, 40, 40, 40, 40, 40, 230] });
    const { decision, reason } = c.evaluate();
    assert.equal(decision, 'rollback', 'one user in ten waits 230 ms: compare p95, not the mean');
    assert.match(reason, /latency/i, 'say which check failed');
    assert.ok(showsNumber(reason, 230), `the reason should show the canary's p95 (230 ms): "${reason}"`);
    assert.ok(showsNumber(reason, 48), `the reason should show stable's p95 (48 ms): "${reason}"`);
  });

  it('ignores rare outliers beyond the 95th percentile, even when they double the mean', () => {
    const c = controller({ maxLatencyRatio: 1.5 });
    feed(c, 'v1', { requests: 200, latencies: [50] });
    // 4% of requests take 2 s: the mean is 128 ms (2.56 x stable), the p95 is still 50 ms.
    feed(c, 'v2', { requests: 200, latencies: [...Array(24).fill(50), 2000] });
    assert.equal(c.evaluate().decision, 'advance', 'p95 is 50 ms on both versions; the mean and the maximum are not what is compared');
  });
});

describe('step 5: a whole release with seeded traffic', () => {
  /** @param {{ errorRate: number, latencyMs: number }} canaryBehaviour */
  function release(canaryBehaviour) {
    const c = new CanaryController({ stable: '2.3.1', canary: '2.4.0', minRequests: 500 });
    const decisions = sendTraffic(c, {
      seed: 2026,
      users: 5_000,
      requests: 60_000,
      evaluateEvery: 100,
      behaviour: { '2.3.1': { errorRate: 0.01, latencyMs: 50 }, '2.4.0': canaryBehaviour },
    });
    return { c, decisions };
  }

  it('promotes a healthy canary through 25%, 50% and 100%', () => {
    const { c, decisions } = release({ errorRate: 0.01, latencyMs: 50 });
    assert.deepEqual(decisions.map((d) => `${d.decision} ${d.weight}`), ['advance 25', 'advance 50', 'promote 100']);
    assert.equal(c.status, 'promoted');
  });

  it('rolls back a canary that fails 7% of requests before it reaches 25%', () => {
    const { c, decisions } = release({ errorRate: 0.07, latencyMs: 50 });
    assert.deepEqual(decisions.map((d) => `${d.decision} ${d.weight}`), ['rollback 0']);
    assert.equal(c.status, 'rolled_back');
  });

  it('rolls back a canary that is twice as slow', () => {
    const { c, decisions } = release({ errorRate: 0.01, latencyMs: 110 });
    assert.equal(decisions.at(-1)?.decision, 'rollback');
    assert.match(decisions.at(-1)?.reason ?? '', /latency/i);
    assert.equal(c.status, 'rolled_back');
  });
});
