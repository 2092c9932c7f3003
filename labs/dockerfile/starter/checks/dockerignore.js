// @ts-check
// Reads a .dockerignore file and decides which paths of the build context it leaves out,
// following the rules of the Docker CLI and BuildKit (the moby "patternmatcher" package):
//
// - one pattern per line; a line that starts with `#` is a comment; blank lines are skipped;
// - leading and trailing slashes are dropped, and `.`/`..` are cleaned, so `/venv/` means `venv`;
// - a pattern is matched against the whole path from the root of the context, so `__pycache__`
//   only matches a folder at the root: write `**/__pycache__` to match it at any depth;
// - `*` matches any run of characters except `/`, `?` one such character, `**` any number of folders;
// - a pattern that matches a folder excludes everything inside it;
// - a line starting with `!` makes an exception, and the last matching line wins.
//
// Not part of your task: the tests use it to check the .dockerignore you write.

/**
 * @typedef {{ exclusion: boolean, regex: RegExp, text: string }} Pattern
 */

/**
 * Turns the text of a .dockerignore file into the list of patterns Docker would use.
 * @param {string} text
 * @returns {string[]}
 */
export function readPatterns(text) {
  /** @type {string[]} */
  const patterns = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const line of lines) {
    if (line.startsWith('#')) continue;
    let pattern = line.trim();
    if (pattern === '') continue;
    const exception = pattern.startsWith('!');
    if (exception) pattern = pattern.slice(1).trim();
    if (pattern !== '') pattern = clean(pattern);
    patterns.push(exception ? `!${pattern}` : pattern);
  }
  return patterns;
}

/**
 * Like Go's filepath.Clean for slash-separated paths, then without a leading slash.
 * @param {string} p
 */
function clean(p) {
  const absolute = p.startsWith('/');
  /** @type {string[]} */
  const out = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  return joined === '' ? '.' : joined;
}

/**
 * Compiles one pattern to a regular expression over a slash-separated path.
 * @param {string} pattern
 * @returns {RegExp}
 */
function compile(pattern) {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++;
        // `**` at the end matches everything below; elsewhere it matches zero or more folders.
        re += i === pattern.length - 1 ? '.*' : '(.*/)?';
      } else {
        re += '[^/]*';
      }
    } else if (ch === '?') {
      re += '[^/]';
    } else if (ch === '\\' && i + 1 < pattern.length) {
      i++;
      re += `\\${pattern[i]}`;
    } else if (ch === '[' || ch === ']') {
      re += ch;
    } else if ('.+()|{}$^'.includes(ch)) {
      re += `\\${ch}`;
    } else {
      re += ch;
    }
  }
  return new RegExp(`${re}$`);
}

/**
 * Builds a matcher for a list of patterns (as returned by `readPatterns`).
 * @param {string[]} patterns
 * @returns {(path: string) => boolean} true when the path is left out of the build context
 */
export function matcher(patterns) {
  /** @type {Pattern[]} */
  const compiled = patterns.map((p) => {
    const exclusion = p.startsWith('!');
    const text = exclusion ? p.slice(1) : p;
    return { exclusion, text, regex: compile(text) };
  });
  return (path) => {
    const file = clean(path);
    const parents = file.split('/').slice(0, -1);
    let excluded = false;
    for (const pattern of compiled) {
      // An exclusion line can only re-include a path that is excluded so far, and vice versa.
      if (pattern.exclusion !== excluded) continue;
      let match = pattern.regex.test(file);
      // A pattern that matches a parent folder covers everything inside it.
      for (let i = 1; !match && i <= parents.length; i++) match = pattern.regex.test(parents.slice(0, i).join('/'));
      if (match) excluded = !pattern.exclusion;
    }
    return excluded;
  };
}
