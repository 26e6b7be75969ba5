import { Injectable } from '@nestjs/common';
import { forbidden, notFound, type RequestContext } from '../../core/src';

export type SchoolAction = 'manage' | 'staff';
export type GroupAction = 'manage' | 'members';

interface Row {
  id: string;
  allowed: boolean;
}

/**
 * Scope checks, set-based: one query answers for a whole set of ids, before any read or write (STYLE habit 5).
 * Unknown ids are NOT_FOUND (the directory is readable by every signed-in user, so this leaks nothing);
 * known ids outside the caller's scope are FORBIDDEN.
 *
 * - manage a region: PLATFORM_ADMIN, or REGION_ADMIN of it or an ancestor
 * - manage a school (edit it, move it): + nothing else; 'staff' (its teachers, its accounts): + SCHOOL_ADMIN of it
 * - manage a group (create, settings): region admins above it; 'members' (memberships, collaboration): + GROUP_MANAGER of it
 */
@Injectable()
export class AccessService {
  private async check(ctx: RequestContext, what: string, ids: string[], sql: string, params: unknown[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (!unique.length) return;
    const rows: Row[] = await ctx.em.query(sql, [unique, ...params]);
    const found = new Map(rows.map((r) => [r.id, r.allowed]));
    const missing = unique.find((id) => !found.has(id));
    if (missing) throw notFound(what, missing);
    if (ctx.user.isPlatformAdmin) return;
    if (rows.some((r) => !r.allowed)) throw forbidden(`This ${what.toLowerCase()} is outside your scope`);
  }

  async requireRegions(ctx: RequestContext, regionIds: string[]): Promise<void> {
    await this.check(ctx, 'Region', regionIds, `SELECT id, path && $2::uuid[] AS allowed FROM region WHERE id = ANY($1::uuid[])`, [
      ctx.user.regionIds,
    ]);
  }

  async requireSchools(ctx: RequestContext, action: SchoolAction, schoolIds: string[]): Promise<void> {
    const schoolAdmin = action === 'staff' ? ctx.user.schoolIds : [];
    await this.check(
      ctx,
      'School',
      schoolIds,
      `SELECT s.id, (r.path && $2::uuid[] OR s.id = ANY($3::uuid[])) AS allowed
         FROM school s JOIN region r ON r.id = s.region_id WHERE s.id = ANY($1::uuid[])`,
      [ctx.user.regionIds, schoolAdmin],
    );
  }

  async requireGroups(ctx: RequestContext, action: GroupAction, groupIds: string[]): Promise<void> {
    const managers = action === 'members' ? ctx.user.groupIds : [];
    await this.check(
      ctx,
      'School group',
      groupIds,
      `SELECT g.id, (r.path && $2::uuid[] OR g.id = ANY($3::uuid[])) AS allowed
         FROM school_group g JOIN region r ON r.id = g.region_id WHERE g.id = ANY($1::uuid[])`,
      [ctx.user.regionIds, managers],
    );
  }

  /** Whether the caller manages the group (platform admin, region admin above it, its group manager); NOT_FOUND if unknown. */
  async managesGroup(ctx: RequestContext, groupId: string): Promise<boolean> {
    const p = ctx.user;
    const [row] = await ctx.em.query(
      `SELECT (r.path && $2::uuid[] OR g.id = ANY($3::uuid[])) AS ok FROM school_group g JOIN region r ON r.id = g.region_id WHERE g.id = $1`,
      [groupId, p.regionIds, p.groupIds],
    );
    if (!row) throw notFound('School group', groupId);
    return p.isPlatformAdmin || row.ok;
  }

  /**
   * Teachers whose contact data (email, phone) the caller may see: themselves, their school's admins, managers
   * of a group their school is an active member of, region admins above the school, platform admins.
   */
  async visibleTeacherContacts(ctx: RequestContext, teacherIds: readonly string[]): Promise<Set<string>> {
    const p = ctx.principal;
    if (!p || !teacherIds.length) return new Set();
    if (p.isPlatformAdmin) return new Set(teacherIds);
    const rows: { id: string }[] = await ctx.em.query(
      `SELECT t.id FROM teacher t JOIN school s ON s.id = t.school_id JOIN region r ON r.id = s.region_id
        WHERE t.id = ANY($1::uuid[])
          AND (t.id = $2 OR t.school_id = ANY($3::uuid[]) OR r.path && $4::uuid[]
               OR EXISTS (SELECT 1 FROM group_membership m WHERE m.school_id = t.school_id AND m.left_on IS NULL AND m.group_id = ANY($5::uuid[])))`,
      [teacherIds, p.teacherId, p.schoolIds, p.regionIds, p.groupIds],
    );
    return new Set(rows.map((r) => r.id));
  }
}
