import { Injectable } from '@nestjs/common';
import { forbidden, notFound, type RequestContext } from '#app/core';
import { managesGroupSql, teachesAtSql } from '#app/organisation';

export interface SessionAccess {
  /** schedule, start, end, cancel, advance the agenda */
  manage: boolean;
  /** see the session, its attendance, notes, chat and events; join live */
  view: boolean;
  /** the caller's teacher profile is invited (through its school or by name): may check in */
  invited: boolean;
}

/** The session rules as SQL on alias `rs`; the placeholders hold the caller's regions, groups, schools (admin of) and teacher. */
interface Slots {
  regions: string;
  groups: string;
  schools: string;
  teacher: string;
}

/** manage: region admins above the group, the group's managers, the host school's admins. */
const manageSql = (s: Slots) => `(${managesGroupSql('rs.group_id', s.regions, s.groups)} OR rs.host_school_id = ANY(${s.schools}))`;

/** invited: the caller's teacher profile, through its current school or by name. */
const invitedSql = (s: Slots) =>
  `(EXISTS (SELECT 1 FROM research_session_school x WHERE x.session_id = rs.id AND ${teachesAtSql(s.teacher, 'x.school_id')})
    OR EXISTS (SELECT 1 FROM research_session_teacher y WHERE y.session_id = rs.id AND y.teacher_id = ${s.teacher}))`;

/** view: the above, and the admins of an invited school. The one definition behind `of` and the list filter. */
const viewSql = (s: Slots) =>
  `(${manageSql(s)} OR ${invitedSql(s)} OR EXISTS (SELECT 1 FROM research_session_school x WHERE x.session_id = rs.id AND x.school_id = ANY(${s.schools})))`;

const slots = (offset: number): Slots => ({
  regions: `$${offset}::uuid[]`,
  groups: `$${offset + 1}::uuid[]`,
  schools: `$${offset + 2}::uuid[]`,
  teacher: `$${offset + 3}::uuid`,
});

/**
 * Who may do what with a research session, in one query:
 * - manage: platform admins, region admins above the group, the group's managers, the host school's admins;
 * - view: managers, plus admins and teachers of invited schools and teachers invited by name;
 * - nobody else sees a session's notes, chat or attendance.
 */
@Injectable()
export class ResearchAccess {
  /** SQL condition (on alias `rs`) for sessions the caller may view; params start at $offset. */
  viewableCondition(ctx: RequestContext, offset: number): { sql: string; params: unknown[] } {
    const p = ctx.user;
    if (p.isPlatformAdmin) return { sql: 'TRUE', params: [] };
    return { sql: viewSql(slots(offset)), params: [p.regionIds, p.groupIds, p.schoolIds, p.teacherId] };
  }

  async of(ctx: RequestContext, sessionId: string): Promise<SessionAccess & { groupId: string }> {
    const p = ctx.user;
    const s = slots(2);
    const rows: any[] = await ctx.em.query(
      `SELECT rs.group_id, ${manageSql(s)} AS manage, ${viewSql(s)} AS view, coalesce(${invitedSql(s)}, false) AS invited
         FROM research_session rs WHERE rs.id = $1`,
      [sessionId, p.regionIds, p.groupIds, p.schoolIds, p.teacherId],
    );
    if (!rows.length) throw notFound('Research session', sessionId);
    const r = rows[0];
    const manage = p.isPlatformAdmin || r.manage;
    return { groupId: r.group_id, manage, invited: r.invited, view: p.isPlatformAdmin || r.view };
  }

  /** Whether a teacher (not the caller) is invited to the session: through their current school or by name. */
  async isInvited(ctx: RequestContext, sessionId: string, teacherId: string): Promise<boolean> {
    const s = slots(2);
    const [row] = await ctx.em.query(`SELECT coalesce(${invitedSql({ ...s, teacher: '$2::uuid' })}, false) AS invited FROM research_session rs WHERE rs.id = $1`, [sessionId, teacherId]);
    return row?.invited ?? false;
  }

  async require(ctx: RequestContext, sessionId: string, need: 'view' | 'manage'): Promise<SessionAccess> {
    const a = await this.of(ctx, sessionId);
    // A session the caller cannot see answers exactly like an unknown id: its existence is not told.
    if (!a.view) throw notFound('Research session', sessionId);
    if (!a[need]) throw forbidden({ zh: '只有共同体管理员和承办校可以主持该教研活动', en: 'Only the group managers and the host school run this session' });
    return a;
  }
}
