import { Injectable } from '@nestjs/common';
import { forbidden, notFound, type RequestContext } from '../../core/src';
import { LessonPlan, LessonPrepTeam } from './entities/lesson-prep.entity';
import { LessonPlanKind } from './enums';

const NOBODY = '00000000-0000-0000-0000-000000000000';

export interface TeamAccess {
  team: LessonPrepTeam;
  /** an active member (the leader always is one) */
  member: boolean;
  leader: boolean;
  reviewer: boolean;
  /** platform admins, region admins above the group, its group managers */
  manager: boolean;
  /** sees the team: managers, members, teachers and school admins of the group's active member schools */
  view: boolean;
}

export interface PlanAccess {
  plan: LessonPlan;
  member: boolean;
  leader: boolean;
  reviewer: boolean;
  owner: boolean;
  manager: boolean;
  /** sees drafts, every revision and every comment: the team (members, the named reviewer) or an adaptation's owner */
  drafts: boolean;
  /** sees the published version: the above, and everyone of the group (teachers and admins of its active member schools, its managers, region admins above it) */
  read: boolean;
}

/**
 * SQL: the teacher teaches now at an active member school of the group. Team rights (member, leader, reviewer) follow
 * the teacher's current school: a transfer out of the group, or the school leaving it, ends them; the membership rows
 * and the versions they wrote stay.
 */
const teachesInGroup = (teacher: string, group: string) =>
  `EXISTS (SELECT 1 FROM teacher ct JOIN group_membership cm ON cm.school_id = ct.school_id AND cm.left_on IS NULL WHERE ct.id = ${teacher} AND cm.group_id = ${group})`;

/** SQL: the teacher is an active member of the team (of that group): a membership not ended, at a member school now. */
export const activeMemberSql = (teacher: string, team: string, group: string) =>
  `(EXISTS (SELECT 1 FROM lesson_prep_team_member m WHERE m.team_id = ${team} AND m.teacher_id = ${teacher} AND m.left_at IS NULL) AND ${teachesInGroup(teacher, group)})`;

/** Facts about the caller in relation to teams (alias t) and groups (alias g), as SQL columns. Params: $2 teacher, $3 regions, $4 groups, $5 schools. */
const RELATION = `
  coalesce(${activeMemberSql('$2::uuid', 't.id', 'g.id')}, false) AS member,
  coalesce(t.leader_teacher_id = $2::uuid AND ${teachesInGroup('$2::uuid', 'g.id')}, false) AS leader,
  coalesce(t.reviewer_teacher_id = $2::uuid AND ${teachesInGroup('$2::uuid', 'g.id')}, false) AS reviewer,
  (r.path && $3::uuid[] OR g.id = ANY($4::uuid[])) AS manager,
  EXISTS (SELECT 1 FROM group_membership gm WHERE gm.group_id = g.id AND gm.left_on IS NULL
           AND (gm.school_id = ANY($5::uuid[]) OR gm.school_id = (SELECT school_id FROM teacher WHERE id = $2::uuid))) AS in_group`;

/**
 * Who may see and do what with lesson preparation (issue: lesson preparation):
 * - drafts, revisions and comments of a team plan: the team only (active members and the reviewer the group named);
 * - published versions: every teacher and school admin of the group's active member schools, its managers, and
 *   region admins above it; nothing outside the group;
 * - an adaptation (二次备课): its owner only.
 */
@Injectable()
export class LessonPrepAccess {
  private params(ctx: RequestContext) {
    const p = ctx.user;
    return [p.teacherId ?? null, p.regionIds, p.groupIds, p.schoolIds];
  }

  async team(ctx: RequestContext, teamId: string): Promise<TeamAccess> {
    const [row] = await ctx.em.query(
      `SELECT t.id, ${RELATION} FROM lesson_prep_team t JOIN school_group g ON g.id = t.group_id JOIN region r ON r.id = g.region_id WHERE t.id = $1`,
      [teamId, ...this.params(ctx)],
    );
    if (!row) throw notFound('Lesson preparation team', teamId);
    const team = await ctx.em.findOneByOrFail(LessonPrepTeam, { id: teamId });
    const manager = ctx.user.isPlatformAdmin || row.manager;
    return { team, member: row.member, leader: row.leader, reviewer: row.reviewer, manager, view: manager || row.member || row.reviewer || row.in_group };
  }

  async requireTeam(ctx: RequestContext, teamId: string, need: 'view' | 'lead'): Promise<TeamAccess> {
    const a = await this.team(ctx, teamId);
    if (need === 'view' && !a.view) throw forbidden('This team belongs to a group you are not part of');
    if (need === 'lead' && !a.leader && !a.manager) throw forbidden('Only the team leader and the group managers change the team');
    return a;
  }

  /** Access to several plans at once (lists, loaders). */
  async plans(ctx: RequestContext, plans: LessonPlan[]): Promise<Map<string, PlanAccess>> {
    if (!plans.length) return new Map();
    const rows: any[] = await ctx.em.query(
      `SELECT p.id, ${RELATION} FROM lesson_plan p LEFT JOIN lesson_prep_team t ON t.id = p.team_id
         JOIN school_group g ON g.id = p.group_id JOIN region r ON r.id = g.region_id WHERE p.id = ANY($1::uuid[])`,
      [plans.map((p) => p.id), ...this.params(ctx)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const me = ctx.user.teacherId;
    return new Map(
      plans.map((plan) => {
        const r = byId.get(plan.id);
        const manager = ctx.user.isPlatformAdmin || r.manager;
        const owner = plan.kind === LessonPlanKind.ADAPTATION && !!me && plan.ownerTeacherId === me;
        const drafts = plan.kind === LessonPlanKind.TEAM ? r.member || r.reviewer : owner;
        const read = drafts || (plan.kind === LessonPlanKind.TEAM && plan.publishedVersion !== null && (manager || r.in_group));
        return [plan.id, { plan, member: r.member, leader: r.leader, reviewer: r.reviewer, owner, manager, drafts, read }];
      }),
    );
  }

  async plan(ctx: RequestContext, planId: string, opts: { lock?: boolean } = {}): Promise<PlanAccess> {
    const plan = await ctx.em.findOne(LessonPlan, { where: { id: planId }, ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!plan) throw notFound('Lesson plan', planId);
    return (await this.plans(ctx, [plan])).get(plan.id)!;
  }

  async requirePlan(ctx: RequestContext, planId: string, need: 'read' | 'drafts', opts: { lock?: boolean } = {}): Promise<PlanAccess> {
    const a = await this.plan(ctx, planId, opts);
    // A plan the caller cannot read answers exactly like an unknown id: its existence is not told.
    if (!a.read) throw notFound('Lesson plan', planId);
    if (!a[need]) throw forbidden('Only the preparation team works on this plan');
    return a;
  }

  /** SQL condition (alias p) and named params: plans whose drafts the caller sees. */
  draftsCondition(ctx: RequestContext) {
    return {
      sql: `((p.kind = 'TEAM' AND (${activeMemberSql(':me', 'p.team_id', 'p.group_id')}
                 OR (EXISTS (SELECT 1 FROM lesson_prep_team rt WHERE rt.id = p.team_id AND rt.reviewer_teacher_id = :me) AND ${teachesInGroup(':me', 'p.group_id')})))
             OR (p.kind = 'ADAPTATION' AND p.owner_teacher_id = :me))`,
      params: { me: ctx.user.teacherId ?? NOBODY },
    };
  }

  /** SQL condition (alias p) and named params: plans the caller may read (at least their published version). */
  readCondition(ctx: RequestContext) {
    const p = ctx.user;
    const drafts = this.draftsCondition(ctx);
    const group = p.isPlatformAdmin
      ? 'TRUE'
      : `(p.group_id = ANY(:groups::uuid[])
          OR EXISTS (SELECT 1 FROM school_group g JOIN region r ON r.id = g.region_id WHERE g.id = p.group_id AND r.path && :regions::uuid[])
          OR EXISTS (SELECT 1 FROM group_membership gm WHERE gm.group_id = p.group_id AND gm.left_on IS NULL
                      AND (gm.school_id = ANY(:schools::uuid[]) OR gm.school_id = (SELECT school_id FROM teacher WHERE id = :me))))`;
    return {
      sql: `(${drafts.sql} OR (p.kind = 'TEAM' AND p.published_version IS NOT NULL AND ${group}))`,
      params: { ...drafts.params, groups: p.groupIds, regions: p.regionIds, schools: p.schoolIds },
    };
  }
}
