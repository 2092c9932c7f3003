/**
 * <mlops-lesson-status>: records the visit (for "continue where you left off") and lets the
 * student mark the lesson done. Also ticks finished lessons in the sidebar. The button says
 * "done" only when the mark was saved; otherwise the message beside it says why not.
 */
import { setLessonDone, visitLesson } from '../../lib/progress.ts';
import { changeProgress, decorateLessonLinks, readProgress, store } from '../layout/progress-client.ts';

class LessonStatus extends HTMLElement {
  connectedCallback() {
    const id = this.dataset.lesson!;
    const button = this.querySelector('button')!;
    const message = this.querySelector<HTMLElement>('.ls-message')!;
    const { progress } = changeProgress((p) => visitLesson(p, id, Date.now()));
    const render = (done: boolean) => {
      button.setAttribute('aria-pressed', String(done));
      button.textContent = done ? 'Lesson done ✓' : 'Mark lesson as done';
    };
    render(Boolean(progress.lessons[id]?.completedAt));
    button.hidden = false;
    button.addEventListener('click', () => {
      const done = button.getAttribute('aria-pressed') !== 'true';
      const outcome = changeProgress((p) => setLessonDone(p, id, done, Date.now()));
      if (outcome.saved) {
        render(done);
        message.textContent = '';
      } else message.textContent = `${outcome.message} The lesson was not marked ${done ? 'done' : 'not done'}.`;
    });
    decorateLessonLinks(progress);
    document.addEventListener('mlops:progress', () => {
      decorateLessonLinks();
      // Another tab may have marked this lesson: show what storage holds, but never a mark
      // that exists only in this page's memory because saving failed.
      if (!store.problem) render(Boolean(readProgress().lessons[id]?.completedAt));
    });
  }
}

customElements.define('mlops-lesson-status', LessonStatus);
