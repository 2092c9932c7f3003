// @ts-check
/**
 * Input validation: turns whatever JSON the client sent into a list of problems.
 * An empty list means the input is safe to give to the model.
 */

/**
 * @typedef {object} Problem
 * @property {string | null} field  the feature name, or null when the body as a whole is wrong
 * @property {'not-object' | 'missing' | 'type' | 'range' | 'unknown'} code  machine-readable reason
 * @property {string} message  human-readable explanation
 */

/**
 * @param {unknown} body  the parsed JSON body
 * @param {import('./model.js').Model} model
 * @returns {Problem[]}
 */
export function validateFeatures(body, model) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [{ field: null, code: 'not-object', message: 'body must be a JSON object with one number per feature' }];
  }
  const input = /** @type {Record<string, unknown>} */ (body);
  /** @type {Problem[]} */
  const problems = [];

  for (const { name, min, max } of model.features) {
    if (!Object.hasOwn(input, name)) {
      return [{ field: name, code: 'missing', message: 'is required' }];
    }
    const value = input[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return [{ field: name, code: 'type', message: `must be a number, got ${value === null ? 'null' : typeof value}` }];
    } else if (value < min || value > max) {
      return [{ field: name, code: 'range', message: `must be between ${min} and ${max}, got ${value}` }];
    }
  }

  const known = new Set(model.features.map((feature) => feature.name));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) problems.push({ field: key, code: 'unknown', message: 'is not a feature of this model' });
  }
  return problems;
}
