/**
 * Schema of the question bank, `content/questions/<module>.yaml`: a YAML list of questions.
 * Rules that need more than one question (unique ids, lesson and anchor exist) live in
 * `questions.ts`; rules about one question live here.
 */
import { z } from 'astro/zod';
import { fix, SLUG } from './schemas.ts';

/** The kinds of question the bank holds. */
export const QUESTION_TYPES = ['single', 'multiple', 'true-false', 'open'] as const;
/** How hard a question is, from recall to reasoning about trade-offs. */
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

const choiceSchema = z.object({
  /** What the student sees next to the radio button or checkbox (Markdown). */
  text: z.string({ error: fix('give each choice a `text`.') }).min(1),
  /** Whether picking this choice is right. */
  correct: z.boolean({ error: fix('mark each choice with `correct: true` or `correct: false`.') }).default(false),
  /** Why this choice is right or wrong, shown when the student picks it (Markdown). */
  explanation: z.string({ error: fix('give each choice an `explanation` of why it is right or wrong.') }).min(1),
});

export const questionSchema = z
  .object({
    /** Stable, unique id; progress is stored against it, so never rename a published one. */
    id: z.string({ error: fix('give the question an `id`, e.g. "pickle-runs-code".') }).regex(SLUG, {
      error: fix('use lower-case letters, digits and hyphens for `id`.'),
    }),
    /** Id of the lesson the question reviews (`<module>/<slug>`). */
    lesson: z.string({ error: fix('set `lesson` to the id of the lesson it reviews, e.g. "saving-models/formats".') }),
    /** Id of the heading in that lesson to review, as it appears in the URL after `#`. */
    section: z.string({ error: fix('set `section` to a heading anchor of that lesson, e.g. "pickle-and-joblib".') }),
    /** single: one right choice; multiple: one or more; true-false; open: interview question. */
    type: z.enum(QUESTION_TYPES, { error: fix(`set \`type\` to one of: ${QUESTION_TYPES.join(', ')}.`) }),
    /** easy, medium or hard. */
    difficulty: z.enum(DIFFICULTIES, { error: fix(`set \`difficulty\` to one of: ${DIFFICULTIES.join(', ')}.`) }),
    /** Topics for filters and search, e.g. [docker, layers]. */
    tags: z.array(z.string().regex(SLUG, { error: fix('write tags in lower-case with hyphens, e.g. "model-registry".') })).default([]),
    /** The question itself (Markdown). */
    prompt: z.string({ error: fix('write the question in `prompt`.') }).min(1),
    /** Answers to pick from; required for single, multiple and true-false, absent for open. */
    choices: z.array(choiceSchema).optional(),
    /** The overall explanation, shown after answering (Markdown). */
    explanation: z.string({ error: fix('add an `explanation` that teaches the idea behind the answer.') }).min(1),
    /** For open questions: a model answer a strong candidate would give (Markdown). */
    answer: z.string().optional(),
    /** For open questions: the points a good answer covers, used to self-rate. */
    keyPoints: z.array(z.string().min(1)).optional(),
    /** Optional link to official documentation backing the answer. */
    source: z.url({ error: fix('make `source` a full https:// URL or leave it out.') }).optional(),
  })
  .superRefine((q, ctx) => {
    const where = (msg: string) => ctx.addIssue({ code: 'custom', message: `Question "${q.id}": ${msg}` });
    if (q.type === 'open') {
      if (q.choices?.length) where('an open question has no `choices`. Fix: remove them, or change `type`.');
      if (!q.answer) where('an open question needs a model `answer`. Fix: add `answer:` with what a strong candidate says.');
      if (!q.keyPoints?.length) where('an open question needs `keyPoints`. Fix: list the points a good answer covers.');
      return;
    }
    const choices = q.choices ?? [];
    const right = choices.filter((c) => c.correct).length;
    if (choices.length < 2) where(`a ${q.type} question needs at least two \`choices\`. Fix: add the missing choices.`);
    if (q.type === 'true-false' && choices.length !== 2)
      where('a true-false question has exactly two choices, "True" and "False". Fix: keep only those two.');
    if ((q.type === 'single' || q.type === 'true-false') && right !== 1)
      where(`a ${q.type} question needs exactly one choice with \`correct: true\` (found ${right}). Fix: mark exactly one.`);
    if (q.type === 'multiple' && right < 1)
      where('a multiple question needs at least one choice with `correct: true`. Fix: mark the right ones.');
  });

/** A whole question file: a YAML list of questions. */
export const questionFileSchema = z.array(questionSchema, { error: fix('write the file as a YAML list of questions (each starts with "- id:").') });

export type Question = z.infer<typeof questionSchema>;
export type Choice = z.infer<typeof choiceSchema>;
