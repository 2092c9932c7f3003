/** The verdict words both quizzes share. */
import { describe, expect, it } from 'vitest';
import { choiceVerdict, questionVerdict, scoreSentence } from '../../src/lib/quiz-verdict.ts';
import { grade } from '../../src/lib/scoring.ts';

const q = { id: 'q', type: 'multiple' as const, correct: [true, false, true] };

describe('verdicts', () => {
  it('says "Right." only when every right choice and no wrong one is picked', () => {
    expect(questionVerdict(grade(q, [0, 2]))).toBe('Right.');
    expect(questionVerdict(grade(q, [0]))).toBe('Not quite: the right answer is marked.');
    expect(questionVerdict(grade(q, [0, 1, 2]))).toBe('Not quite: the right answer is marked.');
    expect(questionVerdict(grade(q, []))).toBe('Not answered: the right answer is marked.');
  });

  it('labels each choice by its grade, telling a one-answer question from a several-answer one', () => {
    const states = grade(q, [1, 2]).choices;
    expect(states.map((s) => choiceVerdict(s, true))).toEqual(['This one is also right.', 'Not quite.', 'Right.']);
    expect(choiceVerdict('missed', false)).toBe('This is the right answer.');
    expect(choiceVerdict('none', false)).toBe('');
  });

  it('sums up the score and points to what was missed', () => {
    expect(scoreSentence(3, 3)).toBe('You got 3 of 3 right. Well done.');
    expect(scoreSentence(2, 3)).toBe('You got 2 of 3 right. Review the question you missed below, or retry it.');
    expect(scoreSentence(0, 3)).toBe('You got 0 of 3 right. Review the 3 questions you missed below, or retry them.');
  });
});
