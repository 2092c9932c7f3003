// @ts-check
// Helpers that read a Dockerfile the way Docker does, using the `dockerfile-ast` parser
// (the parser behind the Dockerfile language server used by editors such as VS Code).
// Not part of your task: the tests in dockerfile.test.js use these helpers.
import { DockerfileParser } from 'dockerfile-ast';

/** @typedef {import('dockerfile-ast').Instruction} Instruction */
/** @typedef {import('dockerfile-ast').From} From */

/**
 * One build stage: a FROM line and the instructions up to the next FROM.
 * @typedef {{ from: From, name: string | null, instructions: Instruction[] }} Stage
 */

/**
 * Everything the checks need to know about a Dockerfile.
 * @typedef {{
 *   globalArgs: Map<string, string>,
 *   preamble: Instruction[],
 *   stages: Stage[],
 *   all: Instruction[],
 * }} ParsedDockerfile
 */

/**
 * Parses Dockerfile text into stages.
 * @param {string} text
 * @returns {ParsedDockerfile}
 */
export function parseDockerfile(text) {
  const dockerfile = DockerfileParser.parse(text);
  const all = dockerfile.getInstructions();
  /** @type {Instruction[]} */
  const preamble = [];
  /** @type {Stage[]} */
  const stages = [];
  for (const instruction of all) {
    if (instruction.getKeyword() === 'FROM') {
      const from = /** @type {From} */ (instruction);
      stages.push({ from, name: from.getBuildStage(), instructions: [] });
    } else if (stages.length === 0) {
      preamble.push(instruction);
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  /** @type {Map<string, string>} */
  const globalArgs = new Map();
  for (const instruction of preamble) {
    if (instruction.getKeyword() !== 'ARG') continue;
    for (const property of properties(instruction)) {
      const value = property.getValue();
      if (value !== null) globalArgs.set(property.getName(), value);
    }
  }
  return { globalArgs, preamble, stages, all };
}

/** 1-based line number of an instruction, for messages. */
export const lineOf = (/** @type {Instruction} */ instruction) => instruction.getRange().start.line + 1;

/** The instruction as written, on one line, for messages. */
export const show = (/** @type {Instruction} */ instruction) =>
  instruction.getTextContent().replace(/\\\r?\n\s*/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Name/value properties of an ENV or ARG instruction.
 * @param {Instruction} instruction
 * @returns {import('dockerfile-ast').Property[]}
 */
export function properties(instruction) {
  const withProps = /** @type {{ getProperties?: () => import('dockerfile-ast').Property[] }} */ (
    /** @type {unknown} */ (instruction)
  );
  return typeof withProps.getProperties === 'function' ? withProps.getProperties() : [];
}

/**
 * Flags such as --from=build or --mount=type=bind,... of an instruction.
 * @param {Instruction} instruction
 * @returns {{ name: string, value: string }[]}
 */
export function flags(instruction) {
  const withFlags = /** @type {{ getFlags?: () => import('dockerfile-ast').Flag[] }} */ (/** @type {unknown} */ (instruction));
  if (typeof withFlags.getFlags !== 'function') return [];
  return withFlags.getFlags().map((f) => ({ name: f.getName().toLowerCase(), value: f.getValue() ?? '' }));
}

/**
 * Whether a CMD, ENTRYPOINT, RUN, COPY or HEALTHCHECK argument list is a JSON array (exec form).
 * @param {Instruction} instruction
 */
export function isExecForm(instruction) {
  const json = /** @type {Partial<import('dockerfile-ast').JSONInstruction>} */ (/** @type {unknown} */ (instruction));
  if (typeof json.getJSONStrings !== 'function' || typeof json.getClosingBracket !== 'function') return false;
  return json.getJSONStrings().length > 0 && json.getClosingBracket() !== null;
}

/**
 * The words of an instruction's arguments: the JSON strings in exec form, else the shell words.
 * @param {Instruction} instruction
 * @returns {string[]}
 */
export function words(instruction) {
  if (isExecForm(instruction)) {
    const json = /** @type {import('dockerfile-ast').JSONInstruction} */ (/** @type {unknown} */ (instruction));
    return json.getJSONStrings().map((s) => s.getJSONValue());
  }
  // Shell form: split into words, dropping stray JSON-like brackets, quotes and commas
  // (e.g. `CMD ['uvicorn', 'app.main:app']`, which is not valid JSON and so runs in a shell).
  return instruction
    .getArguments()
    .map((a) => a.getValue().replace(/^[\['"]+|[\]'",]+$/g, ''))
    .filter((w) => w !== '');
}

/**
 * Replaces $NAME, ${NAME} and ${NAME:-default} with values from `vars`.
 * @param {string} text
 * @param {Map<string, string>} vars
 */
export function expand(text, vars) {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced, fallback, bare) => {
    const name = braced ?? bare;
    if (vars.has(name) && vars.get(name) !== '') return /** @type {string} */ (vars.get(name));
    return fallback ?? whole;
  });
}

/**
 * Variables visible at the end of a stage: global ARG defaults, then the stage's ARG and ENV values.
 * @param {ParsedDockerfile} parsed
 * @param {Stage} stage
 */
export function stageVariables(parsed, stage) {
  const vars = new Map(parsed.globalArgs);
  for (const instruction of stage.instructions) {
    const keyword = instruction.getKeyword();
    if (keyword !== 'ENV' && keyword !== 'ARG') continue;
    for (const property of properties(instruction)) {
      const value = property.getValue();
      if (value !== null) vars.set(property.getName(), expand(value, vars));
    }
  }
  return vars;
}

/**
 * The files a COPY or ADD instruction takes from the build context (none when it copies --from a stage).
 * @param {Instruction} instruction
 * @returns {string[]}
 */
export function contextSources(instruction) {
  if (flags(instruction).some((f) => f.name === 'from')) return [];
  const args = words(instruction);
  return args.slice(0, -1);
}

/**
 * The last instruction with one of these keywords in a stage, or null.
 * @param {Stage} stage
 * @param {...string} keywords
 */
export function last(stage, ...keywords) {
  const found = stage.instructions.filter((i) => keywords.includes(i.getKeyword()));
  return found.length ? found[found.length - 1] : null;
}

/**
 * How the container starts: the final argv and where it came from.
 * With an exec-form ENTRYPOINT, Docker appends CMD to it; a shell-form ENTRYPOINT ignores CMD.
 * @param {Stage} stage
 */
export function startCommand(stage) {
  const entrypoint = last(stage, 'ENTRYPOINT');
  const cmd = last(stage, 'CMD');
  /** @type {string[]} */
  let argv = [];
  if (entrypoint) {
    argv = words(entrypoint);
    if (isExecForm(entrypoint) && cmd) argv = argv.concat(words(cmd));
  } else if (cmd) {
    argv = words(cmd);
  }
  return { entrypoint, cmd, argv };
}

/**
 * Where the server's name sits in a start command, or -1 when the command does not start
 * a server: it must be the program itself (`uvicorn ...`, `/opt/venv/bin/uvicorn ...`,
 * `exec uvicorn ...` or `python -m uvicorn ...`), not an argument of something else, as in
 * `ENTRYPOINT ["python"]` followed by `CMD ["uvicorn", ...]`.
 * @param {string[]} argv
 */
export function serverIndex(argv) {
  const base = (/** @type {string} */ word) => word.split('/').pop() ?? word;
  const servers = ['uvicorn', 'gunicorn', 'fastapi'];
  let i = argv[0] === 'exec' ? 1 : 0;
  if (/^python(3(\.\d+)?)?$/.test(base(argv[i] ?? '')) && argv[i + 1] === '-m') i += 2;
  return servers.includes(base(argv[i] ?? '')) ? i : -1;
}

/**
 * Finds the ASGI/WSGI server in a start command and the host and port it listens on,
 * applying each server's documented defaults when a flag is missing.
 * @param {string[]} argv
 * @param {Map<string, string>} env variables set by ENV in the final stage
 * @returns {{ server: string, host: string, port: string, reload: boolean } | null}
 */
export function serverAddress(argv, env) {
  const base = (/** @type {string} */ word) => word.split('/').pop() ?? word;
  const index = serverIndex(argv);
  if (index === -1) return null;
  const server = base(argv[index]);
  const rest = argv.slice(index + 1);
  /** @param {...string} names */
  const option = (...names) => {
    let value = null;
    for (let i = 0; i < rest.length; i++) {
      for (const name of names) {
        if (rest[i] === name && i + 1 < rest.length) value = rest[i + 1];
        else if (name.startsWith('--') && rest[i].startsWith(`${name}=`)) value = rest[i].slice(name.length + 1);
      }
    }
    return value;
  };
  const reload = rest.includes('--reload') || (server === 'fastapi' && rest[0] === 'dev');
  if (server === 'gunicorn') {
    const bind = option('--bind', '-b');
    if (bind === null) {
      // gunicorn binds 127.0.0.1:8000 unless the PORT variable is set, then 0.0.0.0:$PORT.
      return env.has('PORT') ? { server, host: '0.0.0.0', port: env.get('PORT') ?? '', reload } : { server, host: '127.0.0.1', port: '8000', reload };
    }
    const colon = bind.lastIndexOf(':');
    return colon === -1 ? { server, host: bind, port: '8000', reload } : { server, host: bind.slice(0, colon), port: bind.slice(colon + 1), reload };
  }
  if (server === 'fastapi') {
    // `fastapi run` listens on 0.0.0.0:8000 by default; `fastapi dev` on 127.0.0.1:8000 with reload.
    const defaultHost = rest[0] === 'dev' ? '127.0.0.1' : '0.0.0.0';
    return { server, host: option('--host') ?? defaultHost, port: option('--port') ?? '8000', reload };
  }
  // uvicorn listens on 127.0.0.1:8000 unless told otherwise (flags, or UVICORN_HOST / UVICORN_PORT).
  return {
    server,
    host: option('--host') ?? env.get('UVICORN_HOST') ?? '127.0.0.1',
    port: option('--port') ?? env.get('UVICORN_PORT') ?? '8000',
    reload,
  };
}
