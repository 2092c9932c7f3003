// @ts-check
// Checks the Service and the HorizontalPodAutoscaler against the Deployment they serve. You do
// not need to edit this file: edit the YAML in k8s/ until every test passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadObjects, only, quantity, resolvePort, selects, splitImage } from '../lib/manifests.js';
import { appPort, repository } from '../lib/contract.js';

const objects = loadObjects();
const deployment = () => only(objects, 'Deployment');
const podLabels = () => deployment().spec?.template?.metadata?.labels ?? {};
const containers = () => deployment().spec?.template?.spec?.containers ?? [];
const api = () => containers().find((/** @type {any} */ c) => splitImage(c.image).repository === repository) ?? containers()[0] ?? {};

test('step 2: the Service selects the Deployment\'s pods', () => {
  const selector = only(objects, 'Service').spec?.selector;
  const nested = Object.entries(selector ?? {}).filter(([, v]) => typeof v === 'object' && v !== null).map(([k]) => k);
  assert.deepEqual(nested, [],
    `The Service selector has nested keys (${nested.join(', ')}). A Service selector is a plain map of label keys to values; matchLabels and matchExpressions belong to Deployments.`);
  assert.ok(selects(selector, podLabels(), { structured: false }),
    `The Service selector ${JSON.stringify(selector ?? {})} does not select the pods, whose labels are ${JSON.stringify(podLabels())}: the Service would have no endpoints and every request would fail. Every key and value must appear in the pod labels.`);
});

test('step 2: the HPA scales this Deployment', () => {
  const ref = only(objects, 'HorizontalPodAutoscaler').spec?.scaleTargetRef ?? {};
  assert.equal(ref.kind, 'Deployment', `scaleTargetRef.kind is ${ref.kind}; the HPA must scale the Deployment.`);
  assert.equal(ref.apiVersion, 'apps/v1', `scaleTargetRef.apiVersion is ${ref.apiVersion}; Deployments are apps/v1.`);
  assert.equal(ref.name, deployment().metadata?.name, `scaleTargetRef.name "${ref.name}" is not the Deployment's name "${deployment().metadata?.name}".`);
});

test('step 6: every Service port reaches the API container port', () => {
  const ports = only(objects, 'Service').spec?.ports ?? [];
  assert.ok(ports.length > 0, 'The Service has no ports.');
  for (const p of ports) {
    // An omitted targetPort defaults to the Service's own port.
    const target = p.targetPort ?? p.port;
    assert.equal(resolvePort(target, api()), appPort,
      `Service port ${p.port} sends traffic to targetPort ${JSON.stringify(target)}, which is not a port of the API container (by number or by name) that reaches ${appPort}.`);
  }
});

test('step 7: the HPA scales on CPU utilisation between sensible bounds', () => {
  const hpa = only(objects, 'HorizontalPodAutoscaler');
  assert.equal(hpa.apiVersion, 'autoscaling/v2', `The HPA uses ${hpa.apiVersion}; use autoscaling/v2, the stable API with the metrics list.`);
  const { minReplicas = 1, maxReplicas, metrics = [] } = hpa.spec ?? {};
  assert.ok(minReplicas >= 2, `minReplicas is ${minReplicas}: with one pod, a node drain or a crash takes the API down. Keep at least 2.`);
  assert.ok(maxReplicas > minReplicas, `maxReplicas (${maxReplicas}) must be above minReplicas (${minReplicas}), or the HPA can never scale.`);
  const cpu = metrics.find((/** @type {any} */ m) => m.type === 'Resource' && m.resource?.name === 'cpu');
  assert.ok(cpu, 'Add a Resource metric on cpu to spec.metrics.');
  const target = cpu.resource.target ?? {};
  assert.equal(target.type, 'Utilization', 'Target CPU as Utilization (a percentage of the CPU request).');
  assert.ok(target.averageUtilization > 0 && target.averageUtilization <= 100,
    `averageUtilization is ${target.averageUtilization}; use a percentage of the request between 1 and 100 (70 is a common start).`);
  for (const c of containers())
    assert.ok(quantity(c.resources?.requests?.cpu) > 0, `Container ${c.name} has no CPU request, so the HPA cannot compute CPU utilisation for its pods.`);
});

test('step 7: the Deployment leaves the replica count to the HPA', () => {
  assert.equal(deployment().spec?.replicas, undefined,
    'Remove spec.replicas from the Deployment: every `kubectl apply` would reset the count the HPA chose.');
});
