// @ts-check
/**
 * Evaluates GitHub Actions `if:` expressions the way the runner does, so the tests can ask
 * "would this job run for a push to main? for a pull request?" instead of reading the words.
 * Supports literals, contexts (github.*), ! && || == != < <= > >=, parentheses and the
 * functions startsWith, endsWith, contains, format, success, always, failure and cancelled.
 * You do not need to change this file.
 */

/**
 * The facts an expression can read for one imagined run.
 * @typedef {{ github: Record<string, any>, status: 'success' | 'failure' | 'cancelled', vars?: Record<string, any>, env?: Record<string, any> }} Scenario
 */

const TOKEN = /\s*(?:('(?:[^']|'')*')|(-?\d+(?:\.\d+)?)\b|(==|!=|<=|>=|&&|\|\||[!<>(),])|([A-Za-z_][\w-]*(?:\.[\w-]+|\[\d+\])*))/y;

/**
 * Splits an expression into tokens; throws on anything it does not understand.
 * @param {string} text
 */
function tokenize(text) {
  /** @type {{ kind: 'str' | 'num' | 'op' | 'id', value: string }[]} */
  const tokens = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`cannot read \`${text.slice(at).trim()}\``);
    if (m[1] !== undefined) tokens.push({ kind: 'str', value: m[1].slice(1, -1).replace(/''/g, "'") });
    else if (m[2] !== undefined) tokens.push({ kind: 'num', value: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'op', value: m[3] });
    else tokens.push({ kind: 'id', value: m[4] });
  }
  return tokens;
}

/** GitHub compares strings ignoring case; other values by loose equality. */
function equal(/** @type {any} */ a, /** @type {any} */ b) {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (a === undefined || a === null) a = '';
  if (b === undefined || b === null) b = '';
  return a == b; // eslint-disable-line eqeqeq -- GitHub coerces like this
}

/**
 * Evaluates an `if:` value for a scenario. A condition without a status function gets
 * GitHub's implicit `success() &&` in front of it.
 * @param {unknown} condition the raw `if:` value (string, boolean or undefined)
 * @param {Scenario} scenario
 * @returns {boolean}
 */
export function runsWhen(condition, scenario) {
  if (condition === undefined || condition === null) return scenario.status === 'success';
  const { value, usesStatus } = evaluate(String(condition), scenario);
  return truthy(value) && (usesStatus || scenario.status === 'success');
}

/**
 * Evaluates one expression (with or without its `${{ }}`) to its value, e.g. for an action
 * input such as `enable=${{ github.ref == 'refs/heads/main' }}`. Throws on what it cannot read.
 * @param {string} expression
 * @param {Scenario} scenario
 * @returns {{ value: any, usesStatus: boolean }} the value, and whether a status function such as always() appears
 */
export function evaluate(expression, scenario) {
  const text = expression.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const tokens = tokenize(text);
  const usesStatus = tokens.some((t, i) => t.kind === 'id' && ['success', 'always', 'failure', 'cancelled'].includes(t.value) && tokens[i + 1]?.value === '(');
  let pos = 0;
  const peek = () => tokens[pos];
  const take = (/** @type {string} */ op) => {
    if (peek()?.value !== op) throw new Error(`expected \`${op}\` in \`${text}\``);
    pos++;
  };
  /** @returns {any} */
  const primary = () => {
    const t = tokens[pos++];
    if (!t) throw new Error(`\`${text}\` ends too early`);
    if (t.kind === 'str') return t.value;
    if (t.kind === 'num') return Number(t.value);
    if (t.value === '(') {
      const v = or();
      take(')');
      return v;
    }
    if (t.value === '!') return !truthy(primary());
    if (t.kind !== 'id') throw new Error(`unexpected \`${t.value}\` in \`${text}\``);
    if (t.value === 'true') return true;
    if (t.value === 'false') return false;
    if (t.value === 'null') return null;
    if (peek()?.value === '(') {
      pos++;
      /** @type {any[]} */
      const args = [];
      while (peek()?.value !== ')') {
        args.push(or());
        if (peek()?.value === ',') pos++;
      }
      take(')');
      return call(t.value, args, scenario);
    }
    return t.value.split('.').reduce((/** @type {any} */ v, key) => (v == null ? undefined : v[key]), /** @type {any} */ (scenario));
  };
  const comparison = () => {
    let left = primary();
    while (['==', '!=', '<', '<=', '>', '>='].includes(peek()?.value ?? '')) {
      const op = tokens[pos++].value;
      const right = primary();
      left = op === '==' ? equal(left, right) : op === '!=' ? !equal(left, right) : op === '<' ? left < right : op === '<=' ? left <= right : op === '>' ? left > right : left >= right;
    }
    return left;
  };
  const and = () => {
    let v = comparison();
    while (peek()?.value === '&&') {
      pos++;
      const r = comparison();
      v = truthy(v) ? r : v;
    }
    return v;
  };
  /** @returns {any} */
  const or = () => {
    let v = and();
    while (peek()?.value === '||') {
      pos++;
      const r = and();
      v = truthy(v) ? v : r;
    }
    return v;
  };
  const value = or();
  if (pos < tokens.length) throw new Error(`unexpected \`${tokens[pos].value}\` in \`${text}\``);
  return { value, usesStatus };
}

/** GitHub's truthiness: false, 0, '' and null are false. */
const truthy = (/** @type {any} */ v) => !(v === false || v === 0 || v === '' || v === null || v === undefined || Number.isNaN(v));

/**
 * @param {string} name
 * @param {any[]} args
 * @param {Scenario} scenario
 */
function call(name, args, scenario) {
  const s = (/** @type {any} */ v) => String(v ?? '').toLowerCase();
  switch (name.toLowerCase()) {
    case 'startswith':
      return s(args[0]).startsWith(s(args[1]));
    case 'endswith':
      return s(args[0]).endsWith(s(args[1]));
    case 'contains':
      return Array.isArray(args[0]) ? args[0].some((x) => equal(x, args[1])) : s(args[0]).includes(s(args[1]));
    case 'success':
      return scenario.status === 'success';
    case 'failure':
      return scenario.status === 'failure';
    case 'cancelled':
      return scenario.status === 'cancelled';
    case 'always':
      return true;
    case 'format':
      // format('refs/heads/{0}', 'main'): {N} takes argument N+1; {{ and }} are literal braces.
      return String(args[0] ?? '').replace(/\{\{|\}\}|\{(\d+)\}/g, (m, n) => (n === undefined ? m[0] : String(args[Number(n) + 1] ?? '')));
    default:
      throw new Error(`the function ${name}() is not supported by these tests`);
  }
}
