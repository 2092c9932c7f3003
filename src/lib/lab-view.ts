/**
 * What the site shows about a lab beyond its files: whether the editor needs its file list,
 * which languages the student writes, and the lesson time with the lab included.
 */
import type { Course } from './course.ts';
import { languageOf, type Lab } from './labs.ts';

/**
 * Whether the embed shows its file explorer. A student who must edit several files, or one
 * inside a hidden folder such as `.github/workflows/`, cannot find them without it; a
 * one-file lab gets the whole width for the editor. `explorer` in lab.json overrides this.
 */
export function showExplorer(lab: Pick<Lab, 'meta' | 'solution'>): boolean {
  if (lab.meta.explorer !== undefined) return lab.meta.explorer;
  const edited = Object.keys(lab.solution);
  return edited.length > 1 || edited.some((f) => f.split('/').slice(0, -1).some((dir) => dir.startsWith('.')));
}

/** Display names of Shiki languages a student writes in; prose and plain text are not listed. */
const LANGUAGE_NAMES: Record<string, string> = {
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  python: 'Python',
  dockerfile: 'Dockerfile',
  yaml: 'YAML',
  json: 'JSON',
  hcl: 'HCL',
  bash: 'Shell',
  toml: 'TOML',
};

/** Languages of the files the student edits (the solution's files), most used first. */
export function labLanguages(lab: Pick<Lab, 'solution'>): string[] {
  const counts = new Map<string, number>();
  for (const file of Object.keys(lab.solution)) {
    const name = LANGUAGE_NAMES[languageOf(file)];
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

/** The lesson's time as shown at its top: reading alone, or reading plus the lab. */
export function lessonTime(readingMinutes: number, labMinutes?: number): string {
  return labMinutes ? `${readingMinutes} min reading + ${labMinutes} min lab` : `${readingMinutes} minutes`;
}

/** One row of the /labs/ page. */
export interface LabEntry {
  slug: string;
  title: string;
  summary: string;
  minutes: number;
  languages: string[];
  /** The lesson that holds the lab: its id (progress is stored against it), title and the lab's address. */
  lesson: { id: string; title: string; url: string };
  module: { order: number; title: string; url: string };
}

/** Every lab with its lesson and module, in the order a student meets them in the course. */
export function labCatalogue(labs: Lab[], course: Course): LabEntry[] {
  const position = new Map(course.lessons.map((l, i) => [l.id, i]));
  return labs
    .map((lab) => {
      const lesson = course.lesson(lab.meta.lesson);
      const module = lesson && course.module(lesson.data.module);
      // course-data.ts has already refused a lab whose lesson does not exist; this keeps the types honest.
      if (!lesson || !module) throw new Error(`labs/${lab.slug}/lab.json: field \`lesson\` is "${lab.meta.lesson}", which is not a lesson. Fix: use the id of the lesson that embeds the lab.`);
      return {
        slug: lab.slug,
        title: lab.meta.title,
        summary: lab.meta.summary,
        minutes: lab.meta.minutes,
        languages: labLanguages(lab),
        lesson: { id: lesson.id, title: lesson.data.title, url: `${lesson.url}#lab` },
        module: { order: module.order, title: module.title, url: module.url },
      };
    })
    .sort((a, b) => position.get(a.lesson.id)! - position.get(b.lesson.id)!);
}
