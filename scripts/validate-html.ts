/**
 * `npm run check:html`: validates every built page with html-validate (rules in
 * .htmlvalidate.json, each exception explained in the README), checks that every count
 * in its text agrees with its noun ("1 lesson", "114 interview questions"), and lists
 * problems by page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { htmlFiles } from '../src/lib/link-check.ts';
import { countMismatches, visibleText } from '../src/lib/count-wording.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const validator = new HtmlValidate(new FileSystemConfigLoader());
const pages = htmlFiles(dist);
let problems = 0;
for (const page of pages) {
  const file = path.join(dist, page);
  const html = readFileSync(file, 'utf8');
  const report = await validator.validateString(html, file);
  for (const result of report.results)
    for (const m of result.messages) {
      problems++;
      if (problems <= 200) console.error(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  for (const words of countMismatches(visibleText(html))) {
    problems++;
    if (problems <= 200) console.error(`${page}: count-wording: "${words}": write the count with plural() from src/lib/plural.ts, or fix the noun in the content`);
  }
}
console.log(`Validated ${pages.length} pages: ${problems} problem(s).`);
process.exit(problems ? 1 : 0);
