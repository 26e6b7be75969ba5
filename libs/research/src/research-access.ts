import { Injectable } from '@nestjs/common';
import { forbidden, notFound, type RequestContext } from '../../core/src';

export interface SessionAccess {
  /** schedule, start, end, cancel, advance the agenda */
  manage: boolean;
  /** see the session, its attendance, notes, chat and events; join live */
  view: boolean;
  /** the caller's teacher profile is invited (through its school or by name): may check in */
  invited: boolean;
  /** the school the caller's teacher works at now */
  teacherSchoolId: string | null;
}

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
    const [a, b, c, d] = [offset, offset + 1, offset + 2, offset + 3];
    return {
      sql: `(EXISTS (SELECT 1 FROM school_group g JOIN region r ON r.id = g.region_id WHERE g.id = rs.group_id AND r.path && $${a}::uuid[])
          OR rs.group_id = ANY($${b}::uuid[]) OR rs.host_school_id = ANY($${c}::uuid[])
          OR EXISTS (SELECT 1 FROM research_session_school x WHERE x.session_id = rs.id
                       AND (x.school_id = ANY($${c}::uuid[]) OR x.school_id = (SELECT t.school_id FROM teacher t WHERE t.id = $${d}::uuid)))
          OR EXISTS (SELECT 1 FROM research_session_teacher y WHERE y.session_id = rs.id AND y.teacher_id = $${d}::uuid))`,
      params: [p.regionIds, p.groupIds, p.schoolIds, p.teacherId],
    };
  }

  async of(ctx: RequestContext, sessionId: string): Promise<SessionAccess & { groupId: string }> {
    const p = ctx.user;
    const rows: any[] = await ctx.em.query(
      `SELECT rs.group_id,
              (EXISTS (SELECT 1 FROM school_group g JOIN region r ON r.id = g.region_id WHERE g.id = rs.group_id AND r.path && $2::uuid[])
               OR rs.group_id = ANY($3::uuid[]) OR rs.host_school_id = ANY($4::uuid[])) AS manage,
              EXISTS (SELECT 1 FROM research_session_school x WHERE x.session_id = rs.id AND x.school_id = ANY($4::uuid[])) AS school_admin,
              t.school_id AS teacher_school_id,
              (t.id IS NOT NULL AND (
                 EXISTS (SELECT 1 FROM research_session_school x WHERE x.session_id = rs.id AND x.school_id = t.school_id)
                 OR EXISTS (SELECT 1 FROM research_session_teacher y WHERE y.session_id = rs.id AND y.teacher_id = t.id))) AS invited
         FROM research_session rs LEFT JOIN teacher t ON t.id = $5::uuid
        WHERE rs.id = $1`,
      [sessionId, p.regionIds, p.groupIds, p.schoolIds, p.teacherId],
    );
    if (!rows.length) throw notFound('Research session', sessionId);
    const r = rows[0];
    const manage = p.isPlatformAdmin || r.manage;
    return { groupId: r.group_id, manage, invited: r.invited, view: manage || r.invited || r.school_admin, teacherSchoolId: r.teacher_school_id };
  }

  async require(ctx: RequestContext, sessionId: string, need: 'view' | 'manage'): Promise<SessionAccess> {
    const a = await this.of(ctx, sessionId);
    // A session the caller cannot see answers exactly like an unknown id: its existence is not told.
    if (!a.view) throw notFound('Research session', sessionId);
    if (!a[need]) throw forbidden('Only the group managers and the host school run this session');
    return a;
  }
}
