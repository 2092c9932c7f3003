// @ts-check
// Reads the manifests in k8s/ the way `kubectl apply -f k8s/` would see them, and answers the
// questions the tests ask about them. You do not need to edit this file.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

/** @typedef {Record<string, any>} Obj */

const k8sDir = fileURLToPath(new URL('../k8s/', import.meta.url));

/**
 * Every object in every `.yaml`/`.yml` file of k8s/, in file order. A file may hold several
 * objects separated by `---`. A syntax error fails with the file and line, like kubectl does.
 * @returns {Obj[]}
 */
export function loadObjects() {
  /** @type {Obj[]} */
  const objects = [];
  const files = readdirSync(k8sDir).filter((f) => /\.ya?ml$/.test(f)).sort();
  for (const file of files) {
    for (const doc of parseAllDocuments(readFileSync(k8sDir + file, 'utf8'))) {
      if (doc.errors.length) throw new Error(`k8s/${file}: ${doc.errors[0].message}`);
      const value = doc.toJS();
      if (value && typeof value === 'object') objects.push({ ...value, __file: `k8s/${file}` });
    }
  }
  return objects;
}

/**
 * The one object of a kind (e.g. "Deployment"); throws a clear error when there are none or several.
 * @param {Obj[]} objects
 * @param {string} kind
 */
export function only(objects, kind) {
  const found = objects.filter((o) => o.kind === kind);
  if (found.length !== 1)
    throw new Error(`Expected exactly one ${kind} in k8s/, found ${found.length}. Each kind appears once in this lab.`);
  return found[0];
}

const binary = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const decimal = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/**
 * The value of a Kubernetes quantity, as a plain number: "250m" CPU is 0.25, "512Mi" is
 * 536870912 bytes, and "512m" memory is 0.512 bytes (lower-case m means milli, not mega).
 * Returns NaN for text Kubernetes would reject.
 * @param {string | number | undefined} quantity
 */
export function quantity(quantity) {
  if (typeof quantity === 'number') return quantity;
  if (typeof quantity !== 'string') return NaN;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(quantity.trim());
  if (!m) return NaN;
  const number = Number(m[1]);
  if (m[2]) return number * 10 ** Number(m[2].slice(1));
  const suffix = m[3] ?? '';
  return number * (suffix in binary ? binary[/** @type {keyof typeof binary} */ (suffix)] : decimal[/** @type {keyof typeof decimal} */ (suffix)]);
}

/**
 * Whether a label selector (`{ app: x }`, or `{ matchLabels, matchExpressions }`) selects an
 * object with these labels. An empty selector selects nothing here: in a Service it means
 * "manage no endpoints", and a Deployment must not have one. A Service's selector is always a
 * plain map, so pass `{ structured: false }` for it: there, `matchLabels` is just a label key.
 * @param {Obj | undefined} selector
 * @param {Record<string, string> | undefined} labels
 */
export function selects(selector, labels = {}, { structured = true } = {}) {
  if (!selector || typeof selector !== 'object') return false;
  const isStructured = structured && ('matchLabels' in selector || 'matchExpressions' in selector);
  const matchLabels = isStructured ? selector.matchLabels ?? {} : selector;
  const expressions = isStructured ? selector.matchExpressions ?? [] : [];
  if (Object.keys(matchLabels).length === 0 && expressions.length === 0) return false;
  const labelsOk = Object.entries(matchLabels).every(([k, v]) => Object.hasOwn(labels, k) && String(labels[k]) === String(v));
  const expressionsOk = expressions.every((/** @type {Obj} */ e) => {
    const has = Object.hasOwn(labels, e.key);
    const values = (e.values ?? []).map(String);
    if (e.operator === 'In') return has && values.includes(String(labels[e.key]));
    if (e.operator === 'NotIn') return !has || !values.includes(String(labels[e.key]));
    if (e.operator === 'Exists') return has;
    if (e.operator === 'DoesNotExist') return !has;
    return false;
  });
  return labelsOk && expressionsOk;
}

/**
 * Resolves a probe or Service target port (a number, or the name of a container port) to the
 * container port it reaches, or null when it reaches none. A quoted number such as "8000" is a
 * name in Kubernetes, not a number, so it only matches a port named "8000" (which cannot exist).
 * @param {number | string | undefined} port
 * @param {Obj} container
 */
export function resolvePort(port, container) {
  const ports = container.ports ?? [];
  if (typeof port === 'number') return ports.some((/** @type {Obj} */ p) => p.containerPort === port) ? port : null;
  if (typeof port === 'string') return ports.find((/** @type {Obj} */ p) => p.name === port)?.containerPort ?? null;
  return null;
}

/**
 * Seconds a probe tolerates failure before the kubelet acts, counted from container start:
 * initialDelaySeconds + failureThreshold × periodSeconds, with the Kubernetes defaults (0, 3, 10).
 * For a startup probe this is the start-up budget; for a liveness probe without one, it is how
 * long a slow start survives before the container is killed.
 * @param {Obj | undefined} probe
 */
export function failureBudget(probe) {
  if (!probe) return 0;
  return (probe.initialDelaySeconds ?? 0) + (probe.failureThreshold ?? 3) * (probe.periodSeconds ?? 10);
}

// Fields that exist in a pod's securityContext too. allowPrivilegeEscalation, capabilities and
// readOnlyRootFilesystem exist only per container: written at pod level they are unknown fields,
// which `kubectl apply` rejects and tools that skip validation silently drop.
const podLevelFields = new Set(['runAsNonRoot', 'runAsUser', 'runAsGroup', 'seccompProfile', 'seLinuxOptions', 'appArmorProfile']);

/**
 * The security setting in effect for a container: its own securityContext wins over the pod's,
 * and the pod's counts only for fields that exist at pod level.
 * @param {Obj} podSpec
 * @param {Obj} container
 * @param {string} field
 */
export function effectiveSecurity(podSpec, container, field) {
  return container.securityContext?.[field] ?? (podLevelFields.has(field) ? podSpec.securityContext?.[field] : undefined);
}

/**
 * Splits an image reference into its repository, tag and digest. A reference without a tag or
 * digest means `:latest`.
 * @param {string} ref
 */
export function splitImage(ref) {
  const [nameAndTag, digest = null] = String(ref).split('@');
  const colon = nameAndTag.lastIndexOf(':');
  const hasTag = colon > nameAndTag.lastIndexOf('/');
  return {
    repository: hasTag ? nameAndTag.slice(0, colon) : nameAndTag,
    tag: hasTag ? nameAndTag.slice(colon + 1) : null,
    digest,
  };
}
