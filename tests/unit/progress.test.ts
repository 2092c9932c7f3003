import { beforeEach, describe, expect, it } from 'vitest';
import {
  BACKUP_KEY,
  emptyProgress,
  importPreview,
  LIMITS,
  recordAnswer,
  recordQuiz,
  parseProgress,
  setLessonDone,
  STORAGE_KEY,
  VERSION,
  visitLesson,
} from '../../src/lib/progress.ts';
import { BACKUPS_KEY } from '../../src/lib/progress-backups.ts';
import { loadProgress, ProgressStore, saveProgress } from '../../src/lib/progress-store.ts';

/** A minimal in-memory Storage, so tests do not need a browser. */
class MemoryStorage implements Storage {
  #data = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.#data.size;
  }
  clear() {
    this.#data.clear();
  }
  getItem(k: string) {
    return this.#data.get(k) ?? null;
  }
  key(i: number) {
    return [...this.#data.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.#data.delete(k);
  }
  setItem(k: string, v: string) {
    if (this.failWrites) throw new DOMException('quota', 'QuotaExceededError');
    this.#data.set(k, String(v));
  }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
});

describe('loadProgress', () => {
  it('starts empty without a notice when nothing is stored', () => {
    expect(loadProgress(storage)).toEqual({ progress: emptyProgress() });
  });

  it('round-trips what was saved', () => {
    const p = emptyProgress();
    visitLesson(p, 'apis/what-is-an-api', 1000);
    setLessonDone(p, 'apis/what-is-an-api', true, 2000);
    saveProgress(storage, p);
    expect(loadProgress(storage).progress).toEqual(p);
  });

  it('keeps corrupt JSON in the backup ring, starts clean and says so once', () => {
    storage.setItem(STORAGE_KEY, '{"version": 2, "lessons": ');
    const first = loadProgress(storage, 77);
    expect(first.progress).toEqual(emptyProgress());
    expect(first.notice).toMatch(/could not be read .* copy is kept in the backups/);
    expect(JSON.parse(storage.getItem(BACKUPS_KEY)!)).toEqual([{ at: 77, reason: 'unreadable', raw: '{"version": 2, "lessons": ' }]);
    expect(storage.getItem(BACKUP_KEY)).toBeNull();
    expect(loadProgress(storage).notice).toBeUndefined();
  });

  it('sets aside a record from a newer version instead of guessing', () => {
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: VERSION + 1, lessons: {} }));
    const { notice } = loadProgress(storage);
    expect(notice).toMatch(/newer version/);
    expect(JSON.parse(JSON.parse(storage.getItem(BACKUPS_KEY)!)[0].raw).version).toBe(VERSION + 1);
  });

  it('never throws when storage itself throws', () => {
    const blocked = {
      getItem() {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as Storage;
    const result = loadProgress(blocked);
    expect(result.progress).toEqual(emptyProgress());
    expect(result.notice).toMatch(/blocks storage/);
  });
});

describe('parseProgress', () => {
  it('migrates version 1 (a list of completed ids) to the current shape', () => {
    const p = parseProgress({ version: 1, completed: ['apis/what-is-an-api', 42], lastLesson: 'apis/what-is-an-api', updatedAt: 5 });
    expect(p.version).toBe(VERSION);
    expect(p.lessons).toEqual({ 'apis/what-is-an-api': { visitedAt: 5, completedAt: 5 } });
    expect(p.lastLesson).toBe('apis/what-is-an-api');
    expect(p.cards).toEqual({});
  });

  it('drops entries with wrong types and keeps the good ones', () => {
    const p = parseProgress({
      version: VERSION,
      lessons: { good: { visitedAt: 1 }, bad: { visitedAt: 'yesterday' }, alsoBad: null },
      quizzes: { q: { score: 9, total: 3, at: 1 }, ok: { score: 2, total: 3, at: 1, best: 99, missed: ['x', 7] } },
      questions: { a: { seen: 1, correct: 5, lastCorrect: 'yes', at: 3 } },
      cards: { c: { due: 1 } },
      drafts: { d: 'text', e: 12 },
      lastLesson: { evil: true },
    });
    expect(p.lessons).toEqual({ good: { visitedAt: 1 } });
    expect(p.quizzes).toEqual({ ok: { score: 2, total: 3, at: 1, best: 3, missed: ['x'], answers: {} } });
    expect(p.questions).toEqual({ a: { seen: 1, correct: 1, lastCorrect: false, at: 3 } });
    expect(p.cards).toEqual({});
    expect(p.drafts).toEqual({ d: 'text' });
    expect(p.lastLesson).toBeUndefined();
  });

  it('caps hostile input: huge strings, huge keys, too many ids', () => {
    const lessons: Record<string, unknown> = {};
    for (let i = 0; i < LIMITS.ids + 50; i++) lessons[`l${i}`] = { visitedAt: i };
    lessons['x'.repeat(LIMITS.idLength + 1)] = { visitedAt: 1 };
    const p = parseProgress({ version: VERSION, lessons, drafts: { d: 'y'.repeat(LIMITS.draftLength * 3) } });
    expect(Object.keys(p.lessons)).toHaveLength(LIMITS.ids);
    expect(p.drafts.d).toHaveLength(LIMITS.draftLength);
  });

  it('refuses things that are not progress records', () => {
    expect(() => parseProgress([])).toThrow(/not a progress record/);
    expect(() => parseProgress({ lessons: {} })).toThrow(/not a progress record/);
    expect(() => parseProgress({ version: 0 })).toThrow(/cannot be upgraded/);
  });

  it('ignores prototype-polluting keys', () => {
    const p = parseProgress(JSON.parse('{"version":2,"lessons":{"__proto__":{"visitedAt":1}}}'));
    expect(({} as Record<string, unknown>).visitedAt).toBeUndefined();
    expect(Object.getPrototypeOf(p.lessons)).toBe(Object.prototype);
  });
});

describe('quiz and answer records', () => {
  it('keeps the best score across attempts and the latest picks', () => {
    const p = emptyProgress();
    recordQuiz(p, 'l', { score: 3, total: 4, missed: ['q4'] }, { q1: [0] }, 1);
    recordQuiz(p, 'l', { score: 1, total: 4, missed: ['q1', 'q2', 'q4'] }, { q1: [1] }, 2);
    expect(p.quizzes.l).toEqual({ score: 1, total: 4, best: 3, missed: ['q1', 'q2', 'q4'], at: 2, answers: { q1: [1] } });
    expect(parseProgress(JSON.parse(JSON.stringify(p))).quizzes.l).toEqual(p.quizzes.l);
  });
  it('counts answers per question', () => {
    const p = emptyProgress();
    recordAnswer(p, 'q', true, 1);
    recordAnswer(p, 'q', false, 2);
    expect(p.questions.q).toEqual({ seen: 2, correct: 1, lastCorrect: false, at: 2 });
  });
  it('previews an import line by line', () => {
    const a = emptyProgress();
    const b = emptyProgress();
    setLessonDone(b, 'x', true, 1);
    b.drafts.d = 'my STAR story';
    expect(importPreview(a, b)).toEqual([
      'Lessons done: 0 → 1',
      'Lessons opened: 0 → 1',
      'Lesson quizzes taken: 0 → 0 (no change)',
      'Questions answered: 0 → 0 (no change)',
      'Flashcards scheduled: 0 → 0 (no change)',
      'Saved drafts: 0 → 1',
    ]);
  });
});

describe('updates', () => {
  it('records visits and done marks, and can undo done', () => {
    const store = new ProgressStore(storage);
    const { progress: p, result } = store.change((p) => {
      visitLesson(p, 'a', 10);
      setLessonDone(p, 'a', true, 20);
    });
    expect(result).toEqual({ ok: true });
    expect(p.lastLesson).toBe('a');
    expect(loadProgress(storage).progress.lessons.a).toEqual({ visitedAt: 10, completedAt: 20, changedAt: 20 });
    store.change((p) => setLessonDone(p, 'a', false, 30));
    expect(loadProgress(storage).progress.lessons.a).toEqual({ visitedAt: 10, changedAt: 30 });
  });

  it('reports a failed write instead of throwing', () => {
    storage.failWrites = true;
    expect(saveProgress(storage, emptyProgress())).toBe(false);
  });
});

describe('lab files in the progress record', () => {
  it('keeps a lab\'s changed files, clears them when none differ, and survives a round trip', async () => {
    const { emptyProgress, parseProgress, setLabFiles } = await import('../../src/lib/progress.ts');
    const p = emptyProgress();
    expect(setLabFiles(p, 'safe-unpickling', { 'safe_loading.py': 'x = 1\n' }, 1000)).toBeUndefined();
    expect(parseProgress(JSON.parse(JSON.stringify(p))).labFiles).toEqual({ 'safe-unpickling': { files: { 'safe_loading.py': 'x = 1\n' }, at: 1000 } });
    setLabFiles(p, 'safe-unpickling', {}, 2000);
    expect(p.labFiles).toBeUndefined();
  });

  it('refuses edits over the size limit with a message, and changes nothing', async () => {
    const { emptyProgress, setLabFiles, LAB_FILE_LIMITS } = await import('../../src/lib/progress.ts');
    const p = emptyProgress();
    setLabFiles(p, 'lab', { 'a.py': 'keep' }, 1);
    expect(setLabFiles(p, 'lab', { 'a.py': 'x'.repeat(LAB_FILE_LIMITS.bytesPerLab) }, 2)).toMatch(/at most 200000 per lab.*Download your files/);
    expect(p.labFiles!.lab!.files['a.py']).toBe('keep');
  });

  it('drops malformed or oversized stored edits and counts them', async () => {
    const { parseProgress, LAB_FILE_LIMITS } = await import('../../src/lib/progress.ts');
    const report = { dropped: 0 };
    const parsed = parseProgress(
      { version: 2, lessons: {}, labFiles: { good: { files: { 'a.py': '1' }, at: 5 }, bad: { files: { 'a.py': 3 }, at: 5 }, big: { files: { 'a.py': 'x'.repeat(LAB_FILE_LIMITS.bytesPerLab + 1) }, at: 5 }, old: { files: {}, at: -1 } } },
      report,
    );
    expect(Object.keys(parsed.labFiles ?? {})).toEqual(['good']);
    expect(report.dropped).toBe(3);
  });

  it('merges per lab, the newer copy winning', async () => {
    const { emptyProgress, setLabFiles } = await import('../../src/lib/progress.ts');
    const { mergeProgress } = await import('../../src/lib/progress-merge.ts');
    const a = emptyProgress();
    const b = emptyProgress();
    setLabFiles(a, 'x', { 'a.py': 'old' }, 1);
    setLabFiles(a, 'y', { 'b.py': 'only in a' }, 1);
    setLabFiles(b, 'x', { 'a.py': 'new' }, 2);
    expect(mergeProgress(a, b).labFiles).toEqual({ x: { files: { 'a.py': 'new' }, at: 2 }, y: { files: { 'b.py': 'only in a' }, at: 1 } });
  });
});
