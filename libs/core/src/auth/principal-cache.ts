import type { Principal } from './principal';

/**
 * Resolved principals by user id, so that a request does not read the user and their grants again when nothing
 * changed. It never weakens revocation: every change to a user's sign-in or roles announces itself on the LiveBus
 * (PRINCIPAL_CHANNEL, after commit, on every instance), which drops the entry; while the bus is not connected the
 * cache is not used at all (and is emptied), since a notice may be missed. A read that overlaps a notice is not kept
 * (the generation check), so an older principal read before a change cannot outlive it. Accounts that do not
 * resolve (unknown, deactivated) are never kept. Entries also expire after `ttlMs`, at most `max` are kept.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; at: number }>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The user's principal: from memory when `trusted` (the bus is connected) and fresh enough, else from `load`. */
  async get(userId: string, trusted: boolean, load: () => Promise<Principal | null>): Promise<Principal | null> {
    if (!trusted || this.ttlMs <= 0) {
      if (this.entries.size) this.drop();
      return load();
    }
    const hit = this.entries.get(userId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.principal;
    const generation = this.generation;
    const principal = await load();
    if (principal && generation === this.generation) {
      this.entries.delete(userId); // re-inserted last: the oldest entry is the first to go
      this.entries.set(userId, { principal, at: Date.now() });
      if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    return principal;
  }

  /** Drops one user's entry (their sign-in or roles changed), or every entry. */
  drop(userId?: string): void {
    this.generation++;
    if (userId) this.entries.delete(userId);
    else this.entries.clear();
  }
}
