/**
 * Checks a number field the way the page explains it, instead of the browser's error
 * bubble: one sentence naming the field, the allowed range and an example.
 */

/** The limits of a number field, as its min, max and step attributes say. */
export interface NumberRule {
  /** What the field is called in the message, e.g. "Seconds per question". */
  label: string;
  min: number;
  max: number;
  /** Allowed values are min, min + step, ...; 1 means whole numbers. */
  step?: number;
  /** A valid value to quote as an example. */
  example: number;
}

/** The problem with `raw` as a value of the field, or undefined when it is fine. */
export function numberFieldError(raw: string, rule: NumberRule): string | undefined {
  const step = rule.step ?? 1;
  const range = `between ${rule.min} and ${rule.max}`;
  const text = raw.trim();
  if (!text) return `${rule.label}: enter a number ${range}, e.g. ${rule.example}.`;
  const value = Number(text);
  if (!Number.isFinite(value)) return `${rule.label}: "${text}" is not a number. Enter a number ${range}, e.g. ${rule.example}.`;
  if (value < rule.min) return `${rule.label}: ${value} is below the minimum of ${rule.min}. Enter a number ${range}.`;
  if (value > rule.max) return `${rule.label}: ${value} is above the maximum of ${rule.max}. Enter a number ${range}.`;
  const off = (value - rule.min) / step;
  if (Math.abs(off - Math.round(off)) > 1e-9) {
    const lower = rule.min + Math.floor(off) * step;
    return step === 1
      ? `${rule.label}: enter a whole number ${range}, e.g. ${Math.round(value)}.`
      : `${rule.label}: use steps of ${step}, e.g. ${lower} or ${Math.min(rule.max, lower + step)}.`;
  }
  return undefined;
}
