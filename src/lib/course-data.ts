/**
 * The one module that queries content collections. Pages call these helpers instead of
 * `getCollection`, so the course graph is built and every cross-reference checked once
 * per build, and all problems are reported together.
 */
import { readdirSync } from 'node:fs';
import { getCollection, render } from 'astro:content';
import { buildCourse, CourseError, type Course } from './course.ts';
import { glossaryProblems, type GlossaryTerm } from './glossary.ts';
import { LABS_DIR } from './paths.ts';
import { questionProblems, type BankQuestion } from './questions.ts';

/** Everything pages need, checked. */
export interface CourseData {
  course: Course;
  questions: BankQuestion[];
  glossary: GlossaryTerm[];
  /** Heading ids of each lesson, keyed by lesson id. */
  anchors: Map<string, Set<string>>;
}

let data: Promise<CourseData> | undefined;

/** Lab folder names under `labs/` (a folder counts when it has a lab.json). */
export function labSlugs(): string[] {
  try {
    return readdirSync(LABS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory() && readdirSync(`${LABS_DIR}/${d.name}`).includes('lab.json'))
      .map((d) => d.name);
  } catch {
    return [];
  }
}

async function load(): Promise<CourseData> {
  const modules = (await getCollection('modules')).map((m) => m.data);
  const entries = await getCollection('lessons');
  const course = buildCourse(
    modules,
    entries.map((l) => ({ id: l.id, filePath: l.filePath ?? l.id, data: l.data })),
    labSlugs(),
  );
  const anchors = new Map<string, Set<string>>();
  for (const entry of entries) anchors.set(entry.id, new Set((await render(entry)).headings.map((h) => h.slug)));
  const questions = (await getCollection('questions')).map((q) => q.data as BankQuestion);
  const glossary = (await getCollection('glossary'))
    .map((t) => t.data as GlossaryTerm)
    .sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  const problems = [...questionProblems(questions, course, anchors), ...glossaryProblems(glossary, course)];
  if (problems.length) throw new CourseError(problems);
  return { course, questions, glossary, anchors };
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
