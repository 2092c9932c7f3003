/**
 * The order in which a question's choices are shown. A choice is always identified by its
 * index in the YAML file; an order is a permutation of those indexes, first shown first.
 * With JavaScript every attempt gets a fresh random order (stored with the attempt); the
 * server-rendered page uses an order seeded by the question id, so it is stable between
 * builds and visits but does not put the right answer first. True/false keeps True, False.
 */
import { seededRandom } from './practice.ts';

/** The parts of a question ordering needs. */
export interface Orderable {
  id: string;
  type: 'single' | 'multiple' | 'true-false' | 'open';
  /** Plain text of each choice, in file order (only true/false looks at it). */
  labels: string[];
}

/** Longest order kept; the schema allows far fewer choices, this only bounds hostile data. */
const MAX_CHOICES = 50;

/** Whether `value` is a permutation of 0..n-1 (any n up to 50): the shape a stored order must have. */
export function isPermutation(value: unknown): value is number[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_CHOICES) return false;
  const seen = new Set<number>();
  for (const v of value) {
    if (!Number.isInteger(v) || v < 0 || v >= value.length || seen.has(v)) return false;
    seen.add(v);
  }
  return true;
}

/** Whether `order` can order the `n` choices of a question. */
export const isOrderOf = (order: unknown, n: number): order is number[] => isPermutation(order) && order.length === n;

/** A 32-bit FNV-1a hash of a string: the seed of a question's stable order. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** 0..n-1 in random order (Fisher–Yates). */
function shuffle(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** True first, then False, whatever order the file has them in; file order if the labels are other words. */
function trueFalseOrder(q: Orderable): number[] {
  const t = q.labels.findIndex((l) => l.trim().toLowerCase() === 'true');
  const order = q.labels.map((_, i) => i);
  return t > 0 ? [t, ...order.filter((i) => i !== t)] : order;
}

const same = (a: number[], b: number[] | undefined) => b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * A fresh random order for one attempt. When `previous` is given, the new order differs
 * from it (if the question has more than one possible order), so a retry never looks the same.
 */
export function newOrder(q: Orderable, random: () => number = Math.random, previous?: number[]): number[] {
  if (q.type === 'true-false') return trueFalseOrder(q);
  const n = q.labels.length;
  let order = shuffle(n, random);
  for (let tries = 0; tries < 4 && n > 1 && same(order, previous); tries++) order = shuffle(n, random);
  // Still the same after a few draws (a stubbed random source): rotating by one always differs.
  if (n > 1 && same(order, previous)) order = [...order.slice(1), order[0]!];
  return order;
}

/** The order of the page without JavaScript: the same for a question id on every build and visit. */
export const stableOrder = (q: Orderable): number[] => newOrder(q, seededRandom(hashId(q.id)));

/** The stored order of an attempt when it fits the question, else a fresh one. */
export function restoreOrder(q: Orderable, stored: unknown, random: () => number = Math.random): number[] {
  if (q.type === 'true-false') return trueFalseOrder(q);
  return isOrderOf(stored, q.labels.length) ? [...stored] : newOrder(q, random);
}

/** The Orderable of a question as pages show it (choices as HTML). */
export const viewOrderable = (q: { id: string; type: Orderable['type']; choices: { html: string }[] }): Orderable => ({
  id: q.id,
  type: q.type,
  labels: q.choices.map((c) => c.html.replace(/<[^>]+>/g, '')),
});
