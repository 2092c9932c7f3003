// @ts-check
// Step 2: split documents into overlapping chunks of words.

/**
 * Splits text into chunks of at most `size` words. Contract: words are separated by any run
 * of whitespace; neighbouring chunks share exactly `overlap` words; the last chunk ends with
 * the text's last word; no chunk is only a repeat of the previous chunk's tail; empty text
 * gives []. A size below 1, or an overlap outside 0 to size - 1, throws a RangeError that
 * names the bad option.
 * @param {string} text
 * @param {{ size: number, overlap: number }} options
 * @returns {string[]} each chunk's words joined with single spaces
 */
export function chunkText(text, { size, overlap }) {
  throw new Error('chunkText is not written yet (step 2 in README.md)');
}
