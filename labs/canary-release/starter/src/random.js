// @ts-check
/**
 * Seeded randomness, so that every simulated release is exactly repeatable.
 * `mulberry32` is a small, well-known 32-bit generator: the same seed gives the same sequence.
 */

/**
 * @param {number} seed
 * @returns {() => number} a function returning numbers in [0, 1)
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @typedef {object} VersionBehaviour
 * @property {number} errorRate      Probability that a request fails, e.g. 0.01.
 * @property {number} latencyMs      Typical latency in milliseconds.
 *
 * @typedef {object} TrafficOptions
 * @property {number} seed
 * @property {number} users          How many distinct users send requests.
 * @property {number} requests       Total number of requests to send.
 * @property {number} evaluateEvery  Call `evaluate()` after this many requests.
 * @property {Record<string, VersionBehaviour>} behaviour  How each version behaves, by name.
 */

/**
 * Sends seeded, repeatable traffic through a controller: every request comes from a random
 * user, is routed with `route`, gets an outcome drawn from that version's behaviour, and is
 * recorded with `record`. Every `evaluateEvery` requests it calls `evaluate()`.
 * Stops after a promotion or a rollback. Returns every evaluation result that was not
 * "wait", in order.
 *
 * @param {{ route(userId: string): string, record(version: string, outcome: { ok: boolean, latencyMs: number }): void, evaluate(): { decision: string, weight: number, reason: string } }} controller
 * @param {TrafficOptions} options
 */
export function sendTraffic(controller, options) {
  const random = mulberry32(options.seed);
  /** @type {{ decision: string, weight: number, reason: string }[]} */
  const decisions = [];
  for (let i = 1; i <= options.requests; i++) {
    const userId = `user-${Math.floor(random() * options.users)}`;
    const version = controller.route(userId);
    const behaviour = options.behaviour[version];
    const ok = random() >= behaviour.errorRate;
    const latencyMs = Math.round(behaviour.latencyMs * (0.6 + 0.8 * random()));
    controller.record(version, { ok, latencyMs });
    if (i % options.evaluateEvery === 0) {
      const result = controller.evaluate();
      if (result.decision !== 'wait') decisions.push(result);
      if (result.decision === 'promote' || result.decision === 'rollback') break;
    }
  }
  return decisions;
}
