/**
 * The course graph: modules in order, each with its lessons in order, plus the checks
 * that tie entries together. Every problem names the file, the field and the fix, and all
 * problems are reported at once so an author can mend them in one pass.
 */
import type { LessonData, ModuleData } from './schemas.ts';
import { BASE, withBase } from './url.ts';

/** A lesson as the loader gives it: id, source file and validated frontmatter. */
export interface LessonInput {
  id: string;
  filePath: string;
  data: LessonData;
}

/** A lesson placed in the course, with its neighbours and URL. */
export interface Lesson extends LessonInput {
  /** `/learn/<module>/<slug>/` under the site's base path */
  url: string;
  /** Slug inside its module (the id without the module part). */
  slug: string;
  /** Previous and next lesson across module boundaries, for reading straight through. */
  prev?: Lesson;
  next?: Lesson;
}

/** A module with its lessons. */
export interface Module extends ModuleData {
  url: string;
  lessons: Lesson[];
  /** Sum of the lessons' estimated minutes. */
  minutes: number;
}

/** The whole course, in reading order. */
export interface Course {
  modules: Module[];
  lessons: Lesson[];
  lesson(id: string): Lesson | undefined;
  module(id: string): Module | undefined;
}

/** Thrown when content does not fit together; the message lists every problem. */
export class CourseError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The course content has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'CourseError';
    this.problems = problems;
  }
}

const PREFIX = /^(\d+)-/;

/** Lesson id from its path under lessons/: `saving-models/02-formats.mdx` → `saving-models/formats`. */
export function lessonIdFromPath(entry: string): string {
  const parts = entry.replace(/\\/g, '/').replace(/\.mdx?$/, '').split('/');
  const last = parts.pop() ?? '';
  return [...parts, last.replace(PREFIX, '')].join('/').toLowerCase();
}

/** Canonical URL of a lesson page, under the base path. */
export const lessonUrl = (id: string, base = BASE) => withBase(`/learn/${id}/`, base);
/** Canonical URL of a module page, under the base path. */
export const moduleUrl = (id: string, base = BASE) => withBase(`/learn/${id}/`, base);

/** Reports gaps and repeats in a list of 1-based positions. */
function orderProblems(orders: { order: number; where: string }[], what: string, scope: string): string[] {
  const problems: string[] = [];
  const byOrder = new Map<number, string[]>();
  for (const o of orders) byOrder.set(o.order, [...(byOrder.get(o.order) ?? []), o.where]);
  for (const [order, places] of byOrder)
    if (places.length > 1)
      problems.push(`${places.join(' and ')}: field \`order\` is ${order} in each. Fix: give each ${what} its own position.`);
  const max = Math.max(0, ...byOrder.keys());
  for (let n = 1; n <= max; n++)
    if (!byOrder.has(n))
      problems.push(`${scope}: no ${what} has \`order: ${n}\`. Fix: renumber so positions run 1, 2, 3… without gaps.`);
  return problems;
}

/**
 * Builds the course from modules and lessons and checks that they fit together.
 * @param labSlugs folders that exist under `labs/`, to check each lesson's `lab` field.
 */
export function buildCourse(modulesIn: ModuleData[], lessonsIn: LessonInput[], labSlugs: Iterable<string>): Course {
  const problems: string[] = [];
  const labs = new Set(labSlugs);
  const moduleIds = new Set(modulesIn.map((m) => m.id));
  const lessonIds = new Set(lessonsIn.map((l) => l.id));

  problems.push(...orderProblems(modulesIn.map((m) => ({ order: m.order, where: `course.yaml: module "${m.id}"` })), 'module', 'content/course.yaml'));

  for (const l of lessonsIn) {
    const where = l.filePath;
    if (!moduleIds.has(l.data.module))
      problems.push(`${where}: field \`module\` is "${l.data.module}", which is not in course.yaml. Fix: use one of ${[...moduleIds].join(', ')}, or add the module to course.yaml.`);
    const folder = l.id.split('/')[0];
    if (moduleIds.has(l.data.module) && folder !== l.data.module)
      problems.push(`${where}: field \`module\` is "${l.data.module}" but the file is in lessons/${folder}/. Fix: move the file to lessons/${l.data.module}/ or change \`module\`.`);
    const prefix = PREFIX.exec(where.split(/[\\/]/).pop() ?? '');
    if (prefix && Number(prefix[1]) !== l.data.order)
      problems.push(`${where}: field \`order\` is ${l.data.order} but the file name starts with ${prefix[1]}. Fix: make them agree.`);
    for (const p of l.data.prerequisites) {
      if (!lessonIds.has(p))
        problems.push(`${where}: field \`prerequisites\` names "${p}", which is not a lesson. Fix: use a lesson id such as "${[...lessonIds][0] ?? 'module/lesson'}" (folder/file name without the number).`);
      else if (p === l.id) problems.push(`${where}: field \`prerequisites\` names the lesson itself. Fix: remove it.`);
    }
    if (l.data.lab && !labs.has(l.data.lab))
      problems.push(`${where}: field \`lab\` is "${l.data.lab}", but there is no folder labs/${l.data.lab}/. Fix: create the lab or correct the slug.`);
  }
  for (const m of modulesIn) {
    const own = lessonsIn.filter((l) => l.data.module === m.id);
    problems.push(...orderProblems(own.map((l) => ({ order: l.data.order, where: l.filePath })), `lesson in module "${m.id}"`, `content/lessons/${m.id}/`));
  }
  if (problems.length) throw new CourseError(problems);

  const modules: Module[] = [...modulesIn]
    .sort((a, b) => a.order - b.order)
    .map((m) => {
      const lessons = lessonsIn
        .filter((l) => l.data.module === m.id)
        .sort((a, b) => a.data.order - b.data.order)
        .map((l): Lesson => ({ ...l, url: lessonUrl(l.id), slug: l.id.split('/').slice(1).join('/') }));
      return { ...m, url: moduleUrl(m.id), lessons, minutes: lessons.reduce((t, l) => t + l.data.minutes, 0) };
    });
  const lessons = modules.flatMap((m) => m.lessons);
  lessons.forEach((l, i) => {
    l.prev = lessons[i - 1];
    l.next = lessons[i + 1];
  });
  const lessonById = new Map(lessons.map((l) => [l.id, l]));
  const moduleById = new Map(modules.map((m) => [m.id, m]));
  return { modules, lessons, lesson: (id) => lessonById.get(id), module: (id) => moduleById.get(id) };
}
