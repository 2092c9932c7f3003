/**
 * The words a quiz uses to judge an answer. Lesson quizzes and the practice quiz both take
 * them from here, so a student reads the same verdict wherever they answer.
 */
import type { Grade } from './scoring.ts';

/** Verdict on a whole question. */
export const QUESTION_VERDICT = {
  right: 'Right.',
  wrong: 'Not quite: the right answer is marked.',
  unanswered: 'Not answered: the right answer is marked.',
} as const;

/** The verdict on one answered (or unanswered) question. */
export const questionVerdict = (g: Grade): string =>
  g.correct ? QUESTION_VERDICT.right : g.answered ? QUESTION_VERDICT.wrong : QUESTION_VERDICT.unanswered;

/**
 * The verdict beside one choice, from its grade state. A right choice the student did not
 * pick is "the right answer" in a one-answer question and "also right" when several are.
 */
export function choiceVerdict(state: Grade['choices'][number], multiple: boolean): string {
  if (state === 'right') return 'Right.';
  if (state === 'wrong') return 'Not quite.';
  if (state === 'missed') return multiple ? 'This one is also right.' : 'This is the right answer.';
  return '';
}

/** The score sentence at the top of the results. */
export function scoreSentence(score: number, total: number): string {
  const one = total - score === 1;
  const tail = score === total ? ' Well done.' : ` Review the ${one ? 'question' : `${total - score} questions`} you missed below, or retry ${one ? 'it' : 'them'}.`;
  return `You got ${score} of ${total} right.${tail}`;
}
