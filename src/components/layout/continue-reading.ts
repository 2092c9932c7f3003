/** <mlops-continue>: turns "Start here" into "Continue: <lesson>" and shows lessons done. */
import { readProgress } from './progress-client.ts';

interface LessonRef {
  id: string;
  url: string;
  title: string;
}

class ContinueReading extends HTMLElement {
  connectedCallback() {
    const lessons: LessonRef[] = JSON.parse(this.dataset.lessons ?? '[]');
    const progress = readProgress();
    const link = this.querySelector<HTMLAnchorElement>('a.start');
    const last = lessons.find((l) => l.id === progress.lastLesson);
    if (link && last) {
      link.href = last.url;
      link.textContent = `Continue where you left off: ${last.title}`;
    }
    const done = lessons.filter((l) => progress.lessons[l.id]?.completedAt).length;
    const status = this.querySelector('.status');
    if (status && done > 0) status.textContent = `You have finished ${done} of ${lessons.length} lessons.`;
    for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-lesson]'))
      a.toggleAttribute('data-done', Boolean(progress.lessons[a.dataset.lesson!]?.completedAt));
  }
}

customElements.define('mlops-continue', ContinueReading);
