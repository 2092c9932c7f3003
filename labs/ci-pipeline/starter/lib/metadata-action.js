// @ts-check
/**
 * Works out the tags docker/metadata-action would output for a push to main of the example
 * commit, following the rules its README documents (images × tag rules, prefixes, `enable`,
 * flavor), so a workflow that passes `${{ steps.meta.outputs.tags }}` to
 * docker/build-push-action is checked like one that writes its tags out.
 * You do not need to change this file.
 */
import { evaluate } from './expression.js';
import { EXAMPLE, fillIn } from './image-tag.js';
import { githubContext, RUNS } from './scenarios.js';

/**
 * One generated tag: the full reference, the image and rule it came from, and whether it
 * names the exact commit (a `type=sha` rule, or a value built from the commit's SHA).
 * @typedef {{ ref: string, image: string, rule: string, traceable: boolean }} MetaTag
 */

/** The rules the action uses when `tags` is empty (README, "tags input"). */
const DEFAULT_RULES = ['type=schedule', 'type=ref,event=branch', 'type=ref,event=tag', 'type=ref,event=pr'];
const TYPES = ['schedule', 'semver', 'pep440', 'match', 'edge', 'ref', 'raw', 'sha'];
const PRIORITY = { schedule: 1000, semver: 900, pep440: 900, match: 800, edge: 700, ref: 600, raw: 200, sha: 100 };
/** The imagined run: GitHub's default branch is main, and the push is to main. */
const BRANCH = 'main';
/** `${{ vars.NAME }}` reads as `name` here, like fillIn does, so both ways give the same tag. */
const VARS = new Proxy({}, { get: (_, key) => (typeof key === 'string' ? key.toLowerCase().replace(/_/g, '-') : undefined) });

/** A list input as the action reads it: one entry a line, `#` lines are comments. */
const lines = (/** @type {unknown} */ value) =>
  String(value ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

/** The comma-separated fields of one entry (the action parses CSV, so "a,b" in quotes is one field). */
const fields = (/** @type {string} */ line) => (line.match(/("[^"]*"|[^,]+)/g) ?? []).map((f) => f.trim().replace(/^"(.*)"$/, '$1'));

/**
 * GitHub fills in `${{ }}` before the action runs, so do that first: simple contexts as fillIn
 * does, anything else by evaluating it for a push to main; what cannot be read becomes `?`.
 * @param {string} text
 * @param {Record<string, unknown>} env
 */
function fillRun(text, env) {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (whole, inner) => {
    const simple = /^\s*[\w.-]+\s*$/.test(inner) ? fillIn(whole, env) : '?';
    if (simple !== '?') return simple;
    try {
      const { value } = evaluate(inner, { github: githubContext(RUNS.pushMain), vars: VARS, env, status: 'success' });
      // GitHub writes null as an empty string; a context these checks do not know reads as undefined.
      return value === undefined ? '?' : value === null ? '' : String(value);
    } catch {
      return '?';
    }
  });
}

/** The action's own `{{ }}` expressions (README, "Global expressions") for a push to main. */
function globalExp(/** @type {string} */ text, /** @type {string} */ short) {
  const values = { branch: BRANCH, tag: '', sha: short, base_ref: '', is_default_branch: 'true', is_not_default_branch: 'false' };
  // {{date 'YYYYMMDD'}} shows its format: a date names a day, never a commit, so its exact value does not matter here.
  return text.replace(/\{\{\s*(\w+)\s*(?:'([^']*)')?[^}]*\}\}/g, (_, name, format) => values[/** @type {keyof values} */ (name)] ?? format ?? '');
}

/**
 * Parses one tag rule (`type=sha,prefix=,format=long`) with the action's defaults.
 * @param {string} line
 * @returns {{ type: string, attrs: Record<string, string> }}
 */
function parseRule(line) {
  /** @type {Record<string, string>} */
  const attrs = {};
  let type = 'raw';
  for (const field of fields(line)) {
    const eq = field.indexOf('=');
    if (eq < 0) attrs.value = field;
    else if (field.slice(0, eq).trim().toLowerCase() === 'type') type = field.slice(eq + 1).trim();
    else attrs[field.slice(0, eq).trim().toLowerCase()] = field.slice(eq + 1).trim();
  }
  if (!TYPES.includes(type)) throw new Error(`the tag rule \`${line}\` has an unknown type "${type}"; the action knows ${TYPES.join(', ')}`);
  if (type === 'raw' && !('value' in attrs)) throw new Error(`the tag rule \`${line}\` has no value; write type=raw,value=...`);
  if (type === 'ref' && !['branch', 'tag', 'pr'].includes(attrs.event)) throw new Error(`the tag rule \`${line}\` needs event=branch, event=tag or event=pr`);
  if (type === 'sha') {
    attrs.prefix ??= 'sha-';
    attrs.format ??= 'short';
    if (!['short', 'long'].includes(attrs.format)) throw new Error(`the tag rule \`${line}\` has format=${attrs.format}; use short or long`);
  }
  attrs.enable ??= 'true';
  attrs.priority ??= String(PRIORITY[/** @type {keyof PRIORITY} */ (type)]);
  return { type, attrs };
}

/**
 * The enabled images of the `images` input: one a line with optional `name=`/`enable=`, or
 * (the older form) one line of comma-separated names.
 * @param {string[]} list the lines, expressions filled in
 * @returns {{ name: string, index: number }[]} each name with the line it came from
 */
function parseImages(list) {
  if (list.length === 1 && !fields(list[0]).some((f) => f.includes('='))) return fields(list[0]).map((name) => ({ name, index: 0 }));
  return list.flatMap((line, index) => {
    let name = '';
    let enable = 'true';
    for (const f of fields(line)) {
      const [key, value] = f.includes('=') ? [f.slice(0, f.indexOf('=')).trim().toLowerCase(), f.slice(f.indexOf('=') + 1).trim()] : ['name', f];
      if (key === 'name') name = value;
      else if (key === 'enable') enable = value;
      else throw new Error(`the image entry \`${line}\` has an unknown attribute "${key}"; use name= and enable=`);
    }
    return enable === 'false' ? [] : [{ name, index }];
  });
}

/** The `flavor` input: latest=auto|true|false and global prefix/suffix (with onlatest). */
function parseFlavor(/** @type {string[]} */ list) {
  const flavor = { latest: 'auto', prefix: '', suffix: '', prefixLatest: false, suffixLatest: false };
  for (const line of list) {
    let last = '';
    for (const [key, value = ''] of fields(line).map((f) => f.split('=').map((p) => p.trim()))) {
      if (key === 'latest') flavor.latest = value;
      if (key === 'prefix') flavor.prefix = value;
      if (key === 'suffix') flavor.suffix = value;
      // onlatest=true applies the prefix or suffix just before it to `latest` as well.
      if (key === 'onlatest' && last === 'prefix') flavor.prefixLatest = value === 'true';
      if (key === 'onlatest' && last === 'suffix') flavor.suffixLatest = value === 'true';
      if (key === 'prefix' || key === 'suffix') last = key;
    }
  }
  return flavor;
}

/**
 * The tags a docker/metadata-action step outputs for a push to main of the example commit.
 * Throws an Error naming the entry when an input is one the action itself would reject.
 * @param {Record<string, any>} step the metadata-action step
 * @param {Record<string, unknown>} env the env values visible to the step (workflow, job and its own)
 * @returns {MetaTag[]}
 */
export function metadataTags(step, env) {
  const inputs = step.with && typeof step.with === 'object' ? step.with : {};
  const length = Number(env.DOCKER_METADATA_SHORT_SHA_LENGTH ?? 7);
  const short = EXAMPLE.sha.slice(0, Number.isNaN(length) ? 7 : length);
  const flavor = parseFlavor(lines(inputs.flavor).map((l) => fillRun(l, env)));
  const written = lines(inputs.tags);
  const rules = (written.length ? written : DEFAULT_RULES).map((line) => ({ line, ...parseRule(fillRun(line, env)) }));
  // Higher priority first; the first tag made also decides whether `latest` is added.
  rules.sort((a, b) => Number(b.attrs.priority) - Number(a.attrs.priority));
  /** @type {{ value: string, rule: string, traceable: boolean }[]} */
  const made = [];
  let latest;
  for (const { line, type, attrs } of rules) {
    const enable = globalExp(attrs.enable, short);
    if (enable !== 'true' && enable !== 'false')
      throw new Error(`the tag rule \`${line}\` has enable=${enable}${enable.includes('?') ? ', an expression these checks cannot read' : ''}; it must come out as true or false`);
    if (enable === 'false') continue;
    // On a push to main: schedule, tag, pr, semver, pep440 and match rules make nothing
    // (those with a custom value= name a release, never the commit, so they are not modelled).
    let value = '';
    if (type === 'sha') value = attrs.format === 'long' ? EXAMPLE.sha : short;
    else if (type === 'raw') value = globalExp(attrs.value, short);
    else if (type === 'ref' && attrs.event === 'branch') value = BRANCH;
    else if (type === 'edge' && (attrs.branch || BRANCH) === BRANCH) value = 'edge';
    if (!value) continue;
    const prefix = 'prefix' in attrs ? attrs.prefix : flavor.prefix;
    const suffix = 'suffix' in attrs ? attrs.suffix : flavor.suffix;
    const tag = globalExp(`${prefix}${value}${suffix}`, short).replace(/[^a-zA-Z0-9._-]+/g, '-');
    // A value built from the SHA names the commit too: `${{ github.sha }}` or the action's {{sha}}.
    const traceable = type === 'sha' || /\$\{\{\s*github\.sha\s*\}\}|\{\{\s*sha\s*\}\}/.test(line);
    if (!made.some((m) => m.value === tag)) made.push({ value: tag, rule: line, traceable });
    latest ??= flavor.latest === 'true';
  }
  if (made.length && latest) {
    const name = `${flavor.prefixLatest ? flavor.prefix : ''}latest${flavor.suffixLatest ? flavor.suffix : ''}`;
    made.push({ value: name.replace(/[^a-zA-Z0-9._-]+/g, '-'), rule: 'flavor latest=true', traceable: false });
  }
  const imageLines = lines(inputs.images);
  const images = parseImages(imageLines.map((l) => fillRun(l, env)));
  // Without images the action outputs bare tags; the caller reports that they name no repository.
  const names = images.length ? images.map((i) => ({ line: imageLines[i.index], name: i.name.toLowerCase() })) : [{ line: '', name: '' }];
  return names.flatMap(({ line, name }) => made.map((m) => ({ ref: name ? `${name}:${m.value}` : m.value, image: line, rule: m.rule, traceable: m.traceable })));
}
