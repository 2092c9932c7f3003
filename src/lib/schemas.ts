/**
 * Schemas for everything an author writes under `content/` and `labs/`.
 * They import only `astro/zod`, so unit tests and scripts can use them without Astro.
 * Every field carries the fix an author needs when it is wrong (see `fix`).
 */
import { z } from 'astro/zod';

/** Builds a Zod error callback that says what is wrong and then how to fix it. */
export function fix(howToFix: string) {
  return (issue: { input?: unknown; code?: string }) => {
    const problem =
      issue.input === undefined
        ? 'is missing.'
        : issue.code === 'invalid_type'
          ? `has the wrong type (got ${describe(issue.input)}).`
          : `is not valid (got ${describe(issue.input)}).`;
    return `${problem} Fix: ${howToFix}`;
  };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "a value that is not a date" : `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** Lower-case words joined by hyphens: the shape of every id in the course. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = (what: string) =>
  z.string({ error: fix(`give the ${what} as lower-case words joined by hyphens, e.g. "saving-models".`) }).regex(SLUG, {
    error: fix(`use lower-case letters, digits and hyphens only for the ${what}, e.g. "saving-models".`),
  });

const text = (what: string, example: string) =>
  z.string({ error: fix(`add ${what}, e.g. ${example}.`) }).trim().min(1, { error: fix(`${what} must not be empty.`) });

/** One module of the course, as listed in `content/course.yaml`. */
export const moduleSchema = z.object({
  /** Stable id used in URLs and in each lesson's `module` field. */
  id: slug('module id'),
  /** Title shown on the course map, in the sidebar and on the module page. */
  title: text('a `title`', '"Saving and loading models"'),
  /** One or two sentences saying what the student will be able to do after the module. */
  summary: text('a `summary`', '"Choose a format, save a model with its metadata and load it safely."'),
  /** Position of the module in the course, 1 for the first; no gaps, no duplicates. */
  order: z.number({ error: fix('set `order` to the module position, 1 for the first module.') }).int().positive({
    error: fix('`order` counts from 1.'),
  }),
});

/** Frontmatter of one lesson, `content/lessons/<module>/<nn-slug>.mdx`. */
export const lessonSchema = z.object({
  /** Page title and sidebar label. */
  title: text('a `title` to the frontmatter', 'title: "Why save a model"'),
  /** One-sentence summary used in the course map, search results and the meta description. */
  description: text('a `description` to the frontmatter', 'description: "What saving buys you: time, versions, portability."'),
  /** Id of the module this lesson belongs to, as in `content/course.yaml`. */
  module: slug('`module`'),
  /** Position inside the module, 1 for the first; must match the `nn-` prefix of the file name. */
  order: z.number({ error: fix('set `order` to the lesson position in its module, e.g. order: 2.') }).int().positive({
    error: fix('`order` counts from 1.'),
  }),
  /** Estimated reading and exercise time, in minutes. */
  minutes: z
    .number({ error: fix('set `minutes` to the estimated time to study the lesson, e.g. minutes: 15.') })
    .int()
    .min(1, { error: fix('`minutes` must be at least 1.') })
    .max(120, { error: fix('split a lesson longer than 120 minutes into two lessons.') }),
  /** What the student can do after the lesson; each starts with a verb. */
  objectives: z
    .array(text('an objective', '"Explain why pickle files are unsafe to load from strangers"'), {
      error: fix('list `objectives` as a YAML list of sentences that start with a verb.'),
    })
    .min(1, { error: fix('give at least one objective.') }),
  /** Slug of the lab embedded in this lesson, a folder under `labs/`. */
  lab: slug('`lab`').optional(),
  /** Lesson ids (`<module>/<slug>`) the student should read first. */
  prerequisites: z
    .array(z.string({ error: fix('write each prerequisite as a lesson id, e.g. "what-is-mlops/devops-in-one-page".') }), {
      error: fix('list `prerequisites` as a YAML list of lesson ids, or leave the field out.'),
    })
    .default([]),
  /** Date an author last checked the lesson against the tools' documentation (YYYY-MM-DD). */
  lastReviewed: z.coerce.date({ error: fix('set `lastReviewed` to the date you last checked the lesson, e.g. lastReviewed: 2026-11-27.') }),
});

/** One glossary term, an entry of `content/glossary.yaml`. */
export const glossarySchema = z.object({
  /** Anchor of the term on the glossary page, e.g. `onnx`. */
  id: slug('term id'),
  /** The term as it is written, e.g. "ONNX". */
  term: text('the `term`', '"ONNX"'),
  /** A plain-language definition in one to three sentences (Markdown allowed). */
  definition: text('a `definition`', '"An open format for machine-learning models…"'),
  /** Other glossary term ids worth reading next. */
  related: z.array(slug('related term id')).default([]),
  /** Lesson id where the term is taught, for a "learn more" link. */
  lesson: z.string().optional(),
});

export type ModuleData = z.infer<typeof moduleSchema>;
export type LessonData = z.infer<typeof lessonSchema>;
export type GlossaryData = z.infer<typeof glossarySchema>;
