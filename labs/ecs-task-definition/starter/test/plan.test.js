// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deployment as d } from '../src/deployment.js';
import { deploymentPlan } from '../src/plan.js';

const REQUIRED = [
  'create-repository',
  'docker-login',
  'build-image',
  'push-image',
  'create-log-group',
  'register-task-definition',
  'create-cluster',
  'create-target-group',
  'create-load-balancer',
  'create-listener',
  'create-service',
  'wait-stable',
];

const registry = `${d.account}.dkr.ecr.${d.region}.amazonaws.com`;
const image = `${registry}/${d.repository}:${d.tag}`;

/** The plan as a list of steps, checked for shape. */
function plan() {
  const steps = deploymentPlan(d);
  assert.ok(Array.isArray(steps), 'deploymentPlan() must return a list of { id, command } steps.');
  for (const s of steps) {
    assert.ok(typeof s.id === 'string' && typeof s.command === 'string', `Every step needs a string id and command (got ${JSON.stringify(s)}).`);
  }
  return steps;
}

/** @param {string} id */
function step(id) {
  const s = plan().find((x) => x.id === id);
  assert.ok(s, `The plan has no "${id}" step.`);
  return s;
}

/**
 * Asserts that step `first` comes before step `then`.
 * @param {string} first
 * @param {string} then
 * @param {string} why
 */
function before(first, then, why) {
  const ids = plan().map((s) => s.id);
  const a = ids.indexOf(first);
  const b = ids.indexOf(then);
  assert.ok(a !== -1 && b !== -1, `The plan needs both "${first}" and "${then}".`);
  assert.ok(a < b, `"${first}" must come before "${then}": ${why}`);
}

test('step 3: the plan has every step, once', () => {
  const ids = plan().map((s) => s.id);
  const missing = REQUIRED.filter((id) => !ids.includes(id));
  assert.deepEqual(missing, [], `Missing steps: ${missing.join(', ')}.`);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  assert.deepEqual(repeated, [], `Steps listed twice: ${repeated.join(', ')}.`);
});

test('step 3: the image is built and pushed under its full ECR URI', () => {
  const build = step('build-image').command;
  assert.ok(build.includes(`-t ${image}`), `Tag the image with its ECR URI when you build it: docker build ... -t ${image} .`);
  assert.ok(build.includes('--platform linux/amd64'), 'Build for linux/amd64 (the task runs on X86_64); an image built on an ARM laptop fails with "exec format error".');
  assert.equal(step('push-image').command, `docker push ${image}`, `Push the exact URI the task definition names: docker push ${image}`);
});

test('step 3: docker logs in to the ECR registry with a token from the AWS CLI', () => {
  const login = step('docker-login').command;
  assert.match(
    login,
    /^aws ecr get-login-password --region [a-z0-9-]+ \| docker login --username AWS --password-stdin \S+$/,
    'Pipe the token into Docker: aws ecr get-login-password --region <region> | docker login --username AWS --password-stdin <registry>',
  );
  assert.ok(login.endsWith(` ${registry}`), `Log in to the registry host only (${registry}), without the repository or tag.`);
  assert.ok(login.includes(`--region ${d.region}`), `Ask for a token for the registry's region, ${d.region}.`);
});

test('step 3: the image exists in ECR before anything runs it', () => {
  before('create-repository', 'push-image', 'ECR refuses pushes to a repository that does not exist.');
  before('docker-login', 'push-image', 'ECR rejects unauthenticated pushes (the login token lasts 12 hours).');
  before('build-image', 'push-image', 'you can only push an image you have built.');
  before('push-image', 'create-service', 'the service starts tasks at once, and each task pulls the image when it starts.');
});

test('step 3: everything the service refers to exists before the service', () => {
  before('create-cluster', 'create-service', 'a service lives in a cluster.');
  before('register-task-definition', 'create-service', 'the service runs a registered task definition revision.');
  before('create-log-group', 'create-service', 'the awslogs driver cannot write to a log group that does not exist, and the task fails to start.');
  before('create-target-group', 'create-listener', 'the listener forwards to the target group.');
  before('create-load-balancer', 'create-listener', 'a listener belongs to a load balancer.');
  before('create-listener', 'create-service', 'ECS refuses a target group that is not yet attached to a load balancer.');
});

test('step 3: the plan ends by waiting for the service to become stable', () => {
  const ids = plan().map((s) => s.id);
  assert.equal(ids.at(-1), 'wait-stable', '"wait-stable" comes last: it returns when the new tasks are running and healthy.');
});

test('step 3: the service runs on Fargate, in the VPC, behind the load balancer, with rollback', () => {
  const svc = step('create-service').command;
  assert.ok(svc.includes('--launch-type FARGATE') || svc.includes('--capacity-provider-strategy'), 'Run the service on Fargate: --launch-type FARGATE.');
  assert.ok(svc.includes('awsvpcConfiguration={subnets=['), 'awsvpc tasks need --network-configuration "awsvpcConfiguration={subnets=[...],securityGroups=[...]}".');
  assert.ok(
    svc.includes(`containerName=${d.containerName}`) && svc.includes(`containerPort=${d.containerPort}`),
    `--load-balancers must name the container and port the target group sends traffic to: containerName=${d.containerName},containerPort=${d.containerPort}.`,
  );
  assert.ok(svc.includes('deploymentCircuitBreaker={enable=true,rollback=true}'), 'Turn on the deployment circuit breaker with rollback, so a bad release rolls itself back.');
});

test('step 3: the repository makes tags immutable', () => {
  assert.ok(
    step('create-repository').command.includes('--image-tag-mutability IMMUTABLE'),
    'Create the repository with --image-tag-mutability IMMUTABLE so a tag such as 1.4.0 can never point at a different image.',
  );
});
