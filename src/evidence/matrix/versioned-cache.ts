/**
 * A small LRU of values that are valid while a version (a bigint as text, only ever increasing)
 * stays the same: the matrix data of recently read cases, keyed by case × framework version and
 * checked against the case's matrix version on every read, so a change committed by any replica
 * is never served stale.
 */
export class VersionedCache<V> {
  private readonly entries = new Map<string, { version: bigint; value: V }>();

  constructor(private readonly capacity: number) {}

  get(key: string, version: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== BigInt(version)) return undefined;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` unless a newer version is already held (a slower, older read finishing late). */
  set(key: string, version: string, value: V): void {
    const v = BigInt(version);
    const held = this.entries.get(key);
    if (held && held.version > v) return;
    this.entries.delete(key);
    this.entries.set(key, { version: v, value });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
