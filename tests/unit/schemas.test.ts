import { describe, expect, it } from 'vitest';
import { lessonSchema, moduleSchema, glossarySchema } from '../../src/lib/schemas.ts';

const valid = {
  title: 'Why save a model',
  description: 'What saving buys you.',
  module: 'saving-models',
  order: 1,
  minutes: 15,
  objectives: ['Explain why'],
  lastReviewed: '2026-11-27',
};
/** The message Zod reports for one field, as the build would print it. */
const messageFor = (data: unknown, field: string) => {
  const result = lessonSchema.safeParse(data);
  if (result.success) return undefined;
  return result.error.issues.find((i) => i.path[0] === field)?.message;
};

describe('lessonSchema', () => {
  it('accepts a valid lesson and fills defaults', () => {
    const parsed = lessonSchema.parse(valid);
    expect(parsed.prerequisites).toEqual([]);
    expect(parsed.lastReviewed).toEqual(new Date('2026-11-27'));
  });

  it('says a missing title is missing and how to add it', () => {
    const { title: _, ...noTitle } = valid;
    expect(messageFor(noTitle, 'title')).toBe('is missing. Fix: add a `title` to the frontmatter, e.g. title: "Why save a model".');
  });

  it('explains a module id with capitals', () => {
    expect(messageFor({ ...valid, module: 'Saving Models' }, 'module')).toBe(
      'is not valid (got "Saving Models"). Fix: use lower-case letters, digits and hyphens only for the `module`, e.g. "saving-models".',
    );
  });

  it('explains a wrong type', () => {
    expect(messageFor({ ...valid, minutes: '15' }, 'minutes')).toBe(
      'has the wrong type (got "15"). Fix: set `minutes` to the estimated time to study the lesson, e.g. minutes: 15.',
    );
  });

  it('rejects an empty objectives list and over-long lessons', () => {
    expect(messageFor({ ...valid, objectives: [] }, 'objectives')).toMatch(/Fix: give at least one objective\./);
    expect(messageFor({ ...valid, minutes: 300 }, 'minutes')).toMatch(/Fix: split a lesson longer than 120 minutes/);
  });

  it('rejects a date that is not a date', () => {
    expect(messageFor({ ...valid, lastReviewed: 'last week' }, 'lastReviewed')).toMatch(/Fix: set `lastReviewed` to the date/);
  });
});

describe('moduleSchema and glossarySchema', () => {
  it('requires a positive order', () => {
    const r = moduleSchema.safeParse({ id: 'apis', title: 'APIs', summary: 's', order: 0 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/Fix: `order` counts from 1\./);
  });
  it('defaults related terms to an empty list', () => {
    expect(glossarySchema.parse({ id: 'onnx', term: 'ONNX', definition: 'A format.' }).related).toEqual([]);
  });
});
