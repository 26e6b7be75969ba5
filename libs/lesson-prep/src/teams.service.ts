import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  badInput,
  chinaDay,
  conflict,
  EventBus,
  forbidden,
  groupedBy,
  notFound,
  paginate,
  TransactionService,
  type PageArgs,
  type RequestContext,
} from '#app/core';
import { AccessService, Directory } from '#app/organisation';
import { CreateLessonPrepTeamInput, LessonPrepTeamFilter, UpdateLessonPrepTeamInput } from './dto/lesson-prep.input';
import { LessonPrepTeam, LessonPrepTeamMember } from './entities/lesson-prep.entity';
import { LessonPrepAccess } from './lesson-prep-access';

/** 集体备课团队: created by the group's managers; the leader or a manager adds and removes members (history kept). */
@Injectable()
export class TeamsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly events: EventBus,
    private readonly access: AccessService,
    private readonly prepAccess: LessonPrepAccess,
  ) {}

  private async requireInGroup(tx: RequestContext, groupId: string, field: string, ids: string[]) {
    const found = await this.access.groupTeachers(tx, groupId, ids);
    const outsider = ids.findIndex((id) => !found.has(id));
    if (outsider >= 0) {
      const path = field.endsWith('Ids') ? `${field}.${outsider}` : field;
      throw badInput(path, { zh: `教师 ${ids[outsider]} 不在本共同体的在册成员校任教`, en: `Teacher ${ids[outsider]} does not teach at an active member school of the group` });
    }
  }

  create(ctx: RequestContext, input: CreateLessonPrepTeamInput): Promise<LessonPrepTeam> {
    return this.tx.run(ctx, async (tx) => {
      const group = await Directory.group(tx, input.groupId);
      if (!group) throw notFound('School group', input.groupId);
      if (!(await this.access.managesGroup(tx, group.id))) throw forbidden({ zh: '只有共同体管理员和上级区域管理员可以组建集体备课组', en: 'Only the group managers and region admins above it form lesson preparation teams' });
      await this.requireInGroup(tx, group.id, 'leaderTeacherId', [input.leaderTeacherId]);
      await this.requireInGroup(tx, group.id, 'memberTeacherIds', input.memberTeacherIds);
      if (input.reviewerTeacherId) await this.requireInGroup(tx, group.id, 'reviewerTeacherId', [input.reviewerTeacherId]);
      const now = tx.now();
      const team = tx.em.create(LessonPrepTeam, {
        id: tx.newId('lesson_prep_team'),
        groupId: group.id,
        name: input.name,
        subject: input.subject,
        grade: input.grade,
        leaderTeacherId: input.leaderTeacherId,
        reviewerTeacherId: input.reviewerTeacherId ?? null,
        createdBy: tx.user.userId,
        createdAt: now,
        updatedAt: now,
      });
      await tx.em.insert(LessonPrepTeam, team);
      const members = [...new Set([input.leaderTeacherId, ...input.memberTeacherIds])];
      await tx.em.insert(
        LessonPrepTeamMember,
        members.map((teacherId) => ({ id: tx.newId('lesson_prep_team_member'), teamId: team.id, teacherId, addedBy: tx.user.userId, joinedAt: now })),
      );
      await this.events.publish(tx, 'lesson-prep.team.formed', { teamId: team.id, groupId: group.id, on: chinaDay(team.createdAt) });
      return team;
    });
  }

  addMember(ctx: RequestContext, teamId: string, teacherId: string): Promise<LessonPrepTeam> {
    return this.tx.run(ctx, async (tx) => {
      const { team } = await this.prepAccess.requireTeam(tx, teamId, 'lead');
      await this.requireInGroup(tx, team.groupId, 'teacherId', [teacherId]);
      if (!(await this.join(tx, team.id, teacherId))) throw conflict({ zh: '该教师已是备课组成员', en: 'This teacher already is a member of the team' });
      return team;
    });
  }

  /** Adds an active membership; false when the teacher already is a member. */
  private async join(tx: RequestContext, teamId: string, teacherId: string): Promise<boolean> {
    const rows: unknown[] = await tx.em.query(
      `INSERT INTO lesson_prep_team_member (id, team_id, teacher_id, added_by, joined_at) VALUES ($5, $1, $2, $3, $4)
       ON CONFLICT (team_id, teacher_id) WHERE left_at IS NULL DO NOTHING RETURNING id`,
      [teamId, teacherId, tx.user.userId, tx.now(), tx.newId('lesson_prep_team_member')],
    );
    return rows.length > 0;
  }

  removeMember(ctx: RequestContext, teamId: string, teacherId: string): Promise<LessonPrepTeam> {
    return this.tx.run(ctx, async (tx) => {
      const { team } = await this.prepAccess.requireTeam(tx, teamId, 'lead');
      if (team.leaderTeacherId === teacherId) throw conflict({ zh: '备课组长不能退出备课组，请先指定新的组长', en: 'The leader stays in the team: name another leader first' });
      const [rows] = await tx.em.query(`UPDATE lesson_prep_team_member SET left_at = $4, removed_by = $3 WHERE team_id = $1 AND teacher_id = $2 AND left_at IS NULL RETURNING id`, [
        team.id,
        teacherId,
        tx.user.userId,
        tx.now(),
      ]);
      if (!rows.length) throw badInput('teacherId', { zh: '该教师不是备课组成员', en: 'This teacher is not a member of the team' });
      return team;
    });
  }

  update(ctx: RequestContext, teamId: string, input: UpdateLessonPrepTeamInput): Promise<LessonPrepTeam> {
    return this.tx.run(ctx, async (tx) => {
      const { manager } = await this.prepAccess.requireTeam(tx, teamId, 'lead');
      // lock, then read: two concurrent changes (a rename, a new leader) must not undo each other
      const team = await tx.em.findOneOrFail(LessonPrepTeam, { where: { id: teamId }, lock: { mode: 'pessimistic_write' } });
      if ((input.leaderTeacherId || input.reviewerTeacherId || input.clearReviewer) && !manager) throw forbidden({ zh: '只有共同体管理员可以指定备课组长和审核人', en: 'The group managers name the leader and the reviewer' });
      if (input.reviewerTeacherId && input.clearReviewer) throw badInput('clearReviewer', { zh: '请指定审核人或清除审核人，二者只能选其一', en: 'Either name a reviewer or clear it' });
      if (input.name) team.name = input.name;
      if (input.leaderTeacherId) {
        await this.requireInGroup(tx, team.groupId, 'leaderTeacherId', [input.leaderTeacherId]);
        team.leaderTeacherId = input.leaderTeacherId;
        await this.join(tx, team.id, input.leaderTeacherId);
      }
      if (input.reviewerTeacherId) {
        await this.requireInGroup(tx, team.groupId, 'reviewerTeacherId', [input.reviewerTeacherId]);
        team.reviewerTeacherId = input.reviewerTeacherId;
      }
      if (input.clearReviewer) team.reviewerTeacherId = null;
      team.updatedAt = tx.now();
      return tx.em.save(team);
    });
  }

  async get(ctx: RequestContext, id: string): Promise<LessonPrepTeam | null> {
    if (!(await ctx.em.existsBy(LessonPrepTeam, { id }))) return null;
    return (await this.prepAccess.requireTeam(ctx, id, 'view')).team;
  }

  async list(ctx: RequestContext, filter: LessonPrepTeamFilter = {}, page: PageArgs) {
    const qb = ctx.em.createQueryBuilder(LessonPrepTeam, 't');
    // the rule behind requireTeam(id, 'view'), from the same definition
    const scope = this.prepAccess.teamsCondition(ctx);
    qb.where(scope.sql, scope.params);
    if (filter.groupId) qb.andWhere('t.group_id = :groupId', { groupId: filter.groupId });
    if (filter.subject) qb.andWhere('t.subject = :subject', { subject: filter.subject });
    if (filter.grade) qb.andWhere('t.grade = :grade', { grade: filter.grade });
    if (filter.teacherId)
      qb.andWhere('EXISTS (SELECT 1 FROM lesson_prep_team_member f WHERE f.team_id = t.id AND f.teacher_id = :tid AND f.left_at IS NULL)', { tid: filter.teacherId });
    return paginate(qb, page, { columns: ["date_trunc('milliseconds', t.created_at)", 't.id'], values: (x) => [x.createdAt.toISOString(), x.id] });
  }

  /** Every membership period of the teams, oldest first (batched per request). */
  memberships(ctx: RequestContext, teamId: string): Promise<LessonPrepTeamMember[]> {
    return groupedBy<LessonPrepTeamMember>(
      ctx,
      'lessonPrepTeamMembers',
      (ids) => ctx.em.find(LessonPrepTeamMember, { where: { teamId: In(ids) }, order: { joinedAt: 'ASC', id: 'ASC' } }),
      (m) => m.teamId,
    ).load(teamId);
  }
}
