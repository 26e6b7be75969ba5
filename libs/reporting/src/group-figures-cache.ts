/**
 * A group's dashboard figures for a period (its rollup rows), kept in this API instance and tagged with the
 * group's rollup revision when they were read. Every transaction that changes the group's rollup rows gives it
 * a new revision (RollupService), so an entry is used only while the database still holds that revision: the
 * figures are exact, on every instance, without any message between instances. Least recently used entries go
 * first once `capacity` is reached.
 */
export class GroupFiguresCache<T> {
  private readonly entries = new Map<string, { revision: number; value: T }>();
  hits = 0;
  misses = 0;

  constructor(readonly capacity = 1000) {}

  get(key: string, revision: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.revision !== revision) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key); // most recently used last
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, revision: number, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { revision, value });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
