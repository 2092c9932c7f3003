// @ts-check
/**
 * The prediction service: GET /health and POST /predict over plain node:http.
 * Run it with `npm start` (PORT and HOST environment variables, default 3000 and 127.0.0.1).
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { BodyTooLargeError, readBody, sendJson } from './http.js';
import { loadModelFromFile, predict } from './model.js';
import { validateFeatures } from './validate.js';

/** Largest request body accepted, in bytes. A prediction request is a few hundred bytes. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/** Which methods each path accepts: the source of 404, 405 and the Allow header. */
const ROUTES = /** @type {const} */ ({ '/health': 'GET', '/predict': 'POST' });

/**
 * @typedef {object} ServerOptions
 * @property {() => import('./model.js').Model} [loadModel]  reads the model; called once, when the server is created
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

  // Step 1: load the model once, now, not inside the request handler.
  /** @type {import('./model.js').Model | null} */
  let model = null;
  try {
    model = loadModel();
  } catch (error) {
    log('could not load the model; /health and /predict will answer 503:', error);
  }

  return http.createServer(async (req, res) => {
    try {
      // Step 2: route by path, then by method.
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      if (!Object.hasOwn(ROUTES, pathname)) return sendJson(res, 404, { error: `no route for ${pathname}` });
      const allowed = ROUTES[/** @type {keyof typeof ROUTES} */ (pathname)];
      if (req.method !== allowed) {
        return sendJson(res, 405, { error: `${req.method} is not allowed on ${pathname}; use ${allowed}` });
      }

      if (pathname === '/health') {
        return model
          ? sendJson(res, 200, { status: 'ok', modelVersion: model.version })
          : sendJson(res, 503, { status: 'unavailable', error: 'model not loaded' });
      }

      // POST /predict
      if (!model) return sendJson(res, 503, { error: 'model not loaded' });

      // Step 3: read the body with a size limit, then parse it.
      let text;
      try {
        text = await readBody(req, maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: error.message });
        throw error;
      }
      let body;
      try {
        body = JSON.parse(text);
      } catch (error) {
        return sendJson(res, 400, { error: `body is not valid JSON: ${/** @type {Error} */ (error).message}` });
      }

      // Step 4: validate.
      const problems = validateFeatures(body, model);
      if (problems.length > 0) return sendJson(res, 422, { error: 'invalid input', problems });

      // Step 5: predict and answer.
      const { prediction, probability } = predict(model, /** @type {Record<string, number>} */ (body));
      return sendJson(res, 200, { prediction, probability, modelVersion: model.version });
    } catch (error) {
      // Anything unexpected: log the details, tell the client only that it failed.
      log('unexpected error while handling', req.method, req.url, error);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal server error' });
      else res.destroy();
    }
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
