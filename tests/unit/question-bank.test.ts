/** The real question bank: size, mix and coverage of every interview theme. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { questionFileSchema } from '../../src/lib/question-schema.ts';
import { questionsForTheme, themeSchema } from '../../src/lib/themes.ts';

const dir = path.resolve('content/questions');
const bank = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => questionFileSchema.parse(parse(readFileSync(path.join(dir, f), 'utf8'))));
const themes = themeSchema.array().parse(parse(readFileSync(path.resolve('content/interview-themes.yaml'), 'utf8')));

describe('question bank', () => {
  it('holds at least 250 questions, at least 30 of them behavioral', () => {
    expect(bank.length).toBeGreaterThanOrEqual(250);
    expect(bank.filter((q) => q.tags.includes('behavioral')).length).toBeGreaterThanOrEqual(30);
  });

  it('has at least 8 questions per lesson, with more than one type', () => {
    const byLesson = new Map<string, typeof bank>();
    for (const q of bank) byLesson.set(q.lesson, [...(byLesson.get(q.lesson) ?? []), q]);
    for (const [lesson, qs] of byLesson) {
      expect(qs.length, lesson).toBeGreaterThanOrEqual(8);
      expect(new Set(qs.map((q) => q.type)).size, lesson).toBeGreaterThan(1);
    }
  });

  for (const theme of themes)
    it(`covers the interview theme "${theme.theme}" with at least 3 questions`, () => {
      expect(questionsForTheme(theme, bank).length).toBeGreaterThanOrEqual(3);
    });
});
