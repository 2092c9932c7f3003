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
 * Step 4 (your code): return every problem with `body`, in this order:
 *   1. If body is not a plain object (an array, null, a string, a number...), return only
 *      [{ field: null, code: 'not-object', message }].
 *   2. For each feature of the model, in the model's order:
 *      - absent            -> { field: name, code: 'missing', message }
 *      - not a finite number (a string, boolean, null...) -> { field: name, code: 'type', message }
 *      - outside [min, max] (both ends allowed) -> { field: name, code: 'range', message }
 *   3. For each key of body that is not a feature, in the body's order:
 *      -> { field: key, code: 'unknown', message }
 * Messages are for humans: say what is wrong, e.g. "must be between 0 and 120, got 150".
 *
 * @param {unknown} body  the parsed JSON body
 * @param {import('./model.js').Model} model
 * @returns {Problem[]}
 */
export function validateFeatures(body, model) {
  throw new Error('validateFeatures() is not written yet: see README step 4');
}
