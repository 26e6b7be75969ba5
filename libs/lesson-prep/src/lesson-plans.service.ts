import { Injectable } from '@nestjs/common';
import { Not } from 'typeorm';
import { AccessService } from '#app/organisation';
import { badInput, conflict, forbidden, EventBus, TransactionService, type RequestContext } from '#app/core';
import { CreateLessonPlanInput, UpdateLessonPlanInput } from './dto/lesson-prep.input';
import { LessonPlan, LessonPlanRevision, type PlanContent } from './entities/lesson-prep.entity';
import { LessonPlanEventType, LessonPlanKind, LessonPlanStatus } from './enums';
import { activeMemberSql, LessonPrepAccess } from './lesson-prep-access';
import { changedFields } from './plan-diff';
import { tellPlanAuthors } from './plan-authors';
import { PlanEventsService } from './plan-events.service';
import { asDraftView, PlanViewsService, type PlanView } from './plan-views.service';
import { accessNeededFor, requireFrom, requireTransition, type PlanAction } from './plan-workflow';
import { documentTerms } from './search-terms';

/**
 * 集体备课, the writing side: plans written by a team, every change a new version with a full revision, optimistic
 * locking on `expectedVersion` (a conditional UPDATE: exactly one of any number of concurrent edits from the same
 * version wins), review and publishing through the transition table (plan-workflow.ts), and adaptations (二次备课).
 * Reading is PlanViewsService; comments PlanCommentsService; adoptions (同上课) PlanAdoptionsService.
 */
@Injectable()
export class LessonPlansService {
  constructor(
    private readonly tx: TransactionService,
    private readonly domainEvents: EventBus,
    private readonly access: LessonPrepAccess,
    private readonly groups: AccessService,
    private readonly events: PlanEventsService,
    private readonly views: PlanViewsService,
  ) {}

  private async insertRevision(tx: RequestContext, planId: string, version: number, c: PlanContent, note: string | null, publishedAt: Date | null = null) {
    await tx.em.query(
      `INSERT INTO lesson_plan_revision (plan_id, version, title, unit, objectives, key_points, content, resources, note, author_user_id, author_teacher_id, published_at, search_vector, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, array_to_tsvector($13::text[]), $14)`,
      [
        planId,
        version,
        c.title,
        c.unit,
        c.objectives,
        c.keyPoints,
        c.content,
        JSON.stringify(c.resources),
        note,
        tx.user.userId,
        tx.user.teacherId,
        publishedAt,
        documentTerms(c.title, c.unit, c.objectives, c.keyPoints, c.content),
        tx.now(),
      ],
    );
  }

  /** A new plan (a team plan or an adaptation): a DRAFT at version 1, created now by the caller. */
  private async insertPlan(tx: RequestContext, fields: Partial<LessonPlan>): Promise<LessonPlan> {
    const now = tx.now();
    const plan = tx.em.create(LessonPlan, {
      publishedVersion: null,
      firstPublishedAt: null,
      reviewNote: null,
      reviewedBy: null,
      reviewedAt: null,
      ownerTeacherId: null,
      sourcePlanId: null,
      sourceVersion: null,
      ...fields,
      id: tx.newId('lesson_plan'),
      status: LessonPlanStatus.DRAFT,
      version: 1,
      createdBy: tx.user.userId,
      createdAt: now,
      updatedAt: now,
    });
    await tx.em.insert(LessonPlan, plan);
    return plan;
  }

  create(ctx: RequestContext, input: CreateLessonPlanInput): Promise<PlanView> {
    return this.tx.run(ctx, async (tx) => {
      const { team, member } = await this.access.requireTeam(tx, input.teamId, 'view');
      if (!member) throw forbidden({ zh: '只有备课组成员可以编写教案', en: 'Members of the team write its plans' });
      if (input.subject && input.subject !== team.subject) throw badInput('subject', { zh: `该备课组备课的学科是${team.subject}`, en: `The team prepares ${team.subject}` });
      if (input.grade && input.grade !== team.grade) throw badInput('grade', { zh: `该备课组备课的年级是${team.grade}`, en: `The team prepares ${team.grade}` });
      const preparer = input.mainPreparerTeacherId ?? tx.user.teacherId!;
      const [{ member: preparerInTeam }] = await tx.em.query(`SELECT ${activeMemberSql('$1::uuid', '$2::uuid', '$3::uuid')} AS member`, [preparer, team.id, team.groupId]);
      const main = preparerInTeam && (await this.groups.groupTeachers(tx, team.groupId, [preparer])).get(preparer);
      if (!main) throw badInput('mainPreparerTeacherId', { zh: '主备人须为备课组的在册成员，且在本共同体成员校任教', en: 'The main preparer (主备) is an active member of the team, teaching at a member school of the group' });
      const content: PlanContent = {
        title: input.title,
        unit: input.unit ?? null,
        objectives: input.objectives ?? null,
        keyPoints: input.keyPoints ?? null,
        content: input.content,
        resources: (input.resources ?? []).map((r) => ({ title: r.title, url: r.url })),
      };
      const plan = await this.insertPlan(tx, {
        ...content,
        groupId: team.groupId,
        kind: LessonPlanKind.TEAM,
        teamId: team.id,
        schoolId: main.schoolId,
        mainPreparerTeacherId: preparer,
        subject: team.subject,
        grade: team.grade,
      });
      await this.insertRevision(tx, plan.id, 1, content, null);
      return asDraftView(plan);
    });
  }

  update(ctx: RequestContext, id: string, expectedVersion: number, input: UpdateLessonPlanInput): Promise<PlanView> {
    if (!Number.isInteger(expectedVersion) || expectedVersion < 1) throw badInput('expectedVersion', { zh: '「expectedVersion」须为您编辑时的版本号（1 或以上）', en: 'expectedVersion is the version you edited (1 or more)' });
    return this.tx.run(ctx, async (tx) => {
      const a = await this.access.requirePlan(tx, id, accessNeededFor('edit'));
      const edit = requireTransition(a, 'edit');
      const plan = a.plan;
      if (plan.version !== expectedVersion) throw this.stale(plan.version, expectedVersion);
      const next: PlanContent = {
        title: input.title ?? plan.title,
        unit: input.unit === undefined ? plan.unit : input.unit || null,
        objectives: input.objectives === undefined ? plan.objectives : input.objectives || null,
        keyPoints: input.keyPoints === undefined ? plan.keyPoints : input.keyPoints || null,
        content: input.content ?? plan.content,
        resources: input.resources ? input.resources.map((r) => ({ title: r.title, url: r.url })) : plan.resources,
      };
      if (!changedFields(plan, next).length) throw badInput('input', { zh: '没有任何修改：请至少为一个字段填写新值', en: 'Nothing changed: give at least one field with a new value' });
      const status = edit.to; // editing a published plan starts a new DRAFT round
      const editedAt = tx.now();
      // Optimistic locking: the row changes only if it is still at the version the caller edited.
      const [rows] = await tx.em.query(
        `UPDATE lesson_plan SET title = $3, unit = $4, objectives = $5, key_points = $6, content = $7, resources = $8, status = $9,
                version = version + 1, updated_at = $11
          WHERE id = $1 AND version = $2 AND status = ANY($10::varchar[]) RETURNING version`,
        [plan.id, expectedVersion, next.title, next.unit, next.objectives, next.keyPoints, next.content, JSON.stringify(next.resources), status, edit.from, editedAt],
      );
      if (!rows.length) {
        const now = await tx.em.findOneByOrFail(LessonPlan, { id: plan.id });
        requireFrom(edit, now.status);
        throw this.stale(now.version, expectedVersion);
      }
      Object.assign(plan, next, { version: rows[0].version, status, updatedAt: editedAt });
      await this.insertRevision(tx, plan.id, plan.version, next, input.note ?? null);
      await this.events.emit(tx, plan, LessonPlanEventType.PLAN_UPDATED);
      return asDraftView(plan);
    });
  }

  private stale(current: number, expected: number) {
    return conflict({ zh: `教案已更新到第 ${current} 版，您编辑的是第 ${expected} 版。请重新加载（可查看 lessonPlanDiff）后再保存。`, en: `The plan is at version ${current}; you edited version ${expected}. Reload it (and see lessonPlanDiff) before saving again.` }, {
      currentVersion: current,
      expectedVersion: expected,
    });
  }

  /** The plan, locked, and the step `action` on it as the transition table allows it to the caller. */
  private async step(tx: RequestContext, id: string, action: PlanAction) {
    const a = await this.access.requirePlan(tx, id, accessNeededFor(action), { lock: true });
    return { a, plan: a.plan, to: requireTransition(a, action).to };
  }

  submit(ctx: RequestContext, id: string): Promise<PlanView> {
    return this.tx.run(ctx, async (tx) => {
      const { plan, to } = await this.step(tx, id, 'submit');
      return this.changeStatus(tx, plan, to, { reviewNote: null });
    });
  }

  review(ctx: RequestContext, id: string, approve: boolean, note?: string | null): Promise<PlanView> {
    if (note && note.length > 2000) throw badInput('note', { zh: '意见最多 2000 字', en: 'note is at most 2,000 characters' });
    if (!approve && !note?.trim()) throw badInput('note', { zh: '退回教案时请写明修改意见', en: 'Say what to change when returning a plan' });
    return this.tx.run(ctx, async (tx) => {
      const { plan, to } = await this.step(tx, id, approve ? 'approve' : 'return');
      const view = await this.changeStatus(tx, plan, to, { reviewNote: note ?? null, reviewedBy: tx.user.userId, reviewedAt: tx.now() });
      if (!approve) await tellPlanAuthors(tx, this.domainEvents, plan, 'RETURNED', note ?? null);
      return view;
    });
  }

  publish(ctx: RequestContext, id: string): Promise<PlanView> {
    return this.tx.run(ctx, async (tx) => {
      const { plan, to } = await this.step(tx, id, 'publish');
      const now = tx.now();
      const first = plan.firstPublishedAt === null;
      await tx.em.update(LessonPlanRevision, { planId: plan.id, version: plan.version }, { publishedAt: now });
      const view = await this.changeStatus(tx, plan, to, { publishedVersion: plan.version, firstPublishedAt: plan.firstPublishedAt ?? now }, true);
      await this.domainEvents.publish(tx, 'lesson-prep.plan.published', { planId: plan.id, groupId: plan.groupId, schoolId: plan.schoolId, publishedAt: now, first });
      await tellPlanAuthors(tx, this.domainEvents, plan, 'PUBLISHED', null);
      return view;
    });
  }

  archive(ctx: RequestContext, id: string): Promise<PlanView> {
    return this.tx.run(ctx, async (tx) => {
      const { a, plan, to } = await this.step(tx, id, 'archive');
      const view = await this.changeStatus(tx, plan, to, {}, plan.publishedVersion !== null);
      return (await this.views.views(tx, [view], new Map([[plan.id, a]])))[0];
    });
  }

  private async changeStatus(tx: RequestContext, plan: LessonPlan, status: LessonPlanStatus, extra: Partial<LessonPlan>, published = false): Promise<PlanView> {
    const change = { ...extra, status, updatedAt: tx.now() };
    Object.assign(plan, change);
    await tx.em.update(LessonPlan, { id: plan.id }, change);
    await this.events.emit(tx, plan, LessonPlanEventType.STATUS_CHANGED, { published });
    return asDraftView(plan);
  }

  adapt(ctx: RequestContext, planId: string): Promise<PlanView> {
    return this.tx.run(ctx, async (tx) => {
      const a = await this.access.requirePlan(tx, planId, 'read');
      const source = a.plan;
      if (source.kind !== LessonPlanKind.TEAM) throw badInput('planId', { zh: '请基于集体教案进行二次备课，而不是基于他人的二次备课', en: 'Adapt the team plan itself, not an adaptation' });
      if (source.publishedVersion === null) throw badInput('planId', { zh: '只有已发布的教案才能进行二次备课', en: 'Only published plans are adapted (二次备课)' });
      if (source.status === LessonPlanStatus.ARCHIVED) throw conflict({ zh: '该教案已归档', en: 'The plan is archived' });
      const me = tx.user.teacherId;
      const mySchool = me ? (await this.groups.groupTeachers(tx, source.groupId, [me])).get(me)?.schoolId : undefined;
      if (!me || !mySchool) throw forbidden({ zh: '只有本共同体成员校的教师可以对其教案进行二次备课', en: 'Teachers of the group’s member schools adapt its plans' });
      const existing = await tx.em.findOneBy(LessonPlan, { sourcePlanId: source.id, ownerTeacherId: me, kind: LessonPlanKind.ADAPTATION, status: Not(LessonPlanStatus.ARCHIVED) });
      if (existing) throw conflict({ zh: '您已对该教案进行过二次备课', en: 'You already have an adaptation of this plan' }, { adaptationId: existing.id });
      const rev = await tx.em.findOneByOrFail(LessonPlanRevision, { planId: source.id, version: source.publishedVersion });
      const content: PlanContent = { title: rev.title, unit: rev.unit, objectives: rev.objectives, keyPoints: rev.keyPoints, content: rev.content, resources: rev.resources };
      const plan = await this.insertPlan(tx, {
        ...content,
        groupId: source.groupId,
        kind: LessonPlanKind.ADAPTATION,
        teamId: null,
        ownerTeacherId: me,
        sourcePlanId: source.id,
        sourceVersion: source.publishedVersion,
        schoolId: mySchool,
        mainPreparerTeacherId: me,
        subject: source.subject,
        grade: source.grade,
      });
      await this.insertRevision(tx, plan.id, 1, content, `二次备课: from version ${source.publishedVersion}`);
      return asDraftView(plan);
    });
  }
}
