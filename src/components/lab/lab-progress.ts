/**
 * <mlops-lab-progress>: on the /labs/ page, says for each lab whether the student has
 * finished its lesson, read through the progress store's client helpers. Before this runs
 * (or without JavaScript) the status cells stay empty, never wrong.
 */
import { readProgress } from '../layout/progress-client.ts';

class LabProgress extends HTMLElement {
  connectedCallback() {
    this.#show();
    document.addEventListener('mlops:progress', () => this.#show());
  }

  #show() {
    const progress = readProgress();
    const cells = [...this.querySelectorAll<HTMLElement>('[data-lesson-status]')];
    let done = 0;
    for (const cell of cells) {
      const finished = Boolean(progress.lessons[cell.dataset.lessonStatus!]?.completedAt);
      if (finished) done++;
      cell.textContent = finished ? '✓ Lesson done' : 'Lesson not done yet';
      cell.dataset.done = String(finished);
    }
    const summary = this.querySelector<HTMLElement>('.lab-progress-summary');
    if (summary) summary.textContent = `You have finished the lessons of ${done} of ${cells.length} labs.`;
  }
}

customElements.define('mlops-lab-progress', LabProgress);
