import { Injectable } from '@nestjs/common';
import { ENTITY, forbidden, notFound, type EntityName, type RequestContext } from '#app/core';
import { activeMembershipSql, activeMemberSchoolSql, inRegionsSql, managesGroupSql, memberSchoolOnSql } from './access/scope-rules';

export type SchoolAction = 'manage' | 'staff' | 'records';
export type GroupAction = 'manage' | 'members';

interface Row {
  id: string;
  allowed: boolean;
}

export interface GroupTeacher {
  schoolId: string;
  /** the school's membership role and pairing in the group */
  role: string;
  pairing: string | null;
}

/**
 * Scope checks, set-based: one query answers for a whole set of ids, before any read or write (STYLE habit 5).
 * Unknown ids are NOT_FOUND (the directory is readable by every signed-in user, so this leaks nothing);
 * known ids outside the caller's scope are FORBIDDEN. The rules themselves are in access/scope-rules.ts.
 *
 * - manage a region: PLATFORM_ADMIN, or REGION_ADMIN of it or an ancestor
 * - manage a school (edit it, move it): + nothing else; 'staff' (its teachers, its accounts): + SCHOOL_ADMIN of it;
 *   'records' (read its 优质均衡 records): + GROUP_MANAGER of a group it is an active member of
 * - manage a group (create, settings): region admins above it; 'members' (memberships, collaboration): + GROUP_MANAGER of it
 */
@Injectable()
export class AccessService {
  private async rows<R = Row>(ctx: RequestContext, ids: readonly string[], sql: string, params: unknown[]): Promise<R[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    return ctx.em.query(sql, [unique, ...params]);
  }

  private async check(ctx: RequestContext, what: EntityName, ids: string[], sql: string, params: unknown[]): Promise<void> {
    const rows = await this.rows(ctx, ids, sql, params);
    const found = new Map(rows.map((r) => [r.id, r.allowed]));
    const missing = [...new Set(ids)].find((id) => !found.has(id));
    if (missing) throw notFound(what, missing);
    if (ctx.user.isPlatformAdmin) return;
    if (rows.some((r) => !r.allowed)) throw forbidden({ zh: `该${ENTITY[what].zh}不在您的管理范围内`, en: `This ${what.toLowerCase()} is outside your scope` });
  }

  private groupRows(ctx: RequestContext, groupIds: readonly string[], managers: string[]): Promise<Row[]> {
    return this.rows(ctx, groupIds, `SELECT g.id, ${managesGroupSql('g.id', '$2::uuid[]', '$3::uuid[]')} AS allowed FROM school_group g WHERE g.id = ANY($1::uuid[])`, [
      ctx.user.regionIds,
      managers,
    ]);
  }

  private static readonly REGIONS_SQL = `SELECT x.id, ${inRegionsSql('x.id', '$2::uuid[]')} AS allowed FROM region x WHERE x.id = ANY($1::uuid[])`;

  async requireRegions(ctx: RequestContext, regionIds: string[]): Promise<void> {
    await this.check(ctx, 'Region', regionIds, AccessService.REGIONS_SQL, [ctx.user.regionIds]);
  }

  async requireSchools(ctx: RequestContext, action: SchoolAction, schoolIds: string[]): Promise<void> {
    const schoolAdmin = action === 'manage' ? [] : ctx.user.schoolIds;
    const managers = action === 'records' ? ctx.user.groupIds : [];
    await this.check(
      ctx,
      'School',
      schoolIds,
      `SELECT s.id, (${inRegionsSql('s.region_id', '$2::uuid[]')} OR s.id = ANY($3::uuid[])
              OR EXISTS (SELECT 1 FROM group_membership m WHERE m.school_id = s.id AND ${activeMembershipSql('m')} AND m.group_id = ANY($4::uuid[]))) AS allowed
         FROM school s WHERE s.id = ANY($1::uuid[])`,
      [ctx.user.regionIds, schoolAdmin, managers],
    );
  }

  /** Whether the caller manages the region (PLATFORM_ADMIN, or REGION_ADMIN of it or an ancestor); NOT_FOUND for no region. */
  async managesRegion(ctx: RequestContext, regionId: string): Promise<boolean> {
    const [row] = await this.rows(ctx, [regionId], AccessService.REGIONS_SQL, [ctx.user.regionIds]);
    if (!row) throw notFound('Region', regionId);
    return ctx.user.isPlatformAdmin || row.allowed;
  }

  async requireGroups(ctx: RequestContext, action: GroupAction, groupIds: string[]): Promise<void> {
    const rows = await this.groupRows(ctx, groupIds, action === 'members' ? ctx.user.groupIds : []);
    const found = new Map(rows.map((r) => [r.id, r.allowed]));
    const missing = [...new Set(groupIds)].find((id) => !found.has(id));
    if (missing) throw notFound('School group', missing);
    if (!ctx.user.isPlatformAdmin && rows.some((r) => !r.allowed)) throw forbidden({ zh: '该共同体不在您的管理范围内', en: 'This school group is outside your scope' });
  }

  /** The groups among `groupIds` the caller manages (platform admin, region admin above it, its group manager); unknown ids are left out. */
  async groupsManagedBy(ctx: RequestContext, groupIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.groupRows(ctx, groupIds, ctx.user.groupIds);
    return new Set(rows.filter((r) => ctx.user.isPlatformAdmin || r.allowed).map((r) => r.id));
  }

  /** Whether the caller manages the group (platform admin, region admin above it, its group manager); NOT_FOUND if unknown. */
  async managesGroup(ctx: RequestContext, groupId: string): Promise<boolean> {
    const [row] = await this.groupRows(ctx, [groupId], ctx.user.groupIds);
    if (!row) throw notFound('School group', groupId);
    return ctx.user.isPlatformAdmin || row.allowed;
  }

  /** The schools among `schoolIds` that are active member schools of the group. */
  async activeMemberSchools(ctx: RequestContext, groupId: string, schoolIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.rows(ctx, schoolIds, `SELECT s.id FROM school s WHERE s.id = ANY($1::uuid[]) AND ${activeMemberSchoolSql('s.id', '$2::uuid')}`, [groupId]);
    return new Set(rows.map((r) => r.id));
  }

  /** The schools among `schoolIds` that were member schools of the group on `day` (today's members, for today or later). */
  async memberSchoolsOn(ctx: RequestContext, groupId: string, schoolIds: readonly string[], day: string): Promise<Set<string>> {
    const rows = await this.rows(ctx, schoolIds, `SELECT s.id FROM school s WHERE s.id = ANY($1::uuid[]) AND ${memberSchoolOnSql('s.id', '$2::uuid', '$3::date')}`, [groupId, day]);
    return new Set(rows.map((r) => r.id));
  }

  /** The teachers among `teacherIds` who teach now at an active member school of the group, with that school's membership. */
  async groupTeachers(ctx: RequestContext, groupId: string, teacherIds: readonly string[]): Promise<Map<string, GroupTeacher>> {
    const rows = await this.rows<{ id: string; school_id: string; role: string; pairing: string | null }>(
      ctx,
      teacherIds,
      `SELECT t.id, t.school_id, m.role, m.pairing FROM teacher t JOIN group_membership m ON m.school_id = t.school_id AND m.group_id = $2 AND ${activeMembershipSql('m')}
        WHERE t.id = ANY($1::uuid[])`,
      [groupId],
    );
    return new Map(rows.map((r) => [r.id, { schoolId: r.school_id, role: r.role, pairing: r.pairing }]));
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
      `SELECT t.id FROM teacher t JOIN school s ON s.id = t.school_id
        WHERE t.id = ANY($1::uuid[])
          AND (t.id = $2 OR t.school_id = ANY($3::uuid[]) OR ${inRegionsSql('s.region_id', '$4::uuid[]')}
               OR EXISTS (SELECT 1 FROM school_group mg WHERE mg.id = ANY($5::uuid[]) AND ${activeMemberSchoolSql('t.school_id', 'mg.id')}))`,
      [teacherIds, p.teacherId, p.schoolIds, p.regionIds, p.groupIds],
    );
    return new Set(rows.map((r) => r.id));
  }
}
