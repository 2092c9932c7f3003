/**
 * Lint of the question bank for answers that can be guessed without knowing the material:
 * the right choice is too often the longest, multiple-choice answers that a length strategy
 * gives away, a multiple-choice question where every option (or only one) is right, two choices with the same text, and choices that refer to others
 * by position (choices are shuffled). Messages name the file, the
 * question, the figure and the fix. Run by `npm test` (tests/unit/bank-lint.test.ts) and
 * reported by `npm run bench`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { questionFileSchema, type Question } from './question-schema.ts';

/** The parts of a question the lint reads. */
export interface LintQuestion {
  id: string;
  type: 'single' | 'multiple' | 'true-false' | 'open';
  choices?: { text: string; correct: boolean }[];
  /** File the question comes from, for messages. */
  file: string;
}

/** Highest share of single-choice questions whose right choice may be the longest (chance for four choices is 25 %). */
export const MAX_LONGEST_SHARE = 0.3;
/**
 * Highest share of multiple-choice questions a length strategy may answer exactly right
 * ("tick all but the shortest", "all but the longest", "the longer half"). Guessing a subset
 * at random gets about 15 % of today's questions right; a strategy far above that means the
 * choices' lengths give the answers away.
 */
export const MAX_STRATEGY_SHARE = 0.25;

/** Lazy ways to answer a multiple-choice question by the choices' lengths alone. */
const LENGTH_STRATEGIES: { name: string; picks: (lengths: number[]) => Set<number> }[] = [
  { name: 'ticking all but the shortest choice', picks: (l) => new Set(l.map((_, i) => i).filter((i) => i !== l.indexOf(Math.min(...l)))) },
  { name: 'ticking all but the longest choice', picks: (l) => new Set(l.map((_, i) => i).filter((i) => i !== l.indexOf(Math.max(...l)))) },
  {
    name: 'ticking the longer half of the choices',
    picks: (l) =>
      new Set(
        l
          .map((n, i) => [n, i] as const)
          .sort((a, b) => b[0] - a[0])
          .slice(0, Math.ceil(l.length / 2))
          .map(([, i]) => i),
      ),
  },
];
/** How many of the worst offenders a failing length rule names. */
export const WORST_SHOWN = 10;

/** What the lint found. */
export interface LintReport {
  /** Single-choice questions looked at. */
  singles: number;
  /** Of those, how many have the right choice as the longest (ties count). */
  rightLongest: number;
  /** rightLongest / singles, 0..1. */
  longestShare: number;
  /** Multiple-choice questions looked at. */
  multiples: number;
  /** The best length strategy on them: its name and the share it answers exactly right, 0..1. */
  bestStrategy: { name: string; share: number };
  /** Every problem, one message each; empty when the bank passes. */
  problems: string[];
}

/** Length of a choice's text; line breaks and repeated spaces in the YAML do not count. */
const shownLength = (text: string) => text.replace(/\s+/g, ' ').trim().length;
/** Choices that only make sense in a fixed order ("All of the above", "Both A and B"). */
const POSITIONAL = /\b(?:(?:all|none|both|either|neither) of the (?:above|below|others|previous)|both [A-D] and [A-D]|options? [A-D]\b)/i;
/** Text compared for duplicates: case and spacing ignored. */
const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
const pct = (share: number) => `${(share * 100).toFixed(1)} %`;

/** How well each length strategy does on the multiple-choice questions, the best first, with the questions it gets right. */
function strategyScores(questions: LintQuestion[]) {
  const multiples = questions.filter((q) => q.type === 'multiple' && (q.choices?.length ?? 0) > 2);
  return {
    multiples: multiples.length,
    scores: LENGTH_STRATEGIES.map(({ name, picks }) => {
      const won = multiples.filter((q) => {
        const chosen = picks(q.choices!.map((c) => shownLength(c.text)));
        return q.choices!.every((c, i) => c.correct === chosen.has(i));
      });
      return { name, share: multiples.length ? won.length / multiples.length : 0, won };
    }).sort((a, b) => b.share - a.share),
  };
}

/** Lints a bank; `maxShare` is the limit of the single-choice length rule, `maxStrategy` of the multiple-choice one. */
export function lintBank(questions: LintQuestion[], maxShare = MAX_LONGEST_SHARE, maxStrategy = MAX_STRATEGY_SHARE): LintReport {
  const problems: string[] = [];
  // Right-longest single questions with how much longer the key is than the longest distractor.
  const longest: { q: LintQuestion; ratio: number }[] = [];
  let singles = 0;
  for (const q of questions) {
    const choices = q.choices ?? [];
    const where = `${q.file}: question "${q.id}"`;
    const seen = new Map<string, number>();
    choices.forEach((c, i) => {
      const first = seen.get(normal(c.text));
      if (first !== undefined)
        problems.push(`${where}: choices ${first + 1} and ${i + 1} have the same \`text\` ("${c.text.trim()}"). Fix: reword one, or remove it.`);
      else seen.set(normal(c.text), i);
    });
    for (const c of choices)
      if (POSITIONAL.test(c.text))
        problems.push(`${where}: the choice "${c.text.trim()}" points at other choices by position, but choices are shown in a random order. Fix: name what it means instead.`);
    const right = choices.filter((c) => c.correct).length;
    if (q.type === 'multiple' && choices.length > 1 && right === choices.length)
      problems.push(`${where}: every choice is \`correct: true\`, so ticking everything scores. Fix: add at least one plausible wrong choice.`);
    if (q.type === 'multiple' && right === 1)
      problems.push(`${where}: only one choice is \`correct: true\` in a \`multiple\` question. Fix: make it \`type: single\`, or add another right choice.`);
    if (q.type !== 'single' || right !== 1) continue;
    singles++;
    const key = shownLength(choices.find((c) => c.correct)!.text);
    const others = Math.max(0, ...choices.filter((c) => !c.correct).map((c) => shownLength(c.text)));
    if (key >= others) longest.push({ q, ratio: key / Math.max(1, others) });
  }
  const share = singles ? longest.length / singles : 0;
  if (share > maxShare) {
    const worst = longest
      .sort((a, b) => b.ratio - a.ratio)
      .slice(0, WORST_SHOWN)
      .map(({ q, ratio }) => `  ${q.file}: "${q.id}" (right choice ${ratio.toFixed(1)}× the longest wrong one)`);
    problems.unshift(
      [
        `The right choice is the longest (ties count) in ${longest.length} of ${singles} single-choice questions (${pct(share)}); the limit is ${pct(maxShare)}.`,
        `A student can score by picking the longest answer. Fix: make wrong choices as specific and as long as the right one, or the right one shorter, starting with these:`,
        ...worst,
      ].join('\n'),
    );
  }
  const { multiples, scores } = strategyScores(questions);
  const best = scores[0]!;
  if (best.share > maxStrategy)
    problems.push(
      [
        `${best.name[0]!.toUpperCase()}${best.name.slice(1)} answers ${best.won.length} of ${multiples} multiple-choice questions exactly right (${pct(best.share)}); the limit is ${pct(maxStrategy)}.`,
        `A student can score by the choices' lengths. Fix: vary which choices are long: make some wrong choices as long and specific as the right ones, starting with these:`,
        ...best.won.slice(0, WORST_SHOWN).map((q) => `  ${q.file}: "${q.id}"`),
      ].join('\n'),
    );
  return { singles, rightLongest: longest.length, longestShare: share, multiples, bestStrategy: { name: best.name, share: best.share }, problems };
}

/** Reads and validates every `<module>.yaml` under `dir`, tagging each question with its file (relative to the working directory). */
export function readBank(dir: string): (Question & { file: string })[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => {
      const file = path.join(dir, f);
      return questionFileSchema.parse(parse(readFileSync(file, 'utf8'))).map((q) => ({ ...q, file: path.relative(process.cwd(), file) }));
    });
}
