/** Downloads a progress record as a JSON file (export), from memory, so it works even when storage does not. */
import type { Progress } from '../../lib/progress.ts';

/** Starts the download of `progress` (or of a backup's raw text) under a dated file name. */
export function downloadProgress(progress: Progress | string, name = 'mlops-course-progress'): void {
  const text = typeof progress === 'string' ? progress : JSON.stringify(progress, null, 2);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  a.download = `${name}-${new Date().toISOString().slice(0, 10)}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
