import { describe, expect, it } from 'vitest';
import { filterQuestions, filtersFromForm, mockSummary, NO_FILTERS, pick, seededRandom, type Filterable } from '../../src/lib/practice.ts';
import { emptyProgress } from '../../src/lib/progress.ts';
import { grade, score } from '../../src/lib/scoring.ts';

const q = (id: string, over: Partial<Filterable> = {}): Filterable => ({ id, module: 'apis', type: 'single', difficulty: 'easy', tags: [], behavioral: false, ...over });
const bank = [
  q('a'),
  q('b', { module: 'docker', difficulty: 'hard', tags: ['layers'] }),
  q('c', { type: 'open', tags: ['behavioral'], behavioral: true }),
  q('d', { module: 'docker', type: 'multiple', tags: ['layers', 'cache'] }),
];

describe('filterQuestions', () => {
  it('keeps everything with no filters', () => {
    expect(filterQuestions(bank, NO_FILTERS, emptyProgress()).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
  });
  it('combines module, difficulty, type and tag filters', () => {
    expect(filterQuestions(bank, { ...NO_FILTERS, modules: ['docker'] }, emptyProgress()).map((x) => x.id)).toEqual(['b', 'd']);
    expect(filterQuestions(bank, { ...NO_FILTERS, modules: ['docker'], difficulties: ['easy'] }, emptyProgress()).map((x) => x.id)).toEqual(['d']);
    expect(filterQuestions(bank, { ...NO_FILTERS, types: ['open'] }, emptyProgress()).map((x) => x.id)).toEqual(['c']);
    expect(filterQuestions(bank, { ...NO_FILTERS, tags: ['cache', 'behavioral'] }, emptyProgress()).map((x) => x.id)).toEqual(['c', 'd']);
  });
  it('filters on history: only missed, not seen yet', () => {
    const p = emptyProgress();
    p.questions.a = { seen: 2, correct: 1, lastCorrect: false, at: 1 };
    p.questions.b = { seen: 1, correct: 1, lastCorrect: true, at: 1 };
    p.cards.c = { due: 0, stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 1, lapses: 0, state: 1 };
    expect(filterQuestions(bank, { ...NO_FILTERS, missedOnly: true }, p).map((x) => x.id)).toEqual(['a']);
    expect(filterQuestions(bank, { ...NO_FILTERS, unseenOnly: true }, p).map((x) => x.id)).toEqual(['d']);
  });
  it('reads filters from form data', () => {
    const form = new FormData();
    form.append('module', 'docker');
    form.append('tag', 'layers');
    form.append('missed', 'on');
    expect(filtersFromForm(form)).toEqual({ ...NO_FILTERS, modules: ['docker'], tags: ['layers'], missedOnly: true });
  });
});

describe('pick', () => {
  it('is repeatable with a seed and never returns more than asked or duplicates', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const a = pick(items, 5, seededRandom(42));
    expect(a).toEqual(pick(items, 5, seededRandom(42)));
    expect(new Set(a).size).toBe(5);
    expect(pick(items, 50, seededRandom(1))).toHaveLength(20);
    expect(pick(items, 5, seededRandom(42))).not.toEqual(items.slice(0, 5));
  });
});

describe('grading', () => {
  it('marks each choice and requires exactly the right set', () => {
    const multi = { id: 'm', type: 'multiple' as const, correct: [true, false, true] };
    expect(grade(multi, [0, 2])).toEqual({ correct: true, choices: ['right', 'none', 'right'], answered: true });
    expect(grade(multi, [0])).toEqual({ correct: false, choices: ['right', 'none', 'missed'], answered: true });
    expect(grade(multi, [0, 1, 2]).correct).toBe(false);
    expect(grade(multi, [])).toMatchObject({ correct: false, answered: false });
    expect(grade(multi, [7, -1, 0.5]).answered).toBe(false);
  });
  it('scores a quiz, leaving open questions out', () => {
    const qs = [
      { id: 'x', type: 'single' as const, correct: [false, true] },
      { id: 'y', type: 'true-false' as const, correct: [true, false] },
      { id: 'z', type: 'open' as const, correct: [] },
    ];
    expect(score(qs, { x: [1], y: [1] })).toEqual({ score: 1, total: 2, missed: ['y'] });
  });
});

describe('mockSummary', () => {
  it('averages ratings and lists weak answers', () => {
    expect(
      mockSummary([
        { id: 'a', covered: 2, keyPoints: 4, rating: 2, seconds: 100, overtime: true },
        { id: 'b', covered: 3, keyPoints: 3, rating: 4, seconds: 60, overtime: false },
      ]),
    ).toEqual({ questions: 2, averageRating: 3, keyPointsCovered: 5, keyPointsTotal: 7, overtime: 1, toRevisit: ['a'] });
  });
});
