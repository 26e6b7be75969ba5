import { Injectable } from '@nestjs/common';
import { conflict, forbidden, notFound, type Msg, type RequestContext } from '#app/core';
import { Directory, GroupStatus, managesGroupSql, teachesAtSql } from '#app/organisation';

export interface Condition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * Who may do what with exchanges and student activities, each answered by one query:
 * - record or end an exchange: platform admins, region admins above the group, the group's managers, and the
 *   admins of the exchange's from-school (the teacher's own school);
 * - record a student activity: platform admins, region admins above the group, the group's managers;
 * - see exchanges: managers and region admins above the group, admins of the from- or to-school, the teacher;
 * - see student activities: managers and region admins above the group, admins and teachers of a school that took part.
 */
@Injectable()
export class ActivityAccess {
  /** The group (NOT_FOUND), active (CONFLICT), and the caller manages it (or admins `schoolId`) (FORBIDDEN). */
  async requireManager(tx: RequestContext, groupId: string, schoolId: string | null, message: Msg): Promise<void> {
    const p = tx.user;
    const group = await Directory.group(tx, groupId);
    if (!group) throw notFound('School group', groupId);
    const [{ allowed }] = await tx.em.query(`SELECT (${managesGroupSql('$1::uuid', '$2::uuid[]', '$3::uuid[]')} OR $4::uuid = ANY($5::uuid[])) AS allowed`, [
      groupId,
      p.regionIds,
      p.groupIds,
      schoolId,
      p.schoolIds,
    ]);
    if (!p.isPlatformAdmin && !allowed) throw forbidden(message);
    if (group.status !== GroupStatus.ACTIVE) throw conflict({ zh: '该共同体已解散', en: 'This group is dissolved' });
  }

  private scope(ctx: RequestContext) {
    const p = ctx.user;
    return { _regionIds: p.regionIds, _groupIds: p.groupIds, _schoolIds: p.schoolIds, _teacherId: p.teacherId };
  }

  private managedGroup(alias: string) {
    return managesGroupSql(`${alias}.group_id`, ':_regionIds::uuid[]', ':_groupIds::uuid[]');
  }

  /** SQL condition (alias `e`) for exchanges the caller may see. */
  exchangesViewable(ctx: RequestContext): Condition {
    if (ctx.user.isPlatformAdmin) return { sql: 'TRUE', params: {} };
    return {
      sql: `(${this.managedGroup('e')} OR e.from_school_id = ANY(:_schoolIds::uuid[]) OR e.to_school_id = ANY(:_schoolIds::uuid[])
             OR e.teacher_id = :_teacherId::uuid)`,
      params: this.scope(ctx),
    };
  }

  /** SQL condition (alias `a`) for student activities the caller may see. */
  activitiesViewable(ctx: RequestContext): Condition {
    if (ctx.user.isPlatformAdmin) return { sql: 'TRUE', params: {} };
    return {
      sql: `(${this.managedGroup('a')} OR EXISTS (SELECT 1 FROM student_activity_school x WHERE x.activity_id = a.id
               AND (x.school_id = ANY(:_schoolIds::uuid[]) OR ${teachesAtSql(':_teacherId::uuid', 'x.school_id')})))`,
      params: this.scope(ctx),
    };
  }
}
