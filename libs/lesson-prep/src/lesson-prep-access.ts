import { Injectable } from '@nestjs/common';
import { forbidden, notFound, type RequestContext } from '#app/core';
import { managesGroupSql, NO_TEACHER, ofMemberSchoolSql, teachesInGroupSql } from '#app/organisation';
import { LessonPlan, LessonPrepTeam } from './entities/lesson-prep.entity';
import { LessonPlanKind } from './enums';

export interface TeamAccess {
  team: LessonPrepTeam;
  /** an active member (the leader always is one) */
  member: boolean;
  leader: boolean;
  reviewer: boolean;
  /** platform admins, region admins above the group, its group managers */
  manager: boolean;
  /** sees the team: managers, members, the named reviewer, teachers and school admins of the group's active member schools */
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

/** The placeholders holding the caller's teacher, regions (admin of), groups (manager of), schools (admin of), platform admin. */
interface Slots {
  admin: string;
  teacher: string;
  regions: string;
  groups: string;
  schools: string;
}
const POSITIONAL: Slots = { admin: '$6::boolean', teacher: '$2::uuid', regions: '$3::uuid[]', groups: '$4::uuid[]', schools: '$5::uuid[]' };
const NAMED: Slots = { admin: ':admin::boolean', teacher: ':me::uuid', regions: ':regions::uuid[]', groups: ':groups::uuid[]', schools: ':schools::uuid[]' };

/**
 * SQL: the teacher is an active member of the team (of that group): a membership not ended, at a member school now.
 * Team rights (member, leader, reviewer) follow the teacher's current school: a transfer out of the group, or the
 * school leaving it, ends them; the membership rows and the versions they wrote stay.
 */
export const activeMemberSql = (teacher: string, team: string, group: string) =>
  `(EXISTS (SELECT 1 FROM lesson_prep_team_member m WHERE m.team_id = ${team} AND m.teacher_id = ${teacher} AND m.left_at IS NULL) AND ${teachesInGroupSql(teacher, group)})`;

// The rules, each once, on a team row `t` (alias) of group `g` (expression) and, for plans, a plan row `p`.
const memberSql = (s: Slots, t: string, g: string) => activeMemberSql(s.teacher, `${t}.id`, g);
const leaderSql = (s: Slots, t: string, g: string) => `(${t}.leader_teacher_id = ${s.teacher} AND ${teachesInGroupSql(s.teacher, g)})`;
const reviewerSql = (s: Slots, t: string, g: string) => `(${t}.reviewer_teacher_id = ${s.teacher} AND ${teachesInGroupSql(s.teacher, g)})`;
const managerSql = (s: Slots, g: string) => managesGroupSql(g, s.regions, s.groups);
const inGroupSql = (s: Slots, g: string) => ofMemberSchoolSql(g, s.schools, s.teacher);
/** sees the team: managers, members, the named reviewer, teachers and school admins of the group's active member schools */
const teamViewSql = (s: Slots, t: string, g: string) =>
  `(${s.admin} OR ${managerSql(s, g)} OR ${memberSql(s, t, g)} OR ${reviewerSql(s, t, g)} OR ${inGroupSql(s, g)})`;
/** sees a plan's drafts: the team of a team plan (active members, the named reviewer), the owner of an adaptation */
const planDraftsSql = (s: Slots) =>
  `((p.kind = 'TEAM' AND (${activeMemberSql(s.teacher, 'p.team_id', 'p.group_id')}
       OR EXISTS (SELECT 1 FROM lesson_prep_team rt WHERE rt.id = p.team_id AND ${reviewerSql(s, 'rt', 'p.group_id')})))
    OR (p.kind = 'ADAPTATION' AND p.owner_teacher_id = ${s.teacher}))`;
/** reads a plan (at least its published version): the above, and for a published team plan everyone of the group */
const planReadSql = (s: Slots) =>
  `(${planDraftsSql(s)} OR (p.kind = 'TEAM' AND p.published_version IS NOT NULL AND (${s.admin} OR ${managerSql(s, 'p.group_id')} OR ${inGroupSql(s, 'p.group_id')})))`;

/** Facts about the caller in relation to a team (alias t) of group `g` (expression), as SQL columns. */
const relation = (g: string) => `
  coalesce(${memberSql(POSITIONAL, 't', g)}, false) AS member,
  coalesce(${leaderSql(POSITIONAL, 't', g)}, false) AS leader,
  coalesce(${reviewerSql(POSITIONAL, 't', g)}, false) AS reviewer,
  ${managerSql(POSITIONAL, g)} AS manager,
  coalesce(${teamViewSql(POSITIONAL, 't', g)}, false) AS view`;

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
    return [p.teacherId ?? NO_TEACHER, p.regionIds, p.groupIds, p.schoolIds, p.isPlatformAdmin];
  }

  private named(ctx: RequestContext) {
    const p = ctx.user;
    return { me: p.teacherId ?? NO_TEACHER, regions: p.regionIds, groups: p.groupIds, schools: p.schoolIds, admin: p.isPlatformAdmin };
  }

  async team(ctx: RequestContext, teamId: string): Promise<TeamAccess> {
    const [row] = await ctx.em.query(`SELECT t.id, ${relation('t.group_id')} FROM lesson_prep_team t WHERE t.id = $1`, [
      teamId,
      ...this.params(ctx),
    ]);
    if (!row) throw notFound('Lesson preparation team', teamId);
    const team = await ctx.em.findOneByOrFail(LessonPrepTeam, { id: teamId });
    const manager = ctx.user.isPlatformAdmin || row.manager;
    return { team, member: row.member, leader: row.leader, reviewer: row.reviewer, manager, view: row.view };
  }

  async requireTeam(ctx: RequestContext, teamId: string, need: 'view' | 'lead'): Promise<TeamAccess> {
    const a = await this.team(ctx, teamId);
    if (need === 'view' && !a.view) throw forbidden({ zh: '该备课组属于您未参与的共同体', en: 'This team belongs to a group you are not part of' });
    if (need === 'lead' && !a.leader && !a.manager) throw forbidden({ zh: '只有备课组长和共同体管理员可以修改备课组', en: 'Only the team leader and the group managers change the team' });
    return a;
  }

  /** SQL condition (alias t) and named params: teams the caller sees (the rule behind `requireTeam(id, 'view')`). */
  teamsCondition(ctx: RequestContext) {
    return { sql: teamViewSql(NAMED, 't', 't.group_id'), params: this.named(ctx) };
  }

  /** Access to several plans at once (lists, loaders). */
  async plans(ctx: RequestContext, plans: LessonPlan[]): Promise<Map<string, PlanAccess>> {
    if (!plans.length) return new Map();
    const rows: any[] = await ctx.em.query(
      `SELECT p.id, ${relation('p.group_id')}, ${planDraftsSql(POSITIONAL)} AS drafts, ${planReadSql(POSITIONAL)} AS read
         FROM lesson_plan p LEFT JOIN lesson_prep_team t ON t.id = p.team_id WHERE p.id = ANY($1::uuid[])`,
      [plans.map((p) => p.id), ...this.params(ctx)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const me = ctx.user.teacherId;
    return new Map(
      plans.map((plan) => {
        const r = byId.get(plan.id);
        const manager = ctx.user.isPlatformAdmin || r.manager;
        const owner = plan.kind === LessonPlanKind.ADAPTATION && !!me && plan.ownerTeacherId === me;
        return [plan.id, { plan, member: r.member, leader: r.leader, reviewer: r.reviewer, owner, manager, drafts: !!r.drafts, read: !!r.read }];
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
    if (!a[need]) throw forbidden({ zh: '只有本备课组可以编辑该教案', en: 'Only the preparation team works on this plan' });
    return a;
  }

  /** SQL condition (alias p) and named params: plans whose drafts the caller sees. */
  draftsCondition(ctx: RequestContext) {
    return { sql: planDraftsSql(NAMED), params: this.named(ctx) };
  }

  /** SQL condition (alias p) and named params: plans the caller may read (at least their published version). */
  readCondition(ctx: RequestContext) {
    return { sql: planReadSql(NAMED), params: this.named(ctx) };
  }
}
