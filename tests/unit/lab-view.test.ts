import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLabs, type Lab } from '../../src/lib/labs.ts';
import { labLanguages, lessonTime, showExplorer } from '../../src/lib/lab-view.ts';

const lab = (solution: string[], explorer?: boolean): Pick<Lab, 'meta' | 'solution'> => ({
  meta: { title: 't', summary: 's', lesson: 'm/l', openFile: solution[0]!, startScript: 'test', minutes: 5, ...(explorer === undefined ? {} : { explorer }) },
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
