/**
 * Where a lesson's lab goes. A lesson with `lab:` places `<LabSlot />` in its MDX right
 * before `## Summary`, so the lab comes after the teaching and before the wrap-up, and the
 * build refuses a lesson whose frontmatter and body disagree.
 */

/** What the check needs from a lesson: its file, its `lab` field and its MDX source. */
export interface SlotLesson {
  filePath: string;
  lab?: string;
  body: string;
}

/** The tag authors write. */
export const LAB_SLOT = '<LabSlot />';

/** MDX with fenced code blocks blanked, so a slot shown as an example in code does not count. */
const withoutCode = (body: string) => body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');

/** Problems with the lab slots of these lessons, each naming the file and the fix. */
export function labSlotProblems(lessons: SlotLesson[]): string[] {
  const problems: string[] = [];
  for (const { filePath, lab, body } of lessons) {
    const source = withoutCode(body);
    const slots = [...source.matchAll(/<LabSlot\b[^>]*>/g)];
    if (lab && slots.length === 0)
      problems.push(`${filePath}: field \`lab\` is "${lab}", but the lesson has no ${LAB_SLOT}. Fix: put ${LAB_SLOT} on its own line right before \`## Summary\`.`);
    if (!lab && slots.length > 0)
      problems.push(`${filePath}: the lesson has ${LAB_SLOT} but no \`lab\` in its frontmatter. Fix: add \`lab: <slug of a folder under labs/>\` to the frontmatter, or remove ${LAB_SLOT}.`);
    if (slots.length > 1) problems.push(`${filePath}: ${LAB_SLOT} appears ${slots.length} times. Fix: keep one, right before \`## Summary\`.`);
    if (!lab || slots.length !== 1) continue;
    const next = /^##\s+(.+?)\s*$/m.exec(source.slice(slots[0]!.index! + slots[0]![0].length));
    if (!next || next[1] !== 'Summary')
      problems.push(
        `${filePath}: ${LAB_SLOT} must come right before \`## Summary\`, but ${next ? `the next section after it is \`## ${next[1]}\`` : 'no `## Summary` follows it'}. Fix: move ${LAB_SLOT} to the line above \`## Summary\`.`,
      );
  }
  return problems;
}
