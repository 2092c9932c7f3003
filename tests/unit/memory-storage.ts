/** An in-memory Storage for unit tests, whose writes can be made to fail like a full or blocked browser store. */
export class MemoryStorage implements Storage {
  data = new Map<string, string>();
  /** When set, every setItem throws this DOMException name (QuotaExceededError, SecurityError). */
  failWrites?: string;
  /** Keys whose writes fail even when failWrites is unset (a store with room for small writes only). */
  failKeys = new Set<string>();
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
  setItem(k: string, v: string) {
    if (this.failWrites) throw new DOMException('refused', this.failWrites);
    if (this.failKeys.has(k)) throw new DOMException('quota', 'QuotaExceededError');
    this.data.set(k, String(v));
  }
}
