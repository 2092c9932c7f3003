/**
 * Where the progress store's messages meet the site-wide notice. Kept apart from
 * progress-client.ts so the notice can listen without loading the store: the store loads
 * only on pages (and at moments) that read or write progress.
 */
import type { SaveFailure } from '../../lib/progress-backups.ts';

type Listener = (message: string, problem?: SaveFailure) => void;
const listeners = new Set<Listener>();
let last: { message: string; problem?: SaveFailure } | undefined;

/** Hears every store message; the latest one is replayed at once, so a late listener misses nothing. */
export function onStorageNotice(listener: Listener): void {
  listeners.add(listener);
  if (last) listener(last.message, last.problem);
}

/** Passes a store message to every listener (and keeps it for those that come later). */
export function publishNotice(message: string, problem?: SaveFailure): void {
  last = { message, problem };
  for (const l of listeners) l(message, problem);
}
