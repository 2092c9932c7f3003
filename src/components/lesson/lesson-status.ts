/**
 * <mlops-lesson-status>: records the visit (for "continue where you left off") and lets the
 * student mark the lesson done. Also ticks finished lessons in the sidebar.
 */
import { setLessonDone, visitLesson } from '../../lib/progress.ts';
import { changeProgress, decorateLessonLinks } from '../layout/progress-client.ts';

class LessonStatus extends HTMLElement {
  connectedCallback() {
    const id = this.dataset.lesson!;
    const button = this.querySelector('button')!;
    const progress = changeProgress((p) => visitLesson(p, id, Date.now()));
    const render = (done: boolean) => {
      button.setAttribute('aria-pressed', String(done));
      button.textContent = done ? 'Lesson done ✓' : 'Mark lesson as done';
    };
    render(Boolean(progress.lessons[id]?.completedAt));
    button.hidden = false;
    button.addEventListener('click', () => {
      const done = button.getAttribute('aria-pressed') !== 'true';
      changeProgress((p) => setLessonDone(p, id, done, Date.now()));
      render(done);
    });
    decorateLessonLinks(progress);
    document.addEventListener('mlops:progress', () => decorateLessonLinks());
  }
}

customElements.define('mlops-lesson-status', LessonStatus);
