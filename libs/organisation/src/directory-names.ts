import { In } from 'typeorm';
import type { RequestContext } from '#app/core';
import { inRegionsSql, managesGroupSql } from './access/scope-rules';
import { GroupMembership } from './entities/group-membership.entity';
import { SchoolGroup } from './entities/school-group.entity';
import { School } from './entities/school.entity';
import { Teacher } from './entities/teacher.entity';

/**
 * The directory by the names people write (for the spreadsheet imports): regions and schools within the caller's
 * scope, and the rows behind natural keys (a school's name in its region, a teacher's staff number or name at a school).
 */
export const NamedDirectory = {
  /** Regions with these names in the caller's regions (any for a platform admin). */
  async regionsNamed(ctx: RequestContext, names: readonly string[]): Promise<{ id: string; name: string }[]> {
    const p = ctx.user;
    return ctx.em.query(`SELECT r.id, r.name FROM region r WHERE r.name = ANY($1::text[]) AND ($2::boolean OR ${inRegionsSql('r.id', '$3::uuid[]')})`, [
      [...new Set(names)],
      p.isPlatformAdmin,
      p.regionIds,
    ]);
  },

  /** Schools with these names the caller may staff (in their regions, or the school they administer), with the region's name. */
  async schoolsNamed(ctx: RequestContext, names: readonly string[]): Promise<{ id: string; name: string; region: string }[]> {
    const p = ctx.user;
    return ctx.em.query(
      `SELECT s.id, s.name, r.name AS region FROM school s JOIN region r ON r.id = s.region_id
        WHERE s.name = ANY($1::text[]) AND ($2::boolean OR ${inRegionsSql('s.region_id', '$3::uuid[]')} OR s.id = ANY($4::uuid[]))`,
      [[...new Set(names)], p.isPlatformAdmin, p.regionIds, p.schoolIds],
    );
  },

  /** The schools of these (region, name) keys. */
  async schoolsAt(ctx: RequestContext, keys: readonly { regionId: string; name: string }[]): Promise<School[]> {
    if (!keys.length) return [];
    const rows: { id: string }[] = await ctx.em.query(`SELECT s.id FROM school s JOIN unnest($1::uuid[], $2::text[]) AS k(region_id, name) ON s.region_id = k.region_id AND s.name = k.name`, [
      keys.map((k) => k.regionId),
      keys.map((k) => k.name),
    ]);
    return ctx.em.findBy(School, { id: In(rows.map((r) => r.id)) });
  },

  async teachersByStaffNo(ctx: RequestContext, staffNos: readonly string[]): Promise<Teacher[]> {
    return staffNos.length ? ctx.em.findBy(Teacher, { staffNo: In([...new Set(staffNos)]) }) : [];
  },

  /** The teachers of these (school, name) keys. */
  async teachersNamedAt(ctx: RequestContext, keys: readonly { schoolId: string; name: string }[]): Promise<Teacher[]> {
    if (!keys.length) return [];
    const rows: { id: string }[] = await ctx.em.query(`SELECT t.id FROM teacher t JOIN unnest($1::uuid[], $2::text[]) AS k(school_id, name) ON t.school_id = k.school_id AND t.name = k.name`, [
      keys.map((k) => k.schoolId),
      keys.map((k) => k.name),
    ]);
    return ctx.em.findBy(Teacher, { id: In(rows.map((r) => r.id)) });
  },

  /** Groups with these names whose members the caller manages (region admins above them, their managers). */
  async groupsNamed(ctx: RequestContext, names: readonly string[]): Promise<SchoolGroup[]> {
    const p = ctx.user;
    const rows: { id: string }[] = await ctx.em.query(`SELECT g.id FROM school_group g WHERE g.name = ANY($1::text[]) AND ($2::boolean OR ${managesGroupSql('g.id', '$3::uuid[]', '$4::uuid[]')})`, [
      [...new Set(names)],
      p.isPlatformAdmin,
      p.regionIds,
      p.groupIds,
    ]);
    return rows.length ? ctx.em.findBy(SchoolGroup, { id: In(rows.map((r) => r.id)) }) : [];
  },

  /** Every school with one of these names, with its region's name and path (the caller narrows them to a group's region). */
  async schoolsNamedAnywhere(ctx: RequestContext, names: readonly string[]): Promise<{ id: string; name: string; region: string; path: string[] }[]> {
    return ctx.em.query(`SELECT s.id, s.name, r.name AS region, r.path FROM school s JOIN region r ON r.id = s.region_id WHERE s.name = ANY($1::text[])`, [[...new Set(names)]]);
  },

  /** Memberships (current and former) of these groups. */
  async membershipsOf(ctx: RequestContext, groupIds: readonly string[]): Promise<GroupMembership[]> {
    return groupIds.length ? ctx.em.findBy(GroupMembership, { groupId: In([...new Set(groupIds)]) }) : [];
  },

  /** The teachers now at these schools, to find people named in a sheet (by name or staff number). */
  async teachersAt(ctx: RequestContext, schoolIds: readonly string[]): Promise<Teacher[]> {
    return schoolIds.length ? ctx.em.findBy(Teacher, { schoolId: In([...new Set(schoolIds)]) }) : [];
  },
};
