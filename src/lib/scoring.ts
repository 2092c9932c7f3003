/** Grading choice questions: which picks were right, and the score of a set of answers. */

/** The parts of a question grading needs. */
export interface Gradable {
  id: string;
  type: 'single' | 'multiple' | 'true-false' | 'open';
  /** Whether each choice is correct, in display order. */
  correct: boolean[];
}

/** The verdict on one answer. */
export interface Grade {
  /** All right choices picked and no wrong ones. */
  correct: boolean;
  /** For each choice: picked and right, picked and wrong, missed (right but not picked), or neither. */
  choices: ('right' | 'wrong' | 'missed' | 'none')[];
  /** Whether the student picked anything at all. */
  answered: boolean;
}

/** Grades the picked choice indexes of one question. Indexes out of range are ignored. */
export function grade(q: Gradable, picked: number[]): Grade {
  const set = new Set(picked.filter((i) => Number.isInteger(i) && i >= 0 && i < q.correct.length));
  const choices = q.correct.map((right, i) => (set.has(i) ? (right ? 'right' : 'wrong') : right ? 'missed' : 'none'));
  return { correct: set.size > 0 && !choices.some((c) => c === 'wrong' || c === 'missed'), choices, answered: set.size > 0 };
}

/** Score of a quiz: how many questions were answered correctly, and which were missed. */
export function score(questions: Gradable[], answers: Record<string, number[]>) {
  const graded = questions.filter((q) => q.type !== 'open').map((q) => ({ id: q.id, result: grade(q, answers[q.id] ?? []) }));
  return {
    score: graded.filter((g) => g.result.correct).length,
    total: graded.length,
    missed: graded.filter((g) => !g.result.correct).map((g) => g.id),
  };
}
