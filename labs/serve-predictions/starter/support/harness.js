// @ts-check
/**
 * Test helpers: start the service on a free port and send real HTTP requests to it.
 * Used by the tests; you do not need to change this file.
 */
import http from 'node:http';
import { start } from '../src/server.js';

/**
 * @typedef {object} Reply
 * @property {number} status
 * @property {http.IncomingHttpHeaders} headers
 * @property {string} text  the raw body
 * @property {any} json     the parsed body, or undefined when it is not JSON
 */

/**
 * Starts the service on 127.0.0.1 and a free port.
 * @param {import('../src/server.js').ServerOptions} [options]
 * @returns {Promise<{ port: number, close: () => Promise<void> }>}
 */
export async function listen(options = {}) {
  const server = await start(0, '127.0.0.1', { log: () => {}, ...options });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Sends one request and collects the whole reply.
 * @param {number} port
 * @param {string} method
 * @param {string} path
 * @param {{ body?: string | object, headers?: Record<string, string> }} [init]
 *   an object body is sent as JSON; a string body is sent exactly as given
 * @returns {Promise<Reply>}
 */
export function send(port, method, path, init = {}) {
  const payload = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  const headers = { ...(payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) }), ...init.headers };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}
