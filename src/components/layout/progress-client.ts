/**
 * Browser side of the progress store for widgets: reads through lib/progress.ts and, when
 * the store had to set data aside, shows the notice once at the top of the page.
 */
import { loadProgress, saveProgress, type Progress } from '../../lib/progress.ts';

const storage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

let shown = false;
function showNotice(message: string) {
  if (shown) return;
  shown = true;
  const box = document.createElement('div');
  box.className = 'progress-notice';
  box.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = message;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Dismiss';
  close.addEventListener('click', () => box.remove());
  box.append(text, close);
  (document.querySelector('main') ?? document.body).prepend(box);
}

/** The current record (fresh on every call, so widgets on one page stay in step). */
export function readProgress(): Progress {
  const { progress, notice } = loadProgress(storage());
  if (notice) showNotice(notice);
  return progress;
}

/** Applies a change and saves it; tells other widgets on the page. */
export function changeProgress(change: (p: Progress) => void): Progress {
  const progress = readProgress();
  change(progress);
  saveProgress(storage(), progress);
  document.dispatchEvent(new CustomEvent('mlops:progress', { detail: progress }));
  return progress;
}

/**
 * Marks lesson links (`a[data-lesson]`) on the page with the student's progress: a tick for
 * finished lessons and the best quiz score, both also spelled out for screen readers.
 */
export function decorateLessonLinks(progress: Progress = readProgress()) {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-lesson]')) {
    const id = link.dataset.lesson!;
    const done = Boolean(progress.lessons[id]?.completedAt);
    const quiz = progress.quizzes[id];
    link.toggleAttribute('data-done', done);
    link.querySelector('.progress-note')?.remove();
    const parts = [done ? 'done' : '', quiz ? `quiz best ${quiz.best} of ${quiz.total}` : ''].filter(Boolean);
    if (!parts.length) continue;
    const note = document.createElement('span');
    note.className = 'progress-note';
    note.textContent = ` (${parts.join(', ')})`;
    link.append(note);
  }
}
