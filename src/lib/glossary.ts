/** Checks that glossary terms point at lessons and terms that exist. */
import type { Course } from './course.ts';
import type { GlossaryData } from './schemas.ts';

/** A term as loaded, with the file it came from. */
export type GlossaryTerm = GlossaryData & { file: string };

/** Reports terms whose `lesson` or `related` entries do not exist. */
export function glossaryProblems(terms: GlossaryTerm[], course: Course): string[] {
  const ids = new Set(terms.map((t) => t.id));
  const problems: string[] = [];
  for (const t of terms) {
    const where = `${t.file}: term "${t.id}"`;
    if (t.lesson && !course.lesson(t.lesson))
      problems.push(`${where}: field \`lesson\` is "${t.lesson}", which is not a lesson. Fix: use a lesson id like "${course.lessons[0]?.id ?? 'module/lesson'}" or remove the field.`);
    for (const r of t.related)
      if (!ids.has(r)) problems.push(`${where}: field \`related\` names "${r}", which is not a glossary term. Fix: add that term or remove it from \`related\`.`);
  }
  return problems;
}
