// @ts-check
/**
 * The CPU and memory combinations AWS Fargate accepts for a Linux task, from the
 * Amazon ECS Developer Guide ("Task CPU and memory"). CPU is in CPU units
 * (1024 units = 1 vCPU) and memory in MiB (1024 MiB = 1 GB).
 * Reference data for you and the tests: you do not need to change it.
 */

/**
 * Memory sizes from `min` to `max` MiB in steps of `step` MiB.
 * @param {number} min
 * @param {number} max
 * @param {number} step
 */
function range(min, max, step) {
  const sizes = [];
  for (let m = min; m <= max; m += step) sizes.push(m);
  return sizes;
}

/**
 * CPU units → the memory sizes (MiB) allowed with them.
 * @type {Readonly<Record<number, number[]>>}
 */
export const FARGATE_SIZES = Object.freeze({
  256: [512, 1024, 2048], // 0.25 vCPU: 0.5, 1 or 2 GB
  512: range(1024, 4096, 1024), // 0.5 vCPU: 1–4 GB in 1 GB steps
  1024: range(2048, 8192, 1024), // 1 vCPU: 2–8 GB in 1 GB steps
  2048: range(4096, 16384, 1024), // 2 vCPU: 4–16 GB in 1 GB steps
  4096: range(8192, 30720, 1024), // 4 vCPU: 8–30 GB in 1 GB steps
  8192: range(16384, 61440, 4096), // 8 vCPU: 16–60 GB in 4 GB steps (Linux platform 1.4.0+)
  16384: range(32768, 122880, 8192), // 16 vCPU: 32–120 GB in 8 GB steps (Linux platform 1.4.0+)
});

/**
 * The memory sizes (MiB) Fargate accepts for a CPU size, or an empty list if the
 * CPU size itself is not a Fargate size.
 * @param {number} cpu CPU units, e.g. 512
 * @returns {number[]}
 */
export function validMemoryFor(cpu) {
  return FARGATE_SIZES[cpu] ?? [];
}

/**
 * Whether Fargate can run a task of this size.
 * @param {number} cpu CPU units
 * @param {number} memory MiB
 */
export function isValidFargateSize(cpu, memory) {
  return validMemoryFor(cpu).includes(memory);
}
