import { describe, expect, it } from 'vitest';
import { emptyProgress, recordAnswer, recordQuiz, setLessonDone, visitLesson, type Progress } from '../../src/lib/progress.ts';
import { nextLesson } from '../../src/lib/next-lesson.ts';
import { moduleProgress, percent, quizScores, weakestTags, type ModuleInfo } from '../../src/lib/progress-stats.ts';
import { formatMinutes, plural } from '../../src/lib/plural.ts';

const lesson = (id: string, minutes = 10) => ({ id, title: `Title ${id}`, url: `/learn/${id}/`, minutes });
const MODULES: ModuleInfo[] = [
  { id: 'a', title: 'Module A', url: '/learn/a/', lessons: [lesson('a/1', 10), lesson('a/2', 20), lesson('a/3', 30)] },
  { id: 'b', title: 'Module B', url: '/learn/b/', lessons: [lesson('b/1', 15), lesson('b/2', 25)] },
  { id: 'c', title: 'Module C', url: '/learn/c/', lessons: [] },
];
const LESSONS = MODULES.flatMap((m) => m.lessons);

function withDone(ids: string[], last?: string): Progress {
  const p = emptyProgress();
  for (const id of ids) setLessonDone(p, id, true, 1000);
  if (last) visitLesson(p, last, 2000);
  return p;
}

describe('nextLesson', () => {
  it('starts at the first lesson when there is no progress', () => {
    expect(nextLesson(LESSONS, emptyProgress())).toEqual({ kind: 'start', lesson: LESSONS[0] });
  });

  it('goes back to the last lesson opened while it is unfinished', () => {
    expect(nextLesson(LESSONS, withDone(['a/1'], 'a/3'))).toEqual({ kind: 'resume', lesson: LESSONS[2] });
  });

  it('skips a last lesson that is done and goes to the next unfinished one in course order', () => {
    // a/2 is the last lesson opened and done; a/3 is done too, so the next unfinished is b/1.
    const p = withDone(['a/1', 'a/2', 'a/3'], 'a/2');
    expect(nextLesson(LESSONS, p)).toEqual({ kind: 'next', lesson: LESSONS[3] });
  });

  it('leads forward past a skipped lesson, then back to it when nothing after is left', () => {
    expect(nextLesson(LESSONS, withDone(['a/1', 'a/3'], 'a/3'))).toMatchObject({ kind: 'next', lesson: { id: 'b/1' } });
    expect(nextLesson(LESSONS, withDone(['a/1', 'a/3', 'b/1', 'b/2'], 'b/2'))).toMatchObject({ kind: 'next', lesson: { id: 'a/2' } });
  });

  it('uses the first unfinished lesson when the last one opened is no longer in the course', () => {
    expect(nextLesson(LESSONS, withDone(['a/1'], 'gone/lesson'))).toMatchObject({ kind: 'next', lesson: { id: 'a/2' } });
  });

  it('says the course is finished when every lesson is done', () => {
    expect(nextLesson(LESSONS, withDone(LESSONS.map((l) => l.id), 'b/2'))).toEqual({ kind: 'finished' });
  });
});

describe('moduleProgress', () => {
  it('counts lessons done and the reading time left per module', () => {
    const p = withDone(['a/2', 'b/1', 'b/2', 'elsewhere/x']);
    expect(moduleProgress(MODULES, p)).toEqual([
      { id: 'a', done: 1, total: 3, minutesLeft: 40, share: 1 / 3 },
      { id: 'b', done: 2, total: 2, minutesLeft: 0, share: 1 },
      { id: 'c', done: 0, total: 0, minutesLeft: 0, share: 0 },
    ]);
  });

  it('a lesson opened but not marked done is not counted', () => {
    const p = emptyProgress();
    visitLesson(p, 'a/1', 1);
    expect(moduleProgress(MODULES, p)[0]).toMatchObject({ done: 0, minutesLeft: 60 });
  });
});

describe('quizScores', () => {
  it('lists the best score of each quiz taken, in course order, without lessons the course lost', () => {
    const p = emptyProgress();
    recordQuiz(p, 'b/1', { score: 4, total: 5, missed: ['q'] }, {}, 10);
    recordQuiz(p, 'a/2', { score: 3, total: 3, missed: [] }, {}, 20);
    recordQuiz(p, 'a/2', { score: 1, total: 3, missed: ['x', 'y'] }, {}, 30);
    recordQuiz(p, 'gone/lesson', { score: 1, total: 1, missed: [] }, {}, 40);
    const scores = quizScores(MODULES, p);
    expect(scores.map((s) => [s.lesson.id, s.module, s.best, s.latest, s.total, s.at])).toEqual([
      ['a/2', 'Module A', 3, 1, 3, 30],
      ['b/1', 'Module B', 4, 4, 5, 10],
    ]);
  });
});

describe('weakestTags', () => {
  const tags = new Map([
    ['q1', ['docker', 'images']],
    ['q2', ['docker']],
    ['q3', ['drift']],
    ['q4', ['apis']],
    ['q5', ['drift', 'monitoring']],
  ]);

  it('ranks tags by share of right answers, then by wrong answers, and leaves out tags never missed', () => {
    const p = emptyProgress();
    recordAnswer(p, 'q1', false, 1); // docker 0/1, images 0/1
    recordAnswer(p, 'q2', true, 1); // docker 1/2
    recordAnswer(p, 'q3', false, 1);
    recordAnswer(p, 'q3', false, 2); // drift 0/2
    recordAnswer(p, 'q4', true, 1); // apis 1/1: never missed
    recordAnswer(p, 'q5', true, 1); // drift 1/3, monitoring 1/1
    recordAnswer(p, 'unknown-question', false, 1);
    const weak = weakestTags(tags, p);
    expect(weak.map((w) => w.tag)).toEqual(['images', 'drift', 'docker']);
    expect(weak[1]).toEqual({ tag: 'drift', answers: 3, right: 1, questions: 2 });
  });

  it('breaks ties on the share by the number of wrong answers, then by name', () => {
    const p = emptyProgress();
    recordAnswer(p, 'q3', false, 1);
    recordAnswer(p, 'q3', false, 1); // drift 0/2
    recordAnswer(p, 'q4', false, 1); // apis 0/1
    recordAnswer(p, 'q2', false, 1); // docker 0/1
    expect(weakestTags(tags, p).map((w) => w.tag)).toEqual(['drift', 'apis', 'docker']);
    expect(weakestTags(tags, p, 1).map((w) => w.tag)).toEqual(['drift']);
  });

  it('is empty without answers', () => {
    expect(weakestTags(tags, emptyProgress())).toEqual([]);
  });
});

describe('plural, formatMinutes and percent', () => {
  it('says one and many right', () => {
    expect(plural(1, 'interview question')).toBe('1 interview question');
    expect(plural(114, 'interview question')).toBe('114 interview questions');
    expect(plural(0, 'lesson')).toBe('0 lessons');
    expect(plural(2, 'quiz', 'quizzes')).toBe('2 quizzes');
  });

  it('formats reading time in hours and minutes', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(125)).toBe('2 h 5 min');
  });

  it('rounds a share to a whole percent and survives an empty whole', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(0, 0)).toBe(0);
  });
});

describe('overviewData', () => {
  it('stores each tag once and decodes back to every question\'s tags', async () => {
    const { overviewData, tagsOfQuestions } = await import('../../src/lib/overview-data.ts');
    const course = {
      modules: [
        {
          id: 'a',
          title: 'Module A',
          url: '/learn/a/',
          lessons: [{ id: 'a/1', url: '/learn/a/1/', data: { title: 'One', minutes: 12 } }],
        },
      ],
    } as unknown as Parameters<typeof overviewData>[0];
    const data = overviewData(course, [
      { id: 'q1', tags: ['docker', 'apis'] },
      { id: 'q2', tags: ['docker'] },
      { id: 'q3', tags: [] },
    ]);
    expect(data.tags).toEqual(['apis', 'docker']);
    expect(data.questions).toEqual({ q1: [1, 0], q2: [1], q3: [] });
    expect(data.modules).toEqual([{ id: 'a', title: 'Module A', url: '/learn/a/', lessons: [{ id: 'a/1', title: 'One', url: '/learn/a/1/', minutes: 12 }] }]);
    const decoded = tagsOfQuestions(JSON.parse(JSON.stringify(data)));
    expect(Object.fromEntries(decoded)).toEqual({ q1: ['docker', 'apis'], q2: ['docker'], q3: [] });
  });
});
