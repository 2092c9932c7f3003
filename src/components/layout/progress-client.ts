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
