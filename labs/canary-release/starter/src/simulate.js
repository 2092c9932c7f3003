// @ts-check
/**
 * Three simulated releases through your controller, with seeded traffic so every run is the same:
 *   1. a healthy canary, which should be promoted step by step;
 *   2. a canary with a bug that fails 7% of requests, which should be rolled back at 5%;
 *   3. a canary that is twice as slow, which should be rolled back on latency.
 *
 * Run it with `npm start` once the tests pass.
 */
import { CanaryController } from './canary.js';
import { sendTraffic } from './random.js';

/** @type {{ name: string, canary: { errorRate: number, latencyMs: number } }[]} */
const scenarios = [
  { name: 'healthy canary', canary: { errorRate: 0.01, latencyMs: 50 } },
  { name: 'canary with a bug', canary: { errorRate: 0.07, latencyMs: 50 } },
  { name: 'slow canary', canary: { errorRate: 0.01, latencyMs: 110 } },
];

for (const scenario of scenarios) {
  const controller = new CanaryController({ stable: '2.3.1', canary: '2.4.0', minRequests: 500 });
  console.log(`\n${scenario.name}: canary starts at ${controller.weight}%`);
  const decisions = sendTraffic(controller, {
    seed: 7,
    users: 5_000,
    requests: 60_000,
    evaluateEvery: 100,
    behaviour: {
      '2.3.1': { errorRate: 0.01, latencyMs: 50 },
      '2.4.0': scenario.canary,
    },
  });
  for (const { decision, weight, reason } of decisions) {
    console.log(`  ${decision.padEnd(8)} -> ${String(weight).padStart(3)}%  ${reason}`);
  }
  console.log(`  final status: ${controller.status}`);
}
