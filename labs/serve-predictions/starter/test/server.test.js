// Tests for steps 1, 2, 3 and 5 (and the 422 of step 4): the service in src/server.js, over real HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listen, send } from '../support/harness.js';
import { loadModelFromFile } from '../src/model.js';

const LOW_RISK = { tenure_months: 48, monthly_charges: 60, support_calls_90d: 0, late_payments_12m: 0 };
const HIGH_RISK = { tenure_months: 3, monthly_charges: 95, support_calls_90d: 5, late_payments_12m: 2 };

/** Asserts the reply is JSON and carries a non-empty `error` message. */
function assertJsonError(reply) {
  assert.match(String(reply.headers['content-type']), /application\/json/, 'errors must be JSON too');
  assert.equal(typeof reply.json?.error, 'string', `expected a JSON body with an "error" message, got: ${reply.text}`);
  assert.ok(reply.json.error.length > 0);
}

describe('step 1: the model is loaded once, at start-up', () => {
  it('calls the loader before the first request and never again', async () => {
    let loads = 0;
    const service = await listen({
      loadModel: () => {
        loads += 1;
        return loadModelFromFile();
      },
    });
    try {
      assert.equal(loads, 1, 'the model should be loaded when the server is created, before any request');
      await send(service.port, 'GET', '/health');
      await send(service.port, 'POST', '/predict', { body: LOW_RISK });
      await send(service.port, 'POST', '/predict', { body: HIGH_RISK });
      assert.equal(loads, 1, 'the model file must not be read again for each request');
    } finally {
      await service.close();
    }
  });

  it('still starts when the model cannot be loaded, and answers 503', async () => {
    const service = await listen({
      loadModel: () => {
        throw new Error('model.json: no such file');
      },
    });
    try {
      const health = await send(service.port, 'GET', '/health');
      assert.equal(health.status, 503, 'GET /health without a model');
      assert.equal(health.json?.status, 'unavailable');
      const prediction = await send(service.port, 'POST', '/predict', { body: LOW_RISK });
      assert.equal(prediction.status, 503, 'POST /predict without a model');
      assertJsonError(prediction);
    } finally {
      await service.close();
    }
  });
});

/**
 * Starts one service for the tests of a `describe` block and closes it afterwards.
 * @returns {() => number} the port, once the service is listening
 */
function sharedService() {
  /** @type {{ port: number, close: () => Promise<void> }} */
  let service;
  before(async () => {
    service = await listen();
  });
  after(async () => {
    await service.close();
  });
  return () => service.port;
}

describe('step 2: routing', () => {
  const port = sharedService();

  it('GET /health answers 200 with the model version', async () => {
    const reply = await send(port(), 'GET', '/health');
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(reply.json, { status: 'ok', modelVersion: '2.1.0' });
  });

  it('ignores a query string when routing', async () => {
    const health = await send(port(), 'GET', '/health?verbose=1');
    assert.equal(health.status, 200, health.text);
    const predict = await send(port(), 'GET', '/predict?explain=false');
    assert.equal(predict.status, 405, `GET /predict?explain=false is the known path /predict with the wrong method: ${predict.text}`);
  });

  it('answers 405 with an Allow header for a known path and the wrong method', async () => {
    const getPredict = await send(port(), 'GET', '/predict');
    assert.equal(getPredict.status, 405, getPredict.text);
    assert.equal(getPredict.headers.allow, 'POST');
    assertJsonError(getPredict);
    const postHealth = await send(port(), 'POST', '/health', { body: {} });
    assert.equal(postHealth.status, 405, postHealth.text);
    assert.equal(postHealth.headers.allow, 'GET');
  });

  it('answers 404 with a JSON error for an unknown path', async () => {
    const reply = await send(port(), 'GET', '/predictions');
    assert.equal(reply.status, 404, reply.text);
    assertJsonError(reply);
  });
});

describe('step 3: reading and parsing the body', () => {
  const port = sharedService();

  it('answers 400 with a JSON error for malformed JSON', async () => {
    const reply = await send(port(), 'POST', '/predict', { body: '{"tenure_months": 24,' });
    assert.equal(reply.status, 400, reply.text);
    assertJsonError(reply);
  });

  it('answers 400 for an empty body', async () => {
    const reply = await send(port(), 'POST', '/predict', { body: '' });
    assert.equal(reply.status, 400, reply.text);
    assertJsonError(reply);
  });

  it('answers 413 when the body is larger than the limit', async () => {
    const big = JSON.stringify({ ...LOW_RISK, padding: 'x'.repeat(20 * 1024) });
    const reply = await send(port(), 'POST', '/predict', { body: big });
    assert.equal(reply.status, 413, reply.text);
    assertJsonError(reply);
  });

  it('respects a custom body limit', async () => {
    const service = await listen({ maxBodyBytes: 64 });
    try {
      const reply = await send(service.port, 'POST', '/predict', { body: LOW_RISK });
      assert.equal(reply.status, 413, reply.text);
    } finally {
      await service.close();
    }
  });
});

describe('step 4: invalid input is a 422', () => {
  const port = sharedService();

  it('answers 422 with one problem per field for well-formed but invalid input', async () => {
    const reply = await send(port(), 'POST', '/predict', {
      body: { tenure_months: '24', monthly_charges: 80, late_payments_12m: 40, coupon: 'SAVE10' },
    });
    assert.equal(reply.status, 422, reply.text);
    assertJsonError(reply);
    assert.ok(Array.isArray(reply.json.problems), 'a 422 body has a "problems" list');
    assert.deepEqual(
      reply.json.problems.map((p) => [p.field, p.code]),
      [
        ['tenure_months', 'type'],
        ['support_calls_90d', 'missing'],
        ['late_payments_12m', 'range'],
        ['coupon', 'unknown'],
      ],
    );
  });

  it('answers 422 when the JSON is an array instead of an object', async () => {
    const reply = await send(port(), 'POST', '/predict', { body: [LOW_RISK] });
    assert.equal(reply.status, 422, reply.text);
    assert.deepEqual(reply.json.problems.map((p) => p.code), ['not-object']);
  });
});

describe('step 5: predictions', () => {
  const port = sharedService();

  it('POST /predict answers 200 with prediction, probability and modelVersion', async () => {
    const reply = await send(port(), 'POST', '/predict', { body: HIGH_RISK });
    assert.equal(reply.status, 200, reply.text);
    assert.match(String(reply.headers['content-type']), /application\/json/);
    assert.deepEqual(reply.json, { prediction: 1, probability: 0.9191, modelVersion: '2.1.0' });
  });

  it('POST /predict predicts 0 for a low-risk customer', async () => {
    const reply = await send(port(), 'POST', '/predict', { body: LOW_RISK });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(reply.json.prediction, 0);
    assert.equal(reply.json.probability, 0.063);
  });

  it('answers a query string on /predict like the plain path', async () => {
    const reply = await send(port(), 'POST', '/predict?explain=false', { body: LOW_RISK });
    assert.equal(reply.status, 200, reply.text);
  });
});

describe('step 5: unexpected errors', () => {
  it('answers 500 with a generic JSON error and keeps serving', async () => {
    const broken = { ...loadModelFromFile(), weights: [] }; // predict() will produce NaN and throw
    const service = await listen({ loadModel: () => broken });
    try {
      const reply = await send(service.port, 'POST', '/predict', { body: LOW_RISK });
      assert.equal(reply.status, 500, reply.text);
      assertJsonError(reply);
      assert.doesNotMatch(reply.text, /at .*\.js/, 'do not send stack traces to clients');
      assert.doesNotMatch(reply.text, /non-finite/, 'do not send the error message to clients either: log it');
      const health = await send(service.port, 'GET', '/health');
      assert.equal(health.status, 200, 'the server keeps running after a 500');
    } finally {
      await service.close();
    }
  });

  it('never puts the raw error in a 500 body, and logs it for the operators', async () => {
    // An error whose message holds a secret, as a database driver's often does.
    const secret = 'connect failed: postgres://ml:hunter2@db.internal:5432/features';
    const model = loadModelFromFile();
    const exploding = {
      ...model,
      /** @returns {number} */
      get threshold() {
        throw new Error(secret);
      },
    };
    /** @type {unknown[][]} */
    const logged = [];
    const service = await listen({ loadModel: () => exploding, log: (...args) => logged.push(args) });
    try {
      const reply = await send(service.port, 'POST', '/predict', { body: LOW_RISK });
      assert.equal(reply.status, 500, reply.text);
      assertJsonError(reply);
      for (const leak of ['hunter2', 'postgres', 'db.internal', 'connect failed']) {
        assert.ok(!reply.text.includes(leak), `the 500 body leaks "${leak}": ${reply.text}`);
      }
      const loggedText = logged.flat().map((value) => (value instanceof Error ? `${value.message}\n${value.stack}` : String(value))).join('\n');
      assert.ok(loggedText.includes('hunter2'), 'log the real error (with log(...)) so the operators can find the cause');
    } finally {
      await service.close();
    }
  });
});
