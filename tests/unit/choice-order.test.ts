/** Choice orders: fresh per attempt, restored from a stored attempt, stable without JavaScript, and scored by identity. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBank } from '../../src/lib/bank-lint.ts';
import { hashId, isOrderOf, isPermutation, newOrder, restoreOrder, stableOrder, type Orderable } from '../../src/lib/choice-order.ts';
import { seededRandom } from '../../src/lib/practice.ts';
import { emptyProgress, parseProgress, recordQuiz } from '../../src/lib/progress.ts';
import { grade, score } from '../../src/lib/scoring.ts';

const four = (id: string): Orderable => ({ id, type: 'single', labels: ['a', 'b', 'c', 'd'] });
const quiz = ['q-one', 'q-two', 'q-three', 'q-four', 'q-five'].map(four);
/** One attempt at the whole quiz: an order per question, drawn from one random source. */
const attempt = (seed: number) => {
  const random = seededRandom(seed);
  return quiz.map((q) => newOrder(q, random));
};

describe('newOrder', () => {
  it('gives two attempts with different seeds different orders, and the same seed the same orders', () => {
    expect(attempt(1)).not.toEqual(attempt(2));
    expect(attempt(7)).toEqual(attempt(7));
  });

  it('returns a permutation of every choice index', () => {
    for (let seed = 0; seed < 50; seed++) expect([...newOrder(four('x'), seededRandom(seed))].sort()).toEqual([0, 1, 2, 3]);
  });

  it('puts each choice first about as often as the others', () => {
    const firsts = [0, 0, 0, 0];
    const random = seededRandom(42);
    for (let i = 0; i < 4000; i++) firsts[newOrder(four('x'), random)[0]!]!++;
    for (const n of firsts) expect(n).toBeGreaterThan(850);
  });

  it('keeps True, False for true/false questions, whatever the file order', () => {
    expect(newOrder({ id: 'tf', type: 'true-false', labels: ['True', 'False'] }, seededRandom(3))).toEqual([0, 1]);
    expect(newOrder({ id: 'tf', type: 'true-false', labels: ['False', 'True'] }, seededRandom(3))).toEqual([1, 0]);
  });

  it('never repeats the previous order on a retry, even with a random source stuck on one value', () => {
    const previous = newOrder(four('x'), () => 0.5);
    expect(newOrder(four('x'), () => 0.5, previous)).not.toEqual(previous);
    const random = seededRandom(9);
    let last = newOrder(four('x'), random);
    for (let i = 0; i < 200; i++) {
      const next = newOrder(four('x'), random, last);
      expect(next).not.toEqual(last);
      last = next;
    }
  });
});

describe('stored orders', () => {
  it('accepts only permutations', () => {
    expect(isPermutation([2, 0, 1])).toBe(true);
    for (const bad of [[], [0, 0], [1, 2], [0, '1'], [0, 1.5], 'x', null, { 0: 0 }, Array.from({ length: 51 }, (_, i) => i)])
      expect(isPermutation(bad), JSON.stringify(bad)).toBe(false);
    expect(isOrderOf([1, 0], 3)).toBe(false);
  });

  it('keeps a stored order only when it is a permutation, and adds no field to records that have none', () => {
    const base = { score: 0, total: 2, at: 1, missed: [], answers: {} };
    const record = (orders: unknown) => parseProgress({ version: 2, quizzes: { 'm/l': { ...base, orders } } }).quizzes['m/l']!;
    expect(record({ a: [2, 0, 1], b: [0, 0, 1], c: [1, 2], d: 'x' }).orders).toEqual({ a: [2, 0, 1] });
    expect(record('not an object').orders).toBeUndefined();
    expect(parseProgress({ version: 2, quizzes: { 'm/l': base } }).quizzes['m/l']).not.toHaveProperty('orders');
  });

  it('restores the order of a stored attempt through the progress record, and draws a fresh one when it does not fit', () => {
    const q = four('restore-me');
    const shown = newOrder(q, seededRandom(5));
    const p = emptyProgress();
    recordQuiz(p, 'm/l', { score: 0, total: 1, missed: [q.id] }, { [q.id]: [shown[0]!] }, 1, { [q.id]: shown });
    const back = parseProgress(JSON.parse(JSON.stringify(p))).quizzes['m/l']!;
    expect(restoreOrder(q, back.orders?.[q.id], () => 0)).toEqual(shown);
    expect(back.answers[q.id]).toEqual([shown[0]]);
    // A question that gained a choice since: the old order no longer fits.
    const grown = { ...q, labels: [...q.labels, 'e'] };
    const fresh = restoreOrder(grown, back.orders?.[q.id], seededRandom(1));
    expect(fresh).toHaveLength(5);
    expect(isOrderOf(fresh, 5)).toBe(true);
  });
});

describe('scoring by identity', () => {
  const q = { id: 'key-is-c', type: 'single' as const, correct: [false, false, true, false] };
  it('scores the right choice right wherever it is shown, and the first shown choice only when it is the right one', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const order = newOrder(four(q.id), seededRandom(seed));
      const rightAt = order.indexOf(2);
      // What the page submits is the identity behind the position the student clicked.
      expect(grade(q, [order[rightAt]!]).correct).toBe(true);
      expect(grade(q, [order[0]!]).correct).toBe(rightAt === 0);
      expect(score([q], { [q.id]: [order[rightAt]!] }).score).toBe(1);
    }
  });
});

describe('stableOrder (the page without JavaScript)', () => {
  const bank = readBank(path.resolve('content/questions')).filter((q) => q.type !== 'open');
  const orderOf = (q: (typeof bank)[number]) => stableOrder({ id: q.id, type: q.type, labels: q.choices!.map((c) => c.text) });

  it('is the same for an id every time, and differs between ids', () => {
    expect(stableOrder(four('pickle-runs-code'))).toEqual(stableOrder(four('pickle-runs-code')));
    expect(hashId('a')).not.toBe(hashId('b'));
    const orders = new Set(quiz.map((q) => stableOrder(q).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('does not put the right answer first across the bank, and uses every position', () => {
    const singles = bank.filter((q) => q.type === 'single');
    const positions = singles.map((q) => orderOf(q).findIndex((i) => q.choices![i]!.correct));
    const first = positions.filter((p) => p === 0).length / singles.length;
    expect(singles.length).toBeGreaterThan(20);
    expect(first).toBeLessThan(0.4);
    expect(new Set(positions).size).toBeGreaterThanOrEqual(3);
  });

  it('does not put the right answer in the same place for every question of a lesson quiz', () => {
    const byLesson = new Map<string, number[]>();
    for (const q of bank.filter((q) => q.type !== 'true-false'))
      byLesson.set(q.lesson, [...(byLesson.get(q.lesson) ?? []), orderOf(q).findIndex((i) => q.choices![i]!.correct)]);
    const same = [...byLesson].filter(([, positions]) => positions.length > 1 && new Set(positions).size === 1).map(([lesson]) => lesson);
    expect(byLesson.size).toBeGreaterThan(5);
    expect(same).toEqual([]);
  });
});
