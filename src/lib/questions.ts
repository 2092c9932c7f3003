/**
 * Checks that tie questions to lessons, and helpers pages use to pick questions.
 * Messages name the YAML file, the question id, the field and the fix.
 */
import type { Course } from './course.ts';
import type { Question } from './question-schema.ts';

/** A question as loaded: validated data plus the file it came from. */
export type BankQuestion = Question & { file: string };

/**
 * Reports every question whose lesson or section does not exist.
 * @param anchors heading ids of each lesson, keyed by lesson id.
 */
export function questionProblems(questions: BankQuestion[], course: Course, anchors: Map<string, Set<string>>): string[] {
  const problems: string[] = [];
  for (const q of questions) {
    const where = `${q.file}: question "${q.id}"`;
    const lesson = course.lesson(q.lesson);
    if (!lesson) {
      problems.push(`${where}: field \`lesson\` is "${q.lesson}", which is not a lesson. Fix: use a lesson id such as "${course.lessons[0]?.id ?? 'module/lesson'}".`);
      continue;
    }
    const ids = anchors.get(q.lesson) ?? new Set();
    if (!ids.has(q.section))
      problems.push(`${where}: field \`section\` is "${q.section}", which is not a heading of ${lesson.filePath}. Fix: use one of ${[...ids].map((a) => `"${a}"`).join(', ') || '(the lesson has no headings yet)'}.`);
  }
  return problems;
}

/** The questions that review one lesson, in file order. */
export const questionsForLesson = (questions: BankQuestion[], lessonId: string) => questions.filter((q) => q.lesson === lessonId);
