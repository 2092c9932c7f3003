/** The bank lint: each rule fails on a small fixture, passes on a fair one, and the real bank is held to it. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintBank, readBank, type LintQuestion } from '../../src/lib/bank-lint.ts';

const FILE = 'content/questions/fixture.yaml';
/** A single-choice question whose right choice is `key` and wrong ones `wrong`. */
const single = (id: string, key: string, ...wrong: string[]): LintQuestion => ({
  id,
  type: 'single',
  file: FILE,
  choices: [{ text: key, correct: true }, ...wrong.map((text) => ({ text, correct: false }))],
});
const multiple = (id: string, ...rights: boolean[]): LintQuestion => ({
  id,
  type: 'multiple',
  file: FILE,
  choices: rights.map((correct, i) => ({ text: `option ${i}`, correct })),
});

describe('lintBank: right choice longest', () => {
  const fair = single('fair', 'short', 'a longer wrong one', 'another long wrong one');
  const giveaway = (n: number) => single(`giveaway-${n}`, 'the long and carefully qualified right answer', 'no', 'nope');

  it('passes at or under 30 % and fails above it, naming the figure and the worst questions', () => {
    // 3 of 10 is exactly the limit; 4 of 10 is over.
    const atLimit = [...[1, 2, 3].map(giveaway), ...Array.from({ length: 7 }, (_, i) => ({ ...fair, id: `fair-${i}` }))];
    expect(lintBank(atLimit)).toMatchObject({ singles: 10, rightLongest: 3, problems: [] });
    const over = [...[1, 2, 3, 4].map(giveaway), ...Array.from({ length: 6 }, (_, i) => ({ ...fair, id: `fair-${i}` }))];
    const report = lintBank(over);
    expect(report.longestShare).toBeCloseTo(0.4);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toContain('in 4 of 10 single-choice questions (40.0 %); the limit is 30.0 %');
    expect(report.problems[0]).toContain(`${FILE}: "giveaway-1"`);
    expect(report.problems[0]).not.toContain('"fair-0"');
  });

  it('counts ties as longest, ignores YAML line breaks, and lists the biggest giveaways first', () => {
    expect(lintBank([single('tie', 'abcd', 'wxyz', 'ab')]).rightLongest).toBe(1);
    expect(lintBank([single('wrapped', 'short\n  key', 'a much longer wrong answer')]).rightLongest).toBe(0);
    const report = lintBank([single('mild', 'abcdef', 'abcde'), single('blatant', 'a very long right answer indeed', 'no')], 0);
    const text = report.problems[0]!;
    expect(text.indexOf('"blatant"')).toBeLessThan(text.indexOf('"mild"'));
  });

  it('looks only at single-choice questions', () => {
    const tf: LintQuestion = { id: 'tf', type: 'true-false', file: FILE, choices: [{ text: 'False', correct: true }, { text: 'True', correct: false }] };
    expect(lintBank([tf, fair])).toMatchObject({ singles: 1, rightLongest: 0, problems: [] });
  });
});

describe('lintBank: multiple choice and duplicates', () => {
  it('fails a multiple question with every option right, or only one right, and passes a mixed one', () => {
    expect(lintBank([multiple('all-right', true, true, true)]).problems).toEqual([
      `${FILE}: question "all-right": every choice is \`correct: true\`, so ticking everything scores. Fix: add at least one plausible wrong choice.`,
    ]);
    expect(lintBank([multiple('one-right', true, false, false)]).problems[0]).toMatch(/"one-right": only one choice .* Fix: make it `type: single`/);
    expect(lintBank([multiple('mixed', true, false, true)]).problems).toEqual([]);
  });

  it('fails when ticking by length answers too many multiple-choice questions, naming the strategy and the questions', () => {
    // The right choices are the long ones: "the longer half" gets every question right.
    const giveaway = (id: string): LintQuestion => ({
      id,
      type: 'multiple',
      file: FILE,
      choices: [
        { text: 'A long and specific right answer', correct: true },
        { text: 'no', correct: false },
        { text: 'Another long, specific right answer', correct: true },
        { text: 'nah', correct: false },
      ],
    });
    const report = lintBank([giveaway('g1'), giveaway('g2'), multiple('fair', true, false, true, false)]);
    expect(report.bestStrategy).toEqual({ name: 'ticking the longer half of the choices', share: 2 / 3 });
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/^Ticking the longer half of the choices answers 2 of 3 multiple-choice questions exactly right \(66\.7 %\); the limit is 25\.0 %\./);
    expect(report.problems[0]).toContain(`${FILE}: "g1"`);
    expect(report.problems[0]).not.toContain('"fair"');
    // Lengths that do not line up with the answers pass.
    expect(lintBank([multiple('fair', true, false, true, false)]).problems).toEqual([]);
  });

  it('fails two choices with the same text, ignoring case and spaces', () => {
    const q = single('dupes', 'Use  ONNX', 'use onnx ', 'Use pickle');
    expect(lintBank([q]).problems).toEqual([`${FILE}: question "dupes": choices 1 and 2 have the same \`text\` ("use onnx"). Fix: reword one, or remove it.`]);
  });
});

describe('lintBank: choices that depend on position', () => {
  it('fails "all of the above" and "both A and B", since choices are shuffled, but not "above a threshold"', () => {
    const problems = lintBank([single('pos-1', 'All of the above', 'x', 'y'), single('pos-2', 'Both A and B', 'x', 'y'), single('fine', 'Alert when latency is above the target', 'x', 'y')], 1).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/"pos-1": the choice "All of the above" points at other choices by position.* Fix:/);
    expect(problems[1]).toContain('"pos-2"');
  });
});

describe('the real question bank', () => {
  const report = lintBank(readBank(path.resolve('content/questions')));
  it('has single-choice questions to judge', () => {
    expect(report.singles).toBeGreaterThan(100);
  });
  it('passes the bank lint (see AUTHORING.md, "Fair choices")', () => {
    // The message is the lint's own report: the figure, the worst questions and the fix.
    expect(report.problems.length, `\n${report.problems.join('\n\n')}\n`).toBe(0);
  });
});
