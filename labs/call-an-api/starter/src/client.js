// @ts-check
// A client for the prediction API described in README.md.
import { ApiError, NetworkError, RequestTimeoutError, ValidationError } from './errors.js';

/**
 * @typedef {object} PredictOptions
 * @property {string} [path] Path of the endpoint, joined to the base URL.
 * @property {number} [maxAttempts] Requests to send at most, the first one included.
 * @property {number} [timeoutMs] Time limit for each attempt (headers and body).
 * @property {number} [baseDelayMs] Backoff before the second attempt; doubles after that.
 * @property {number} [maxDelayMs] Longest wait between attempts; a longer Retry-After ends the retries.
 * @property {number[]} [retryStatuses] Status codes worth retrying.
 * @property {(ms: number) => Promise<void>} [sleep] How to wait (tests pass a fake one).
 * @property {() => number} [random] Source of jitter in [0, 1) (tests pass a fixed one).
 */

/** The defaults a caller gets when it passes no options. */
export const DEFAULTS = Object.freeze({
  path: '/v1/predict',
  maxAttempts: 3,
  timeoutMs: 2000,
  baseDelayMs: 200,
  maxDelayMs: 5000,
  retryStatuses: [429, 503],
});

/** @param {number} ms */
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Step 1. Turn a Retry-After header value into milliseconds to wait.
 * The header holds either a number of seconds ("120") or an HTTP date
 * ("Wed, 21 Oct 2026 07:28:00 GMT"). Anything else is ignored.
 *
 * @param {string | null | undefined} value the header value, or null when absent
 * @param {number} [nowMs] the current time, for the date form
 * @returns {number | undefined} milliseconds (never negative), or undefined
 */
export function parseRetryAfter(value, nowMs = Date.now()) {
  // Write this function: see README.md, step 1.
  throw new Error('Not implemented yet: parseRetryAfter() (README step 1)');
}

/**
 * Step 2. How long to wait after failed attempt number `attempt` (1, 2, 3…):
 * baseDelayMs doubled for each earlier attempt, capped at maxDelayMs, then
 * scaled by a random factor between 0.5 and 1 ("jitter") so that many clients
 * that failed together do not all retry at the same instant.
 *
 * @param {number} attempt
 * @param {{ baseDelayMs: number, maxDelayMs: number, random: () => number }} options
 * @returns {number}
 */
export function backoffDelay(attempt, { baseDelayMs, maxDelayMs, random }) {
  // Write this function: see README.md, step 2.
  throw new Error('Not implemented yet: backoffDelay() (README step 2)');
}

/**
 * Step 3. Build the error to throw for a response that is not 2xx.
 * Error bodies follow RFC 9457 (application/problem+json): use `detail`,
 * else `title`, else the status text. Bodies that are not JSON (an HTML page
 * from a proxy, say) must not crash the client.
 *
 * @param {number} status
 * @param {string} statusText
 * @param {Headers} headers
 * @param {string} bodyText
 * @param {number} attempts
 * @returns {ApiError}
 */
export function toApiError(status, statusText, headers, bodyText, attempts) {
  // Write this function: see README.md, step 3.
  throw new Error('Not implemented yet: toApiError() (README step 3)');
}

/**
 * Step 4. Ask the model for a prediction.
 *
 * @param {string} baseUrl e.g. "http://127.0.0.1:8000"
 * @param {Record<string, unknown>} features the model's input, sent as {"features": …}
 * @param {PredictOptions} [options]
 * @returns {Promise<unknown>} the parsed JSON body of the 2xx response
 */
export async function predict(baseUrl, features, options = {}) {
  // Write this function: see README.md, step 4 and the table above it.
  // The contract: each attempt has its own time limit (opts.timeoutMs) that covers the
  // headers and the body; 2xx returns the parsed body; statuses in opts.retryStatuses,
  // timeouts and network errors are retried after a wait (Retry-After, else backoff) up to
  // opts.maxAttempts; everything else, and the last failure, is thrown without waiting.
  throw new Error('Not implemented yet: predict() (README step 4)');
}
