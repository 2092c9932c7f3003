/**
 * DOM pieces of the python lab (python-lab.ts): the file tabs (ARIA tabs pattern), the test
 * report grouped by step, the in-page confirmation, and the zip of the student's files.
 */
import { zipSync, strToU8 } from 'fflate';
import { groupByStep, resultSummary } from '../../lib/runner-results.ts';
import type { TestReport } from './python-protocol.ts';

/** Fills `list` with one tab per file; `open` is called with the file a tab selects. */
export function renderTabs(list: HTMLElement, panelId: string, names: string[], open: (name: string) => void): void {
  list.replaceChildren(
    ...names.map((name) => {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.setAttribute('role', 'tab');
      tab.id = `${panelId}-tab-${name.replace(/[^a-zA-Z0-9]+/g, '-')}`;
      tab.setAttribute('aria-controls', panelId);
      tab.dataset.file = name;
      tab.textContent = name;
      tab.addEventListener('click', () => open(name));
      return tab;
    }),
  );
  // Arrow keys move between tabs (one tab stop for the list), as the ARIA tabs pattern says.
  list.onkeydown = (event) => {
    const tabs = [...list.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const at = tabs.findIndex((t) => t === document.activeElement);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (at < 0 || to === undefined) return;
    event.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length]!;
    next.focus();
    open(next.dataset.file!);
  };
}

/** Marks the tab of `name` selected (the only one in the tab order) and labels the panel with it. */
export function selectTab(list: HTMLElement, panel: HTMLElement, name: string): void {
  for (const tab of list.querySelectorAll<HTMLElement>('[role="tab"]')) {
    const selected = tab.dataset.file === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    if (selected) panel.setAttribute('aria-labelledby', tab.id);
  }
}

/** Shows pytest's report: the summary line, then each step's tests with pass or fail and the reason. */
export function renderReport(summary: HTMLElement, steps: HTMLElement, report: TestReport): void {
  summary.textContent = resultSummary(report.results);
  steps.replaceChildren(
    ...groupByStep(report.results).flatMap((group) => {
      const heading = document.createElement('h4');
      heading.textContent = group.label;
      const list = document.createElement('ul');
      list.setAttribute('aria-label', group.label);
      for (const test of group.tests) {
        const item = document.createElement('li');
        item.dataset.outcome = test.outcome;
        const verdict = document.createElement('strong');
        verdict.textContent = { passed: '✓ pass', failed: '✗ fail', skipped: '– skipped', error: '✗ error' }[test.outcome];
        item.append(verdict, ` ${test.name}`);
        if (test.message) {
          const why = document.createElement('pre');
          why.textContent = test.message;
          item.append(why);
        }
        list.append(item);
      }
      return [heading, list];
    }),
  );
}

/** Asks in the page (no blocking dialog): shows `question` with Yes and Cancel, runs `action` on Yes. */
export function confirmInPage(box: HTMLElement, question: string, action: () => void): void {
  box.querySelector('p')!.textContent = question;
  box.hidden = false;
  const yes = box.querySelector<HTMLButtonElement>('[data-runner="confirm"]')!;
  const no = box.querySelector<HTMLButtonElement>('[data-runner="cancel"]')!;
  const close = () => {
    box.hidden = true;
    yes.onclick = no.onclick = null;
  };
  yes.onclick = () => {
    close();
    action();
  };
  no.onclick = close;
  no.focus();
}

/** Downloads the student's current files as `<slug>-my-files.zip`. */
export function downloadZip(slug: string, files: Record<string, string>): void {
  const entries = Object.fromEntries(Object.entries(files).map(([name, text]) => [`${slug}/${name}`, strToU8(text)]));
  const url = URL.createObjectURL(new Blob([zipSync(entries)], { type: 'application/zip' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: `${slug}-my-files.zip` });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
