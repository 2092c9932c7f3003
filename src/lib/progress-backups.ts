/**
 * The ring of timestamped backups: before the record is replaced (import, reset, restore),
 * migrated, or set aside as unreadable, its exact stored text is copied here. Writes report
 * success or failure; nothing here throws.
 */
import { BACKUP_KEY, isTime } from './progress.ts';

/** localStorage key of the backup ring (a JSON list, newest first). */
export const BACKUPS_KEY = 'mlops-progress-backups';
/** How many backups are kept; the oldest drops off when a new one is added. */
export const BACKUP_RING = 3;

/** Why a write did not happen: storage full, blocked, or held back to protect unreadable data. */
export type SaveFailure = 'full' | 'blocked' | 'held';
/** The outcome of every write: callers must not say "saved" unless `ok` is true. */
export type WriteResult = { ok: true } | { ok: false; reason: SaveFailure };

/** What made the copy. */
export type BackupReason = 'import' | 'reset' | 'restore' | 'migration' | 'unreadable' | 'invalid items' | 'earlier backup';

/** One backup: when it was made, why, and the record's stored text, byte for byte. */
export interface Backup {
  /** When the copy was made (ms since epoch; 0 when unknown). */
  at: number;
  /** What made it. */
  reason: BackupReason;
  /** The stored text of the record at that moment. */
  raw: string;
}

const REASONS = new Set<BackupReason>(['import', 'reset', 'restore', 'migration', 'unreadable', 'invalid items', 'earlier backup']);

/** Tells a full store from a blocked one: only the quota error means "full". */
export function failureOf(error: unknown): 'full' | 'blocked' {
  const e = error as { name?: string; code?: number } | null;
  return e && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014) ? 'full' : 'blocked';
}

/** Writes one key and reports the outcome. */
export function writeItem(storage: Storage | undefined, key: string, value: string): WriteResult {
  if (!storage) return { ok: false, reason: 'blocked' };
  try {
    storage.setItem(key, value);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: failureOf(error) };
  }
}

/** The ring alone (without the older single slot). */
function ring(storage: Storage | undefined): Backup[] {
  let list: unknown;
  try {
    list = JSON.parse(storage?.getItem(BACKUPS_KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list.filter(
    (b): b is Backup => typeof b === 'object' && b !== null && isTime(b.at) && REASONS.has(b.reason) && typeof b.raw === 'string',
  );
}

/** Every backup, newest first, including the single slot older versions of the site wrote. */
export function listBackups(storage: Storage | undefined): Backup[] {
  let legacy: string | null = null;
  try {
    legacy = storage?.getItem(BACKUP_KEY) ?? null;
  } catch {
    return [];
  }
  return [...ring(storage), ...(legacy === null ? [] : [{ at: 0, reason: 'earlier backup' as const, raw: legacy }])];
}

/** Adds a copy at the front of the ring. If it cannot be written, the caller must not overwrite the original. */
export function pushBackup(storage: Storage | undefined, raw: string, reason: BackupReason, now: number): WriteResult {
  const list = [{ at: now, reason, raw }, ...ring(storage)].slice(0, BACKUP_RING);
  return writeItem(storage, BACKUPS_KEY, JSON.stringify(list));
}
