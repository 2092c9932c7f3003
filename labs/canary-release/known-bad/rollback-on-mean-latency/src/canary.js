// @ts-check
/**
 * A canary release controller.
 *
 * A new model version (the canary) gets a small share of users while the current version
 * (stable) serves everyone else. Each user is assigned by hashing their id, so they always see
 * the same version. The controller records every request's outcome per version and, when both
 * versions have served enough requests in the current step, compares them: if the canary is
 * clearly worse it rolls back (weight 0), otherwise it moves to the next step, and after the
 * last step it promotes the canary (weight 100).
 */

/**
 * @typedef {object} CanaryOptions
 * @property {string} stable                 Name of the current version, e.g. "2.3.1".
 * @property {string} canary                 Name of the new version, e.g. "2.4.0".
 * @property {number[]} [steps]              Canary weights in per cent, ascending, ending at 100.
 * @property {number} [minRequests]          Requests each version must serve in a step before it is judged.
 * @property {number} [maxErrorRateIncrease] Largest allowed canary error rate above stable's (0.02 = 2 points).
 * @property {number} [maxLatencyRatio]      Largest allowed canary p95 latency as a multiple of stable's.
 * @property {string} [salt]                 Mixed into the hash; defaults to the canary's name.
 *
 * @typedef {object} Outcome
 * @property {boolean} ok          False when the request failed (5xx, exception, timeout).
 * @property {number} [latencyMs]  How long the request took.
 *
 * @typedef {object} VersionStats
 * @property {number} requests
 * @property {number} errors
 * @property {number} errorRate           errors / requests, or 0 with no requests.
 * @property {number | null} p95LatencyMs 95th percentile latency, or null with no latency samples.
 *
 * @typedef {'wait' | 'advance' | 'promote' | 'rollback' | 'done'} Decision
 *
 * @typedef {object} Evaluation
 * @property {Decision} decision
 * @property {number} weight   The canary weight after the decision.
 * @property {string} reason   Why, in words a person on call can act on.
 *
 * @typedef {'running' | 'promoted' | 'rolled_back'} Status
 */

/**
 * A 32-bit hash of a string: FNV-1a over its UTF-16 code units, then a final mixing step
 * (from MurmurHash3) so that similar ids such as "user-1" and "user-2" land far apart.
 * @param {string} text
 * @returns {number} an integer in [0, 2^32)
 */
export function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The p-th percentile of some numbers by the nearest-rank method (p95 of 1..100 is 95).
 * @param {number[]} values
 * @param {number} p  between 0 and 100
 * @returns {number | null} null when there are no values
 */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/**
 * Step 1: the bucket, 0 to 99, that a user falls into for this release.
 * @param {string} userId
 * @param {string} salt
 * @returns {number}
 */
export function bucketOf(userId, salt) {
  return hash32(`${salt}:${userId}`) % 100;
}

export class CanaryController {
  /** @param {CanaryOptions} options */
  constructor(options) {
    const steps = options.steps ?? [5, 25, 50, 100];
    const ascending = steps.every((w, i) => Number.isInteger(w) && w > 0 && w <= 100 && (i === 0 || w > steps[i - 1]));
    if (steps.length < 2 || !ascending || steps.at(-1) !== 100) {
      throw new RangeError(`steps must be two or more ascending whole percentages ending at 100, got [${steps.join(', ')}]`);
    }
    if (options.stable === options.canary) throw new RangeError('stable and canary must have different names');
    this.stable = options.stable;
    this.canary = options.canary;
    this.steps = steps;
    this.minRequests = options.minRequests ?? 200;
    this.maxErrorRateIncrease = options.maxErrorRateIncrease ?? 0.02;
    this.maxLatencyRatio = options.maxLatencyRatio ?? 1.5;
    this.salt = options.salt ?? options.canary;
    /** Index into `steps` of the current weight. */
    this.stepIndex = 0;
    /** @type {Status} */
    this.status = 'running';
    /** @type {number} The share of users, in per cent, routed to the canary. */
    this.weight = steps[0];
    /** Outcomes in the current step, per version. @type {Map<string, { errors: number, latencies: number[], requests: number }>} */
    this.window = new Map();
    this.resetWindow();
  }

  /** Starts a fresh comparison window for both versions (done for you). */
  resetWindow() {
    for (const version of [this.stable, this.canary]) {
      this.window.set(version, { requests: 0, errors: 0, latencies: [] });
    }
  }

  /**
   * Step 2: which version serves this user. Sticky: the same user always gets the same answer
   * while the weight is unchanged, and raising the weight only moves users onto the canary.
   * @param {string} userId
   * @returns {string}
   */
  route(userId) {
    return bucketOf(userId, this.salt) < this.weight ? this.canary : this.stable;
  }

  /**
   * Step 3a: count one request's outcome for a version in the current window
   * (`this.window.get(version)`). Throw for a name that is neither stable nor canary:
   * `Unknown version "v3": expected "v1" or "v2"`.
   * @param {string} version
   * @param {Outcome} outcome
   */
  record(version, outcome) {
    const counts = this.window.get(version);
    if (!counts) {
      throw new Error(`Unknown version "${version}": expected "${this.stable}" or "${this.canary}"`);
    }
    counts.requests++;
    if (!outcome.ok) counts.errors++;
    if (typeof outcome.latencyMs === 'number') counts.latencies.push(outcome.latencyMs);
  }

  /**
   * Step 3b: the numbers for one version in the current window. Use `percentile` for p95.
   * @param {string} version
   * @returns {VersionStats}
   */
  stats(version) {
    const counts = this.window.get(version);
    if (!counts) {
      throw new Error(`Unknown version "${version}": expected "${this.stable}" or "${this.canary}"`);
    }
    return {
      requests: counts.requests,
      errors: counts.errors,
      errorRate: counts.requests === 0 ? 0 : counts.errors / counts.requests,
      p95LatencyMs: percentile(counts.latencies, 95),
    };
  }

  /**
   * Steps 4 and 5: judge the current step and act on the result.
   *   - release finished         -> { decision: 'done' }
   *   - too few requests         -> { decision: 'wait' }
   *   - canary clearly worse     -> { decision: 'rollback', weight: 0 }, status 'rolled_back'
   *   - healthy, not last step   -> { decision: 'advance', weight: next step }, fresh window
   *   - healthy, next step = 100 -> { decision: 'promote', weight: 100 }, status 'promoted'
   * @returns {Evaluation}
   */
  evaluate() {
    if (this.status !== 'running') {
      return { decision: 'done', weight: this.weight, reason: `release already ${this.status}` };
    }
    const stable = this.stats(this.stable);
    const canary = this.stats(this.canary);
    if (stable.requests < this.minRequests || canary.requests < this.minRequests) {
      return {
        decision: 'wait',
        weight: this.weight,
        reason: `need ${this.minRequests} requests per version, have stable ${stable.requests} and canary ${canary.requests}`,
      };
    }

    // Step 5: roll back when the canary is clearly worse.
    if (canary.errorRate > stable.errorRate + this.maxErrorRateIncrease) {
      return this.rollBack(
        `canary error rate ${pct(canary.errorRate)} exceeds stable ${pct(stable.errorRate)} by more than ${pct(this.maxErrorRateIncrease)}`,
      );
    }
    const mean = (/** @type {number[]} */ values) => values.reduce((a, b) => a + b, 0) / values.length;
    const canaryLatencies = /** @type {{ latencies: number[] }} */ (this.window.get(this.canary)).latencies;
    const stableLatencies = /** @type {{ latencies: number[] }} */ (this.window.get(this.stable)).latencies;
    if (canaryLatencies.length > 0 && stableLatencies.length > 0 && mean(canaryLatencies) > mean(stableLatencies) * this.maxLatencyRatio) {
      return this.rollBack(
        `canary p95 latency ${canary.p95LatencyMs} ms is more than ${this.maxLatencyRatio}x stable's ${stable.p95LatencyMs} ms`,
      );
    }

    // Step 4: healthy, so take the next step; the last step is the promotion.
    this.stepIndex++;
    this.weight = this.steps[this.stepIndex];
    this.resetWindow();
    if (this.weight === 100) {
      this.status = 'promoted';
      return { decision: 'promote', weight: 100, reason: 'canary healthy at every step: all traffic now on the canary' };
    }
    return { decision: 'advance', weight: this.weight, reason: `canary healthy: weight raised to ${this.weight}%` };
  }

  /**
   * @param {string} reason
   * @returns {Evaluation}
   */
  rollBack(reason) {
    this.status = 'rolled_back';
    this.weight = 0;
    return { decision: 'rollback', weight: 0, reason };
  }
}

/** @param {number} rate */
const pct = (rate) => `${(rate * 100).toFixed(1)}%`;
