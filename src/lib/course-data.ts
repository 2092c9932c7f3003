/**
 * The one module that queries content collections. Pages call these helpers instead of
 * `getCollection`, so the course graph is built and every cross-reference checked once
 * per build, and all problems are reported together.
 */
import { getCollection, render } from 'astro:content';
import { buildCourse, CourseError, type Course } from './course.ts';
import { glossaryProblems, type GlossaryTerm } from './glossary.ts';
import { LabError, readLabs, type Lab } from './labs.ts';
import { labSlotProblems } from './lab-slot.ts';
import { CONTENT_DIR, LABS_DIR } from './paths.ts';
import { questionProblems, type BankQuestion } from './questions.ts';
import { readTagVocabulary, tagProblems, TagVocabularyError, type TagVocabulary } from './tag-vocabulary.ts';

/** Everything pages need, checked. */
export interface CourseData {
  course: Course;
  questions: BankQuestion[];
  glossary: GlossaryTerm[];
  /** Heading ids of each lesson, keyed by lesson id. */
  anchors: Map<string, Set<string>>;
  labs: Lab[];
}

let data: Promise<CourseData> | undefined;

async function load(): Promise<CourseData> {
  const modules = (await getCollection('modules')).map((m) => m.data);
  const entries = await getCollection('lessons');
  let labs: Lab[];
  try {
    labs = readLabs(LABS_DIR);
  } catch (error) {
    if (error instanceof LabError) throw new CourseError([error.message]);
    throw error;
  }
  const course = buildCourse(
    modules,
    entries.map((l) => ({ id: l.id, filePath: l.filePath ?? l.id, data: l.data })),
    labs.map((l) => l.slug),
  );
  const anchors = new Map<string, Set<string>>();
  for (const entry of entries) anchors.set(entry.id, new Set((await render(entry)).headings.map((h) => h.slug)));
  const questions = (await getCollection('questions')).map((q) => q.data as BankQuestion);
  let tags: TagVocabulary;
  try {
    tags = readTagVocabulary(CONTENT_DIR);
  } catch (error) {
    if (error instanceof TagVocabularyError) throw new CourseError([error.message]);
    throw error;
  }
  const glossary = (await getCollection('glossary'))
    .map((t) => t.data as GlossaryTerm)
    .sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  const slots = labSlotProblems(entries.map((e) => ({ filePath: e.filePath ?? e.id, lab: e.data.lab, body: e.body ?? '' })));
  const problems = [...questionProblems(questions, course, anchors), ...tagProblems(questions, tags), ...glossaryProblems(glossary, course), ...labProblems(labs, course), ...slots];
  if (problems.length) throw new CourseError(problems);
  return { course, questions, glossary, anchors, labs };
}

/** The checked course data; throws a CourseError listing every problem. */
export function getCourseData(): Promise<CourseData> {
  data ??= load();
  return data;
}

/** The checked course graph. */
export const getCourse = async () => (await getCourseData()).course;
/** Glossary terms sorted alphabetically. */
export const getGlossary = async () => (await getCourseData()).glossary;

/** One lab by slug; the course check guarantees every lesson's lab exists. */
export async function getLab(slug: string): Promise<Lab> {
  const lab = (await getCourseData()).labs.find((l) => l.slug === slug);
  if (!lab) throw new CourseError([`No lab "${slug}" in labs/. Fix: create labs/${slug}/ or correct the slug.`]);
  return lab;
}

/** A lab names its lesson, and that lesson must name the lab back, so the two never drift apart. */
function labProblems(labs: Lab[], course: Course): string[] {
  const problems: string[] = [];
  for (const lab of labs) {
    const lesson = course.lesson(lab.meta.lesson);
    if (!lesson)
      problems.push(`labs/${lab.slug}/lab.json: field \`lesson\` is "${lab.meta.lesson}", which is not a lesson. Fix: use the id of the lesson that embeds the lab, e.g. "${course.lessons[0]?.id ?? 'module/lesson'}".`);
    else if (lesson.data.lab !== lab.slug)
      problems.push(`labs/${lab.slug}/lab.json: field \`lesson\` is "${lab.meta.lesson}", but that lesson does not set \`lab: ${lab.slug}\`. Fix: add \`lab: ${lab.slug}\` to ${lesson.filePath}, or point the lab at the right lesson.`);
  }
  return problems;
}
