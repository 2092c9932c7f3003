// @ts-check
// Checks that Dockerfile and .dockerignore follow production practice for a Python model API.
// Run them with `npm test`. Each failure says what is wrong, why it matters and how to fix it.
// You do not need to edit this file: edit Dockerfile and .dockerignore until every test passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  contextSources,
  expand,
  flags,
  isExecForm,
  last,
  lineOf,
  parseDockerfile,
  properties,
  serverAddress,
  show,
  stageVariables,
  startCommand,
  words,
} from './checks/dockerfile.js';
import { matcher, readPatterns } from './checks/dockerignore.js';
import { healthPath, readProbe } from './checks/healthcheck.js';
import { appModule, imageFiles, resolvePath } from './checks/image.js';

/** @typedef {import('./checks/dockerfile.js').Stage} Stage */
/** @typedef {import('./checks/dockerfile.js').Instruction} Instruction */

const read = (/** @type {string} */ name) => {
  const path = fileURLToPath(new URL(name, import.meta.url));
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
};

const dockerfileText = read('Dockerfile') ?? '';
const ignoreText = read('.dockerignore');
const ignored = matcher(readPatterns(ignoreText ?? ''));

/** The files `docker build .` sends to the builder: the project folder minus what .dockerignore excludes. */
function buildContext() {
  const root = fileURLToPath(new URL('.', import.meta.url));
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((f) => !f.startsWith('node_modules/') && !ignored(f));
}
const parsed = parseDockerfile(dockerfileText);
const stageNames = new Set(parsed.stages.map((s) => s.name?.toLowerCase()).filter(Boolean));

/** The stage that becomes the image; fails the test with a clear message when there is none. */
function finalStage() {
  const stage = parsed.stages[parsed.stages.length - 1];
  assert.ok(stage, 'The Dockerfile has no FROM line yet, so there is nothing to check. Start with FROM and a pinned base image.');
  return stage;
}

/** Line number and text of an instruction, e.g. `line 4: COPY . .` */
const where = (/** @type {Instruction} */ i) => `line ${lineOf(i)}: \`${show(i)}\``;

/**
 * Splits an image reference such as `docker.io/library/python:3.13-slim@sha256:...`.
 * @param {string} ref
 */
function splitImage(ref) {
  const [nameAndTag, digest = null] = ref.split('@');
  const colon = nameAndTag.lastIndexOf(':');
  const hasTag = colon > nameAndTag.lastIndexOf('/');
  return {
    name: hasTag ? nameAndTag.slice(0, colon) : nameAndTag,
    tag: hasTag ? nameAndTag.slice(colon + 1) : null,
    digest,
  };
}

/** The image a FROM line names, with ARG defaults filled in. */
const imageOf = (/** @type {Stage} */ stage) => expand(stage.from.getImage() ?? '', parsed.globalArgs);

/** Follows `FROM <earlier stage>` back to the external image the final stage is built on. */
function baseImageOf(/** @type {Stage} */ stage) {
  let current = stage;
  for (let hops = 0; hops < parsed.stages.length; hops++) {
    const image = imageOf(current).toLowerCase();
    const parent = parsed.stages.find((s) => s.name?.toLowerCase() === image && s !== current);
    if (!parent) return imageOf(current);
    current = parent;
  }
  return imageOf(current);
}

const DEPENDENCY_FILE = /^(requirements[\w.-]*\.txt|constraints[\w.-]*\.txt|pyproject\.toml|poetry\.lock|uv\.lock|setup\.cfg)$/i;
const basename = (/** @type {string} */ p) => p.replace(/\/+$/, '').split('/').pop() ?? p;
const INSTALL = /\b(pip3?|python3?\s+-m\s+pip)\s+(install|wheel)\b|\buv\s+(pip\s+install|sync)\b/;

/** The first RUN that installs the Python dependencies, with the stage it is in. */
function findInstall() {
  for (const stage of parsed.stages) {
    for (const instruction of stage.instructions) {
      if (instruction.getKeyword() !== 'RUN') continue;
      const text = instruction.getRawArgumentsContent() ?? '';
      const mounts = flags(instruction).filter((f) => f.name === 'mount').map((f) => f.value);
      if (INSTALL.test(text) && /requirements|pyproject|uv\.lock|poetry/.test(`${text} ${mounts.join(' ')}`)) {
        return { stage, instruction, text, mounts };
      }
    }
  }
  return null;
}

test('step 1: the Dockerfile starts FROM a base image', () => {
  assert.ok(dockerfileText.trim() !== '', 'Dockerfile is missing or empty. Write it in the root of the project, next to requirements.txt.');
  finalStage();
});

test('step 1: every base image is pinned to a specific version', () => {
  finalStage();
  for (const stage of parsed.stages) {
    const image = imageOf(stage);
    const { name, tag, digest } = splitImage(image);
    if (stageNames.has(name.toLowerCase()) || name === 'scratch') continue;
    assert.ok(
      !image.includes('$'),
      `${where(stage.from)} uses a variable with no value. Give the ARG a default before the first FROM, e.g. \`ARG PYTHON_VERSION=3.13\`, so a plain \`docker build\` is reproducible.`,
    );
    if (digest) {
      assert.match(
        digest,
        /^sha256:[a-f0-9]{64}$/,
        `${where(stage.from)}: a digest is "sha256:" followed by 64 hex characters. Copy it from \`docker buildx imagetools inspect ${name}:${tag ?? '<tag>'}\`.`,
      );
      continue;
    }
    assert.ok(
      tag !== null,
      `${where(stage.from)} has no tag, so Docker silently pulls \`${name}:latest\`: whatever version was published most recently. Your image would change under you between two builds of the same commit. Name a version, e.g. \`${name}:3.13-slim\`.`,
    );
    assert.notEqual(
      tag,
      'latest',
      `${where(stage.from)} uses the \`latest\` tag. "latest" is just the tag a publisher moves to each new release (Python 3.13 today, 3.14 tomorrow), so the same Dockerfile builds different images over time and a rebuild can break production. Pin a version, e.g. \`${name}:3.13-slim\` (and optionally a digest: \`${name}:3.13-slim@sha256:...\`).`,
    );
    assert.match(
      tag ?? '',
      /\d+\.\d+/,
      `${where(stage.from)} uses the tag \`${tag}\`, which floats across minor versions (\`3\` moves from 3.13 to 3.14 when it ships). Pin at least major.minor, e.g. \`${name}:3.13-slim\`, so upgrades happen when you choose.`,
    );
  }
});

test('step 1: the final image is built on a small base (slim, alpine or distroless)', () => {
  const base = baseImageOf(finalStage());
  const { name, tag } = splitImage(base);
  const small = /slim|alpine/.test(tag ?? '') || /distroless|chainguard/.test(name) || name === 'scratch';
  assert.ok(
    small,
    `The final stage is built on \`${base}\`. The full Debian-based Python image is about 1 GB, with compilers and hundreds of packages the API never uses: slower to pull, slower to start on a new node and more CVEs to patch. Use the slim variant, e.g. \`python:3.13-slim\` (well under 200 MB), and if a dependency needs a compiler, compile it in a build stage (multi-stage build) and copy only the result.`,
  );
});

test('step 2: dependencies are installed before the application source is copied', () => {
  finalStage();
  const install = findInstall();
  assert.ok(
    install,
    'No `RUN pip install -r requirements.txt` found. The image must install the dependencies listed in requirements.txt: copy that file into the image, then run pip on it.',
  );
  const installLine = lineOf(install.instruction);
  const bindMountsRequirements = install.mounts.some((m) => /type=bind/.test(m) && /(source|src)=[^,]*requirements/.test(m));
  const copiesRequirementsFirst = install.stage.instructions.some(
    (i) => ['COPY', 'ADD'].includes(i.getKeyword()) && lineOf(i) < installLine && contextSources(i).some((s) => DEPENDENCY_FILE.test(basename(s)) || s === '.' || s === './'),
  );
  assert.ok(
    bindMountsRequirements || copiesRequirementsFirst,
    `${where(install.instruction)} installs from requirements.txt, but no COPY before it puts requirements.txt in the image. Add \`COPY requirements.txt .\` just before it.`,
  );
  for (const stage of parsed.stages) {
    for (const instruction of stage.instructions) {
      if (!['COPY', 'ADD'].includes(instruction.getKeyword())) continue;
      const sources = contextSources(instruction);
      const copiesSource = sources.some((s) => !DEPENDENCY_FILE.test(basename(s)));
      if (!copiesSource) continue;
      assert.ok(
        lineOf(instruction) > installLine,
        `${where(instruction)} copies application files before ${where(install.instruction)} installs the dependencies. Docker reuses a cached layer only while everything before it is unchanged, and COPY is cached by the content of the files it copies: every edit to app/main.py changes this layer, so every later step, including the slow pip install, runs again on each build. Copy requirements.txt on its own, install, and only then copy the source.`,
      );
    }
  }
});

test('step 2: pip does not keep its download cache in the image', () => {
  finalStage();
  const install = findInstall();
  assert.ok(install, 'Install the dependencies first (see the previous test).');
  const noCacheFlag = /--no-cache-dir|--no-cache\b/.test(install.text);
  const cacheMount = install.mounts.some((m) => /type=cache/.test(m));
  const envBefore = install.stage.instructions.some(
    (i) =>
      ['ENV', 'ARG'].includes(i.getKeyword()) &&
      lineOf(i) < lineOf(install.instruction) &&
      properties(i).some((p) => ['PIP_NO_CACHE_DIR', 'UV_NO_CACHE'].includes(p.getName())),
  );
  assert.ok(
    noCacheFlag || cacheMount || envBefore,
    `${where(install.instruction)} lets pip keep every downloaded wheel in ~/.cache/pip, inside the layer: tens of MB that the running service never reads. Add \`--no-cache-dir\` (\`pip install --no-cache-dir -r requirements.txt\`), or keep the cache outside the image with a BuildKit cache mount (\`RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\`).`,
  );
});

test('step 2: the image contains the application the CMD starts', () => {
  const stage = finalStage();
  const { argv, cmd, entrypoint } = startCommand(stage);
  const app = appModule(argv);
  assert.ok(app, `Add a CMD that starts the app with uvicorn (step 4) first: this test checks that the module it names is in the image.`);
  const image = imageFiles(parsed, buildContext())[parsed.stages.indexOf(stage)];
  const base = app.dir ? resolvePath(image.workdir, app.dir) : image.workdir;
  const found = app.files.map((f) => resolvePath(base, f)).find((f) => image.files.has(f));
  const copied = [...image.files.keys()].sort();
  assert.ok(
    found,
    `${where(/** @type {Instruction} */ (entrypoint ?? cmd))} imports ${app.target}, so Python looks for ${app.files.map((f) => resolvePath(base, f)).join(' or ')} (relative to WORKDIR ${image.workdir}), but the image has ${copied.length ? `only ${copied.slice(0, 6).join(', ')}${copied.length > 6 ? ', …' : ''}` : 'no files copied from the project'}. The container would crash at start with "Could not import module". Copy the app/ folder so that it keeps its name inside WORKDIR.`,
  );
  // The rest of the application's folder (model.json, __init__.py) must sit beside the module.
  const origin = /** @type {string} */ (image.files.get(found));
  const folder = origin.split('/').slice(0, -1).join('/');
  const home = found.split('/').slice(0, -1).join('/');
  for (const file of buildContext().filter((f) => folder && f.startsWith(`${folder}/`))) {
    const expected = resolvePath(home, file.slice(folder.length + 1));
    assert.ok(
      image.files.has(expected),
      `The image has ${found} but not ${expected} (from ${file}). The application's folder must arrive whole: app/main.py loads model.json from its own folder at start-up, and Python needs the package's files, so a missing one crashes the service. Copy the whole ${folder}/ folder, not single files.`,
    );
  }
});

test('step 3: the service runs as a non-root user', () => {
  const stage = finalStage();
  const user = last(stage, 'USER');
  assert.ok(
    user,
    'The final stage has no USER instruction, so the API runs as root (UID 0). If an attacker finds a bug in the app or a dependency, they get root inside the container, one kernel bug away from the host. Create an unprivileged user with a fixed numeric UID (groupadd/useradd) and switch to it with USER before CMD.',
  );
  const value = expand(words(user).join(' '), stageVariables(parsed, stage));
  const name = value.split(':')[0];
  assert.ok(
    !['root', '0'].includes(name),
    `${where(user)} switches back to root: the last USER decides who the container runs as. Make it an unprivileged user, e.g. \`USER 10001:10001\`.`,
  );
  if (!/^\d+$/.test(name) && !['nobody', 'nonroot'].includes(name)) {
    const creates = stage.instructions.some(
      (i) => i.getKeyword() === 'RUN' && lineOf(i) < lineOf(user) && new RegExp(`\\b(useradd|adduser)\\b[^&;|]*\\b${name}\\b`).test(i.getRawArgumentsContent() ?? ''),
    );
    assert.ok(
      creates,
      `${where(user)} switches to the user "${name}", but no earlier RUN in this stage creates it (with useradd or adduser). The build succeeds, then \`docker run\` fails with "unable to find user ${name}: no matching entries in passwd file". Add e.g. \`RUN useradd --system --uid 10001 --no-create-home ${name}\` before it.`,
    );
  }
  const start = startCommand(stage);
  const startInstruction = start.entrypoint ?? start.cmd;
  if (startInstruction) {
    assert.ok(
      lineOf(user) < lineOf(startInstruction),
      `${where(user)} comes after ${where(startInstruction)}. Put USER after the steps that need root (installing packages, creating the user) and before CMD, so anyone reading the Dockerfile sees who the service runs as.`,
    );
  }
});

test('step 4: the container starts with an exec-form CMD', () => {
  const stage = finalStage();
  const { entrypoint, cmd } = startCommand(stage);
  assert.ok(
    entrypoint || cmd,
    'The final stage has no CMD, so the container would run whatever the base image runs (for python images, an interactive Python prompt). Add a CMD that starts uvicorn with the app (`app.main:app`), as a JSON array.',
  );
  const why =
    'In shell form Docker runs `/bin/sh -c "..."`: the shell is PID 1, and it does not forward signals, so `docker stop` (or a Kubernetes rollout) sends SIGTERM to the shell, the server never hears it, and after the grace period (10 s by default) it is killed mid-request. In exec form the server itself is PID 1 and shuts down cleanly.';
  for (const instruction of [entrypoint, cmd]) {
    if (!instruction) continue;
    if (instruction === cmd && entrypoint && !isExecForm(entrypoint)) continue;
    const singleQuotes = /^\s*\[\s*'/.test(instruction.getRawArgumentsContent() ?? '');
    assert.ok(
      isExecForm(instruction),
      `${where(instruction)} is in shell form. ${why} Write it as a JSON array${singleQuotes ? ' with double quotes (JSON has no single-quoted strings, so Docker treats this line as shell form)' : ''}: \`${instruction.getKeyword()} ["program", "first argument", "second argument"]\`, one string per word.`,
    );
  }
});

test('step 4: the server listens on all interfaces, on a fixed port, without --reload', () => {
  const stage = finalStage();
  const { argv, cmd, entrypoint } = startCommand(stage);
  const startInstruction = entrypoint ?? cmd;
  assert.ok(startInstruction, 'Add a CMD that starts the server first (see the exec-form test).');
  const address = serverAddress(argv, stageVariables(parsed, stage));
  assert.ok(
    address,
    `${where(startInstruction)} does not start uvicorn, gunicorn or \`fastapi run\`${entrypoint && cmd ? ': with an ENTRYPOINT, Docker runs the ENTRYPOINT and passes the CMD to it as arguments, so the container runs `' + argv.join(' ') + '`' : ''}. Serve the app with a production ASGI server such as uvicorn, naming the app as \`app.main:app\`.`,
  );
  assert.ok(
    !address.reload,
    `${where(startInstruction)} runs the server in auto-reload (development) mode. Reloading watches files for changes, costs CPU and is meant for your laptop; an image is immutable, so drop \`--reload\` (or use \`fastapi run\` instead of \`fastapi dev\`).`,
  );
  assert.ok(
    ['0.0.0.0', '::', '[::]'].includes(address.host),
    `${where(startInstruction)} makes ${address.server} listen on ${address.host}${address.host === '127.0.0.1' ? ` (${address.server}'s default)` : ''}. Inside a container, 127.0.0.1 is the container's own loopback: \`docker run -p 8000:8000\` forwards traffic to the container's network interface, where nothing is listening, and every request fails with "connection reset". Bind to all interfaces: add \`"--host", "0.0.0.0"\`${address.server === 'gunicorn' ? ' (for gunicorn: `"--bind", "0.0.0.0:8000"`)' : ''}.`,
  );
  assert.ok(
    /^\d+$/.test(address.port),
    `${where(startInstruction)} passes the port as "${address.port}". Exec form does not run a shell, so variables like $PORT are not expanded and the server receives the literal text. Write the number, e.g. \`"--port", "8000"\`.`,
  );
});

test('step 4: EXPOSE documents the port the server listens on', () => {
  const stage = finalStage();
  const vars = stageVariables(parsed, stage);
  const address = serverAddress(startCommand(stage).argv, vars);
  assert.ok(address, 'Fix the CMD first (see the previous tests): the port it serves on is what EXPOSE must name.');
  const exposes = stage.instructions.filter((i) => i.getKeyword() === 'EXPOSE');
  const ports = exposes.flatMap((i) => words(i).map((w) => expand(w, vars).split('/')[0]));
  assert.ok(
    exposes.length > 0,
    `The final stage has no EXPOSE. EXPOSE publishes nothing by itself, but it documents the contract: people, \`docker run -P\`, and tools read it to learn which port the image serves. Add \`EXPOSE ${address.port}\`.`,
  );
  assert.ok(
    ports.includes(address.port),
    `${address.server} listens on port ${address.port}, but EXPOSE names ${ports.join(', ')}. Anyone who publishes the exposed port reaches nothing. Make them agree: \`EXPOSE ${address.port}\`.`,
  );
});

test('step 5: the HEALTHCHECK requests the service\'s health endpoint on its port', () => {
  const stage = finalStage();
  const check = last(stage, 'HEALTHCHECK');
  assert.ok(
    check,
    'The final stage has no HEALTHCHECK. Without one, Docker only knows whether the process is alive, not whether it answers: a server stuck in a deadlock or with a model that failed to load still shows "Up". Add `HEALTHCHECK [options] CMD <command>`, where the command requests the health endpoint and exits non-zero when that fails.',
  );
  const text = check.getRawArgumentsContent() ?? '';
  assert.ok(!/^\s*NONE\b/i.test(text), `${where(check)} switches health checking off. Replace it with a check of the health endpoint.`);
  assert.match(text, /^\s*(--\S+\s+)*CMD\b/i, `${where(check)} must run a command: \`HEALTHCHECK [options] CMD ...\`.`);
  const probe = readProbe(text);
  assert.ok(probe.problems.length === 0, `${where(check)} cannot detect a broken service: ${probe.problems.join('; ')}.`);
  if (probe.tool === 'curl' || probe.tool === 'wget') {
    const installed = stage.instructions.some(
      (i) => i.getKeyword() === 'RUN' && new RegExp(`\\b(apt-get|apt|apk|dnf|microdnf|yum)\\b[^&;]*\\b(install|add)\\b[^&;]*\\b${probe.tool}\\b`).test(i.getRawArgumentsContent() ?? ''),
    );
    assert.ok(
      installed,
      `${where(check)} calls ${probe.tool}, but slim Python images do not include ${probe.tool} and nothing in the final stage installs it. The check would fail every time and the container would be marked unhealthy forever. Use Python, which the image has (the standard library's urllib.request).`,
    );
  }
  const url = probe.url;
  assert.ok(url, `${where(check)} requests no valid http:// URL.`);
  const endpoint = healthPath(read('app/main.py') ?? '') ?? '/health';
  assert.ok(
    ['localhost', '127.0.0.1', '[::1]', '0.0.0.0'].includes(url.hostname),
    `${where(check)} requests ${url.host}. The check runs inside the container, so the service is at 127.0.0.1 (or localhost); any other host tests something else, or nothing.`,
  );
  const address = serverAddress(startCommand(stage).argv, stageVariables(parsed, stage));
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (address && /^\d+$/.test(address.port)) {
    assert.equal(port, address.port, `${where(check)} requests port ${port}${url.port ? '' : ' (the default for a URL without a port)'}, but the server listens on ${address.port}: the check would fail forever.`);
  }
  assert.equal(
    url.pathname,
    endpoint,
    `${where(check)} requests ${url.pathname}, but the service's health endpoint is ${endpoint} (see app/main.py). ${url.pathname === '/' ? 'The app has no route at /, so every check gets 404 and fails.' : 'Only the health endpoint says whether the model is loaded.'}`,
  );
});

test('step 6: no secrets are baked into the image', () => {
  finalStage();
  const secretName = /KEY|SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIAL/i;
  for (const instruction of parsed.all) {
    const keyword = instruction.getKeyword();
    if (keyword === 'ENV' || keyword === 'ARG') {
      for (const property of properties(instruction)) {
        const name = property.getName();
        assert.ok(
          !secretName.test(name),
          `${where(instruction)} puts ${name} in ${keyword === 'ENV' ? 'an ENV' : 'a build ARG'}. ${
            keyword === 'ENV'
              ? 'ENV values are stored in the image config: anyone who can pull the image reads them with `docker image inspect`, and the secret lives in every registry and cache the image reaches.'
              : 'Build arguments are recorded in the image history (`docker history --no-trunc`) and in build provenance, even without a default value.'
          } Remove it. Pass secrets when the container starts (\`docker run -e API_KEY=...\`, \`--env-file .env\`, or your orchestrator's secret store), and if a build step needs a credential, use a secret mount: \`RUN --mount=type=secret,id=${name.toLowerCase()},env=${name} ...\` with \`docker build --secret id=${name.toLowerCase()},env=${name} .\``,
        );
      }
    }
    if (keyword === 'COPY' || keyword === 'ADD') {
      for (const source of contextSources(instruction)) {
        assert.ok(
          !/^\.env(\..+)?$/.test(basename(source)),
          `${where(instruction)} copies ${source} into the image. That file holds local secrets; every layer is kept forever, so even deleting it in a later step leaves it readable in the image. Remove the COPY and pass the values at run time: \`docker run --env-file .env ...\`.`,
        );
      }
    }
  }
});


test('step 7: .dockerignore exists', () => {
  assert.ok(
    ignoreText !== null,
    'There is no .dockerignore, so `docker build .` sends the whole folder (Git history, virtual environments, local secrets) to the builder, where `COPY . .` can put it in the image. Create .dockerignore next to the Dockerfile.',
  );
});

const mustExclude = [
  {
    what: 'the Git history (.git)',
    paths: ['.git/HEAD', '.git/objects/pack/pack-1.pack'],
    why: 'It can be hundreds of MB, it slows every build by being sent to the builder, and it contains every version of every file, including secrets someone committed once and later deleted.',
    fix: '.git',
  },
  {
    what: 'local secrets (.env)',
    paths: ['.env'],
    why: 'It holds API keys for local development. If it is in the build context, a `COPY . .` puts it in a layer that everyone who pulls the image can read.',
    fix: '.env',
  },
  {
    what: 'Python bytecode caches (__pycache__) at any depth',
    paths: ['app/__pycache__/main.cpython-313.pyc', '__pycache__/conftest.cpython-313.pyc'],
    why: 'They are machine-specific build artefacts and change whenever you run the code locally, which needlessly invalidates the COPY layer. Patterns match from the root of the context, so a bare `__pycache__` line only catches the top-level folder.',
    fix: '**/__pycache__',
  },
  {
    what: 'virtual environments (.venv and venv)',
    paths: ['.venv/bin/python', 'venv/lib/python3.13/site-packages/fastapi/__init__.py'],
    why: 'A venv holds binaries built for your laptop (maybe macOS or Windows), not for the Linux image, and it is often hundreds of MB. The image installs its own dependencies from requirements.txt.',
    fix: '.venv\nvenv',
  },
  {
    what: 'the tests folder',
    paths: ['tests/test_main.py'],
    why: 'Tests run in CI before the image is built; shipping them adds files (and sometimes fixtures and data) that production never uses.',
    fix: 'tests',
  },
  {
    what: "this lab's node_modules",
    paths: ['node_modules/dockerfile-ast/package.json'],
    why: 'The Node tooling that runs these checks has nothing to do with the Python service and would only slow the build.',
    fix: 'node_modules',
  },
];

for (const rule of mustExclude) {
  test(`step 7: .dockerignore keeps ${rule.what} out of the build context`, () => {
    for (const path of rule.paths) {
      assert.ok(ignored(path), `.dockerignore does not exclude ${path}. ${rule.why} Add:\n${rule.fix}`);
    }
  });
}

test('step 7: .dockerignore keeps the files the image needs', () => {
  for (const path of ['requirements.txt', 'app/main.py', 'app/model.json', 'app/__init__.py']) {
    assert.ok(
      !ignored(path),
      `.dockerignore excludes ${path}, but the image needs it: COPY would fail with "not found", or the service would start without it. Make the pattern narrower, or add an exception line \`!${path}\`.`,
    );
  }
});
