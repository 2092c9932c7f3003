/**
 * Browser side of the progress store for widgets: one ProgressStore per page, shared by
 * every widget. Problems (failed saves, data set aside) go to the site-wide notice; each
 * write also tells its caller whether it was saved, so the widget can say so where the
 * student acted. Other tabs' changes arrive through `storage` events and are merged.
 */
import { STORAGE_KEY, type Progress } from '../../lib/progress.ts';
import { NOT_SAVED, ProgressStore } from '../../lib/progress-store.ts';
import type { WriteResult } from '../../lib/progress-backups.ts';
import { browserStorage } from '../../lib/browser-storage.ts';
import { publishNotice } from './notice-bus.ts';

/** The page's store (exported for the progress page's backups, undo and import). */
export const store = new ProgressStore(browserStorage(), { onNotice: publishNotice });

/** What a widget needs after a change: the record, and whether it really was saved. */
export interface ChangeOutcome {
  /** The record with the change (in memory even when not saved). */
  progress: Progress;
  /** True only when the write reached storage. */
  saved: boolean;
  /** Why it was not saved, to show next to the control the student used. */
  message?: string;
}

/** The message for a failed write, or undefined when it worked. */
export const notSavedMessage = (result: WriteResult): string | undefined => (result.ok ? undefined : NOT_SAVED[result.reason]);

/** The current record (fresh on every call, so widgets on one page stay in step). */
export function readProgress(): Progress {
  return store.read();
}

/** Applies a change and saves it; says whether it was saved; tells other widgets on the page. */
export function changeProgress(change: (p: Progress) => void): ChangeOutcome {
  const { progress, result } = store.change(change);
  document.dispatchEvent(new CustomEvent('mlops:progress', { detail: progress }));
  return { progress, saved: result.ok, message: notSavedMessage(result) };
}

// Another tab wrote: merge (the store writes back anything that tab's stale copy lacked)
// and let the widgets on this page show the result.
window.addEventListener('storage', (e) => {
  if (e.key !== STORAGE_KEY && e.key !== null) return;
  store.receive(e.newValue);
  document.dispatchEvent(new CustomEvent('mlops:progress', { detail: store.read() }));
});

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
