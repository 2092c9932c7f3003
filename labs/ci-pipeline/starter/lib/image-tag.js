// @ts-check
/**
 * Reads the image tags a build step pushes: fills in the `${{ }}` expressions for an example
 * commit, then splits each tag into registry, repository and tag the way Docker does.
 * You do not need to change this file.
 */

/** The example commit the tests imagine, and the repository it belongs to. */
export const EXAMPLE = { sha: 'ffac537e6cbbf934b08745a378932722df287a53', repository: 'acme-ml/prediction-service', owner: 'acme-ml' };

/**
 * Replaces `${{ github.sha }}`, `${{ github.repository }}`, `${{ vars.NAME }}` and
 * `${{ env.NAME }}` with example values; anything else becomes `?`, which no registry accepts.
 * @param {string} text
 * @param {Record<string, unknown>} env the env values visible to the step
 * @returns {string}
 */
export function fillIn(text, env, depth = 0) {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expr) => {
    const lower = expr.toLowerCase();
    if (lower === 'github.sha') return EXAMPLE.sha;
    if (lower === 'github.repository') return EXAMPLE.repository;
    if (lower === 'github.repository_owner') return EXAMPLE.owner;
    if (lower.startsWith('vars.')) return expr.slice(5).toLowerCase().replace(/_/g, '-');
    if (lower.startsWith('env.') && typeof env[expr.slice(4)] === 'string' && depth < 5) return fillIn(String(env[expr.slice(4)]), env, depth + 1);
    return '?';
  });
}

/** The tags input of docker/build-push-action as a list (it takes a list, or lines, or commas). */
export function tagList(/** @type {unknown} */ tags) {
  const items = Array.isArray(tags) ? tags.map(String) : String(tags ?? '').split(/[\n,]/);
  return items.map((t) => t.trim()).filter(Boolean);
}

/** Docker Hub's names for itself. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/**
 * Splits a full image reference (`ghcr.io/acme/app:1.0`, `acme/app:1.0`) into its parts.
 * @param {string} ref
 * @returns {{ registry: string, path: string[], tag: string | null, problem: string | null }}
 */
export function splitReference(ref) {
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  const hasTag = colon > slash;
  const name = hasTag ? ref.slice(0, colon) : ref;
  const tag = hasTag ? ref.slice(colon + 1) : null;
  const parts = name.split('/');
  const explicit = parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost');
  const registry = explicit ? (DOCKER_HUB.has(parts[0]) ? 'docker.io' : parts[0]) : 'docker.io';
  const path = explicit ? parts.slice(1) : parts;
  let problem = null;
  if (name === '' || path.some((p) => !COMPONENT.test(p)))
    problem = `"${name}" is not a valid repository name: it needs lower-case letters, digits and . _ - between slashes`;
  else if (registry === 'docker.io' && path.length < 2)
    problem = `"${name}" names no account: on Docker Hub a bare name means docker.io/library/${name}, the official images, where nobody else may push`;
  else if (tag !== null && !/^[\w][\w.-]{0,127}$/.test(tag)) problem = `":${tag}" is not a valid tag`;
  return { registry, path, tag, problem };
}

/** The registry a docker/login-action step logs in to (Docker Hub when `registry:` is not set). */
export function loginRegistry(/** @type {unknown} */ registry, /** @type {Record<string, unknown>} */ env) {
  const value = typeof registry === 'string' && registry.trim() ? fillIn(registry.trim(), env) : 'docker.io';
  return DOCKER_HUB.has(value) ? 'docker.io' : value;
}
