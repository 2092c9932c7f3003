import { beforeEach, describe, expect, it } from 'vitest';
import { emptyProgress, recordAnswer, setLessonDone, STORAGE_KEY, VERSION, visitLesson, type Progress } from '../../src/lib/progress.ts';
import { BACKUP_RING, BACKUPS_KEY, listBackups } from '../../src/lib/progress-backups.ts';
import { loadProgress, NOT_SAVED, ProgressStore } from '../../src/lib/progress-store.ts';
import { MemoryStorage } from './memory-storage.ts';

let storage: MemoryStorage;
let notices: string[];
let clock: number;
const newStore = (s: Storage | undefined = storage) => storeOn(s);
const storeOn = (s: Storage | undefined) => new ProgressStore(s, { now: () => clock, onNotice: (m) => notices.push(m) });
const stored = () => JSON.parse(storage.getItem(STORAGE_KEY)!) as Progress;

beforeEach(() => {
  storage = new MemoryStorage();
  notices = [];
  clock = 1_000_000;
});

describe('a write that fails is never reported as saved', () => {
  it('storage full: the change says not saved, stays in memory, and is written once there is room', () => {
    const store = newStore();
    store.change((p) => visitLesson(p, 'a', 1));
    storage.failWrites = 'QuotaExceededError';
    const { result, progress } = store.change((p) => setLessonDone(p, 'a', true, 2));
    expect(result).toEqual({ ok: false, reason: 'full' });
    expect(progress.lessons.a!.completedAt).toBe(2);
    expect(notices).toEqual([NOT_SAVED.full]);
    expect(stored().lessons.a!.completedAt).toBeUndefined();
    // The page keeps working with what it could not save.
    expect(store.read().lessons.a!.completedAt).toBe(2);
    storage.failWrites = undefined;
    expect(store.change((p) => recordAnswer(p, 'q', true, 3)).result.ok).toBe(true);
    expect(stored().lessons.a!.completedAt).toBe(2);
    expect(stored().questions.q!.seen).toBe(1);
    expect(notices.at(-1)).toMatch(/^Saved again/);
  });

  it('setItem throwing something other than the quota error means blocked, for the rest of the page view', () => {
    const store = newStore();
    storage.failWrites = 'SecurityError';
    expect(store.change((p) => visitLesson(p, 'a', 1)).result).toEqual({ ok: false, reason: 'blocked' });
    storage.failWrites = undefined;
    expect(store.change((p) => visitLesson(p, 'b', 2)).result).toEqual({ ok: false, reason: 'blocked' });
    expect(store.read().lessons).toHaveProperty('b');
    expect(notices[0]).toBe(NOT_SAVED.blocked);
  });

  it('blocked reads (and no storage at all) never throw and say once that progress cannot be kept', () => {
    const blocked = { getItem: () => { throw new DOMException('denied', 'SecurityError'); } } as unknown as Storage;
    for (const s of [blocked, undefined]) {
      notices = [];
      const store = storeOn(s);
      expect(store.read()).toEqual(emptyProgress());
      expect(store.change((p) => visitLesson(p, 'a', 1)).result).toEqual({ ok: false, reason: 'blocked' });
      expect(store.read().lessons).toHaveProperty('a');
      expect(store.replace(emptyProgress(), 'reset')).toEqual({ ok: false, reason: 'blocked' });
      expect(notices[0]).toMatch(/blocks storage .* cannot be kept in this browser/);
    }
  });
});

describe('nothing is overwritten without a copy', () => {
  it('import, reset and restore copy the current record into a ring of the newest backups', () => {
    const store = newStore();
    store.change((p) => visitLesson(p, 'first', 1));
    const texts: string[] = [];
    for (let i = 0; i < BACKUP_RING + 2; i++) {
      texts.unshift(storage.getItem(STORAGE_KEY)!);
      clock += 1000;
      const next = emptyProgress();
      visitLesson(next, `l${i}`, i);
      expect(store.replace(next, i % 2 ? 'reset' : 'import')).toEqual({ ok: true });
    }
    const ring = listBackups(storage);
    expect(ring).toHaveLength(BACKUP_RING);
    expect(ring.map((b) => b.raw)).toEqual(texts.slice(0, BACKUP_RING));
    expect(ring.map((b) => b.at)).toEqual([clock, clock - 1000, clock - 2000]);
    expect(ring[0]!.reason).toBe('import');
  });

  it('import replaces the whole record (no old lastLesson) and the backup undoes it', () => {
    const store = newStore();
    store.change((p) => visitLesson(p, 'mine', 5));
    const before = storage.getItem(STORAGE_KEY)!;
    const file = emptyProgress();
    setLessonDone(file, 'theirs', true, 9);
    expect(store.replace(file, 'import').ok).toBe(true);
    expect(stored()).toEqual({ ...file, replacedAt: clock });
    expect(stored().lastLesson).toBeUndefined();
    const undo = JSON.parse(listBackups(storage)[0]!.raw);
    expect(store.replace(undo, 'restore').ok).toBe(true);
    expect(stored().lessons).toEqual(JSON.parse(before).lessons);
    expect(stored().lastLesson).toBe('mine');
  });

  it('when the backup cannot be written, import and reset change nothing', () => {
    const store = newStore();
    store.change((p) => visitLesson(p, 'mine', 5));
    const before = storage.getItem(STORAGE_KEY);
    storage.failKeys.add(BACKUPS_KEY);
    expect(store.replace(emptyProgress(), 'reset')).toEqual({ ok: false, reason: 'full' });
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
    // Not even the page's copy changed, and the notice says why.
    expect(store.read().lessons).toHaveProperty('mine');
    expect(notices).toEqual([NOT_SAVED.full]);
  });

  it.each([
    ['unreadable JSON', '{"version": 2, "lessons": '],
    ['a newer version', JSON.stringify({ version: VERSION + 1, lessons: { a: { visitedAt: 1 } } })],
    ['impossible values', JSON.stringify({ version: VERSION, cards: { c: { state: 99 } } })],
    ['an older version', JSON.stringify({ version: 1, completed: ['a'] })],
  ])('%s with no room for its copy stays untouched for the whole page view', (_, raw) => {
    storage.data.set(STORAGE_KEY, raw);
    storage.failKeys.add(BACKUPS_KEY);
    const store = newStore();
    store.read();
    expect(notices[0]).toMatch(/left untouched/);
    const { result, progress } = store.change((p) => visitLesson(p, 'new', 7));
    expect(result).toEqual({ ok: false, reason: 'held' });
    expect(progress.lessons).toHaveProperty('new');
    expect(store.replace(emptyProgress(), 'reset').ok).toBe(false);
    expect(store.read().lessons).toHaveProperty('new');
    expect(storage.getItem(STORAGE_KEY)).toBe(raw);
    expect(storage.getItem(BACKUPS_KEY)).toBeNull();
  });

  it('an older version is backed up before it is upgraded', () => {
    const raw = JSON.stringify({ version: 1, completed: ['a'], updatedAt: 3 });
    storage.data.set(STORAGE_KEY, raw);
    const { progress, notice } = loadProgress(storage, 50);
    expect(notice).toBeUndefined();
    expect(progress.lessons.a).toEqual({ visitedAt: 3, completedAt: 3 });
    expect(listBackups(storage)).toEqual([{ at: 50, reason: 'migration', raw }]);
    expect(stored().version).toBe(VERSION);
  });

  it('invalid items are dropped with a notice and kept in the backup; good ones stay', () => {
    const raw = JSON.stringify({ version: VERSION, lessons: { ok: { visitedAt: 1 } }, cards: { bad: { state: 99 } }, questions: { q: { seen: -1, correct: 0, at: 1 } } });
    storage.data.set(STORAGE_KEY, raw);
    const { progress, notice } = loadProgress(storage, 60);
    expect(notice).toMatch(/^2 saved item\(s\) had impossible values/);
    expect(progress.lessons).toEqual({ ok: { visitedAt: 1 } });
    expect(listBackups(storage)[0]).toEqual({ at: 60, reason: 'invalid items', raw });
    expect(loadProgress(storage).notice).toBeUndefined();
  });

  it('lists the single backup slot of earlier versions after the ring', () => {
    storage.data.set('mlops-progress-backup', 'old text');
    expect(listBackups(storage)).toEqual([{ at: 0, reason: 'earlier backup', raw: 'old text' }]);
  });
});
