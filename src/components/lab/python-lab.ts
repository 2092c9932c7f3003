/**
 * The python lab in the page, imported by <mlops-lab> on the first click: file tabs, the
 * editor, Run tests (pytest in the worker, grouped by step), Run (the main script, in the
 * console), Reset and Apply the solution (confirmed in the page), and a zip of the student's
 * files. Edits are kept per lab in the progress store; a failed save says so.
 */
import { changedFiles, formatBytes } from '../../lib/runner-results.ts';
import { setLabFiles } from '../../lib/progress.ts';
import { changeProgress, readProgress } from '../layout/progress-client.ts';
import { pythonRunner, RunError, runnerSettings } from './python-runner.ts';
import type { TestReport } from './python-protocol.ts';
import { createEditor, type EditorView } from './python-editor.ts';
import { confirmInPage, downloadZip, renderReport, renderTabs, selectTab } from './python-lab-view.ts';

/** What project.json holds for a python lab. */
export interface PythonPayload {
  project: { files: Record<string, string> };
  solution: Record<string, string>;
  mainScript: string;
}

const SAVE_DELAY_MS = 600;

/** Drives one lab's runner; `host` is the <mlops-lab> element. */
export class PythonLab {
  #files: Record<string, string>;
  #active: string;
  #editor?: EditorView;
  #saveTimer?: number;
  #busy = false;
  #runner;
  #root: HTMLElement;

  readonly host: HTMLElement;
  readonly payload: PythonPayload;
  readonly say: (message: string, kind?: 'info' | 'error') => void;

  constructor(host: HTMLElement, payload: PythonPayload, say: (message: string, kind?: 'info' | 'error') => void) {
    this.host = host;
    this.payload = payload;
    this.say = say;
    this.#root = host.querySelector<HTMLElement>('[data-python-runner]')!;
    const saved = readProgress().labFiles?.[this.#slug]?.files ?? {};
    this.#files = { ...payload.project.files, ...saved };
    this.#active = host.dataset.openFile ?? Object.keys(this.#files)[0]!;
    this.#runner = pythonRunner(runnerSettings(host));
    this.#renderTabs();
    this.#open(this.#active);
    this.#root.hidden = false;
    this.#bind();
    if (Object.keys(saved).length) this.say(`Your changes to ${Object.keys(saved).join(', ')} were restored from this browser.`);
  }

  get #slug() {
    return this.host.dataset.slug!;
  }
  #q<T extends HTMLElement>(selector: string) {
    return this.#root.querySelector<T>(selector)!;
  }

  #bind() {
    const on = (name: string, fn: () => void) => this.#q(`[data-runner="${name}"]`).addEventListener('click', fn);
    on('tests', () => void this.runTests());
    on('run', () => void this.runMain());
    on('zip', () => this.#download());
    on('reset', () => this.#confirm('Reset every file to the starter? Your changes will be lost.', () => this.#replace({ ...this.payload.project.files }, 'The files are back to the starter.')));
    on('solution', () =>
      this.#confirm('Replace your files with the solution? Your changes to those files will be lost.', () =>
        this.#replace({ ...this.#files, ...this.payload.solution }, 'The solution is applied. Press Run tests to see the tests pass.'),
      ),
    );
  }

  #renderTabs() {
    const names = Object.keys(this.#files).sort((a, b) => a.localeCompare(b));
    renderTabs(this.#q('[role="tablist"]'), this.#q('[role="tabpanel"]').id, names, (name) => this.#open(name));
  }

  #open(name: string) {
    this.#active = name;
    selectTab(this.#q('[role="tablist"]'), this.#q('[role="tabpanel"]'), name);
    this.#editor?.destroy();
    this.#editor = createEditor(this.#q('.runner-editor'), this.#files[name] ?? '', `Edit ${name}`, (text) => {
      this.#files[this.#active] = text;
      this.#scheduleSave();
    });
  }

  #scheduleSave() {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = window.setTimeout(() => this.#save(), SAVE_DELAY_MS);
  }

  #save() {
    let problem: string | undefined;
    const outcome = changeProgress((p) => {
      problem = setLabFiles(p, this.#slug, changedFiles(this.#files, this.payload.project.files), Date.now());
    });
    if (problem) this.say(problem, 'error');
    else if (!outcome.saved) this.say(`Your changes are not saved in this browser: ${outcome.message ?? 'storage refused them'}. Download your files (.zip) to keep them.`, 'error');
  }

  #confirm(question: string, action: () => void) {
    confirmInPage(this.#q('.runner-confirm'), question, action);
  }

  #replace(files: Record<string, string>, message: string) {
    this.#files = files;
    this.#renderTabs();
    this.#open(this.#active in files ? this.#active : Object.keys(files)[0]!);
    this.#save();
    this.say(message);
  }

  #download() {
    downloadZip(this.#slug, this.#files);
  }

  /** Disables the run buttons and shows the first-start progress while `work` runs. */
  async #busyWith(label: string, work: (console: HTMLElement) => Promise<void>) {
    if (this.#busy) return;
    this.#busy = true;
    const buttons = [...this.#root.querySelectorAll<HTMLButtonElement>('[data-runner="tests"], [data-runner="run"]')];
    buttons.forEach((b) => (b.disabled = true));
    this.host.setAttribute('aria-busy', 'true');
    const output = this.#q('.runner-console');
    output.textContent = '';
    const progress = this.#q('.runner-progress');
    const total = Number(this.host.dataset.runnerCoreBytes);
    progress.hidden = this.#runner.warm;
    this.say(this.#runner.warm ? `${label}…` : `Starting Python in this page (about ${formatBytes(total)} on the first run; later runs reuse it)…`);
    try {
      await work(output);
    } catch (error) {
      this.#failure(error);
    } finally {
      progress.hidden = true;
      buttons.forEach((b) => (b.disabled = false));
      this.host.removeAttribute('aria-busy');
      this.#busy = false;
    }
  }

  #listeners(output: HTMLElement) {
    const bar = this.#q('.runner-progress progress') as HTMLProgressElement;
    const text = this.#q('.runner-bytes');
    const total = Number(this.host.dataset.runnerCoreBytes);
    return {
      onProgress: (loaded: number) => {
        bar.max = Math.max(total, loaded);
        bar.value = loaded;
        text.textContent = `${formatBytes(loaded)} of about ${formatBytes(total)} loaded`;
      },
      onOutput: (chunk: string) => {
        output.textContent += chunk;
      },
    };
  }

  #failure(error: unknown) {
    const run = error instanceof RunError ? error : new RunError(String((error as Error)?.message ?? error), 'python');
    if (run.kind === 'timeout') return this.say(`${run.message} Python was restarted; the next run starts it again.`, 'error');
    if (run.kind === 'packages')
      return this.say(
        `A package could not be downloaded (${run.message}). The packages come from ${this.host.dataset.runnerPackages}; if that is blocked here, download the starter and run the lab on your computer with the commands below.`,
        'error',
      );
    if (run.kind === 'start')
      return this.say(`Python could not start in this page (${run.message}). Download the starter and run the lab on your computer with the commands below.`, 'error');
    this.say(`The code raised an error; the console shows it.`, 'error');
    this.#q('.runner-console').textContent += `\n${run.message}`;
  }

  #request() {
    return {
      files: { ...this.#files },
      pytest: JSON.parse(this.host.dataset.runnerPytest ?? '[]') as string[],
      packages: JSON.parse(this.host.dataset.runnerLabPackages ?? '[]') as string[],
    };
  }

  /** Runs pytest in the worker and lists each test under its step. */
  runTests() {
    return this.#busyWith('Running the tests', async (output) => {
      this.#q('.runner-summary').textContent = 'Running…';
      const report = await this.#runner.tests({ type: 'tests', ...this.#request() }, this.#listeners(output));
      this.#showReport(report);
      this.say('The tests ran; the results are below.');
    });
  }

  /** Runs the lab's main script; its output goes to the console. */
  runMain() {
    return this.#busyWith(`Running ${this.payload.mainScript}`, async (output) => {
      await this.#runner.run({ type: 'run', script: this.payload.mainScript, ...this.#request() }, this.#listeners(output));
      this.say(`${this.payload.mainScript} finished; its output is in the console.`);
    });
  }

  #showReport(report: TestReport) {
    renderReport(this.#q('.runner-summary'), this.#q('.runner-steps'), report);
  }
}
