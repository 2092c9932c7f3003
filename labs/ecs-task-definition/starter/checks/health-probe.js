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
 * Splits a shell line into its commands at `&&`, `||`, `;` and `|` outside quotes, each with
 * the operator that joins it to the next one (`''` for the last).
 * @param {string} text
 * @returns {{ text: string, then: string }[]}
 */
export function splitCommands(text) {
  /** @type {{ text: string, then: string }[]} */
  const out = [{ text: '', then: '' }];
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"') out[out.length - 1].text += text[i++];
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (';|&'.includes(ch)) {
      const op = (ch === '|' || ch === '&') && text[i + 1] === ch ? ch + text[++i] : ch;
      out[out.length - 1].then = op;
      out.push({ text: '', then: '' });
      continue;
    }
    out[out.length - 1].text += ch;
  }
  return out.map((c) => ({ text: c.text.trim(), then: c.then })).filter((c) => c.text !== '');
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
    // The shell's exit code is the last command's: only the probe itself, or the probe
    // followed by `|| exit 1` (or `&& ...`, which runs only on success), keeps a failure a failure.
    const commands = splitCommands(shell);
    argv = shellWords(commands[0]?.text ?? '');
    for (let i = 1; i < commands.length; i++) {
      const joined = commands[i - 1].then;
      const next = commands[i].text;
      if (joined === '&&') continue;
      if (joined === '||' && /^(exit\s+[1-9]\d*|false)$/.test(next)) continue;
      problems.push(
        joined === '||'
          ? `it runs \`${next}\` when a command before it fails, which exits 0 and turns the failure into success (\`|| exit 1\` is the only safe fallback)`
          : `it runs \`${next}\` after the request whatever happened, and that command's exit code replaces the request's, so a failure can pass as healthy`,
      );
      break;
    }
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
