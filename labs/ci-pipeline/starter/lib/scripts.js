// @ts-check
/**
 * Reads the commands of a `run:` script, so the tests can tell a step that runs pytest from
 * one that only prints the word, and see whether a failure would still fail the step.
 * You do not need to change this file.
 */

/**
 * One command of a script: its words, and what joins it to the next command.
 * @typedef {{ words: string[], then: string }} Command
 */

/**
 * Splits a shell script into commands at newlines, `;`, `&&`, `||` and `|`, outside quotes,
 * dropping comments.
 * @param {string} script
 * @returns {Command[]}
 */
export function commandsOf(script) {
  /** @type {Command[]} */
  const out = [];
  /** @type {string[]} */
  let words = [];
  let word = '';
  let quote = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (/** @type {string} */ then) => {
    endWord();
    if (words.length) out.push({ words, then });
    else if (out.length && then !== '\n') out[out.length - 1].then = then;
    words = [];
  };
  const text = script.replace(/\\\r?\n/g, ' ');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
      else word += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '#' && !inWord) {
      while (i < text.length && text[i] !== '\n') i++;
      endCommand('\n');
    } else if (ch === '\n' || ch === ';') {
      endCommand(ch === ';' ? ';' : '\n');
    } else if ((ch === '&' || ch === '|') && text[i + 1] === ch) {
      endCommand(ch + ch);
      i++;
    } else if (ch === '|') {
      endCommand('|');
    } else if (/\s/.test(ch)) {
      endWord();
    } else {
      word += ch;
      inWord = true;
    }
  }
  endCommand('\n');
  return out;
}

/**
 * The program a command runs, looking through `python -m`, `env`, `sudo` and `time`.
 * @param {string[]} words
 */
export function programOf(words) {
  let i = 0;
  while (['sudo', 'env', 'time', 'exec', 'command'].includes(words[i] ?? '') || /^[A-Za-z_]\w*=/.test(words[i] ?? '')) i++;
  const first = (words[i] ?? '').split('/').pop() ?? '';
  if (/^python(3(\.\d+)?)?$/.test(first) && words[i + 1] === '-m') return { program: words[i + 2] ?? '', args: words.slice(i + 3) };
  return { program: first, args: words.slice(i + 1) };
}
