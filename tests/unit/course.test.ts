import { describe, expect, it } from 'vitest';
import { buildCourse, CourseError, lessonIdFromPath, type LessonInput } from '../../src/lib/course.ts';
import type { LessonData, ModuleData } from '../../src/lib/schemas.ts';

const modules: ModuleData[] = [
  { id: 'intro', title: 'Intro', summary: 'The start.', order: 1 },
  { id: 'apis', title: 'APIs', summary: 'Calling things.', order: 2 },
];
const lesson = (id: string, data: Partial<LessonData> = {}): LessonInput => {
  const [module, slug] = id.split('/');
  const order = data.order ?? 1;
  return {
    id,
    filePath: `content/lessons/${module}/0${order}-${slug}.mdx`,
    data: {
      title: slug!,
      description: 'd',
      module: module!,
      order,
      minutes: 10,
      objectives: ['Do a thing'],
      prerequisites: [],
      lastReviewed: new Date('2026-11-27'),
      ...data,
    },
  };
};
const problemsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof CourseError) return error.problems;
    throw error;
  }
  return [];
};

describe('lessonIdFromPath', () => {
  it('drops the number prefix and the extension', () => {
    expect(lessonIdFromPath('saving-models/02-model-formats.mdx')).toBe('saving-models/model-formats');
    expect(lessonIdFromPath('apis\\10-Status-Codes.mdx')).toBe('apis/status-codes');
  });
});

describe('buildCourse', () => {
  const good = [lesson('intro/a'), lesson('intro/b', { order: 2 }), lesson('apis/c', { prerequisites: ['intro/a'] })];

  it('orders modules and lessons and links them across modules', () => {
    const course = buildCourse([...modules].reverse(), [...good].reverse(), []);
    expect(course.modules.map((m) => m.id)).toEqual(['intro', 'apis']);
    expect(course.lessons.map((l) => l.id)).toEqual(['intro/a', 'intro/b', 'apis/c']);
    expect(course.lesson('intro/b')?.next?.id).toBe('apis/c');
    expect(course.lesson('apis/c')?.prev?.id).toBe('intro/b');
    expect(course.lesson('intro/a')?.prev).toBeUndefined();
    expect(course.lesson('apis/c')?.url).toBe('/learn/apis/c/');
    expect(course.module('intro')?.minutes).toBe(20);
  });

  it('rejects a lesson whose module does not exist, naming file, field and fix', () => {
    const problems = problemsOf(() => buildCourse(modules, [lesson('intro/a', { module: 'intros' })], []));
    expect(problems).toContain(
      'content/lessons/intro/01-a.mdx: field `module` is "intros", which is not in course.yaml. Fix: use one of intro, apis, or add the module to course.yaml.',
    );
  });

  it('rejects a lesson filed under another module folder', () => {
    const problems = problemsOf(() => buildCourse(modules, [lesson('intro/a', { module: 'apis' })], []));
    expect(problems[0]).toBe(
      'content/lessons/intro/01-a.mdx: field `module` is "apis" but the file is in lessons/intro/. Fix: move the file to lessons/apis/ or change `module`.',
    );
  });

  it('rejects duplicate lesson orders and names both files', () => {
    const a = lesson('intro/a');
    const b = { ...lesson('intro/b'), filePath: 'content/lessons/intro/b.mdx' };
    expect(problemsOf(() => buildCourse(modules, [a, b], []))).toContain(
      'content/lessons/intro/01-a.mdx and content/lessons/intro/b.mdx: field `order` is 1 in each. Fix: give each lesson in module "intro" its own position.',
    );
  });

  it('rejects gaps in lesson order', () => {
    const problems = problemsOf(() => buildCourse(modules, [lesson('intro/a'), lesson('intro/c', { order: 3 })], []));
    expect(problems).toContain(
      'content/lessons/intro/: no lesson in module "intro" has `order: 2`. Fix: renumber so positions run 1, 2, 3… without gaps.',
    );
  });

  it('rejects gaps and duplicates in module order', () => {
    const problems = problemsOf(() => buildCourse([{ ...modules[0]!, order: 2 }, { ...modules[1]!, order: 2 }], [], []));
    expect(problems).toContain('course.yaml: module "intro" and course.yaml: module "apis": field `order` is 2 in each. Fix: give each module its own position.');
    expect(problems).toContain('content/course.yaml: no module has `order: 1`. Fix: renumber so positions run 1, 2, 3… without gaps.');
  });

  it('rejects a file name prefix that disagrees with order', () => {
    const l = { ...lesson('intro/a'), filePath: 'content/lessons/intro/03-a.mdx' };
    expect(problemsOf(() => buildCourse(modules, [l], []))).toContain(
      'content/lessons/intro/03-a.mdx: field `order` is 1 but the file name starts with 03. Fix: make them agree.',
    );
  });

  it('rejects unknown and self prerequisites', () => {
    const problems = problemsOf(() => buildCourse(modules, [lesson('intro/a', { prerequisites: ['intro/zzz', 'intro/a'] })], []));
    expect(problems).toEqual([
      'content/lessons/intro/01-a.mdx: field `prerequisites` names "intro/zzz", which is not a lesson. Fix: use a lesson id such as "intro/a" (folder/file name without the number).',
      'content/lessons/intro/01-a.mdx: field `prerequisites` names the lesson itself. Fix: remove it.',
    ]);
  });

  it('rejects a lab that has no folder, and accepts one that has', () => {
    const withLab = lesson('intro/a', { lab: 'save-load-model' });
    expect(problemsOf(() => buildCourse(modules, [withLab], []))).toEqual([
      'content/lessons/intro/01-a.mdx: field `lab` is "save-load-model", but there is no folder labs/save-load-model/. Fix: create the lab or correct the slug.',
    ]);
    expect(buildCourse(modules, [withLab], ['save-load-model']).lessons).toHaveLength(1);
  });

  it('reports every problem at once', () => {
    const error = (() => {
      try {
        buildCourse(modules, [lesson('intro/a', { module: 'nope', prerequisites: ['x/y'] })], []);
      } catch (e) {
        return e as CourseError;
      }
    })();
    expect(error?.problems.length).toBe(2);
    expect(error?.message).toMatch(/^The course content has 2 problem\(s\):\n- /);
  });
});
