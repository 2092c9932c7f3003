/**
 * A Run button under each runnable lesson sample (```` ```python run ````). The Python runner
 * (worker, Pyodide) is imported on the first click, never with the page; the lab on the same
 * page shares it. The sample's imports decide which packages load.
 */

/** Adds the Run button and an output area after `pre`, inside `wrapper`; `host` carries the runner's data attributes. */
export function addRunButton(pre: HTMLPreElement, wrapper: HTMLElement, host: HTMLElement): void {
  const bar = document.createElement('div');
  bar.className = 'run-bar';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Run';
  button.setAttribute('aria-label', 'Run this Python sample in the page');
  const status = document.createElement('span');
  status.setAttribute('role', 'status');
  const output = document.createElement('pre');
  output.className = 'run-output';
  output.tabIndex = 0;
  output.setAttribute('aria-label', 'Output of the sample');
  output.hidden = true;
  bar.append(button, status);
  wrapper.append(bar, output);
  button.addEventListener('click', async () => {
    button.disabled = true;
    output.hidden = false;
    output.textContent = '';
    const code = pre.querySelector('code')?.innerText ?? pre.innerText;
    try {
      const { pythonRunner, runnerSettings, RUN_LIMIT_MS } = await import('../lab/python-runner.ts');
      const runner = pythonRunner(runnerSettings(host));
      status.textContent = runner.warm ? 'Running…' : 'Starting Python in this page (first run only)…';
      await runner.run({ type: 'exec', code }, { onOutput: (text) => (output.textContent += text) });
      status.textContent = `Finished (time limit ${RUN_LIMIT_MS / 1000} s).`;
    } catch (error) {
      const kind = (error as { kind?: string }).kind;
      status.textContent =
        kind === 'packages'
          ? `A package this sample imports could not be downloaded (${(error as Error).message}). Run it on your computer with python3 instead.`
          : kind === 'timeout' || kind === 'start'
            ? (error as Error).message
            : 'The sample raised an error:';
      if (kind === 'python') output.textContent += (error as Error).message;
    } finally {
      button.disabled = false;
    }
  });
}
