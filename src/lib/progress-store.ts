/**
 * Reads and writes the progress record in localStorage. Every write reports whether it
 * happened; nothing is overwritten without a copy in the backup ring; a record that cannot
 * be backed up is left untouched; other tabs' changes are merged, not overwritten.
 */
import { emptyProgress, parseProgress, STORAGE_KEY, VERSION, type ParseReport, type Progress } from './progress.ts';
import { pushBackup, writeItem, type BackupReason, type SaveFailure, type WriteResult } from './progress-backups.ts';
import { canonical, mergeProgress } from './progress-merge.ts';

/** What the student is told when a save fails, by cause. Each names the way out. */
export const NOT_SAVED: Record<SaveFailure, string> = {
  full: "Not saved: this browser's storage is full. Your work stays on this page until you leave it. Export your progress to keep it, then free some space (for example by clearing other sites' data).",
  blocked: 'Not saved: this browser blocks storage for this site, so progress cannot be kept in this browser. Everything works until you leave the page; export your progress to keep it.',
  held: 'Not saved: your saved progress could not be read and there is no room to keep a copy of it, so it was left untouched and nothing from this visit is saved. Export your progress, free some space, then reload.',
};

/** Result of reading the store: the record, what went wrong (if anything), and what to say once. */
export interface LoadResult {
  progress: Progress;
  /** Writes must not happen (blocked) or must not replace the stored record (held). */
  problem?: SaveFailure;
  notice?: string;
}

/**
 * Reads the record. Never throws. Unreadable data, dropped items and older versions are
 * copied to the backup ring before the stored record is replaced; when that copy cannot be
 * written, the original stays and `problem` is "held".
 */
export function loadProgress(storage: Storage | undefined, now = Date.now()): LoadResult {
  let raw: string | null = null;
  try {
    if (!storage) throw new Error('no storage');
    raw = storage.getItem(STORAGE_KEY);
  } catch {
    return { progress: emptyProgress(), problem: 'blocked', notice: NOT_SAVED.blocked };
  }
  if (raw === null) return { progress: emptyProgress() };
  const report: ParseReport = { dropped: 0 };
  let progress: Progress | undefined;
  let why = '';
  let version = VERSION;
  try {
    const data: unknown = JSON.parse(raw);
    version = (data as { version?: number }).version ?? VERSION;
    progress = parseProgress(data, report);
  } catch (error) {
    why = error instanceof Error ? error.message : 'unreadable data';
  }
  if (progress && !report.dropped && version === VERSION) return { progress };

  const reason: BackupReason = !progress ? 'unreadable' : report.dropped ? 'invalid items' : 'migration';
  const backup = pushBackup(storage, raw, reason, now);
  if (!backup.ok) {
    const lost = !progress ? `could not be read (${why})` : report.dropped ? `has ${report.dropped} invalid item(s)` : 'is from an older version';
    return {
      progress: progress ?? emptyProgress(),
      problem: 'held',
      notice: `Your saved progress ${lost}, and there is no room to keep a copy, so it was left untouched. ${NOT_SAVED.held}`,
    };
  }
  // The copy exists, so the stored record may now be replaced by what could be read.
  if (progress) writeItem(storage, STORAGE_KEY, JSON.stringify(progress));
  else {
    try {
      storage.removeItem(STORAGE_KEY);
    } catch {
      // The record stays; the next read backs it up again, which loses nothing.
    }
  }
  if (reason === 'migration') return { progress: progress! };
  return {
    progress: progress ?? emptyProgress(),
    notice: !progress
      ? `Saved progress could not be read (${why}). A copy is kept in the backups on the Your progress page; you are starting fresh.`
      : `${report.dropped} saved item(s) had impossible values and were dropped; the rest of your progress is fine. The original is kept in the backups on the Your progress page.`,
  };
}

/** Writes the record; false when storage refuses (full or blocked). Prefer `ProgressStore`, which says why. */
export function saveProgress(storage: Storage | undefined, progress: Progress): boolean {
  return writeItem(storage, STORAGE_KEY, JSON.stringify(progress)).ok;
}

/** Options of a store: the clock and who hears about problems. */
export interface StoreOptions {
  /** The clock, in ms (tests pin it). */
  now?: () => number;
  /** Called with every message the student must see (failed saves, data set aside). */
  onNotice?: (message: string, problem?: SaveFailure) => void;
}

/**
 * One page's view of the store. Keeps working in memory when saves fail, merges changes
 * other tabs make, and never reports a write that did not happen.
 */
export class ProgressStore {
  #storage: Storage | undefined;
  #now: () => number;
  #notify: (message: string, problem?: SaveFailure) => void;
  #loaded = false;
  /** Set for the rest of the page view: blocked storage, or a record that must stay untouched. */
  #stuck?: 'blocked' | 'held';
  /** Changes not yet in storage (its write failed); merged into every read. */
  #unsaved?: Progress;
  /** The record this page last wrote, merged back if another tab overwrites it from a stale copy. */
  #mine?: Progress;
  #heldMessage?: string;

  constructor(storage: Storage | undefined, options: StoreOptions = {}) {
    this.#storage = storage;
    this.#now = options.now ?? Date.now;
    this.#notify = options.onNotice ?? (() => {});
  }

  /** Why saving does not work right now, if it does not. */
  get problem(): SaveFailure | undefined {
    return this.#stuck ?? (this.#unsaved ? 'full' : undefined);
  }

  /** The current record: storage, plus anything this page could not save yet. */
  read(): Progress {
    const result = this.#stuck ? { progress: emptyProgress() } : loadProgress(this.#storage, this.#now());
    if (!this.#loaded) {
      this.#loaded = true;
      if (result.problem === 'blocked' || result.problem === 'held') this.#stuck = result.problem;
      // The first message says what happened to the stored record; later failures repeat it.
      if (result.problem === 'held') this.#heldMessage = result.notice;
      if (this.#stuck) this.#unsaved = result.progress;
      if (result.notice) this.#notify(result.notice, result.problem);
    }
    const progress = this.#unsaved ? (this.#stuck ? structuredClone(this.#unsaved) : mergeProgress(result.progress, this.#unsaved)) : result.progress;
    return progress;
  }

  /** Applies a change to the latest record and writes it; the result says whether it was saved. */
  change(change: (p: Progress) => void): { progress: Progress; result: WriteResult } {
    const progress = this.read();
    change(progress);
    return { progress, result: this.#write(progress) };
  }

  /** Replaces the whole record (import, reset, restore) after copying the current one to the backups. */
  replace(next: Progress, reason: 'import' | 'reset' | 'restore'): WriteResult {
    this.read();
    // A failed replace changes nothing, not even this page's copy: the caller says "nothing was changed".
    const refuse = (why: SaveFailure): WriteResult => {
      this.#notify(this.#message(why), why);
      return { ok: false, reason: why };
    };
    if (this.#stuck) return refuse(this.#stuck);
    let raw: string | null = null;
    try {
      raw = this.#storage!.getItem(STORAGE_KEY);
    } catch {
      return refuse('blocked');
    }
    if (raw !== null) {
      const backup = pushBackup(this.#storage, raw, reason, this.#now());
      // Without the copy the current record must stay.
      if (!backup.ok) return refuse(backup.reason);
    }
    const record = { ...structuredClone(next), replacedAt: this.#now() };
    const result = writeItem(this.#storage, STORAGE_KEY, JSON.stringify(record));
    if (!result.ok) return refuse(result.reason);
    this.#unsaved = undefined;
    this.#mine = record;
    return result;
  }

  /**
   * Takes another tab's write (a `storage` event's new value). If it was made from a stale
   * copy and lacks something this page wrote, the merge is written back.
   */
  receive(newValue: string | null): void {
    if (this.#stuck || newValue === null || !this.#mine) return;
    let theirs: Progress;
    try {
      theirs = parseProgress(JSON.parse(newValue));
    } catch {
      return;
    }
    const merged = mergeProgress(theirs, this.#mine);
    // Key order differs between merges; comparing content keeps two tabs from writing back and forth.
    if (canonical(merged) !== canonical(theirs)) this.#write(merged);
    else this.#mine = theirs;
  }

  #write(progress: Progress): WriteResult {
    if (this.#stuck) return this.#fail(this.#stuck, progress);
    const result = writeItem(this.#storage, STORAGE_KEY, JSON.stringify(progress));
    if (!result.ok) return this.#fail(result.reason, progress);
    const recovered = this.#unsaved !== undefined;
    this.#unsaved = undefined;
    this.#mine = progress;
    if (recovered) this.#notify('Saved again: your progress, including what could not be saved earlier, is now stored in this browser.');
    return result;
  }

  #fail(reason: SaveFailure, progress: Progress): WriteResult {
    if (reason === 'blocked') this.#stuck ??= 'blocked';
    this.#unsaved = progress;
    this.#notify(this.#message(reason), reason);
    return { ok: false, reason };
  }

  #message(reason: SaveFailure): string {
    return reason === 'held' ? (this.#heldMessage ?? NOT_SAVED.held) : NOT_SAVED[reason];
  }
}
