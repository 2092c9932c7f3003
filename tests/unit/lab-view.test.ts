import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLabs, type Lab } from '../../src/lib/labs.ts';
import { labCatalogue, labLanguages, lessonTime, showExplorer } from '../../src/lib/lab-view.ts';
import { buildCourse } from '../../src/lib/course.ts';

const lab = (solution: string[], explorer?: boolean): Pick<Lab, 'meta' | 'solution'> => ({
  meta: { title: 't', summary: 's', lesson: 'm/l', runtime: 'node', openFile: solution[0]!, startScript: 'test', minutes: 5, ...(explorer === undefined ? {} : { explorer }) },
  solution: Object.fromEntries(solution.map((f) => [f, ''])),
});

describe('showExplorer', () => {
  it('hides the file list when the student edits one visible file', () => {
    expect(showExplorer(lab(['src/client.js']))).toBe(false);
    expect(showExplorer(lab(['Dockerfile']))).toBe(false);
  });
  it('shows it when the student edits more than one file', () => {
    expect(showExplorer(lab(['Dockerfile', '.dockerignore']))).toBe(true);
    expect(showExplorer(lab(['src/a.js', 'src/b.js', 'taskdef.json']))).toBe(true);
  });
  it('shows it when the one file sits in a hidden folder', () => {
    expect(showExplorer(lab(['.github/workflows/ci.yml']))).toBe(true);
  });
  it('lets lab.json decide either way', () => {
    expect(showExplorer(lab(['src/a.js'], true))).toBe(true);
    expect(showExplorer(lab(['src/a.js', 'src/b.js'], false))).toBe(false);
  });
  it('shows it for every lab of the course where the student edits several files', () => {
    for (const l of readLabs(path.resolve('labs')))
      if (Object.keys(l.solution).length > 1 && l.meta.explorer === undefined) expect(showExplorer(l), l.slug).toBe(true);
  });
});

describe('labLanguages', () => {
  it('names the languages of the edited files, most used first, without plain text', () => {
    expect(labLanguages(lab(['src/a.js', 'src/b.js', 'taskdef.json']))).toEqual(['JavaScript', 'JSON']);
    expect(labLanguages(lab(['Dockerfile', '.dockerignore']))).toEqual(['Dockerfile']);
    expect(labLanguages(lab(['.github/workflows/ci.yml']))).toEqual(['YAML']);
    expect(labLanguages(lab(['README.md', 'notes.txt']))).toEqual([]);
  });
});

describe('lessonTime', () => {
  it('adds the lab to the reading time only when there is a lab', () => {
    expect(lessonTime(20, 45)).toBe('20 min reading + 45 min lab');
    expect(lessonTime(20)).toBe('20 minutes');
  });
});

describe('labCatalogue', () => {
  const modules = [
    { id: 'intro', title: 'Intro', summary: 's', order: 1 },
    { id: 'apis', title: 'APIs', summary: 's', order: 2 },
  ];
  const lesson = (id: string, order: number, lab: string) => {
    const [module, slug] = id.split('/');
    return {
      id,
      filePath: `content/lessons/${module}/0${order}-${slug}.mdx`,
      data: { title: `Lesson ${slug}`, description: 'd', module: module!, order, minutes: 10, objectives: ['Do'], prerequisites: [], lastReviewed: new Date('2026-11-27'), lab },
    };
  };
  const course = buildCourse(modules, [lesson('apis/call', 1, 'b-lab'), lesson('intro/save', 1, 'z-lab')], ['b-lab', 'z-lab']);
  const full = (slug: string, lessonId: string, solution: string[]): Lab => ({
    slug,
    meta: { title: `Lab ${slug}`, summary: 'sum', lesson: lessonId, runtime: 'node', openFile: solution[0]!, startScript: 'test', minutes: 30 },
    readme: '',
    project: { title: '', description: '', template: 'node', files: {} },
    solution: Object.fromEntries(solution.map((f) => [f, ''])),
  });

  it('lists labs in course order with module, lesson link, languages and minutes', () => {
    const rows = labCatalogue([full('b-lab', 'apis/call', ['src/a.js']), full('z-lab', 'intro/save', ['Dockerfile'])], course);
    expect(rows.map((r) => r.slug)).toEqual(['z-lab', 'b-lab']);
    expect(rows[0]).toEqual({
      slug: 'z-lab',
      title: 'Lab z-lab',
      summary: 'sum',
      minutes: 30,
      languages: ['Dockerfile'],
      lesson: { id: 'intro/save', title: 'Lesson save', url: '/learn/intro/save/#lab' },
      module: { order: 1, title: 'Intro', url: '/learn/intro/' },
    });
  });

  it('names the lab file when its lesson is missing', () => {
    expect(() => labCatalogue([full('b-lab', 'apis/nope', ['a.js'])], course)).toThrow('labs/b-lab/lab.json: field `lesson` is "apis/nope"');
  });
});
