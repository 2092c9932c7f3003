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
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/GMT$/.test(text)) return undefined;
  const when = Date.parse(text);
  if (Number.isNaN(when)) return undefined;
  return Math.max(0, when - nowMs);
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
  const exponential = baseDelayMs * 2 ** (attempt - 1);
  const capped = Math.min(maxDelayMs, exponential);
  return capped * (0.5 + random() / 2);
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
  /** @type {unknown} */
  let body = bodyText;
  try {
    body = JSON.parse(bodyText);
  } catch {
    // Not JSON: keep the raw text as the body.
  }
  /** @type {Record<string, unknown>} */
  const problem = body !== null && typeof body === 'object' ? /** @type {Record<string, unknown>} */ (body) : {};
  const message =
    typeof problem.detail === 'string'
      ? problem.detail
      : typeof problem.title === 'string'
        ? problem.title
        : statusText || 'Request failed';
  if (status === 422) {
    const details = Array.isArray(problem.errors) ? problem.errors : [];
    return new ValidationError(message, { status, body, attempts, details });
  }
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
  return new ApiError(message, { status, body, attempts, retryAfterMs });
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
  const opts = { ...DEFAULTS, sleep: realSleep, random: Math.random, ...options };
  const url = new URL(opts.path, baseUrl);
  const payload = JSON.stringify({ features });

  for (let attempt = 1; ; attempt += 1) {
    const isLast = attempt >= opts.maxAttempts;
    let response;
    let text;
    try {
      // One signal per attempt: it covers waiting for the headers and reading the body.
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: payload,
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      text = await response.text();
    } catch (err) {
      const timedOut = err instanceof Error && err.name === 'TimeoutError';
      if (isLast) {
        if (timedOut) throw new RequestTimeoutError(opts.timeoutMs, attempt);
        throw new NetworkError(`Could not reach ${url.origin}: ${describe(err)}`, { cause: err, attempts: attempt });
      }
      await opts.sleep(backoffDelay(attempt, opts));
      continue;
    }

    if (response.ok) {
      try {
        return JSON.parse(text);
      } catch {
        throw new ApiError('The response body is not valid JSON', { status: response.status, body: text, attempts: attempt });
      }
    }

    const error = toApiError(response.status, response.statusText, response.headers, text, attempt);
    if (isLast || !opts.retryStatuses.includes(response.status)) throw error;
    const wait = backoffDelay(attempt, opts);
    // The server wants more patience than we have: give up now rather than hammer it early.
    if (wait > opts.maxDelayMs) throw error;
    await opts.sleep(wait);
  }
}

/** @param {unknown} err */
function describe(err) {
  if (!(err instanceof Error)) return String(err);
  const cause = /** @type {{ code?: string, message?: string } | undefined} */ (err.cause);
  return cause?.code ?? cause?.message ?? err.message;
}
