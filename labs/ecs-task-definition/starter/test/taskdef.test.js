// @ts-check
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deployment as d } from '../src/deployment.js';
import { validMemoryFor } from '../src/fargate-sizes.js';
import { readEcsProbe } from '../checks/health-probe.js';

/** Reads taskdef.json fresh for each test, failing (not crashing) if it is not valid JSON. */
function taskdef() {
  const text = readFileSync(new URL('../taskdef.json', import.meta.url), 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    assert.fail(`taskdef.json is not valid JSON: ${/** @type {Error} */ (error).message}`);
  }
}

/** The one container this task runs. */
function container() {
  const defs = taskdef().containerDefinitions;
  assert.ok(Array.isArray(defs) && defs.length > 0, 'containerDefinitions must be a list with the model API container in it.');
  const c = defs.find((x) => x.name === d.containerName);
  assert.ok(c, `containerDefinitions needs a container named "${d.containerName}" (the service and load balancer refer to it by name).`);
  return c;
}

/**
 * Reads a size such as "512", 512, "1 vCPU" or "2 GB" as CPU units or MiB, as ECS does.
 * @param {unknown} value
 */
function units(value) {
  const text = String(value).trim();
  const match = /^(\d+(?:\.\d+)?)\s*(vcpu|gb)?$/i.exec(text);
  if (!match) return NaN;
  return match[2] ? Number(match[1]) * 1024 : Number(match[1]);
}

test('step 2: the task is named after its family', () => {
  assert.equal(taskdef().family, d.family, `Set "family" to "${d.family}": revisions are numbered within a family (model-api:1, model-api:2, …).`);
});

test('step 2: the task definition is compatible with Fargate', () => {
  const t = taskdef();
  assert.ok(
    Array.isArray(t.requiresCompatibilities) && t.requiresCompatibilities.includes('FARGATE'),
    'Set "requiresCompatibilities": ["FARGATE"]. Without it ECS validates the definition for EC2 and Fargate refuses to run it.',
  );
});

test('step 2: the task uses the awsvpc network mode', () => {
  assert.equal(
    taskdef().networkMode,
    'awsvpc',
    'Fargate tasks must use "networkMode": "awsvpc": each task gets its own network interface, private IP and security group.',
  );
});

test('step 2: task CPU and memory are a size Fargate offers', () => {
  const t = taskdef();
  assert.ok(t.cpu !== undefined && t.memory !== undefined, 'Fargate needs task-level "cpu" and "memory" (strings such as "512" and "1024").');
  const cpu = units(t.cpu);
  const memory = units(t.memory);
  const allowed = validMemoryFor(cpu);
  assert.ok(allowed.length > 0, `"cpu": ${JSON.stringify(t.cpu)} is not a Fargate size. Use 256, 512, 1024, 2048, 4096, 8192 or 16384 CPU units.`);
  assert.ok(
    allowed.includes(memory),
    `"memory": ${JSON.stringify(t.memory)} does not go with "cpu": ${JSON.stringify(t.cpu)}. ` +
      `With ${cpu} CPU units Fargate allows ${allowed[0]} to ${allowed.at(-1)} MiB (${allowed.slice(0, 4).join(', ')}${allowed.length > 4 ? ', …' : ''}).`,
  );
});

test('step 2: the container runs the versioned image from ECR', () => {
  const expected = `${d.account}.dkr.ecr.${d.region}.amazonaws.com/${d.repository}:${d.tag}`;
  const { image } = container();
  assert.ok(!/:latest$/.test(image) && /:[^/]+$/.test(image), `"image" must end in an explicit version tag (":${d.tag}"), not ":latest" or no tag.`);
  assert.equal(image, expected, 'The image must be the full ECR URI <account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>: a bare name is looked up on Docker Hub.');
});

test('step 2: the container is essential', () => {
  assert.equal(container().essential, true, 'Mark the container "essential": true so the task stops (and the service replaces it) if it dies.');
});

test('step 2: the port mapping exposes the port the API listens on', () => {
  const c = container();
  const mappings = c.portMappings ?? [];
  assert.equal(mappings.length, 1, 'Expose exactly one port: the API port.');
  const [m] = mappings;
  assert.equal(
    m.containerPort,
    d.containerPort,
    `portMappings exposes ${m.containerPort} but the image's CMD starts uvicorn on port ${d.containerPort}: the load balancer would send traffic to a closed port.`,
  );
  const env = Object.fromEntries((c.environment ?? []).map((/** @type {any} */ e) => [e.name, e.value]));
  assert.ok(
    env.PORT === undefined || env.PORT === String(d.containerPort),
    `environment sets PORT=${env.PORT}, which disagrees with the port the API listens on (${d.containerPort}). One port, used everywhere.`,
  );
  assert.ok(
    m.hostPort === undefined || m.hostPort === m.containerPort,
    `With awsvpc there is no port translation: leave "hostPort" out or set it equal to containerPort (got ${m.hostPort}).`,
  );
});

test('step 2: no secret is stored in plain text in environment', () => {
  const sensitive = /(KEY|SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIAL)/i;
  for (const e of container().environment ?? []) {
    assert.ok(
      !sensitive.test(e.name),
      `"${e.name}" looks like a secret but sits in "environment", where anyone who can read the task definition sees it. ` +
        'Move it to "secrets" with a valueFrom ARN from Secrets Manager or Parameter Store.',
    );
    assert.ok(!/^(AKIA|ASIA)[A-Z0-9]{16}$/.test(String(e.value)), `"${e.name}" holds an AWS access key: use an IAM role instead of keys.`);
  }
});

test('step 2: the API key comes from Secrets Manager or Parameter Store', () => {
  const secrets = container().secrets ?? [];
  const apiKey = secrets.find((/** @type {any} */ s) => s.name === 'API_KEY');
  assert.ok(apiKey, 'The API still needs API_KEY: add it to "secrets" as { "name": "API_KEY", "valueFrom": "<ARN>" }.');
  const arn = new RegExp(`^arn:aws:(secretsmanager:${d.region}:${d.account}:secret:.+|ssm:${d.region}:${d.account}:parameter/.+)$`);
  for (const s of secrets) {
    assert.match(
      s.valueFrom ?? '',
      arn,
      `secrets "${s.name}": valueFrom must be the ARN of a Secrets Manager secret (arn:aws:secretsmanager:${d.region}:${d.account}:secret:…) ` +
        `or an SSM parameter (arn:aws:ssm:${d.region}:${d.account}:parameter/…), never the secret value itself.`,
    );
  }
});

test('step 2: logs go to CloudWatch Logs through the awslogs driver', () => {
  const log = container().logConfiguration;
  assert.ok(log, 'Add a "logConfiguration": without it, the container\'s output is lost and a failing task leaves no trace.');
  assert.equal(log.logDriver, 'awslogs', 'Use "logDriver": "awslogs" to send stdout and stderr to CloudWatch Logs.');
  const o = log.options ?? {};
  assert.equal(o['awslogs-group'], d.logGroup, `Set options["awslogs-group"] to "${d.logGroup}".`);
  assert.equal(o['awslogs-region'], d.region, `Set options["awslogs-region"] to "${d.region}", the region the task runs in.`);
  assert.ok(
    typeof o['awslogs-stream-prefix'] === 'string' && o['awslogs-stream-prefix'].length > 0,
    'Set options["awslogs-stream-prefix"] (e.g. "model-api"): Fargate requires it, and it names streams prefix/container/task-id.',
  );
});

test('step 2: the container health check requests the health path on the API port', () => {
  const hc = container().healthCheck;
  assert.ok(
    hc,
    'Add a container "healthCheck". ECS ignores the HEALTHCHECK in the Dockerfile: only the task definition\'s health check counts.',
  );
  assert.ok(
    Array.isArray(hc.command) && ['CMD', 'CMD-SHELL'].includes(hc.command[0]),
    'healthCheck.command is a list that starts with "CMD" (run directly) or "CMD-SHELL" (run through the shell).',
  );
  const probe = readEcsProbe(hc.command);
  assert.ok(probe.problems.length === 0, `healthCheck.command cannot detect a broken API: ${probe.problems.join('; ')}.`);
  assert.ok(
    probe.tool === 'python',
    `healthCheck.command uses ${probe.tool}, but the image is a slim Python image without curl or wget: the check would fail every time and ECS would replace healthy tasks forever. Use Python's urllib.request.`,
  );
  const url = probe.url;
  assert.ok(url, 'healthCheck.command requests no valid http:// URL.');
  assert.ok(
    ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname),
    `The health check requests ${url.host}. It runs inside the container, next to the API, so the API is at localhost; any other host checks something else.`,
  );
  const port = url.port || '80';
  assert.equal(
    port,
    String(d.containerPort),
    `The health check requests port ${port}${url.port ? '' : ' (the default for a URL without a port)'}, but the API listens on ${d.containerPort}: every check would fail and ECS would keep replacing the task.`,
  );
  assert.equal(url.pathname, d.healthPath, `The health check requests ${url.pathname}, but the API's health endpoint is ${d.healthPath}.`);
  /** @type {Array<[string, number, number]>} */
  const ranges = [['interval', 5, 300], ['timeout', 2, 60], ['retries', 1, 10], ['startPeriod', 0, 300]];
  for (const [field, min, max] of ranges) {
    if (hc[field] === undefined) continue;
    assert.ok(
      Number.isInteger(hc[field]) && hc[field] >= min && hc[field] <= max,
      `healthCheck.${field} must be a whole number from ${min} to ${max} (got ${hc[field]}).`,
    );
  }
  assert.ok(
    hc.startPeriod !== undefined && hc.startPeriod > 0,
    'Set healthCheck.startPeriod (e.g. 60): the API downloads and loads its model before /health can pass, and failures during that time should not count.',
  );
});

test('step 2: the task has an execution role for pulling the image, reading secrets and writing logs', () => {
  const t = taskdef();
  assert.match(
    t.executionRoleArn ?? '',
    new RegExp(`^arn:aws:iam::${d.account}:role/[\\w+=,.@/-]+$`),
    `Add "executionRoleArn" (arn:aws:iam::${d.account}:role/…): the ECS agent uses it to pull from ECR, fetch the secrets and write to CloudWatch Logs.`,
  );
});

test('step 2: the application gets its own task role, separate from the execution role', () => {
  const t = taskdef();
  assert.match(
    t.taskRoleArn ?? '',
    new RegExp(`^arn:aws:iam::${d.account}:role/[\\w+=,.@/-]+$`),
    `The API downloads its model from ${d.modelUri}: add "taskRoleArn" for the role your code uses to read S3.`,
  );
  assert.notEqual(
    t.taskRoleArn,
    t.executionRoleArn,
    'Use two roles: the execution role serves ECS (pull, logs, secrets); the task role serves your code (S3). Least privilege keeps them apart.',
  );
});
