// @ts-check
// Checks the Deployment in k8s/ the way the cluster would treat it. You do not need to edit this
// file: edit the YAML in k8s/ until every test passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveSecurity, failureBudget, loadObjects, only, quantity, resolvePort, selects, splitImage } from '../lib/manifests.js';
import { appPort, healthPath, imageUser, memoryPeakMiB, memorySteadyMiB, modelLoadSeconds, repository } from '../lib/contract.js';

const objects = loadObjects();
const deployment = () => only(objects, 'Deployment');
const podSpec = () => deployment().spec?.template?.spec ?? {};
/** The API container: the one that runs the image from the app's repository. */
function api() {
  const containers = podSpec().containers ?? [];
  assert.ok(containers.length > 0, 'The Deployment has no containers under spec.template.spec.containers.');
  return containers.find((/** @type {any} */ c) => splitImage(c.image).repository === repository) ?? containers[0];
}
const MiB = 2 ** 20;

test('step 1: the image is the API from ECR, pinned to a version or digest', () => {
  const { repository: repo, tag, digest } = splitImage(api().image ?? '');
  assert.equal(repo, repository, `The container must run the API image from ${repository}, not ${repo}.`);
  if (digest) {
    assert.match(digest, /^sha256:[0-9a-f]{64}$/, `The digest "${digest}" is not sha256: followed by 64 hex digits.`);
    return;
  }
  assert.ok(tag, 'The image has no tag, which means :latest. Name the exact release, e.g. :1.4.0, or pin a digest.');
  assert.notEqual(tag.toLowerCase(), 'latest', ':latest moves under you: two pods can run different code and a rollback cannot name what it returns to. Use a release tag or a digest.');
});

test('step 2: the Deployment selector matches its own pod template labels', () => {
  const d = deployment();
  const labels = d.spec?.template?.metadata?.labels;
  assert.ok(selects(d.spec?.selector, labels),
    `spec.selector ${JSON.stringify(d.spec?.selector)} must select the pod template labels ${JSON.stringify(labels)}: the API server rejects a Deployment whose selector does not match its template.`);
});

test('step 3: memory requests and limits fit what the model needs', () => {
  const { requests = {}, limits = {} } = api().resources ?? {};
  const reqMem = quantity(requests.memory);
  const limMem = quantity(limits.memory);
  assert.ok(reqMem >= memorySteadyMiB * MiB,
    `requests.memory is ${requests.memory ?? 'missing'}; the API needs about ${memorySteadyMiB}Mi once loaded. A lower request packs pods onto nodes that cannot hold them, and they are evicted first under pressure. (Careful: "m" means milli; mebibytes are "Mi".)`);
  assert.ok(limMem >= memoryPeakMiB * MiB,
    `limits.memory is ${limits.memory ?? 'missing'}; loading the model peaks at ${memoryPeakMiB}Mi, and a container above its memory limit is killed (OOMKilled, exit code 137).`);
  assert.ok(limMem >= reqMem, `limits.memory (${limits.memory}) must be at least requests.memory (${requests.memory}).`);
});

test('step 3: CPU is requested, and any CPU limit is at least the request', () => {
  const { requests = {}, limits = {} } = api().resources ?? {};
  const reqCpu = quantity(requests.cpu);
  assert.ok(reqCpu > 0, `requests.cpu is ${requests.cpu ?? 'missing'}: the scheduler needs it to place the pod, and the HPA measures CPU utilisation as a percentage of it.`);
  if (limits.cpu !== undefined) assert.ok(quantity(limits.cpu) >= reqCpu, `limits.cpu (${limits.cpu}) is below requests.cpu (${requests.cpu}).`);
});

test('step 4: the container declares the port the API listens on', () => {
  const ports = (api().ports ?? []).map((/** @type {any} */ p) => p.containerPort);
  assert.ok(ports.includes(appPort), `containerPort ${appPort} is missing (found ${JSON.stringify(ports)}): uvicorn listens on ${appPort}, and probes and the Service must reach it.`);
});

for (const kind of ['readinessProbe', 'livenessProbe']) {
  test(`step 4: the ${kind} calls GET ${healthPath} on the API port`, () => {
    const probe = api()[kind];
    assert.ok(probe, `The container has no ${kind}.`);
    assert.ok(probe.httpGet, `The ${kind} must be an httpGet on ${healthPath}: a TCP or exec check passes while the model is still loading or failed to load.`);
    assert.notEqual(String(probe.httpGet.scheme ?? 'HTTP').toUpperCase(), 'HTTPS', `The ${kind} uses HTTPS, but uvicorn serves plain HTTP inside the pod; TLS ends at the load balancer or Gateway.`);
    assert.equal(probe.httpGet.path, healthPath, `The ${kind} calls ${probe.httpGet.path ?? '(no path, i.e. /)'}; the API's health endpoint is ${healthPath}.`);
    const reached = resolvePort(probe.httpGet.port, api());
    assert.equal(reached, appPort,
      `The ${kind} port ${JSON.stringify(probe.httpGet.port)} must be a port of this container (its number, or its name under ports[].name) that reaches ${appPort}.`);
  });
}

test(`step 4: a ${modelLoadSeconds}-second model load does not get the container killed`, () => {
  const c = api();
  const budget = c.startupProbe ? failureBudget(c.startupProbe) : failureBudget(c.livenessProbe);
  const which = c.startupProbe ? 'the startupProbe allows' : 'without a startupProbe, the livenessProbe allows';
  assert.ok(budget >= modelLoadSeconds,
    `${which} ${budget} s (initialDelaySeconds + failureThreshold × periodSeconds) before the kubelet restarts the container, but the model takes up to ${modelLoadSeconds} s to load: the pod would restart forever.`);
  if (c.startupProbe) {
    const get = c.startupProbe.httpGet;
    assert.ok(get?.path === healthPath && resolvePort(get?.port, c) === appPort && String(get?.scheme ?? 'HTTP').toUpperCase() === 'HTTP',
      `The startupProbe must call GET ${healthPath} over HTTP on port ${appPort}, like the other probes.`);
  }
});

test('step 5: the container runs as a non-root user', () => {
  const spec = podSpec();
  const c = api();
  assert.equal(effectiveSecurity(spec, c, 'runAsNonRoot'), true, 'Set runAsNonRoot: true (pod or container securityContext) so the kubelet refuses to start the container as root.');
  const user = effectiveSecurity(spec, c, 'runAsUser');
  if (user !== undefined) {
    assert.notEqual(user, 0, 'runAsUser: 0 is root; with runAsNonRoot the container never starts.');
    assert.equal(user, imageUser, `runAsUser ${user} differs from the image's user ${imageUser}; files the image owns would not be readable as intended.`);
  }
});

test('step 5: the container cannot gain privileges (restricted Pod Security Standard)', () => {
  const spec = podSpec();
  const c = api();
  assert.equal(effectiveSecurity(spec, c, 'allowPrivilegeEscalation'), false,
    'Set allowPrivilegeEscalation: false in the container securityContext (the pod-level securityContext has no such field).');
  const drop = effectiveSecurity(spec, c, 'capabilities')?.drop ?? [];
  assert.ok(drop.includes('ALL'), 'Drop all Linux capabilities: capabilities.drop: ["ALL"] in the container securityContext.');
  const seccomp = effectiveSecurity(spec, c, 'seccompProfile')?.type;
  assert.ok(seccomp === 'RuntimeDefault' || seccomp === 'Localhost', `seccompProfile.type is ${seccomp ?? 'missing'}; the restricted profile needs RuntimeDefault (or Localhost).`);
});
