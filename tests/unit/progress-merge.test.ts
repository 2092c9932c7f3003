import { describe, expect, it } from 'vitest';
import { emptyProgress, parseProgress, recordAnswer, recordQuiz, setDraft, setLessonDone, STORAGE_KEY, VERSION, visitLesson, type ParseReport } from '../../src/lib/progress.ts';
import { mergeProgress } from '../../src/lib/progress-merge.ts';
import { ProgressStore } from '../../src/lib/progress-store.ts';
import { parseStar, setStarPart, starKey } from '../../src/lib/star-draft.ts';
import { newCard, preview, rate } from '../../src/lib/scheduler.ts';
import { MemoryStorage } from './memory-storage.ts';

const copy = <T>(v: T): T => structuredClone(v);

describe('merge rules: two copies of the record', () => {
  it('keeps items only one side has, and the later version of items both have', () => {
    const base = emptyProgress();
    const a = copy(base);
    const b = copy(base);
    recordQuiz(a, 'l1', { score: 1, total: 2, missed: ['x'] }, {}, 10);
    recordQuiz(b, 'l1', { score: 2, total: 2, missed: [] }, {}, 20);
    recordQuiz(a, 'l2', { score: 1, total: 1, missed: [] }, {}, 5);
    recordAnswer(a, 'q1', true, 30);
    recordAnswer(b, 'q1', false, 25);
    recordAnswer(b, 'q2', true, 1);
    a.cards.c1 = rate(undefined, 'Good', 100);
    b.cards.c1 = rate(rate(undefined, 'Good', 100), 'Easy', 200);
    b.cards.c2 = rate(undefined, 'Again', 50);
    for (const m of [mergeProgress(a, b), mergeProgress(b, a)]) {
      expect(m.quizzes.l1!.score).toBe(2);
      expect(m.quizzes.l2!.at).toBe(5);
      expect(m.questions.q1).toEqual(a.questions.q1);
      expect(m.questions.q2).toEqual(b.questions.q2);
      expect(m.cards.c1).toEqual(b.cards.c1);
      expect(m.cards.c2).toEqual(b.cards.c2);
    }
  });

  it('lessons: the latest visit, and the done mark from whichever copy changed it last', () => {
    const a = emptyProgress();
    const b = emptyProgress();
    setLessonDone(a, 'l', true, 10);
    visitLesson(b, 'l', 5);
    visitLesson(b, 'l', 50);
    expect(mergeProgress(b, a).lessons.l).toEqual({ visitedAt: 50, completedAt: 10, changedAt: 10 });
    setLessonDone(b, 'l', false, 60);
    expect(mergeProgress(a, b).lessons.l).toEqual({ visitedAt: 50, changedAt: 60 });
    expect(mergeProgress(b, a).lastLesson).toBe('l');
  });

  it('drafts merge per draft by time, STAR stories per part, and a later clear stays cleared', () => {
    const a = emptyProgress();
    const b = emptyProgress();
    setStarPart(a, 'q', 'situation', 'From tab A', 10);
    setStarPart(b, 'q', 'task', 'From tab B', 11);
    setStarPart(b, 'q', 'situation', 'older text', 5);
    setDraft(a, 'mock:1', 'old answer', 1);
    setDraft(b, 'mock:1', 'new answer', 2);
    setDraft(a, 'mock:2', 'keep', 3);
    setDraft(b, 'mock:3', 'gone soon', 3);
    const cleared = copy(b);
    setDraft(cleared, 'mock:3', '', 9);
    for (const m of [mergeProgress(a, b), mergeProgress(b, a)]) {
      expect(parseStar(m.drafts[starKey('q')]).text).toEqual({ situation: 'From tab A', task: 'From tab B' });
      expect(m.drafts['mock:1']).toBe('new answer');
      expect(m.drafts['mock:2']).toBe('keep');
    }
    expect(mergeProgress(b, cleared).drafts['mock:3']).toBeUndefined();
    expect(mergeProgress(cleared, b).drafts['mock:3']).toBeUndefined();
  });

  it('a copy replaced later (import, reset) wins; the older copy keeps only what came after', () => {
    const old = emptyProgress();
    visitLesson(old, 'before', 10);
    setDraft(old, 'mock:1', 'before the reset', 10);
    old.searches = ['docker'];
    recordAnswer(old, 'after', true, 300);
    const reset = { ...emptyProgress(), replacedAt: 200 };
    const m = mergeProgress(reset, old);
    expect(Object.keys(m.lessons)).toEqual([]);
    expect(m.drafts).toEqual({});
    expect(m.searches).toEqual([]);
    expect(Object.keys(m.questions)).toEqual(['after']);
    expect(m.replacedAt).toBe(200);
  });

  it('quick alternating writes from two tabs with stale copies lose none', () => {
    // Each tab sees the shared store late: model that with one storage per tab and
    // deliver every write to the other tab as a storage event after the other has written.
    const tabA = new MemoryStorage();
    const tabB = new MemoryStorage();
    const a = new ProgressStore(tabA);
    const b = new ProgressStore(tabB);
    for (let i = 0; i < 10; i++) {
      a.change((p) => recordAnswer(p, `a${i}`, true, 1000 + i));
      b.change((p) => recordAnswer(p, `b${i}`, true, 1000 + i));
      const fromA = tabA.getItem(STORAGE_KEY)!;
      const fromB = tabB.getItem(STORAGE_KEY)!;
      // B's write lands last in shared storage: tab A sees it, tab B sees A's.
      tabA.data.set(STORAGE_KEY, fromB);
      a.receive(fromB);
      tabB.data.set(STORAGE_KEY, fromA);
      b.receive(fromA);
    }
    const final = tabA.getItem(STORAGE_KEY)!;
    tabB.data.set(STORAGE_KEY, final);
    b.receive(final);
    const ids = Object.keys(JSON.parse(tabB.getItem(STORAGE_KEY)!).questions).sort();
    expect(ids).toHaveLength(20);
    expect(ids).toEqual([...Array(10).keys()].flatMap((i) => [`a${i}`, `b${i}`]).sort());
  });
});

describe('two tabs converge', () => {
  it('after one exchange of storage events neither tab writes again (no ping-pong)', () => {
    const [sa, sb] = [new MemoryStorage(), new MemoryStorage()];
    const [a, b] = [new ProgressStore(sa), new ProgressStore(sb)];
    a.change((p) => {
      recordAnswer(p, 'x', true, 1);
      p.drafts[starKey('old')] = JSON.stringify({ situation: 'saved before part times existed' });
    });
    b.change((p) => setLessonDone(p, 'l', true, 2));
    let rounds = 0;
    let [fromA, fromB] = [sa.getItem(STORAGE_KEY), sb.getItem(STORAGE_KEY)];
    while (rounds < 10) {
      b.receive(fromA);
      a.receive(fromB);
      const [nextA, nextB] = [sa.getItem(STORAGE_KEY), sb.getItem(STORAGE_KEY)];
      if (nextA === fromA && nextB === fromB) break;
      [fromA, fromB] = [nextA, nextB];
      rounds++;
    }
    expect(rounds).toBeLessThanOrEqual(2);
    for (const s of [sa, sb]) {
      const p = JSON.parse(s.getItem(STORAGE_KEY)!);
      expect(Object.keys(p.questions)).toEqual(['x']);
      expect(p.lessons.l.completedAt).toBe(2);
      expect(parseStar(p.drafts[starKey('old')]).text.situation).toBe('saved before part times existed');
    }
  });
});

describe('validation ranges', () => {
  const good = newCard(1000);
  it.each([
    ['state 99', { state: 99 }],
    ['state 1.5', { state: 1.5 }],
    ['negative stability', { stability: -1 }],
    ['difficulty 11', { difficulty: 11 }],
    ['negative reps', { reps: -2 }],
    ['fractional lapses', { lapses: 0.5 }],
    ['due in the year 3000', { due: Date.UTC(3000, 0, 1) }],
    ['negative due', { due: -5 }],
    ['last review not a time', { last_review: 'soon' }],
  ])('drops a card with %s and counts it', (_, change) => {
    const report: ParseReport = { dropped: 0 };
    const p = parseProgress({ version: VERSION, cards: { bad: { ...good, ...change }, ok: good } }, report);
    expect(Object.keys(p.cards)).toEqual(['ok']);
    expect(report.dropped).toBe(1);
  });

  it('drops negative or fractional counts and impossible times elsewhere', () => {
    const report: ParseReport = { dropped: 0 };
    const p = parseProgress(
      {
        version: VERSION,
        lessons: { a: { visitedAt: -1 }, b: { visitedAt: 1e20 }, c: { visitedAt: 5 } },
        questions: { q: { seen: -1, correct: 0, at: 1 }, r: { seen: 1.5, correct: 0, at: 1 }, s: { seen: 2, correct: 1, at: 1 } },
      },
      report,
    );
    expect(Object.keys(p.lessons)).toEqual(['c']);
    expect(Object.keys(p.questions)).toEqual(['s']);
    expect(report.dropped).toBe(4);
  });

  it('the scheduler treats a card it cannot handle as new instead of throwing', () => {
    const broken = { ...good, state: 99, stability: -3 };
    expect(() => preview(broken, 2000)).not.toThrow();
    expect(preview(broken, 2000)).toEqual(preview(undefined, 2000));
    expect(rate(broken, 'Good', 2000)).toEqual(rate(undefined, 'Good', 2000));
  });
});
