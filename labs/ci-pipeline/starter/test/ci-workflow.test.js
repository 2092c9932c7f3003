// @ts-check
/**
 * Checks .github/workflows/ci.yml against the rules in README.md. Each test is one rule,
 * and its failure message says why the rule exists and how to meet it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CREDENTIAL_NAME,
  CREDENTIAL_PATTERNS,
  actionOf,
  allSteps,
  branchesOf,
  compares,
  envBlocks,
  isExpression,
  isMapping,
  isSecretReference,
  job,
  loadWorkflow,
  needsOf,
  normaliseCondition,
  stepsOf,
  triggers,
} from '../lib/workflow.js';

test('1. runs on pushes to main', () => {
  const on = triggers(loadWorkflow().data);
  assert.ok('push' in on, 'Add a `push` trigger under `on:`: commits that land on main must be tested and published.');
  assert.ok(
    branchesOf(on.push).includes('main'),
    'Limit the push trigger to main with `push: { branches: [main] }`. Without a branch filter, every push to every feature branch starts the pipeline.',
  );
});

test('2. runs on pull requests', () => {
  const on = triggers(loadWorkflow().data);
  assert.ok(
    'pull_request' in on,
    'Add a `pull_request` trigger under `on:`. CI exists to test a change before it is merged, and a pull request is where that happens.',
  );
  const branches = branchesOf(on.pull_request);
  assert.ok(
    branches.length === 0 || branches.includes('main'),
    `The pull_request trigger filters on [${branches.join(', ')}], so pull requests into main would not be tested. Include main.`,
  );
});

test('3. has a test job that installs the dependencies and runs pytest', () => {
  const { data } = loadWorkflow();
  const testJob = job(data, 'test');
  assert.ok(testJob, 'Add a job with the id `test` under `jobs:`.');
  assert.ok(testJob['runs-on'], 'The test job needs `runs-on:` (for example ubuntu-latest) so GitHub knows which runner to start.');
  const steps = stepsOf(testJob);
  assert.ok(
    steps.some((step) => actionOf(step) === 'actions/checkout'),
    'The test job must start with `uses: actions/checkout@...`: a runner starts empty, without your code.',
  );
  const scripts = steps.map((step) => (typeof step.run === 'string' ? step.run : '')).join('\n');
  assert.match(scripts, /pip install/, 'Install the dependencies in the test job, e.g. `run: pip install -r requirements.txt -r requirements-dev.txt`.');
  assert.match(scripts, /pytest/, 'Run the tests in the test job, e.g. `run: pytest -q`. A CI pipeline that never runs the tests proves nothing.');
});

test('4. caches the Python dependencies', () => {
  const steps = stepsOf(job(loadWorkflow().data, 'test'));
  const setupCache = steps.some(
    (step) =>
      ['actions/setup-python', 'actions/setup-node'].includes(actionOf(step)) && isMapping(step.with) && typeof step.with.cache === 'string' && step.with.cache.trim() !== '',
  );
  const cacheAction = steps.some((step) => actionOf(step) === 'actions/cache');
  assert.ok(
    setupCache || cacheAction,
    'Cache dependencies in the test job: add `cache: pip` under `with:` of actions/setup-python (or use actions/cache). Without it, every run downloads every package again.',
  );
});

test('5. build-and-push waits for the tests', () => {
  const build = job(loadWorkflow().data, 'build-and-push');
  assert.ok(build, 'Add a job with the id `build-and-push` that builds the Docker image and pushes it to the registry.');
  assert.ok(
    needsOf(build).includes('test'),
    'Give build-and-push `needs: test`. Jobs run in parallel by default, so without it an image would be pushed even when the tests fail.',
  );
});

test('6. build-and-push runs only for pushes to main', () => {
  const build = job(loadWorkflow().data, 'build-and-push');
  assert.ok(build, 'Add a job with the id `build-and-push`.');
  const condition = normaliseCondition(build.if);
  assert.ok(
    condition !== '',
    "Add `if: github.event_name == 'push' && github.ref == 'refs/heads/main'` to build-and-push. Pull requests should be tested, never published.",
  );
  assert.ok(
    compares(condition, 'github.event_name', "'push'"),
    `The condition \`${condition}\` must check github.event_name == 'push', or a pull request would push an image.`,
  );
  assert.ok(
    compares(condition, 'github.ref', "'refs/heads/main'") || compares(condition, 'github.ref_name', "'main'"),
    `The condition \`${condition}\` must also check the branch: github.ref == 'refs/heads/main'.`,
  );
  assert.ok(!condition.includes('||'), `Join the two checks with && so that both must hold; \`${condition}\` lets either one alone through.`);
});

test('7. logs in to the registry with docker/login-action and a stored secret', () => {
  const steps = stepsOf(job(loadWorkflow().data, 'build-and-push'));
  const login = steps.find((step) => actionOf(step) === 'docker/login-action');
  assert.ok(
    login,
    'Log in with a `uses: docker/login-action@...` step in build-and-push. It passes the password to Docker on standard input, so it never shows up in a command line or a log.',
  );
  const inputs = isMapping(login.with) ? login.with : {};
  assert.ok(
    isSecretReference(inputs.password),
    `The login password must be a stored secret, written exactly as \${{ secrets.NAME }} (got ${JSON.stringify(inputs.password ?? null)}). Store a registry access token under Settings > Secrets and variables > Actions.`,
  );
  assert.ok(
    isExpression(inputs.username),
    `Take the username from configuration, e.g. \${{ vars.DOCKERHUB_USERNAME }}, instead of typing it into the workflow (got ${JSON.stringify(inputs.username ?? null)}).`,
  );
});

test('8. builds and pushes the image tagged with the commit SHA', () => {
  const steps = stepsOf(job(loadWorkflow().data, 'build-and-push'));
  const buildIndex = steps.findIndex((step) => actionOf(step) === 'docker/build-push-action');
  assert.ok(buildIndex >= 0, 'Build and push the image with a `uses: docker/build-push-action@...` step in build-and-push.');
  const inputs = isMapping(steps[buildIndex].with) ? steps[buildIndex].with : {};
  assert.ok(inputs.push === true || inputs.push === 'true', 'Set `push: true` on docker/build-push-action; by default it only builds.');
  const tags = Array.isArray(inputs.tags) ? inputs.tags.join('\n') : String(inputs.tags ?? '');
  assert.match(
    tags,
    /\$\{\{\s*github\.sha\s*\}\}/,
    'Tag the image with the commit SHA, e.g. `tags: <user>/prediction-service:${{ github.sha }}`, so every image names the exact commit it was built from. `latest` alone cannot be traced or rolled back.',
  );
  const loginIndex = steps.findIndex((step) => actionOf(step) === 'docker/login-action');
  assert.ok(loginIndex >= 0 && loginIndex < buildIndex, 'Log in to the registry before the build-and-push step, or the push is refused.');
});

test('9. pins every action to a version', () => {
  const unpinned = allSteps(loadWorkflow().data)
    .filter(({ step }) => typeof step.uses === 'string' && !step.uses.startsWith('./'))
    .filter(({ step }) => !/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/.test(step.uses.trim()))
    .map(({ job: id, step }) => `${step.uses} (job "${id}")`);
  assert.deepEqual(
    unpinned,
    [],
    'Pin each action to a release such as @v7 (or a full 40-character commit SHA). A branch like @main runs whatever its authors pushed last, with your secrets in reach.',
  );
});

test('10. keeps credentials out of the file', () => {
  const { text, data } = loadWorkflow();
  for (const { name, pattern } of CREDENTIAL_PATTERNS) {
    assert.doesNotMatch(text, pattern, `The workflow contains what looks like ${name}. Revoke it now, then store it as a secret.`);
  }
  for (const { where, env } of envBlocks(data)) {
    for (const [key, value] of Object.entries(env)) {
      if (!CREDENTIAL_NAME.test(key)) continue;
      assert.ok(
        isSecretReference(value),
        `${key} in ${where} holds ${JSON.stringify(value)}. A credential in the workflow is readable by everyone with access to the repository and stays in Git history. Store it as a secret and write \${{ secrets.${key} }}, or better, let docker/login-action take it.`,
      );
    }
  }
  for (const { job: id, index, step } of allSteps(data)) {
    const inputs = isMapping(step.with) ? step.with : {};
    for (const [key, value] of Object.entries(inputs)) {
      if (!CREDENTIAL_NAME.test(key)) continue;
      assert.ok(
        typeof value !== 'string' || value.includes('${{'),
        `Input \`${key}\` of step ${index + 1} in job "${id}" is a literal. Pass credentials as \${{ secrets.NAME }}.`,
      );
    }
  }
});

test('11. keeps secrets out of shell commands and logs', () => {
  for (const { job: id, index, step } of allSteps(loadWorkflow().data)) {
    if (typeof step.run !== 'string') continue;
    const where = `step ${index + 1} of job "${id}"`;
    assert.doesNotMatch(
      step.run,
      /\$\{\{\s*secrets\./,
      `${where} pastes a secret into its script. Map it to an environment variable with \`env:\` and use the variable, so the value never becomes part of the script text.`,
    );
    assert.doesNotMatch(
      step.run,
      /docker\s+login\b[^\n]*\s(-p|--password)(\s|=)/,
      `${where} passes a password to \`docker login\` on the command line, where it can end up in logs and process lists. Use docker/login-action (or --password-stdin).`,
    );
  }
});

test('12. gives the GITHUB_TOKEN read-only permissions by default', () => {
  const { permissions } = loadWorkflow().data;
  assert.ok(
    permissions !== undefined,
    'Add a top-level `permissions:` block, e.g. `permissions: { contents: read }`. Otherwise the token gets the repository default, which may allow writing.',
  );
  assert.notEqual(permissions, 'write-all', '`permissions: write-all` lets any step (and any action you use) push code and change settings. Use `contents: read` and grant more only to the job that needs it.');
  if (isMapping(permissions)) {
    const writes = Object.entries(permissions)
      .filter(([, level]) => level === 'write')
      .map(([scope]) => scope);
    assert.deepEqual(writes, [], 'Grant write permissions in the job that needs them, not at the top level where every job gets them.');
  }
});
