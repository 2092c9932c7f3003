/**
 * Reads pytest's JUnit XML report (`pytest --junitxml=report.xml`) into the same summary
 * `node --test`'s TAP output gives, so `lab-verify.ts` judges Python and Node labs with one
 * set of rules. A test module that cannot be imported is a collection error: it counts as a
 * crash, not a failing test.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import type { TapSummary } from './lab-verify.ts';
import { stepOf } from './pytest-steps.ts';

export { stepOf };

/**
 * A failing test's name as `labs:verify` reports it: "step 2: module.Class::test_name", so
 * a known-bad answer's `Fails: step 2` line matches Python tests as it matches Node ones.
 */
export function pytestName(classname: string, name: string): string {
  const id = classname ? `${classname}::${name}` : name;
  const step = stepOf(classname, name);
  return step === undefined ? id : `step ${step}: ${id}`;
}

/** The summary of a pytest run from its JUnit XML; an empty or unreadable report counts no tests. */
export function parseJunit(xml: string): TapSummary {
  const doc = parseDocument(xml, { xmlMode: true });
  const cases = DomUtils.getElementsByTagName('testcase', doc, true);
  const summary: TapSummary = { tests: 0, pass: 0, fail: 0, failures: [], crashed: [] };
  for (const testcase of cases) {
    const classname = testcase.attribs.classname ?? '';
    const name = testcase.attribs.name ?? '';
    const child = (tag: string) => DomUtils.findOne((e) => e.name === tag, testcase.children, false);
    const error = child('error');
    // pytest reports a module it could not import as a nameless class with an error "collection failure".
    if (error && classname === '' && /collection failure/i.test(error.attribs.message ?? '')) {
      summary.crashed.push(name);
      summary.failures.push(name);
      summary.fail++;
      summary.tests++;
      continue;
    }
    if (child('skipped')) continue;
    summary.tests++;
    if (error || child('failure')) {
      summary.fail++;
      summary.failures.push(pytestName(classname, name));
    } else summary.pass++;
  }
  return summary;
}

/** The first assertion lines of each failing test in a report, for a broken lab's message. */
export function junitExcerpt(xml: string, max = 8): string {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  return DomUtils.getElementsByTagName('testcase', doc, true)
    .flatMap((testcase) => {
      const bad = DomUtils.findOne((e) => e.name === 'failure' || e.name === 'error', testcase.children, false);
      return bad ? [`${pytestName(testcase.attribs.classname ?? '', testcase.attribs.name ?? '')}: ${(bad.attribs.message ?? '').split('\n')[0]}`] : [];
    })
    .slice(0, max)
    .join('\n');
}
