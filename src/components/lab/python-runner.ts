/**
 * The page's side of the Python runner: starts the worker on first use, keeps it warm for
 * later runs, and ends it when a run passes its time limit (an endless loop cannot be
 * interrupted any other way without cross-origin isolation everywhere). One runner per page,
 * shared by the lab and the lesson's runnable code blocks.
 */
import type { RunnerReply, RunnerRequest, TestReport } from './python-protocol.ts';

/** Where the runner's files are, from the page's data attributes (written by the build). */
export interface RunnerSettings {
  worker: string;
  indexUrl: string;
  packagesUrl: string;
}

/** Longest a run may take once the runtime is up; the limit the page states when it ends one. */
export const RUN_LIMIT_MS = 60_000;
/** Longest the first start (downloading about 13 MB) may take before the page gives up. */
export const START_LIMIT_MS = 180_000;

/** A run that failed: `timeout` (ended by the page), `packages` (a download failed), `start` or `python`. */
export class RunError extends Error {
  override name = 'RunError';
  readonly kind: 'timeout' | 'packages' | 'start' | 'python';
  constructor(message: string, kind: 'timeout' | 'packages' | 'start' | 'python') {
    super(message);
    this.kind = kind;
  }
}

/** Callbacks for one run: bytes downloaded so far, and each piece of output. */
export interface RunListeners {
  onProgress?: (loaded: number) => void;
  onOutput?: (text: string) => void;
}

type Body<T> = T extends unknown ? Omit<T, 'id'> : never;

class PythonRunner {
  #worker?: Worker;
  #ready?: Promise<void>;
  #next = 0;
  #listeners: RunListeners = {};
  #pending = new Map<number, { resolve: (r: RunnerReply) => void; reject: (e: RunError) => void; timer?: number }>();

  readonly settings: RunnerSettings;
  constructor(settings: RunnerSettings) {
    this.settings = settings;
  }

  /** True once the runtime has started and no run has ended it since. */
  get warm() {
    return Boolean(this.#worker && this.#ready);
  }

  #spawn() {
    const worker = new Worker(this.settings.worker, { type: 'module', name: 'python-runner' });
    worker.onmessage = ({ data }: MessageEvent<RunnerReply>) => {
      if (data.type === 'progress') return this.#listeners.onProgress?.(data.loaded);
      if (data.type === 'stdout') return this.#listeners.onOutput?.(data.text);
      const call = this.#pending.get(data.id);
      if (!call) return;
      this.#pending.delete(data.id);
      clearTimeout(call.timer);
      if (data.type === 'error') call.reject(new RunError(data.message, data.kind));
      else call.resolve(data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.#fail(new RunError(event.message || 'the runner script could not be loaded', 'start'));
    };
    return worker;
  }

  /** Ends the worker and rejects whatever was waiting; the next run starts a fresh one. */
  #fail(error: RunError) {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#ready = undefined;
    for (const call of this.#pending.values()) {
      clearTimeout(call.timer);
      call.reject(error);
    }
    this.#pending.clear();
  }

  #call(body: Body<RunnerRequest>, limitMs: number, limitMessage: string): Promise<RunnerReply> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      const timer = window.setTimeout(() => this.#fail(new RunError(limitMessage, 'timeout')), limitMs);
      this.#pending.set(id, { resolve, reject, timer });
      this.#worker!.postMessage({ ...body, id } as RunnerRequest);
    });
  }

  /** Starts the runtime (once); later calls reuse it. */
  start(listeners: RunListeners = {}): Promise<void> {
    this.#listeners = listeners;
    if (this.#ready) return this.#ready;
    this.#worker = this.#spawn();
    const { indexUrl, packagesUrl } = this.settings;
    const seconds = START_LIMIT_MS / 1000;
    this.#ready = this.#call({ type: 'init', indexUrl, packagesUrl }, START_LIMIT_MS, `Python did not start within ${seconds} s`).then(() => undefined);
    this.#ready.catch(() => this.#fail(new RunError('Python did not start', 'start')));
    return this.#ready;
  }

  /** Runs a request after starting the runtime, within the time limit. */
  async run(body: Body<Exclude<RunnerRequest, { type: 'init' }>>, listeners: RunListeners = {}): Promise<RunnerReply> {
    await this.start(listeners);
    this.#listeners = listeners;
    const seconds = RUN_LIMIT_MS / 1000;
    return this.#call(body, RUN_LIMIT_MS, `The run took longer than ${seconds} s, so it was stopped. Look for an endless loop, or a very slow step.`);
  }

  /** Runs the lab's tests and resolves with pytest's report. */
  async tests(body: Body<Extract<RunnerRequest, { type: 'tests' }>>, listeners?: RunListeners): Promise<TestReport> {
    const reply = await this.run(body, listeners);
    return (reply as Extract<RunnerReply, { type: 'done' }>).report!;
  }
}

let shared: PythonRunner | undefined;
/** The page's runner, created on first use with the settings of whichever widget asked first. */
export function pythonRunner(settings: RunnerSettings): PythonRunner {
  shared ??= new PythonRunner(settings);
  return shared;
}

/** Reads runner settings from an element's data attributes (`data-runner-worker` and so on). */
export function runnerSettings(element: HTMLElement): RunnerSettings {
  const { runnerWorker, runnerIndex, runnerPackages } = element.dataset;
  return { worker: runnerWorker!, indexUrl: runnerIndex!, packagesUrl: runnerPackages! };
}
