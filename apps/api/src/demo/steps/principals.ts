import type { EntityManager } from 'typeorm';
import { Principal, Role } from '#app/core';
import type { IdentityService } from '#app/identity';
import type { Actor } from '../plans/lesson-prep';

/**
 * The principals the demo plays its story as: a demo account as it signs in (read in the loading transaction), or,
 * for a teacher or manager without one (or whose demo email belongs to someone else's account), a principal built
 * for them: their teacher profile, the group they manage or the region they administer. No account is created.
 */
export class DemoPrincipals {
  private readonly known = new Map<string, Principal>();

  constructor(
    private readonly identity: IdentityService,
    private readonly em: EntityManager,
  ) {}

  async of(a: Actor): Promise<Principal> {
    const key = `${a.userId}:${a.teacher?.id}:${a.manages}:${a.administers}`;
    let p = this.known.get(key);
    if (!p) {
      const grants = a.teacher
        ? [{ role: Role.TEACHER, scopeId: null }]
        : a.administers
          ? [{ role: Role.REGION_ADMIN, scopeId: a.administers }]
          : [{ role: Role.GROUP_MANAGER, scopeId: a.manages ?? null }];
      p = (a.userId ? await this.identity.resolve(a.userId, this.em) : null) ?? Principal.withoutAccount(a.teacher?.id ?? null, grants);
      this.known.set(key, p);
    }
    return p;
  }
}
