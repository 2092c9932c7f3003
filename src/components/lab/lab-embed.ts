/**
 * <mlops-lab>: launches the StackBlitz embed on click. Nothing from StackBlitz loads before
 * the click: the SDK is imported and the project JSON fetched only then. Launch first checks
 * (for about 3 s) that stackblitz.com answers, so a blocked or offline editor is reported at
 * once instead of after the SDK's own 10 s. If the browser cannot run WebContainers, or the
 * embed fails, the static view stays with a message and Download becomes the main action.
 */
import { checkReachable, embedSupport, failureReason, resetDiff, solutionDiff, withTimeout } from '../../lib/lab-support.ts';
import type { VM } from '@stackblitz/sdk';
import type { PythonPayload } from './python-lab.ts';
import { lazyLabFiles } from './lab-files.ts';

interface Payload {
  project: { title: string; description: string; template: 'node'; files: Record<string, string> };
  solution: Record<string, string>;
}

/** Where the reachability check points: the origin the SDK posts the project to. */
const EDITOR_URL = 'https://stackblitz.com/';
/** Long enough for a slow but working connection, short enough that a student is not left waiting. */
const PROBE_TIMEOUT_MS = 3_000;
/** The SDK gives up after about 10 s; this guard also covers a hung download of the project. */
const LAUNCH_TIMEOUT_MS = 15_000;

/** A link in the file tree opens the file panel it points to. */
function openTreeLink(event: Event) {
  const link = (event.target as Element).closest<HTMLAnchorElement>('.tree a');
  const panel = link && document.getElementById(link.hash.slice(1));
  if (panel instanceof HTMLDetailsElement) panel.open = true;
}

class LabEmbed extends HTMLElement {
  #payload?: Payload;
  #vm?: VM;
  #busy = false;

  get #status() {
    return this.querySelector<HTMLElement>('.lab-status')!;
  }
  #button(action: string) {
    return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  }
  get #download() {
    return this.querySelector<HTMLAnchorElement>('[data-action="download"]')!;
  }

  connectedCallback() {
    lazyLabFiles(this);
    // Python labs have no StackBlitz buttons (the Pyodide runner enhances them); only the file tree works here.
    if (this.dataset.runtime === 'python') return this.#python();
    const launch = this.#button('launch');
    const open = this.#button('open');
    launch.hidden = false;
    open.hidden = false;
    const support = embedSupport({
      userAgent: navigator.userAgent,
      brands: (navigator as Navigator & { userAgentData?: { brands: { brand: string }[] } }).userAgentData?.brands,
      maxTouchPoints: navigator.maxTouchPoints,
      online: navigator.onLine,
    });
    if (!support.ok) {
      launch.disabled = true;
      this.#mainAction('download');
      this.#say(`${support.reason} Open the lab in StackBlitz in a new tab, or download the starter and run it on your computer.`, 'info');
    }
    launch.addEventListener('click', () => void this.#launch());
    this.addEventListener('click', openTreeLink);
    open.addEventListener('click', () => void this.#openInNewTab());
    this.#button('reset').addEventListener('click', () => void this.#reset());
    this.#button('solution').addEventListener('click', () => void this.#applySolution());
  }

  /** A python lab: the runner (worker, editor, Pyodide) is imported on the first click, never before. */
  #python() {
    this.addEventListener('click', openTreeLink);
    const open = this.#button('python');
    open.hidden = false;
    open.addEventListener('click', async () => {
      if (this.#busy) return;
      this.#busy = true;
      open.disabled = true;
      this.#say('Loading the editor…');
      try {
        const [{ PythonLab }, payload] = await Promise.all([import('./python-lab.ts'), this.#load()]);
        open.hidden = true;
        this.dataset.state = 'ready';
        this.#say('The editor is open. Press Run tests: the first run downloads Python into this page.');
        new PythonLab(this, payload as unknown as PythonPayload, (m, k) => this.#say(m, k));
      } catch (error) {
        open.disabled = false;
        this.dataset.state = 'failed';
        this.#mainAction('download');
        this.#say(`The editor could not be loaded (${failureReason(error)}). Download the starter and run it on your computer with the commands below.`, 'error');
      } finally {
        this.#busy = false;
      }
    });
  }

  #say(message: string, kind: 'info' | 'error' = 'info') {
    this.#status.textContent = message;
    this.#status.dataset.kind = kind;
  }

  /** One primary button at a time: Launch while it can work, Download once it cannot. */
  #mainAction(which: 'launch' | 'download') {
    this.querySelector('[data-action="launch"], [data-action="python"]')?.classList.toggle('primary', which === 'launch');
    this.#download.classList.toggle('primary', which === 'download');
  }

  /** Reset and Apply the solution only work on a running editor. */
  #vmButtons(enabled: boolean) {
    this.#button('reset').disabled = !enabled;
    this.#button('solution').disabled = !enabled;
  }

  async #load(): Promise<Payload> {
    if (this.#payload) return this.#payload;
    const response = await fetch(this.dataset.projectUrl!, { signal: AbortSignal.timeout(LAUNCH_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`the lab files could not be downloaded (HTTP ${response.status})`);
    this.#payload = (await response.json()) as Payload;
    return this.#payload;
  }

  async #sdk() {
    return (await import('@stackblitz/sdk')).default;
  }

  async #launch() {
    if (this.#busy) return;
    this.#busy = true;
    const launch = this.#button('launch');
    const embed = this.querySelector<HTMLElement>('.lab-embed')!;
    launch.disabled = true;
    this.#vmButtons(false);
    this.setAttribute('aria-busy', 'true');
    this.dataset.state = 'checking';
    this.#say('Checking that the editor (stackblitz.com) can be reached…');
    try {
      // The check runs beside the downloads, so a working connection loses no time to it.
      const [sdk, payload] = await Promise.all([this.#sdk(), this.#load(), checkReachable(EDITOR_URL, PROBE_TIMEOUT_MS, fetch)]);
      this.dataset.state = 'starting';
      this.#say('Starting the editor: it installs the project and runs the tests, which takes a few seconds…');
      const target = document.createElement('div');
      const holder = this.querySelector<HTMLElement>('.embed-frame')!;
      holder.replaceChildren(target);
      embed.hidden = false;
      const theme = document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
      const ready = sdk.embedProject(target, payload.project, {
        openFile: this.dataset.openFile,
        startScript: this.dataset.startScript,
        view: 'default',
        height: 600,
        width: '100%',
        terminalHeight: 45,
        crossOriginIsolated: true,
        theme,
        showSidebar: this.dataset.explorer === 'true',
      });
      holder.querySelector('iframe')?.setAttribute('title', `Lab editor: ${this.dataset.title}`);
      this.#vm = await withTimeout(ready, LAUNCH_TIMEOUT_MS, 'StackBlitz did not answer in time');
      this.dataset.state = 'ready';
      launch.hidden = true;
      this.#mainAction('launch');
      this.#vmButtons(true);
      this.#say('The lab is running. Edit the files; the terminal shows the test results. Your changes live in this tab only: download the project from the editor to keep them.');
    } catch (error) {
      this.#vm = undefined;
      this.querySelector('.embed-frame')?.replaceChildren();
      embed.hidden = true;
      this.dataset.state = 'failed';
      launch.textContent = 'Retry';
      launch.disabled = false;
      this.#mainAction('download');
      this.#say(
        `The lab could not start in this page: ${failureReason(error)}. Download the starter and run it on your computer with the commands below, open it in StackBlitz in a new tab, or retry.`,
        'error',
      );
    } finally {
      this.removeAttribute('aria-busy');
      this.#busy = false;
    }
  }

  async #openInNewTab() {
    try {
      const [sdk, payload] = await Promise.all([this.#sdk(), this.#load()]);
      sdk.openProject(payload.project, { openFile: this.dataset.openFile, startScript: this.dataset.startScript, newWindow: true });
    } catch (error) {
      this.#say(`StackBlitz could not be opened (${failureReason(error)}). Download the starter and run it on your computer instead.`, 'error');
    }
  }

  async #reset() {
    if (!this.#vm || !this.#payload) return;
    if (!window.confirm('Reset every file to the starter? Your changes in the editor will be lost.')) return;
    try {
      await this.#vm.applyFsDiff(resetDiff(await this.#vm.getFsSnapshot(), this.#payload.project.files));
      this.#say('The files are back to the starter.');
    } catch (error) {
      this.#say(`Reset failed (${failureReason(error)}).`, 'error');
    }
  }

  async #applySolution() {
    if (!this.#vm || !this.#payload) return;
    if (!window.confirm('Replace your files with the solution? Your changes to those files will be lost.')) return;
    try {
      await this.#vm.applyFsDiff(solutionDiff(this.#payload.solution));
      this.#say('The solution is applied. Run the tests again in the terminal (npm test) to see them pass.');
    } catch (error) {
      this.#say(`Applying the solution failed (${failureReason(error)}).`, 'error');
    }
  }
}

customElements.define('mlops-lab', LabEmbed);
