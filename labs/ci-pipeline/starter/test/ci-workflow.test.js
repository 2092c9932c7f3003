// @ts-check
/**
 * Checks .github/workflows/ci.yml against the steps in README.md. Each test name starts with
 * the step it checks, and its failure message says why the rule exists and how to meet it.
 * The tests read what the workflow would do (which jobs run for a push to main or a pull
 * request, which commands a step runs, which image it pushes), not how it is worded.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginRegistry, tagList } from '../lib/image-tag.js';
import { envOf, pushedTags } from '../lib/pushed-tags.js';
import { jobRuns, RUNS } from '../lib/scenarios.js';
import { commandsOf, programOf } from '../lib/scripts.js';
import {
  CREDENTIAL_NAME,
  CREDENTIAL_PATTERNS,
  actionOf,
  allSteps,
  branchesOf,
  envBlocks,
  isExpression,
  isMapping,
  isSecretReference,
  job,
  loadWorkflow,
  needsOf,
  stepsOf,
  triggers,
} from '../lib/workflow.js';

/** Whether a job (or anything with an `if:`) runs for an imagined run; an unreadable condition fails the test. */
function safeRuns(/** @type {Record<string, any>} */ data, /** @type {Record<string, any>} */ aJob, /** @type {import('../lib/scenarios.js').Run} */ run) {
  try {
    return jobRuns(data, aJob, run);
  } catch (error) {
    return assert.fail(`A condition cannot be read: ${/** @type {Error} */ (error).message}.`);
  }
}

/** The run: scripts of a job's steps, with the step they belong to. */
const scriptsOf = (/** @type {Record<string, any> | undefined} */ aJob) =>
  stepsOf(aJob).flatMap((step, index) => (typeof step.run === 'string' ? [{ step, index, commands: commandsOf(step.run) }] : []));

test('step 1: runs on pushes to main', () => {
  const on = triggers(loadWorkflow().data);
  assert.ok('push' in on, 'Add a `push` trigger under `on:`: commits that land on main must be tested and published.');
  assert.ok(
    branchesOf(on.push).includes('main'),
    'Limit the push trigger to main with `push: { branches: [main] }`. Without a branch filter, every push to every feature branch starts the pipeline.',
  );
});

test('step 1: runs on pull requests into main', () => {
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

test('step 2: gives the GITHUB_TOKEN read-only permissions by default', () => {
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
test('step 3: the test job installs the dependencies and runs pytest', () => {
  const { data } = loadWorkflow();
  const testJob = job(data, 'test');
  assert.ok(testJob, 'Add a job with the id `test` under `jobs:`.');
  assert.ok(testJob['runs-on'], 'The test job needs `runs-on:` (for example ubuntu-latest) so GitHub knows which runner to start.');
  const steps = stepsOf(testJob);
  assert.ok(
    steps.some((step) => actionOf(step) === 'actions/checkout'),
    'The test job must check out the code first (`uses: actions/checkout@...`): a runner starts empty, without your code.',
  );
  const commands = scriptsOf(testJob).flatMap(({ index, commands }) => commands.map((c) => ({ index, ...programOf(c.words) })));
  const install = commands.find((c) => c.program.startsWith('pip') && c.args[0] === 'install');
  const files = install ? install.args.filter((a, i) => install.args[i - 1] === '-r' || install.args[i - 1] === '--requirement') : [];
  assert.ok(install, 'No step of the test job runs `pip install`. The runner has none of the service\'s packages; install them before running the tests.');
  for (const file of ['requirements.txt', 'requirements-dev.txt']) {
    assert.ok(
      files.includes(file),
      `\`pip install\` in the test job does not install ${file} (it installs ${files.join(', ') || 'no requirements file'}). ${file === 'requirements.txt' ? 'The service\'s own dependencies must be there for its tests to import it.' : 'pytest and the test client are listed there.'} Pass it with -r.`,
    );
  }
  const pytest = commands.find((c) => c.program === 'pytest' || c.program === 'py.test');
  assert.ok(
    pytest,
    'No step of the test job runs pytest as a command (a command that only prints or mentions it, such as `echo pytest`, runs nothing). A CI pipeline that never runs the tests proves nothing.',
  );
  assert.ok(pytest.index >= install.index, 'The tests run before the dependencies are installed. Install first, then run pytest.');
  // A job or step condition can skip the tests exactly where they matter.
  for (const run of [RUNS.pushMain, RUNS.pullRequest]) {
    assert.ok(safeRuns(data, testJob, run), `The \`if:\` of the test job keeps it from running for ${run.name}, so that change is never tested. Remove it.`);
    for (const i of [install.index, pytest.index]) {
      const step = stepsOf(testJob)[i];
      assert.ok(
        step.if === undefined || safeRuns(data, { if: step.if }, run),
        `Step ${i + 1} of the test job has \`if: ${step.if}\`, which skips it for ${run.name}. Every change must be tested: remove the condition.`,
      );
    }
  }
  const notRunning = pytest.args.find((a) => ['--collect-only', '--co', '--help', '-h', '--version', '-V'].includes(a));
  assert.ok(!notRunning, `\`pytest ${pytest.args.join(' ')}\` does not run the tests (\`${notRunning}\` only lists or prints). Run them, e.g. \`pytest -q\`.`);
});

test('step 3: a failing test fails the job', () => {
  const testJob = job(loadWorkflow().data, 'test');
  assert.ok(testJob, 'Add a job with the id `test` first.');
  assert.ok(
    testJob['continue-on-error'] !== true && testJob['continue-on-error'] !== 'true',
    'The test job has `continue-on-error: true`, so the workflow succeeds (and later jobs run) even when the tests fail. Remove it.',
  );
  for (const { step, index, commands } of scriptsOf(testJob)) {
    const where = `Step ${index + 1} of the test job`;
    const runsTests = commands.some((c) => ['pytest', 'py.test'].includes(programOf(c.words).program));
    if (!runsTests) continue;
    assert.ok(
      step['continue-on-error'] !== true && step['continue-on-error'] !== 'true',
      `${where} runs the tests with \`continue-on-error: true\`, so a failing test only turns the step orange and the job still succeeds. Remove it: a red test must stop the pipeline.`,
    );
    commands.forEach((c, i) => {
      const { program } = programOf(c.words);
      if (['pytest', 'py.test'].includes(program))
        assert.ok(c.then !== '||', `${where} runs \`${c.words.join(' ')} || ...\`: whatever follows \`||\` runs when the tests fail, and its exit code replaces theirs, so the step succeeds. Remove the fallback.`);
      // The default shell stops at the first failing command (bash -e); a custom shell without -e does not.
      const custom = typeof step.shell === 'string' && step.shell.includes('{0}') && !/\s-\w*e/.test(step.shell);
      if (['pytest', 'py.test'].includes(program) && custom && i < commands.length - 1)
        assert.fail(`${where} runs the tests with \`shell: ${step.shell}\`, which does not stop at a failing command, and more commands follow, so their exit code replaces pytest's. Remove the custom shell.`);
      assert.ok(!/^set [+]e$/.test(c.words.join(' ')), `${where} runs \`set +e\`, which tells the shell to carry on after a failing command, so a test failure no longer fails the step. Remove it.`);
    });
  }
});

test('step 4: caches the Python dependencies', () => {
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

test('step 5: build-and-push needs the test job and never runs when the tests fail', () => {
  const { data } = loadWorkflow();
  const build = job(data, 'build-and-push');
  assert.ok(build, 'Add a job with the id `build-and-push` that builds the Docker image and pushes it to the registry.');
  assert.ok(
    needsOf(build).includes('test'),
    'Give build-and-push `needs: test`. Jobs run in parallel by default, so without it an image would be pushed even when the tests fail.',
  );
  let runsAfterFailure = false;
  try {
    runsAfterFailure = jobRuns(data, build, RUNS.pushMain, 'failure');
  } catch (error) {
    assert.fail(`The \`if:\` of build-and-push cannot be read: ${/** @type {Error} */ (error).message}.`);
  }
  assert.ok(
    !runsAfterFailure,
    `The \`if:\` of build-and-push (\`${build.if}\`) makes it run for a push to main even when the test job failed: a status function such as always(), failure() or !cancelled() replaces the implicit success() check that \`needs\` relies on. Drop it.`,
  );
});

test('step 6: build-and-push runs for pushes to main, and for nothing else', () => {
  const { data } = loadWorkflow();
  const build = job(data, 'build-and-push');
  assert.ok(build, 'Add a job with the id `build-and-push`.');
  /** @param {import('../lib/scenarios.js').Run} run */
  const runs = (run) => {
    try {
      return jobRuns(data, build, run) && jobRuns(data, job(data, 'test') ?? {}, run);
    } catch (error) {
      return assert.fail(`The \`if:\` of a job cannot be read: ${/** @type {Error} */ (error).message}.`);
    }
  };
  const condition = build.if === undefined ? 'no `if:`' : `\`if: ${build.if}\``;
  assert.ok(
    runs(RUNS.pushMain),
    `With ${condition}, build-and-push would not run for ${RUNS.pushMain.name} (github.event_name is 'push', github.ref is 'refs/heads/main', github.ref_name is 'main'), so no image is ever published. Check the exact values the condition compares.`,
  );
  for (const run of [RUNS.pullRequest, RUNS.pullRequestFromMain, RUNS.pushBranch, RUNS.dispatchBranch, RUNS.scheduleMain]) {
    assert.ok(
      !runs(run),
      `With ${condition}, build-and-push would also run for ${run.name}${run.event === 'pull_request' ? ` (github.ref is '${run.ref}', github.head_ref '${run.headRef}', github.base_ref '${run.baseRef}')` : ''}. Pull requests and other branches must be tested, never published: require both a push event and the main branch.`,
    );
  }
});

test('step 7: logs in to the registry with docker/login-action and a stored secret', () => {
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

test('step 8: builds and pushes an image named by registry, repository and the exact commit', () => {
  const { data } = loadWorkflow();
  const build = job(data, 'build-and-push');
  const steps = stepsOf(build);
  const buildIndex = steps.findIndex((step) => actionOf(step) === 'docker/build-push-action');
  assert.ok(buildIndex >= 0, 'Build and push the image with a `uses: docker/build-push-action@...` step in build-and-push.');
  const inputs = isMapping(steps[buildIndex].with) ? steps[buildIndex].with : {};
  const pushes = inputs.push === true || inputs.push === 'true' || (isExpression(inputs.push) && safeRuns(data, { if: inputs.push }, RUNS.pushMain));
  assert.ok(pushes, `Set \`push: true\` on docker/build-push-action (got ${JSON.stringify(inputs.push ?? null)}); by default it only builds.`);
  for (const [i, what] of [[buildIndex, 'build-and-push'], [steps.findIndex((st) => actionOf(st) === 'docker/login-action'), 'login']]) {
    const cond = steps[/** @type {number} */ (i)]?.if;
    assert.ok(cond === undefined || safeRuns(data, { if: cond }, RUNS.pushMain), `The ${what} step has \`if: ${cond}\`, which skips it for a push to main, so nothing is published.`);
  }
  const loginIndex = steps.findIndex((step) => actionOf(step) === 'docker/login-action');
  assert.ok(loginIndex >= 0 && loginIndex < buildIndex, 'Log in to the registry before the build-and-push step, or the push is refused.');
  const login = steps[loginIndex];
  const registry = loginRegistry(isMapping(login.with) ? login.with.registry : undefined, envOf(data, build, login));
  assert.ok(tagList(inputs.tags).length, 'Give docker/build-push-action a `tags:` input: without one the image is built but has no name to push to.');
  // Tags written out and tags made by a docker/metadata-action step are read the same way.
  const { tags, problem } = pushedTags(data, build, buildIndex);
  assert.ok(!problem, problem ?? '');
  const traceable = tags.filter((t) => t.traceable);
  assert.ok(
    traceable.length,
    `No tag names the exact commit (tags for a push to main: ${tags.map((t) => t.shown).join(', ') || 'none'}). Tag the image with the commit SHA, written out as \`:\${{ github.sha }}\` or made by docker/metadata-action's \`type=sha\` rule, so every image names the exact commit it was built from; \`latest\` or a branch name alone moves with every push and cannot be traced or rolled back.`,
  );
  for (const r of traceable) {
    assert.ok(!r.problem, `${r.source} becomes ${r.example} for a commit, and ${r.problem}. Write registry/account/repository:tag, e.g. the account you log in with, then prediction-service.`);
    assert.equal(
      r.registry,
      registry,
      `${r.source} pushes to ${r.registry}, but docker/login-action logs in to ${registry}. The push would be refused as unauthenticated: tag the image for the registry you log in to (or log in to the one you tag for).`,
    );
  }
});

test('step 9: pins every action to a version', () => {
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

test('step 10: keeps credentials out of the file', () => {
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

test('step 11: keeps secrets out of shell commands and logs', () => {
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
