/**
 * Which step of a lab a pytest test checks, from its name. Shared by labs:verify (Node) and
 * the in-page runner (browser), so it imports nothing.
 */

/** The step a pytest test belongs to, from `test_step2_…` or a class `TestStep2…`, if its name says. */
export function stepOf(classname: string, name: string): number | undefined {
  const fromName = /^test_step_?(\d+)(?!\d)/i.exec(name);
  const fromClass = classname
    .split('.')
    .map((part) => /^TestStep_?(\d+)(?!\d)/.exec(part))
    .find(Boolean);
  const digits = fromName?.[1] ?? fromClass?.[1];
  return digits === undefined ? undefined : Number(digits);
}
