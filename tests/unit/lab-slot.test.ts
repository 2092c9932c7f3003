import { describe, expect, it } from 'vitest';
import { labSlotProblems } from '../../src/lib/lab-slot.ts';

const FILE = 'content/lessons/apis/03-http.mdx';
const body = (...sections: string[]) => ['Intro.', ...sections].join('\n\n');

describe('labSlotProblems', () => {
  it('accepts a lab lesson with the slot right before Summary, and a lesson with neither', () => {
    expect(
      labSlotProblems([
        { filePath: FILE, lab: 'call-an-api', body: body('## Common mistakes', 'Text.', '<LabSlot />', '## Summary', '- a', '## Further reading') },
        { filePath: 'b.mdx', body: body('## Summary', '- a') },
      ]),
    ).toEqual([]);
  });

  it('names the file and the fix when the lesson has a lab but no slot', () => {
    expect(labSlotProblems([{ filePath: FILE, lab: 'call-an-api', body: body('## Summary') }])).toEqual([
      `${FILE}: field \`lab\` is "call-an-api", but the lesson has no <LabSlot />. Fix: put <LabSlot /> on its own line right before \`## Summary\`.`,
    ]);
  });

  it('names the file and the fix when the lesson has a slot but no lab', () => {
    const [problem] = labSlotProblems([{ filePath: FILE, body: body('<LabSlot />', '## Summary') }]);
    expect(problem).toBe(`${FILE}: the lesson has <LabSlot /> but no \`lab\` in its frontmatter. Fix: add \`lab: <slug of a folder under labs/>\` to the frontmatter, or remove <LabSlot />.`);
  });

  it('refuses a slot anywhere but right before Summary', () => {
    expect(labSlotProblems([{ filePath: FILE, lab: 'x', body: body('## Summary', '- a', '<LabSlot />', '## Further reading') }])).toEqual([
      `${FILE}: <LabSlot /> must come right before \`## Summary\`, but the next section after it is \`## Further reading\`. Fix: move <LabSlot /> to the line above \`## Summary\`.`,
    ]);
    expect(labSlotProblems([{ filePath: FILE, lab: 'x', body: body('## Summary', '- a', '<LabSlot />') }])[0]).toContain('no `## Summary` follows it');
    // A `### Summary` subsection is not the lesson's Summary.
    expect(labSlotProblems([{ filePath: FILE, lab: 'x', body: body('<LabSlot />', '### Summary', '## Interview angle') }])).toHaveLength(1);
  });

  it('refuses two slots', () => {
    expect(labSlotProblems([{ filePath: FILE, lab: 'x', body: body('<LabSlot />', '<LabSlot />', '## Summary') }])).toEqual([
      `${FILE}: <LabSlot /> appears 2 times. Fix: keep one, right before \`## Summary\`.`,
    ]);
  });

  it('ignores a slot shown inside a code block', () => {
    const fenced = body('```mdx', '<LabSlot />', '```', '## Summary');
    expect(labSlotProblems([{ filePath: FILE, body: fenced }])).toEqual([]);
    expect(labSlotProblems([{ filePath: FILE, lab: 'x', body: fenced }])[0]).toContain('has no <LabSlot />');
  });
});
