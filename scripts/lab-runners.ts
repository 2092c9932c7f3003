/**
 * How `labs:verify` installs and runs one lab's tests, per runtime: Node labs with
 * `node --test` (TAP), Python labs with pytest in a cached virtual environment (JUnit XML).
 * Both return the same summary, which `src/lib/lab-verify.ts` judges. Runs never block, so
 * several labs can be verified at once.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseTap, type TapSummary } from '../src/lib/lab-verify.ts';
import type { Lab } from '../src/lib/labs.ts';
import { junitExcerpt, parseJunit } from '../src/lib/pytest-report.ts';
import { describeEnv, ensureEnv } from '../src/lib/python-env.ts';

/** One test run: the summary, the exit code and an excerpt for the report. */
export interface Run {
  summary: TapSummary;
  code: number;
  output: string;
}

/** A lab's runner in its temporary folder: `prepare` installs (or names the problem), `test` runs the tests. */
export interface LabRunner {
  /** Installs what the tests need; resolves to a problem message or undefined. */
  prepare(): Promise<string | undefined>;
  test(): Promise<Run>;
  /** What the run used, e.g. "Python 3.11.7; pytest 9.1.1", once prepared. */
  environment?: string;
}

/** Runs a command to completion without blocking, so several labs can be verified at once. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, timeout: 300_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => resolve({ status: 1, stdout, stderr: `${stderr}${error.message}` }));
    child.on('close', (code) => resolve({ status: code ?? 1, stdout, stderr }));
  });
}

const npm = (dir: string, args: string[]) => run('npm', args, dir, { ...process.env, CI: '1', NO_COLOR: '1' });

/** The assertion lines of a node run, so a broken lab's report shows what went wrong. */
const tapExcerpt = (output: string) =>
  output
    .split('\n')
    .filter((l) => /^\s*(error:|not ok)|^#\s+(Error|AssertionError)/.test(l))
    .slice(0, 8)
    .join('\n');

/** Node labs: `npm install` when there are dependencies, then the `node --test` script run with node directly. */
export function nodeRunner(lab: Lab, dir: string): LabRunner {
  const pkg = JSON.parse(lab.project.files['package.json']!);
  const testScript: string = pkg.scripts?.test ?? '';
  return {
    async prepare() {
      // Only plain arguments, so the script can be run without a shell and give the same result.
      if (!/^node --test(\s+[\w./*=-]+)*\s*$/.test(testScript))
        return 'starter/package.json: the "test" script must be "node --test" (plus plain arguments) so results can be read. Fix: set "test": "node --test".';
      if (Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).length) {
        const install = await npm(dir, ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error']);
        if (install.status !== 0) return `npm install failed: ${install.stderr.trim().split('\n').slice(-3).join(' ')}`;
      }
      return undefined;
    },
    // Going through `npm test` costs seconds per run on a busy machine, and a lab runs once per known-bad answer.
    async test() {
      const args = testScript.trim().split(/\s+/).slice(1);
      const r = await run(process.execPath, [...args, '--test-reporter=tap'], dir, { ...process.env, NO_COLOR: '1' });
      const output = `${r.stdout}\n${r.stderr}`;
      return { summary: parseTap(output), code: r.status, output: tapExcerpt(output) };
    },
  };
}

/** Python labs: a virtual environment from starter/requirements.txt (cached), then pytest with a JUnit report. */
export function pythonRunner(lab: Lab, dir: string): LabRunner {
  let python = '';
  const runner: LabRunner = {
    async prepare() {
      // ensureEnv throws PythonEnvError, with what to install, when Python or venv is missing.
      const env = ensureEnv(lab.project.files['requirements.txt']!);
      python = env.python;
      runner.environment = describeEnv(env);
      return undefined;
    },
    async test() {
      const report = path.join(dir, '.verify-report.xml');
      rmSync(report, { force: true });
      // No cache folder and no bytecode: each overlay must be judged from its own files only.
      const r = await run(python, ['-B', '-m', 'pytest', '-q', '-p', 'no:cacheprovider', `--junitxml=${report}`], dir, {
        ...process.env,
        PYTHONDONTWRITEBYTECODE: '1',
        PYTHONHASHSEED: '0',
        NO_COLOR: '1',
      });
      let xml = '';
      try {
        xml = readFileSync(report, 'utf8');
      } catch {
        // No report: pytest itself failed to start (bad pytest.ini, missing pytest); the summary counts no tests.
      }
      const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-4).join('\n');
      return { summary: parseJunit(xml), code: r.status, output: (xml && junitExcerpt(xml)) || tail };
    },
  };
  return runner;
}

/** The runner for a lab's runtime. */
export const runnerFor = (lab: Lab, dir: string) => (lab.meta.runtime === 'python' ? pythonRunner(lab, dir) : nodeRunner(lab, dir));
