/**
 * The one module that queries content collections. Pages call these helpers instead of
 * `getCollection`, so the course graph is built and checked once per build.
 */
import { readdirSync } from 'node:fs';
import { getCollection } from 'astro:content';
import { buildCourse, type Course } from './course.ts';
import { LABS_DIR } from './paths.ts';

let course: Promise<Course> | undefined;

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

/** The checked course graph; throws a CourseError listing every problem. */
export function getCourse(): Promise<Course> {
  course ??= (async () => {
    const modules = (await getCollection('modules')).map((m) => m.data);
    const lessons = (await getCollection('lessons')).map((l) => ({ id: l.id, filePath: l.filePath ?? l.id, data: l.data }));
    return buildCourse(modules, lessons, labSlugs());
  })();
  return course;
}

/** Glossary terms sorted alphabetically. */
export async function getGlossary() {
  const terms = (await getCollection('glossary')).map((t) => t.data);
  return terms.sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
}
