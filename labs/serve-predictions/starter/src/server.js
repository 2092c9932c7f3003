// @ts-check
/**
 * The prediction service: GET /health and POST /predict over plain node:http.
 * Run it with `npm start` (PORT and HOST environment variables, default 3000 and 127.0.0.1).
 *
 * Your job: steps 1 to 5 below (README.md explains each one). The helpers you need are
 * already written: readBody and sendJson in http.js, loadModelFromFile and predict in model.js.
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { BodyTooLargeError, readBody, sendJson } from './http.js';
import { loadModelFromFile, predict } from './model.js';
import { validateFeatures } from './validate.js';

/** Largest request body accepted, in bytes. A prediction request is a few hundred bytes. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/**
 * @typedef {object} ServerOptions
 * @property {() => import('./model.js').Model} [loadModel]  reads the model; call it once, when the server is created
 * @property {number} [maxBodyBytes]  larger bodies get 413
 * @property {(...args: unknown[]) => void} [log]  where errors are reported
 */

/**
 * Creates (but does not start) the HTTP server.
 * @param {ServerOptions} [options]
 * @returns {http.Server}
 */
export function createServer(options = {}) {
  const { loadModel = () => loadModelFromFile(), maxBodyBytes = DEFAULT_MAX_BODY_BYTES, log = console.error } = options;

  // Step 1 (your code): call loadModel() exactly once, here, and keep the result.
  // If it throws, log the error and keep going with no model: the server must still start,
  // and /health and /predict then answer 503.
  /** @type {import('./model.js').Model | null} */
  let model = null;

  return http.createServer(async (req, res) => {
    // Step 2 (your code): route the request.
    //   GET /health  -> 200 { status: 'ok', modelVersion } or 503 when there is no model
    //   POST /predict -> steps 3 to 5
    //   a known path with the wrong method -> 405 with an Allow header
    //   any other path -> 404
    // Step 3 (your code): read the body with readBody(req, maxBodyBytes):
    //   BodyTooLargeError -> 413; text that JSON.parse rejects -> 400.
    // Step 4 (your code): validateFeatures(body, model) in validate.js; problems -> 422.
    // Step 5 (your code): predict(model, body) -> 200 { prediction, probability, modelVersion }.
    //   Wrap the handler in try/catch: an unexpected error is logged with log(...) and answered
    //   500 with a generic message of yours; the caught error's message and stack stay on the server.
    // Every response is JSON: use sendJson(res, status, body, headers).
    sendJson(res, 501, { error: `${req.method} ${req.url} is not implemented yet: see README steps 1 to 5` });
  });
}

/**
 * Creates the server and starts listening. Port 0 picks a free port (the tests use it).
 * @param {number} [port]
 * @param {string} [host]
 * @param {ServerOptions} [options]
 * @returns {Promise<http.Server>} resolves once the server is listening
 */
export function start(port = Number(process.env.PORT ?? 3000), host = process.env.HOST ?? '127.0.0.1', options = {}) {
  const server = createServer(options);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

// `npm start` runs this file directly; the tests import it and call start() themselves.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await start();
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  console.log(`prediction service listening on http://${address.address}:${address.port}`);
}
