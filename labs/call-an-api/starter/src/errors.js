// @ts-check
// The errors the client throws. This file is complete: read it, then use these
// classes in src/client.js. Callers tell failures apart with `instanceof`.

/**
 * The server answered with a status code that is not 2xx.
 * `status` is the code, `serverMessage` what the server said went wrong,
 * `body` the parsed error body (or its raw text), `attempts` how many requests were sent.
 */
export class ApiError extends Error {
  /**
   * @param {string} serverMessage
   * @param {{ status: number, body?: unknown, attempts?: number, retryAfterMs?: number }} info
   */
  constructor(serverMessage, { status, body, attempts = 1, retryAfterMs }) {
    super(`HTTP ${status}: ${serverMessage}`);
    this.name = 'ApiError';
    this.status = status;
    this.serverMessage = serverMessage;
    this.body = body;
    this.attempts = attempts;
    /** Milliseconds the server asked us to wait (from Retry-After), if it said. */
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * 422 Unprocessable Content: the JSON was well formed but the values were not acceptable.
 * `details` lists what was wrong, field by field, so a UI can show it next to each field.
 */
export class ValidationError extends ApiError {
  /**
   * @param {string} serverMessage
   * @param {{ status: number, body?: unknown, attempts?: number, details?: unknown[] }} info
   */
  constructor(serverMessage, { details = [], ...info }) {
    super(serverMessage, info);
    this.name = 'ValidationError';
    this.details = details;
  }
}

/** No complete response arrived within `timeoutMs` on the last attempt. */
export class RequestTimeoutError extends Error {
  /**
   * @param {number} timeoutMs
   * @param {number} attempts
   */
  constructor(timeoutMs, attempts) {
    super(`Request timed out after ${timeoutMs} ms (attempt ${attempts})`);
    this.name = 'RequestTimeoutError';
    this.timeoutMs = timeoutMs;
    this.attempts = attempts;
  }
}

/** The request never got an HTTP answer: connection refused, reset, DNS failure… */
export class NetworkError extends Error {
  /**
   * @param {string} message
   * @param {{ cause: unknown, attempts: number }} info
   */
  constructor(message, { cause, attempts }) {
    super(message, { cause });
    this.name = 'NetworkError';
    this.attempts = attempts;
  }
}
