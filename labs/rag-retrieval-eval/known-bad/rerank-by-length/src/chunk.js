// @ts-check
// Step 2: split documents into overlapping chunks of words.

/**
 * Splits text into chunks of at most `size` words, where each chunk starts `size - overlap`
 * words after the previous one, so neighbours share exactly `overlap` words. The last chunk
 * ends with the last word; no chunk is only a repeat of the previous chunk's tail.
 * @param {string} text
 * @param {{ size: number, overlap: number }} options
 * @returns {string[]}
 */
export function chunkText(text, { size, overlap }) {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be a whole number of at least 1, got ${size}`);
  if (!Number.isInteger(overlap) || overlap < 0 || overlap >= size)
    throw new RangeError(`overlap must be a whole number from 0 to size - 1 (${size - 1}), got ${overlap}`);
  const words = text.split(/\s+/).filter(Boolean);
  const chunks = [];
  const step = size - overlap;
  for (let start = 0; start < words.length; start += step) {
    chunks.push(words.slice(start, start + size).join(' '));
    if (start + size >= words.length) break;
  }
  return chunks;
}
