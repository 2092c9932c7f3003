/**
 * `npm run check:lesson-code`: runs every ```` ```python run ```` block of the lessons with
 * CPython, each in a fresh temporary folder with a time limit, in a virtual environment made
 * from content/lessons/requirements.txt. A block that raises, times out or prints something
 * other than its ```` ```text output ```` block fails, named by file and line. Without Python,
 * the check is skipped with what to install, except in CI where that is an error.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONTENT_DIR } from '../src/lib/paths.ts';
import { describeEnv, ensureEnv, PythonEnvError, readRequirements } from '../src/lib/python-env.ts';
import { extractRunnableBlocks, outputMismatch, type RunnableBlock } from '../src/lib/runnable-code.ts';

/** A sample that runs longer than this is stopped and reported. */
const TIMEOUT_MS = Number(process.env.MLOPS_LESSON_CODE_TIMEOUT_MS ?? 30_000);
const lessonsDir = path.join(CONTENT_DIR, 'lessons');
const relative = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');

function lessonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.mdx'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The problem with one block, or undefined when it ran as shown. */
function run(python: string, block: RunnableBlock): string | undefined {
  const cwd = mkdtempSync(path.join(tmpdir(), 'lesson-code-'));
  try {
    // -I: no user site-packages or PYTHON* variables, so the sample sees only the environment.
    const r = spawnSync(python, ['-I', '-'], { cwd, input: block.code, encoding: 'utf8', timeout: TIMEOUT_MS, killSignal: 'SIGKILL' });
    if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return `did not finish within ${TIMEOUT_MS / 1000} s. Fix: make the sample end quickly, or drop \`run\`.`;
    if (r.status !== 0) {
      const trace = r.stderr.trim().split('\n');
      return `exited with ${r.status ?? r.signal}: ${trace.slice(-1)[0] ?? ''}\n${trace.slice(-6).map((l) => `    ${l}`).join('\n')}`;
    }
    if (block.expected !== undefined) {
      const mismatch = outputMismatch(block.expected, r.stdout);
      if (mismatch) return `${mismatch}. Fix: update the \`text output\` block after it (or the sample).`;
    }
    return undefined;
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

let blocks: RunnableBlock[];
try {
  blocks = lessonFiles(lessonsDir).flatMap((file) => extractRunnableBlocks(readFileSync(file, 'utf8'), relative(file)));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
if (blocks.length === 0) {
  console.log('No runnable code blocks (```python run) in the lessons.');
  process.exit(0);
}
let python: string;
try {
  const env = ensureEnv(readRequirements(path.join(lessonsDir, 'requirements.txt')));
  python = env.python;
  console.log(`Running ${blocks.length} lesson samples with ${describeEnv(env)}`);
} catch (error) {
  if (!(error instanceof PythonEnvError)) throw error;
  console.log(`${process.env.CI ? 'FAIL' : 'SKIP'} lesson code: ${error.message}${process.env.CI ? '' : ' (In CI this is an error.)'}`);
  process.exit(process.env.CI ? 1 : 0);
}
let failed = 0;
for (const block of blocks) {
  const problem = run(python, block);
  if (problem) failed++;
  console.log(`${problem ? 'FAIL' : 'ok  '} ${block.file}:${block.line}${block.expected !== undefined ? ' (output checked)' : ''}${problem ? `: ${problem}` : ''}`);
}
console.log(`\n${blocks.length - failed} of ${blocks.length} lesson samples ran as shown`);
process.exit(failed ? 1 : 0);
