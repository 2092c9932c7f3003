// @ts-check
// Reads what a container health check really does: which URL it requests, with which tool,
// and whether a failed request makes the command exit non-zero (the only thing ECS looks at).
// Not part of your task: the tests use it to check the healthCheck in taskdef.json.

/**
 * Splits a shell command into words, honouring single and double quotes.
 * @param {string} text
 */
export function shellWords(text) {
  /** @type {string[]} */
  const out = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const m of text.matchAll(re)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2] ?? m[3]);
  return out;
}

/**
 * Splits a shell line into its commands at `&&`, `||`, `;` and `|` outside quotes.
 * @param {string} text
 */
export function splitCommands(text) {
  /** @type {string[]} */
  const out = [''];
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"') out[out.length - 1] += text[i++];
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (';|&'.includes(ch)) {
      if ((ch === '|' || ch === '&') && text[i + 1] === ch) i++;
      out.push('');
      continue;
    }
    out[out.length - 1] += ch;
  }
  return out.map((c) => c.trim()).filter(Boolean);
}

/**
 * @typedef {{
 *   tool: string | null,
 *   url: URL | null,
 *   problems: string[],
 * }} Probe
 */

/**
 * What the command after `HEALTHCHECK [options] CMD` does.
 * @param {string} args the instruction's raw arguments
 * @returns {Probe}
 */
export function readProbe(args) {
  /** @type {string[]} */
  const problems = [];
  const command = args.replace(/\\\r?\n/g, ' ').replace(/^\s*(--\S+\s+)*CMD\s+/i, '').trim();
  /** @type {string[]} */
  let argv;
  let shell = null;
  if (command.startsWith('[')) {
    try {
      argv = JSON.parse(command);
    } catch {
      return { tool: null, url: null, problems: ['its CMD looks like a JSON array but is not valid JSON (use double quotes), so Docker runs it through a shell as text'] };
    }
    if (['sh', '/bin/sh', 'bash', '/bin/bash'].includes(argv[0]) && argv[1] === '-c') shell = argv[2] ?? '';
  } else {
    shell = command;
    argv = [];
  }
  if (shell !== null) {
    // A trailing `|| true` or `; exit 0` turns every failure into success.
    if (/(\|\||;)\s*(true|:|exit(\s+0)?)\s*$/.test(shell)) problems.push('it ends in a fallback (`|| true`, `|| exit 0`, `; exit 0`) that makes the command succeed even when the request fails, so Docker never sees the service as unhealthy');
    const parts = splitCommands(shell).map((p) => shellWords(p));
    argv = parts.find((p) => /python|curl|wget/.test(p[0] ?? '')) ?? parts[0] ?? [];
  }
  const tool = (argv[0] ?? '').split('/').pop() ?? '';
  if (/^python(3(\.\d+)?)?$/.test(tool)) {
    // Comments run nothing: `# urlopen('http://…')` must not count as a request.
    const code = withoutComments(argv[argv.indexOf('-c') + 1] ?? '');
    if (argv.indexOf('-c') === -1) problems.push('it runs python without `-c` code that requests the health endpoint');
    const call = /urlopen\(\s*(['"])(.*?)\1/.exec(code);
    if (/\b(requests|httpx)\b/.test(code)) problems.push('it imports requests or httpx, which the image does not install (requirements.txt has only fastapi and uvicorn); use the standard library, urllib.request');
    else if (!call) problems.push('its Python code never requests a URL: printing or mentioning one checks nothing. Call urllib.request.urlopen with the URL');
    if (/\bexcept\b/.test(code) && !/exit\(\s*[1-9]|raise\b/.test(code.slice(code.search(/\bexcept\b/)))) problems.push('it catches the error and carries on, so the command exits 0 even when the request fails');
    return { tool: 'python', url: call ? safeUrl(call[2]) : null, problems };
  }
  if (tool === 'curl' || tool === 'wget') {
    const target = argv.find((w) => /^https?:\/\//.test(w));
    if (tool === 'curl' && !argv.some((w) => w === '--fail' || w === '--fail-with-body' || /^-[a-zA-Z]*f/.test(w)))
      problems.push('curl without `-f` (`--fail`) exits 0 even when the service answers 500, so a broken service looks healthy');
    if (!target) problems.push(`${tool} is given no http:// URL to request`);
    return { tool, url: target ? safeUrl(target) : null, problems };
  }
  problems.push(`it runs \`${argv.join(' ') || command}\`, which requests nothing from the service. Use python with urllib.request.urlopen (or curl -f / wget, if you install them)`);
  return { tool: tool || null, url: null, problems };
}

/** Python source without its `#` comments (a `#` inside a string is kept). */
function withoutComments(/** @type {string} */ code) {
  let out = '';
  let quote = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '#') {
      while (i < code.length && code[i] !== '\n') i++;
    }
    out += code[i] ?? '';
  }
  return out;
}

/** Parses a URL, or null when it is not one. */
function safeUrl(/** @type {string} */ text) {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * Reads an ECS `healthCheck.command`: `["CMD", program, ...args]` runs the program directly,
 * `["CMD-SHELL", "a shell command"]` runs the string through /bin/sh.
 * @param {unknown} command
 * @returns {Probe}
 */
export function readEcsProbe(command) {
  if (!Array.isArray(command) || !command.every((w) => typeof w === 'string'))
    return { tool: null, url: null, problems: ['healthCheck.command must be a list of strings'] };
  const [kind, ...rest] = command;
  if (kind === 'CMD') return readProbe(`CMD ${JSON.stringify(rest)}`);
  if (kind === 'CMD-SHELL') return readProbe(`CMD ${rest.join(' ')}`);
  return { tool: null, url: null, problems: ['healthCheck.command must start with "CMD" (run the program directly) or "CMD-SHELL" (run a string through the shell)'] };
}
