// @ts-check
/**
 * Reads the bundled data set: a header line, then one customer per line, all values numeric.
 * This file is finished; you do not need to change it.
 */

/**
 * @typedef {object} Dataset
 * @property {string[]} featureNames  Column names used as model inputs, in file order.
 * @property {string} target          Name of the column to predict.
 * @property {number[][]} rows        One array of feature values per customer.
 * @property {number[]} labels        The target value (0 or 1) of each customer.
 */

/**
 * Parses CSV text whose values are all numbers.
 * @param {string} text          The file contents.
 * @param {string} targetColumn  The column to predict, e.g. "churned".
 * @returns {Dataset}
 */
export function parseCsv(text, targetColumn) {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length < 2) throw new Error('the CSV needs a header line and at least one data line');

  const header = lines[0].split(',').map((name) => name.trim());
  const targetIndex = header.indexOf(targetColumn);
  if (targetIndex === -1) throw new Error(`the CSV has no column named "${targetColumn}"`);

  /** @type {number[][]} */
  const rows = [];
  /** @type {number[]} */
  const labels = [];
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(',');
    if (cells.length !== header.length) {
      throw new Error(`line ${i + 2} has ${cells.length} values, the header has ${header.length}`);
    }
    const values = cells.map((cell, j) => {
      const value = Number(cell);
      if (cell.trim() === '' || !Number.isFinite(value)) {
        throw new Error(`line ${i + 2}, column "${header[j]}": "${cell}" is not a number`);
      }
      return value;
    });
    labels.push(values[targetIndex]);
    rows.push(values.filter((_, j) => j !== targetIndex));
  });

  return { featureNames: header.filter((_, j) => j !== targetIndex), target: targetColumn, rows, labels };
}
