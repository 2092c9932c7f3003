/**
 * Questions as pages and widgets show them: Markdown rendered to HTML, with the lesson,
 * module and review link resolved. Built at build time; the practice page fetches the
 * same shape as JSON.
 */
import type { Course } from './course.ts';
import { renderInlineMarkdown, renderMarkdown } from './markdown.ts';
import type { BankQuestion } from './questions.ts';
import { plainText } from './text.ts';

/** A question ready to display. */
export interface QuestionView {
  id: string;
  type: BankQuestion['type'];
  difficulty: BankQuestion['difficulty'];
  tags: string[];
  module: string;
  moduleTitle: string;
  lesson: string;
  lessonTitle: string;
  /** Lesson URL with the section anchor: where to review. */
  reviewUrl: string;
  /** Prompt as HTML; `promptIsBlock` when it has paragraphs or code and cannot sit in a legend. */
  promptHtml: string;
  promptIsBlock: boolean;
  /** Plain-text prompt, for search and titles. */
  promptText: string;
  choices: { html: string; correct: boolean; explanationHtml: string }[];
  explanationHtml: string;
  /** Open questions: the model answer and the key points, as HTML. */
  answerHtml?: string;
  keyPointsHtml: string[];
  /** Behavioral (HR) interview question. */
  behavioral: boolean;
  source?: string;
}

/** Builds the display form of a question. */
export function questionView(q: BankQuestion, course: Course): QuestionView {
  const lesson = course.lesson(q.lesson)!;
  const module = course.module(lesson.data.module)!;
  const isBlock = /\n\s*\n|```|^\s*[-*] /m.test(q.prompt.trim());
  return {
    id: q.id,
    type: q.type,
    difficulty: q.difficulty,
    tags: q.tags,
    module: module.id,
    moduleTitle: module.title,
    lesson: lesson.id,
    lessonTitle: lesson.data.title,
    reviewUrl: `${lesson.url}#${q.section}`,
    promptHtml: isBlock ? renderMarkdown(q.prompt) : renderInlineMarkdown(q.prompt.trim()),
    promptIsBlock: isBlock,
    promptText: plainText(q.prompt),
    choices: (q.choices ?? []).map((c) => ({ html: renderInlineMarkdown(c.text), correct: c.correct, explanationHtml: renderInlineMarkdown(c.explanation) })),
    explanationHtml: renderMarkdown(q.explanation),
    answerHtml: q.answer ? renderMarkdown(q.answer) : undefined,
    keyPointsHtml: (q.keyPoints ?? []).map((k) => renderInlineMarkdown(k)),
    behavioral: q.tags.includes('behavioral'),
    source: q.source,
  };
}

/** Human label of a question type. */
export const TYPE_LABELS: Record<BankQuestion['type'], string> = {
  single: 'Single choice',
  multiple: 'Multiple choice',
  'true-false': 'True or false',
  open: 'Interview question',
};

/** How a count of each question type reads ("129 interview questions", "1 interview question"). */
export const TYPE_COUNT_NOUNS: Record<BankQuestion['type'], [singular: string, plural: string]> = {
  single: ['single choice', 'single choice'],
  multiple: ['multiple choice', 'multiple choice'],
  'true-false': ['true or false', 'true or false'],
  open: ['interview question', 'interview questions'],
};
