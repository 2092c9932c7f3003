// @ts-check
// A tiny prediction API for the tests. Each test gives it a script: the first
// request gets the first reply, the second request the second reply, and so on
// (the last reply repeats). It records every request so tests can inspect them.
import http from 'node:http';

/**
 * @typedef {object} RecordedRequest
 * @property {string | undefined} method
 * @property {string | undefined} url
 * @property {http.IncomingHttpHeaders} headers
 * @property {unknown} body the parsed JSON body, or the raw text if it is not JSON
 */

/** @typedef {(req: http.IncomingMessage, res: http.ServerResponse) => void} Reply */

/**
 * Start the server on a free port of 127.0.0.1.
 * @param {Reply[]} script
 */
export async function startServer(script) {
  /** @type {RecordedRequest[]} */
  const requests = [];
  const server = http.createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    /** @type {unknown} */
    let body = text;
    try {
      body = JSON.parse(text);
    } catch {
      // keep the raw text
    }
    requests.push({ method: req.method, url: req.url, headers: req.headers, body });
    const reply = script[Math.min(requests.length, script.length) - 1];
    reply(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

/**
 * Reply with a JSON body.
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 * @returns {Reply}
 */
export function json(status, body, headers = {}) {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

/**
 * Reply with an RFC 9457 problem document, the error format of this API.
 * @param {number} status
 * @param {Record<string, unknown>} problem
 * @param {Record<string, string>} [headers]
 * @returns {Reply}
 */
export function problem(status, problem, headers = {}) {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/problem+json', ...headers });
    res.end(JSON.stringify({ status, ...problem }));
  };
}

/**
 * Reply with plain text or HTML, as a proxy or a crashed server might.
 * @param {number} status
 * @param {string} text
 * @param {string} [contentType]
 * @returns {Reply}
 */
export function text(status, text, contentType = 'text/html') {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': contentType });
    res.end(text);
  };
}

/** Never answer: the client has to give up on its own. @type {Reply} */
export const hang = () => {};

/**
 * Send the status line, the headers and the start of a JSON body, then stall: the body never
 * ends. `fetch` resolves as soon as the headers arrive, so only a timeout that also covers
 * reading the body can end this attempt. @type {Reply}
 */
export const stallBody = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"churn_probability": 0.8');
};

/** Close the connection without sending any HTTP response. @type {Reply} */
export const drop = (req) => {
  req.socket.destroy();
};

/** A URL where nothing listens (the port was free a moment ago). */
export async function deadUrl() {
  const { baseUrl, close } = await startServer([json(200, {})]);
  await close();
  return baseUrl;
}
