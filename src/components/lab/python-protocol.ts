/**
 * Messages between the page and the Python runner's worker (python-worker.ts). Types only,
 * so the worker, which the build serves as one self-contained file, imports nothing at run time.
 */

/** What the page asks the worker to do. */
export type RunnerRequest =
  | { type: 'init'; id: number; indexUrl: string; packagesUrl: string }
  /** pytest over the lab's files; `pytest` are wheel URLs, `packages` lock-file names. */
  | { type: 'tests'; id: number; files: Record<string, string>; pytest: string[]; packages: string[] }
  /** The lab's main script, as `python <script>` from the lab folder. */
  | { type: 'run'; id: number; files: Record<string, string>; script: string; pytest: string[]; packages: string[] }
  /** A lesson's code block; its imports decide which packages load. */
  | { type: 'exec'; id: number; code: string };

/** One test as pytest reported it. */
export interface TestResult {
  /** Dotted module path plus any classes, as in pytest's JUnit report ("tests.test_step1_x"). */
  classname: string;
  /** The test function, with parameters ("test_refuses[os-system]"). */
  name: string;
  /** `error` is a test module that could not be collected. */
  outcome: 'passed' | 'failed' | 'skipped' | 'error';
  /** pytest's one-line reason, e.g. "AssertionError: assert 1 == 2". */
  message: string;
  /** pytest's full failure text (trimmed). */
  details: string;
}

/** A pytest run: its exit code and every test. */
export interface TestReport {
  exitCode: number;
  results: TestResult[];
}

/** What the worker tells the page. */
export type RunnerReply =
  | { type: 'progress'; loaded: number }
  | { type: 'stdout'; text: string }
  | { type: 'ready'; id: number; loaded: number }
  | { type: 'done'; id: number; report?: TestReport }
  /** `packages`: a download failed; `start`: the runtime did not start; `python`: the code raised. */
  | { type: 'error'; id: number; kind: 'packages' | 'start' | 'python'; message: string };
