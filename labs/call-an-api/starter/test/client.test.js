// @ts-check
import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, parseRetryAfter, predict, toApiError } from '../src/client.js';
import { ApiError, NetworkError, RequestTimeoutError, ValidationError } from '../src/errors.js';
import { deadUrl, drop, hang, json, problem, stallBody, startServer, text } from '../support/scripted-server.js';

const FEATURES = { tenure_months: 14, monthly_charges: 70.35, contract: 'month-to-month' };
const PREDICTION = { churn_probability: 0.82, label: 'churn', model_version: '2026-11-01' };

/** Servers started by a test, closed after it. */
/** @type {Array<() => Promise<void>>} */
let cleanups = [];
afterEach(async () => {
  await Promise.all(cleanups.map((close) => close()));
  cleanups = [];
});

/** @param {Parameters<typeof startServer>[0]} script */
async function serve(script) {
  const server = await startServer(script);
  cleanups.push(server.close);
  return server;
}

/**
 * Options for fast, predictable tests: a fake sleep that records each wait
 * instead of waiting, and no jitter (random() = 1 keeps the full delay).
 * @param {import('../src/client.js').PredictOptions} [extra]
 */
function fastOptions(extra = {}) {
  /** @type {number[]} */
  const sleeps = [];
  const options = {
    baseDelayMs: 100,
    maxDelayMs: 5000,
    timeoutMs: 1000,
    random: () => 1,
    /** @param {number} ms */
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  };
  return { options, sleeps };
}

/**
 * Fails (rather than hangs) when `promise` has not settled after `ms`: a client whose timeout
 * does not cover the body would otherwise wait for a stalled server forever.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @returns {Promise<T>}
 */
function within(promise, ms) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const deadline = new Promise((_resolve, reject) => {
    const message = `predict() had not settled after ${ms} ms: the per-attempt timeout must cover reading the body too`;
    timer = setTimeout(() => reject(new assert.AssertionError({ message })), ms);
  });
  return /** @type {Promise<T>} */ (Promise.race([promise, deadline])).finally(() => clearTimeout(timer));
}

describe('step 1: parseRetryAfter', () => {
  it('reads a number of seconds as milliseconds', () => {
    assert.equal(parseRetryAfter('0'), 0);
    assert.equal(parseRetryAfter('1'), 1000);
    assert.equal(parseRetryAfter(' 120 '), 120_000);
  });

  it('reads an HTTP date as the time left until then', () => {
    const now = Date.parse('Fri, 27 Nov 2026 10:00:00 GMT');
    assert.equal(parseRetryAfter('Fri, 27 Nov 2026 10:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Fri, 27 Nov 2026 09:59:00 GMT', now), 0, 'a date in the past means "retry now", never a negative wait');
  });

  it('returns undefined when the header is absent or malformed', () => {
    assert.equal(parseRetryAfter(null), undefined);
    assert.equal(parseRetryAfter(undefined), undefined);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter('-1'), undefined);
    assert.equal(parseRetryAfter('1.5'), undefined, 'delay-seconds is a whole number');
  });
});

describe('step 2: backoffDelay', () => {
  const noJitter = { baseDelayMs: 100, maxDelayMs: 5000, random: () => 1 };

  it('doubles the delay after each failed attempt', () => {
    assert.deepEqual([1, 2, 3, 4].map((n) => backoffDelay(n, noJitter)), [100, 200, 400, 800]);
  });

  it('never waits longer than maxDelayMs', () => {
    assert.equal(backoffDelay(10, noJitter), 5000);
  });

  it('adds jitter: random() = 0 halves the delay', () => {
    assert.equal(backoffDelay(3, { ...noJitter, random: () => 0 }), 200);
  });
});

describe('step 3: toApiError', () => {
  it('uses the detail of a problem document as the message', () => {
    const body = JSON.stringify({ title: 'Bad Request', status: 400, detail: 'Body must be a JSON object' });
    const err = toApiError(400, 'Bad Request', new Headers(), body, 1);
    assert.ok(err instanceof ApiError, 'expected an ApiError');
    assert.equal(err.status, 400);
    assert.equal(err.serverMessage, 'Body must be a JSON object');
    assert.deepEqual(err.body, JSON.parse(body));
  });

  it('falls back to the title, then to the status text', () => {
    assert.equal(toApiError(403, 'Forbidden', new Headers(), '{"title":"Key lacks scope"}', 1).serverMessage, 'Key lacks scope');
    assert.equal(toApiError(502, 'Bad Gateway', new Headers(), '<html>upstream</html>', 1).serverMessage, 'Bad Gateway');
  });

  it('turns 422 into a ValidationError with the field errors', () => {
    const errors = [{ field: 'features.tenure_months', message: 'must be >= 0' }];
    const body = JSON.stringify({ title: 'Invalid input', status: 422, detail: '1 field is invalid', errors });
    const err = toApiError(422, 'Unprocessable Entity', new Headers(), body, 1);
    assert.ok(err instanceof ValidationError, 'expected a ValidationError');
    assert.ok(err instanceof ApiError, 'a ValidationError is also an ApiError');
    assert.deepEqual(err.details, errors);
  });

  it('records Retry-After in milliseconds', () => {
    const err = toApiError(429, 'Too Many Requests', new Headers({ 'retry-after': '3' }), '{}', 2);
    assert.equal(err.retryAfterMs, 3000);
    assert.equal(err.attempts, 2);
  });
});

describe('step 4: predict', () => {
  describe('success', () => {
    it('POSTs the features as JSON and returns the parsed JSON body', async () => {
      const api = await serve([json(200, PREDICTION)]);
      const result = await predict(api.baseUrl, FEATURES, fastOptions().options);
      assert.deepEqual(result, PREDICTION);
      assert.equal(api.requests.length, 1);
      const [req] = api.requests;
      assert.equal(req.method, 'POST');
      assert.equal(req.url, '/v1/predict');
      assert.match(String(req.headers['content-type']), /^application\/json/);
      assert.deepEqual(req.body, { features: FEATURES });
    });

    it('treats every 2xx as success', async () => {
      const api = await serve([json(201, { id: 'job-7' })]);
      assert.deepEqual(await predict(api.baseUrl, FEATURES, fastOptions().options), { id: 'job-7' });
    });
  });

  describe('client errors (4xx): fail fast, never retry', () => {
    it('throws an ApiError with the status and the server message for 400', async () => {
      const api = await serve([problem(400, { title: 'Bad Request', detail: 'Body must be a JSON object' })]);
      const { options, sleeps } = fastOptions();
      await assert.rejects(predict(api.baseUrl, FEATURES, options), (err) => {
        assert.ok(err instanceof ApiError, `expected an ApiError, got ${err}`);
        assert.ok(!(err instanceof ValidationError), '400 is not a validation error');
        assert.equal(err.status, 400);
        assert.match(err.message, /Body must be a JSON object/);
        return true;
      });
      assert.equal(api.requests.length, 1, 'a 400 must not be retried: the same request fails the same way');
      assert.deepEqual(sleeps, []);
    });

    it('exposes validation details for 422', async () => {
      const errors = [{ field: 'features.monthly_charges', message: 'must be a number' }];
      const api = await serve([problem(422, { title: 'Invalid input', detail: '1 field is invalid', errors })]);
      await assert.rejects(predict(api.baseUrl, FEATURES, fastOptions().options), (err) => {
        assert.ok(err instanceof ValidationError, `expected a ValidationError, got ${err}`);
        assert.equal(err.status, 422);
        assert.deepEqual(err.details, errors);
        return true;
      });
      assert.equal(api.requests.length, 1);
    });

    it('copes with an error body that is not JSON (404 page)', async () => {
      const api = await serve([text(404, '<h1>Not Found</h1>')]);
      await assert.rejects(predict(api.baseUrl, FEATURES, fastOptions().options), (err) => {
        assert.ok(err instanceof ApiError, `expected an ApiError, got ${err}`);
        assert.equal(err.status, 404);
        assert.equal(err.body, '<h1>Not Found</h1>');
        return true;
      });
      assert.equal(api.requests.length, 1);
    });

    it('does not retry 401 either', async () => {
      const api = await serve([problem(401, { title: 'Unauthorized', detail: 'Missing API key' })]);
      await assert.rejects(predict(api.baseUrl, FEATURES, fastOptions().options), { status: 401 });
      assert.equal(api.requests.length, 1);
    });
  });

  describe('server errors and overload', () => {
    it('does not retry 500 by default', async () => {
      const api = await serve([problem(500, { title: 'Internal Server Error' }), json(200, PREDICTION)]);
      await assert.rejects(predict(api.baseUrl, FEATURES, fastOptions().options), (err) => {
        assert.ok(err instanceof ApiError, `expected an ApiError, got ${err}`);
        assert.equal(err.status, 500);
        return true;
      });
      assert.equal(api.requests.length, 1, '500 is not retried unless the caller opts in');
    });

    it('retries 500 when the caller lists it in retryStatuses', async () => {
      const api = await serve([problem(500, { title: 'Internal Server Error' }), json(200, PREDICTION)]);
      const { options } = fastOptions({ retryStatuses: [500, 503] });
      assert.deepEqual(await predict(api.baseUrl, FEATURES, options), PREDICTION);
      assert.equal(api.requests.length, 2);
    });

    it('retries 503 with exponential backoff, then succeeds', async () => {
      const api = await serve([problem(503, { title: 'Loading model' }), problem(503, { title: 'Loading model' }), json(200, PREDICTION)]);
      const { options, sleeps } = fastOptions();
      assert.deepEqual(await predict(api.baseUrl, FEATURES, options), PREDICTION);
      assert.equal(api.requests.length, 3);
      assert.deepEqual(sleeps, [100, 200], 'waits baseDelayMs, then twice that');
    });

    it('gives up after maxAttempts and throws the last error', async () => {
      const api = await serve([problem(503, { title: 'Service Unavailable', detail: 'Model is reloading' })]);
      const { options, sleeps } = fastOptions({ maxAttempts: 4 });
      await assert.rejects(predict(api.baseUrl, FEATURES, options), (err) => {
        assert.ok(err instanceof ApiError, `expected an ApiError, got ${err}`);
        assert.equal(err.status, 503);
        assert.equal(err.attempts, 4);
        assert.match(err.message, /Model is reloading/);
        return true;
      });
      assert.equal(api.requests.length, 4);
      assert.deepEqual(sleeps, [100, 200, 400], 'no wait after the last attempt');
    });

    it('caps the backoff at maxDelayMs', async () => {
      const api = await serve([problem(503, { title: 'Service Unavailable' })]);
      const { options, sleeps } = fastOptions({ maxAttempts: 4, maxDelayMs: 250 });
      await assert.rejects(predict(api.baseUrl, FEATURES, options), { status: 503 });
      assert.deepEqual(sleeps, [100, 200, 250]);
    });
  });

  describe('rate limiting (429) and Retry-After', () => {
    it('waits exactly Retry-After seconds before retrying', async () => {
      const api = await serve([problem(429, { title: 'Too Many Requests' }, { 'retry-after': '1' }), json(200, PREDICTION)]);
      const { options, sleeps } = fastOptions();
      assert.deepEqual(await predict(api.baseUrl, FEATURES, options), PREDICTION);
      assert.equal(api.requests.length, 2);
      assert.deepEqual(sleeps, [1000], 'Retry-After: 1 means wait 1000 ms, not the backoff delay');
    });

    it('honours Retry-After: 0 (retry at once)', async () => {
      const api = await serve([problem(503, { title: 'Service Unavailable' }, { 'retry-after': '0' }), json(200, PREDICTION)]);
      const { options, sleeps } = fastOptions();
      assert.deepEqual(await predict(api.baseUrl, FEATURES, options), PREDICTION);
      assert.deepEqual(sleeps, [0]);
    });

    it('uses backoff for a 429 without Retry-After', async () => {
      const api = await serve([problem(429, { title: 'Too Many Requests' }), json(200, PREDICTION)]);
      const { options, sleeps } = fastOptions();
      await predict(api.baseUrl, FEATURES, options);
      assert.deepEqual(sleeps, [100]);
    });

    it('gives up at once when Retry-After asks for more than maxDelayMs', async () => {
      const api = await serve([problem(429, { title: 'Too Many Requests', detail: 'Daily quota used' }, { 'retry-after': '3600' })]);
      const { options, sleeps } = fastOptions();
      await assert.rejects(predict(api.baseUrl, FEATURES, options), (err) => {
        assert.ok(err instanceof ApiError, `expected an ApiError, got ${err}`);
        assert.equal(err.status, 429);
        assert.equal(err.retryAfterMs, 3_600_000, 'the caller can read how long to wait');
        return true;
      });
      assert.equal(api.requests.length, 1);
      assert.deepEqual(sleeps, []);
    });

    it('really waits when no sleep is injected', async () => {
      const api = await serve([problem(503, { title: 'Service Unavailable' }), json(200, PREDICTION)]);
      const started = performance.now();
      await predict(api.baseUrl, FEATURES, { baseDelayMs: 40, random: () => 1 });
      assert.ok(performance.now() - started >= 35, 'the default sleep should wait about baseDelayMs');
    });
  });

  describe('timeouts and network errors', () => {
    it('times out a request that never answers and says so', async () => {
      const api = await serve([hang]);
      const { options } = fastOptions({ timeoutMs: 50, maxAttempts: 1 });
      const started = performance.now();
      await assert.rejects(predict(api.baseUrl, FEATURES, options), (err) => {
        assert.ok(err instanceof RequestTimeoutError, `expected a RequestTimeoutError, got ${err}`);
        assert.match(err.message, /timed out after 50 ms/);
        return true;
      });
      assert.ok(performance.now() - started < 1000, 'the timeout should fire after about 50 ms');
    });

    it('retries after a timeout and can then succeed', async () => {
      const api = await serve([hang, json(200, PREDICTION)]);
      const { options, sleeps } = fastOptions({ timeoutMs: 50 });
      assert.deepEqual(await predict(api.baseUrl, FEATURES, options), PREDICTION);
      assert.equal(api.requests.length, 2);
      assert.deepEqual(sleeps, [100]);
    });

    // The hard case: fetch() resolves once the headers arrive, so a timeout that stops at
    // fetch() leaves the body read unguarded.
    it('times out a body that stalls after the headers, then retries and succeeds', async () => {
      const api = await serve([stallBody, json(200, PREDICTION)]);
      const { options, sleeps } = fastOptions({ timeoutMs: 100 });
      assert.deepEqual(await within(predict(api.baseUrl, FEATURES, options), 2000), PREDICTION);
      assert.equal(api.requests.length, 2, 'the stalled attempt must be abandoned and retried');
      assert.deepEqual(sleeps, [100], 'a timed-out attempt is followed by the backoff wait');
    });

    it('throws a RequestTimeoutError when the body stalls on every attempt', async () => {
      const api = await serve([stallBody]);
      const { options } = fastOptions({ timeoutMs: 100, maxAttempts: 2 });
      await assert.rejects(within(predict(api.baseUrl, FEATURES, options), 2000), (err) => {
        assert.ok(err instanceof RequestTimeoutError, `expected a RequestTimeoutError, got ${err}`);
        assert.equal(err.attempts, 2);
        return true;
      });
      assert.equal(api.requests.length, 2);
    });

    it('retries when the connection drops, then succeeds', async () => {
      const api = await serve([drop, json(200, PREDICTION)]);
      const { options } = fastOptions();
      assert.deepEqual(await predict(api.baseUrl, FEATURES, options), PREDICTION);
      assert.equal(api.requests.length, 2);
    });

    it('throws a NetworkError when nothing answers at all', async () => {
      const url = await deadUrl();
      const { options, sleeps } = fastOptions({ maxAttempts: 2 });
      await assert.rejects(predict(url, FEATURES, options), (err) => {
        assert.ok(err instanceof NetworkError, `expected a NetworkError, got ${err}`);
        assert.equal(err.attempts, 2);
        assert.ok(err.cause, 'keep the original error as `cause`');
        return true;
      });
      assert.deepEqual(sleeps, [100]);
    });
  });
});
