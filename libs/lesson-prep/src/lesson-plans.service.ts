import { Injectable } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';
import {
  AccessService,
} from '../../organisation/src';
import {
  badInput,
  chinaDay,
  chinaDaySql,
  conflict,
  forbidden,
  EventBus,
  groupedBy,
  notFound,
  paginate,
  todayInChina,
  TransactionService,
  type PageArgs,
  type RequestContext,
} from '../../core/src';
import { CommentOnLessonPlanInput, CreateLessonPlanInput, LessonPlanAdoptionFilter, LessonPlanFilter, RecordAdoptionInput, UpdateLessonPlanInput } from './dto/lesson-prep.input';
import { LessonPlan, LessonPlanAdoption, LessonPlanComment, LessonPlanRevision, type PlanContent } from './entities/lesson-prep.entity';
import { LessonPlanEventType, LessonPlanKind, LessonPlanSection, LessonPlanStatus } from './enums';
import { activeMemberSql, LessonPrepAccess, type PlanAccess } from './lesson-prep-access';
import { changedFields, lineCount, lineDiff, PLAN_FIELDS, unified } from './plan-diff';
import { PlanEventsService } from './plan-events.service';
import { documentTerms, likePatterns, queryTerms } from './search-terms';

/** A plan as one caller sees it: the team sees the current version; everyone else the published one. */
export type PlanView = LessonPlan & { viewerSeesDrafts: boolean };

const EDITABLE = [LessonPlanStatus.DRAFT, LessonPlanStatus.PUBLISHED];

export interface PlanDiff {
  planId: string;
  fromVersion: number;
  toVersion: number;
  changedFields: string[];
  fieldChanges: { field: string; before: string | null; after: string | null }[];
  contentDiff: string;
  contentLines: ReturnType<typeof lineDiff>;
  linesAdded: number;
  linesRemoved: number;
}

/**
 * 集体备课: plans written by a team, every change a new version with a full revision, optimistic locking on
 * `expectedVersion` (a conditional UPDATE: exactly one of any number of concurrent edits from the same version
 * wins), comments, review, publishing, adaptations (二次备课) and adoptions (同上课).
 */
@Injectable()
export class LessonPlansService {
  constructor(
    private readonly tx: TransactionService,
    private readonly domainEvents: EventBus,
    private readonly access: LessonPrepAccess,
    private readonly groups: AccessService,
    private readonly events: PlanEventsService,
  ) {}

  // ---------- views ----------

  /** Replaces the fields of plans the caller sees only as published with their published revision. */
  async views(ctx: RequestContext, plans: LessonPlan[], accessOf?: Map<string, PlanAccess>): Promise<PlanView[]> {
    const access = accessOf ?? (await this.access.plans(ctx, plans));
    const readers = plans.filter((p) => !access.get(p.id)?.drafts && p.publishedVersion !== null);
    const published = readers.length
      ? await ctx.em.find(LessonPlanRevision, { where: readers.map((p) => ({ planId: p.id, version: p.publishedVersion! })) })
      : [];
    const byPlan = new Map(published.map((r) => [r.planId, r]));
    return plans.map((p) => {
      const drafts = !!access.get(p.id)?.drafts;
      const rev = byPlan.get(p.id);
      const view = Object.assign(Object.create(LessonPlan.prototype), p, { viewerSeesDrafts: drafts }) as PlanView;
      if (!drafts && rev) {
        for (const f of PLAN_FIELDS) (view as any)[f] = rev[f];
        view.version = rev.version;
        view.status = p.status === LessonPlanStatus.ARCHIVED ? LessonPlanStatus.ARCHIVED : LessonPlanStatus.PUBLISHED;
        view.reviewNote = null;
      }
      return view;
    });
  }

  async get(ctx: RequestContext, id: string): Promise<PlanView | null> {
    if (!(await ctx.em.existsBy(LessonPlan, { id }))) return null;
    const a = await this.access.plan(ctx, id);
    if (!a.read) return null; // hidden answers like unknown
    return (await this.views(ctx, [a.plan], new Map([[id, a]])))[0];
  }

  /** The caller's view of a plan, batched per request; null when the caller may not read it. */
  async loadView(ctx: RequestContext, id: string): Promise<PlanView | null> {
    const [view] = await groupedBy<PlanView>(
      ctx,
      'lessonPlanViews',
      async (ids) => {
        const plans = await ctx.em.find(LessonPlan, { where: { id: In(ids) } });
        const access = await this.access.plans(ctx, plans);
        return this.views(ctx, plans.filter((p) => access.get(p.id)?.read), access);
      },
      (p) => p.id,
    ).load(id);
    return view ?? null;
  }

  async list(ctx: RequestContext, filter: LessonPlanFilter = {}, page: PageArgs) {
    const qb = ctx.em.createQueryBuilder(LessonPlan, 'p');
    const read = this.access.readCondition(ctx);
    const drafts = this.access.draftsCondition(ctx);
    qb.where(read.sql, read.params);
    qb.andWhere('p.kind = :kind', { kind: filter.kind ?? LessonPlanKind.TEAM });
    if (filter.groupId) qb.andWhere('p.group_id = :groupId', { groupId: filter.groupId });
    if (filter.teamId) qb.andWhere('p.team_id = :teamId', { teamId: filter.teamId });
    if (filter.subject) qb.andWhere('p.subject = :subject', { subject: filter.subject });
    if (filter.grade) qb.andWhere('p.grade = :grade', { grade: filter.grade });
    // readers see the published version: its status is PUBLISHED (or ARCHIVED), its text the published text
    const shownStatus = `(CASE WHEN ${drafts.sql} THEN p.status WHEN p.status = 'ARCHIVED' THEN 'ARCHIVED' ELSE 'PUBLISHED' END)`;
    if (filter.status) qb.andWhere(`${shownStatus} = :status`, { status: filter.status });
    if (filter.search) {
      const tsq = queryTerms(filter.search);
      if (!tsq) throw badInput('filter.search', 'Search for at least one letter, digit or Chinese character');
      qb.andWhere(
        `EXISTS (SELECT 1 FROM lesson_plan_revision rv WHERE rv.plan_id = p.id
                   AND rv.version = (CASE WHEN ${drafts.sql} THEN p.version ELSE p.published_version END)
                   AND rv.search_vector @@ CAST(:tsq AS tsquery)
                   AND concat_ws(E'\\n', rv.title, rv.unit, rv.objectives, rv.key_points, rv.content) ILIKE ALL(CAST(:likes AS text[])))`,
        { tsq, likes: likePatterns(filter.search) },
      );
    }
    const conn = await paginate(qb, page, { columns: ["date_trunc('milliseconds', p.created_at)", 'p.id'], values: (x) => [x.createdAt.toISOString(), x.id], descending: true });
    const views = await this.views(ctx, conn.edges.map((e) => e.node));
    conn.edges.forEach((e, i) => (e.node = views[i]));
    return conn;
  }

  // ---------- writing ----------

  private async insertRevision(tx: RequestContext, planId: string, version: number, c: PlanContent, note: string | null, publishedAt: Date | null = null) {
    await tx.em.query(
      `INSERT INTO lesson_plan_revision (plan_id, version, title, unit, objectives, key_points, content, resources, note, author_user_id, author_teacher_id, published_at, search_vector)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, array_to_tsvector($13::text[]))`,
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
      ],
    );
  }

  create(ctx: RequestContext, input: CreateLessonPlanInput): Promise<PlanView> {
    return this.tx.run(ctx, async (tx) => {
      const { team, member } = await this.access.requireTeam(tx, input.teamId, 'view');
      if (!member) throw forbidden('Members of the team write its plans');
      if (input.subject && input.subject !== team.subject) throw badInput('subject', `The team prepares ${team.subject}`);
      if (input.grade && input.grade !== team.grade) throw badInput('grade', `The team prepares ${team.grade}`);
      const preparer = input.mainPreparerTeacherId ?? tx.user.teacherId!;
      const [main] = await tx.em.query(`SELECT t.school_id FROM teacher t WHERE t.id = $1 AND ${activeMemberSql('t.id', '$2', '$3')}`, [preparer, team.id, team.groupId]);
      if (!main) throw badInput('mainPreparerTeacherId', 'The main preparer (主备) is an active member of the team, teaching at a member school of the group');
      const content: PlanContent = {
        title: input.title,
        unit: input.unit ?? null,
        objectives: input.objectives ?? null,
        keyPoints: input.keyPoints ?? null,
        content: input.content,
        resources: (input.resources ?? []).map((r) => ({ title: r.title, url: r.url })),
      };
      const plan = await tx.em.save(
        tx.em.create(LessonPlan, {
          ...content,
          groupId: team.groupId,
          kind: LessonPlanKind.TEAM,
          teamId: team.id,
          schoolId: main.school_id,
          mainPreparerTeacherId: preparer,
          subject: team.subject,
          grade: team.grade,
          status: LessonPlanStatus.DRAFT,
          version: 1,
          createdBy: tx.user.userId,
        }),
      );
      await this.insertRevision(tx, plan.id, 1, content, null);
      return this.asDraftView(plan);
    });
  }

  private asDraftView(plan: LessonPlan): PlanView {
    return Object.assign(plan, { viewerSeesDrafts: true });
  }

  update(ctx: RequestContext, id: string, expectedVersion: number, input: UpdateLessonPlanInput): Promise<PlanView> {
    if (!Number.isInteger(expectedVersion) || expectedVersion < 1) throw badInput('expectedVersion', 'expectedVersion is the version you edited (1 or more)');
    return this.tx.run(ctx, async (tx) => {
      const a = await this.access.requirePlan(tx, id, 'drafts');
      if (!a.member && !a.owner) throw forbidden('Members of the team edit its plans');
      const plan = a.plan;
      this.requireEditable(plan);
      if (plan.version !== expectedVersion) throw this.stale(plan.version, expectedVersion);
      const next: PlanContent = {
        title: input.title ?? plan.title,
        unit: input.unit === undefined ? plan.unit : input.unit || null,
        objectives: input.objectives === undefined ? plan.objectives : input.objectives || null,
        keyPoints: input.keyPoints === undefined ? plan.keyPoints : input.keyPoints || null,
        content: input.content ?? plan.content,
        resources: input.resources ? input.resources.map((r) => ({ title: r.title, url: r.url })) : plan.resources,
      };
      if (!changedFields(plan, next).length) throw badInput('input', 'Nothing changed: give at least one field with a new value');
      const status = plan.status === LessonPlanStatus.PUBLISHED ? LessonPlanStatus.DRAFT : plan.status;
      // Optimistic locking: the row changes only if it is still at the version the caller edited.
      const [rows] = await tx.em.query(
        `UPDATE lesson_plan SET title = $3, unit = $4, objectives = $5, key_points = $6, content = $7, resources = $8, status = $9,
                version = version + 1, updated_at = now()
          WHERE id = $1 AND version = $2 AND status = ANY($10::varchar[]) RETURNING version`,
        [plan.id, expectedVersion, next.title, next.unit, next.objectives, next.keyPoints, next.content, JSON.stringify(next.resources), status, EDITABLE],
      );
      if (!rows.length) {
        const now = await tx.em.findOneByOrFail(LessonPlan, { id: plan.id });
        this.requireEditable(now);
        throw this.stale(now.version, expectedVersion);
      }
      Object.assign(plan, next, { version: rows[0].version, status, updatedAt: new Date() });
      await this.insertRevision(tx, plan.id, plan.version, next, input.note ?? null);
      await this.events.emit(tx, plan, LessonPlanEventType.PLAN_UPDATED);
      return this.asDraftView(plan);
    });
  }

  private stale(current: number, expected: number) {
    return conflict(`The plan is at version ${current}; you edited version ${expected}. Reload it (and see lessonPlanDiff) before saving again.`, {
      currentVersion: current,
      expectedVersion: expected,
    });
  }

  private requireEditable(plan: LessonPlan) {
    if (!EDITABLE.includes(plan.status))
      throw conflict(
        plan.status === LessonPlanStatus.ARCHIVED ? 'The plan is archived' : `The plan is ${plan.status}: the reviewer returns it to DRAFT before it changes`,
        { status: plan.status },
      );
  }

  private requireStatus(plan: LessonPlan, allowed: LessonPlanStatus[], action: string) {
    if (!allowed.includes(plan.status)) throw conflict(`Cannot ${action}: the plan is ${plan.status}`, { status: plan.status });
  }

  private requireTeamPlan(plan: LessonPlan) {
    if (plan.kind !== LessonPlanKind.TEAM) throw badInput('id', 'Personal adaptations are not reviewed or published');
  }

  submit(ctx: RequestContext, id: string): Promise<PlanView> {
    return this.tx.run(ctx, async (tx) => {
      const a = await this.access.requirePlan(tx, id, 'drafts', { lock: true });
      this.requireTeamPlan(a.plan);
      if (!a.member) throw forbidden('Members of the team submit its plans');
      this.requireStatus(a.plan, [LessonPlanStatus.DRAFT], 'submit for review');
      return this.changeStatus(tx, a.plan, LessonPlanStatus.IN_REVIEW, { reviewNote: null });
    });
  }

  review(ctx: RequestContext, id: string, approve: boolean, note?: string | null): Promise<PlanView> {
    if (note && note.length > 2000) throw badInput('note', 'note is at most 2,000 characters');
    if (!approve && !note?.trim()) throw badInput('note', 'Say what to change when returning a plan');
    return this.tx.run(ctx, async (tx) => {
      const a = await this.access.requirePlan(tx, id, 'drafts', { lock: true });
      this.requireTeamPlan(a.plan);
      if (!a.leader && !a.reviewer) throw forbidden('The team leader or the reviewer the group named reviews plans');
      // an approved plan not yet published can still be returned (an error found after approval)
      this.requireStatus(a.plan, approve ? [LessonPlanStatus.IN_REVIEW] : [LessonPlanStatus.IN_REVIEW, LessonPlanStatus.APPROVED], approve ? 'approve' : 'return');
      return this.changeStatus(tx, a.plan, approve ? LessonPlanStatus.APPROVED : LessonPlanStatus.DRAFT, {
        reviewNote: note ?? null,
        reviewedBy: tx.user.userId,
        reviewedAt: new Date(),
      });
    });
  }

  publish(ctx: RequestContext, id: string): Promise<PlanView> {
    return this.tx.run(ctx, async (tx) => {
      const a = await this.access.requirePlan(tx, id, 'drafts', { lock: true });
      this.requireTeamPlan(a.plan);
      if (!a.leader && !a.reviewer) throw forbidden('The team leader or the reviewer publishes an approved plan');
      this.requireStatus(a.plan, [LessonPlanStatus.APPROVED], 'publish (it must be approved first)');
      const plan = a.plan;
      const now = tx.now();
      const first = plan.firstPublishedAt === null;
      await tx.em.update(LessonPlanRevision, { planId: plan.id, version: plan.version }, { publishedAt: now });
      const view = await this.changeStatus(tx, plan, LessonPlanStatus.PUBLISHED, { publishedVersion: plan.version, firstPublishedAt: plan.firstPublishedAt ?? now }, true);
      await this.domainEvents.publish(tx, 'lesson-prep.plan.published', { planId: plan.id, groupId: plan.groupId, schoolId: plan.schoolId, publishedAt: now, first });
      return view;
    });
  }

  archive(ctx: RequestContext, id: string): Promise<PlanView> {
    return this.tx.run(ctx, async (tx) => {
      const a = await this.access.requirePlan(tx, id, 'read', { lock: true });
      const plan = a.plan;
      const allowed = plan.kind === LessonPlanKind.ADAPTATION ? a.owner : a.leader || (a.manager && plan.publishedVersion !== null);
      if (!allowed) throw forbidden(plan.kind === LessonPlanKind.ADAPTATION ? 'Only its owner archives an adaptation' : 'The team leader or a group manager archives a plan');
      this.requireStatus(plan, [LessonPlanStatus.DRAFT, LessonPlanStatus.IN_REVIEW, LessonPlanStatus.APPROVED, LessonPlanStatus.PUBLISHED], 'archive');
      const view = await this.changeStatus(tx, plan, LessonPlanStatus.ARCHIVED, {}, plan.publishedVersion !== null);
      return (await this.views(tx, [view], new Map([[plan.id, a]])))[0];
    });
  }

  private async changeStatus(tx: RequestContext, plan: LessonPlan, status: LessonPlanStatus, extra: Partial<LessonPlan>, published = false): Promise<PlanView> {
    Object.assign(plan, extra, { status });
    await tx.em.update(LessonPlan, { id: plan.id }, { ...extra, status });
    await this.events.emit(tx, plan, LessonPlanEventType.STATUS_CHANGED, { published });
    return this.asDraftView(plan);
  }

  adapt(ctx: RequestContext, planId: string): Promise<PlanView> {
    return this.tx.run(ctx, async (tx) => {
      const a = await this.access.requirePlan(tx, planId, 'read');
      const source = a.plan;
      if (source.kind !== LessonPlanKind.TEAM) throw badInput('planId', 'Adapt the team plan itself, not an adaptation');
      if (source.publishedVersion === null) throw badInput('planId', 'Only published plans are adapted (二次备课)');
      if (source.status === LessonPlanStatus.ARCHIVED) throw conflict('The plan is archived');
      const me = tx.user.teacherId;
      const mySchool = me ? (await this.groups.groupTeachers(tx, source.groupId, [me])).get(me)?.schoolId : undefined;
      if (!me || !mySchool) throw forbidden('Teachers of the group’s member schools adapt its plans');
      const existing = await tx.em.findOneBy(LessonPlan, { sourcePlanId: source.id, ownerTeacherId: me, kind: LessonPlanKind.ADAPTATION, status: Not(LessonPlanStatus.ARCHIVED) });
      if (existing) throw conflict('You already have an adaptation of this plan', { adaptationId: existing.id });
      const rev = await tx.em.findOneByOrFail(LessonPlanRevision, { planId: source.id, version: source.publishedVersion });
      const content: PlanContent = { title: rev.title, unit: rev.unit, objectives: rev.objectives, keyPoints: rev.keyPoints, content: rev.content, resources: rev.resources };
      const plan = await tx.em.save(
        tx.em.create(LessonPlan, {
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
          status: LessonPlanStatus.DRAFT,
          version: 1,
          createdBy: tx.user.userId,
        }),
      );
      await this.insertRevision(tx, plan.id, 1, content, `二次备课: from version ${source.publishedVersion}`);
      return this.asDraftView(plan);
    });
  }

  // ---------- revisions, diff ----------

  /** Revisions the caller may see: all for the team, published ones for everyone else. */
  async revisions(ctx: RequestContext, plan: PlanView): Promise<LessonPlanRevision[]> {
    const all = await groupedBy<LessonPlanRevision>(
      ctx,
      'lessonPlanRevisions',
      (ids) => ctx.em.find(LessonPlanRevision, { where: { planId: In(ids) }, order: { version: 'ASC' } }),
      (r) => r.planId,
    ).load(plan.id);
    return plan.viewerSeesDrafts ? all : all.filter((r) => r.publishedAt !== null);
  }

  async diff(ctx: RequestContext, id: string, fromVersion: number, toVersion: number): Promise<PlanDiff> {
    const a = await this.access.requirePlan(ctx, id, 'read');
    const revs = await ctx.em.find(LessonPlanRevision, { where: { planId: id, version: In([fromVersion, toVersion]) } });
    const pick = (v: number, field: string) => {
      const r = revs.find((x) => x.version === v);
      if (!r) throw badInput(field, `The plan has versions 1 to ${a.drafts ? a.plan.version : a.plan.publishedVersion}`);
      if (!a.drafts && !r.publishedAt) throw badInput(field, `Version ${v} was not published; you can compare published versions`);
      return r;
    };
    return this.diffOf(id, pick(fromVersion, 'fromVersion'), pick(toVersion, 'toVersion'));
  }

  diffOf(planId: string, from: LessonPlanRevision, to: LessonPlanRevision): PlanDiff {
    const contentLines = lineDiff(from.content, to.content);
    const fields = changedFields(from, to);
    const text = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
    return {
      planId,
      fromVersion: from.version,
      toVersion: to.version,
      changedFields: fields,
      fieldChanges: fields.filter((f) => f !== 'content').map((f) => ({ field: f, before: text(from[f]), after: text(to[f]) })),
      contentDiff: unified(contentLines),
      contentLines,
      linesAdded: contentLines.filter((d) => d.op === 'ADDED').length,
      linesRemoved: contentLines.filter((d) => d.op === 'REMOVED').length,
    };
  }

  /** An adaptation's link to its source: the version copied, the newest published one, and the diff since. */
  async adaptedFrom(ctx: RequestContext, plan: LessonPlan) {
    if (plan.kind !== LessonPlanKind.ADAPTATION || !plan.sourcePlanId) return null;
    const source = await ctx.em.findOneBy(LessonPlan, { id: plan.sourcePlanId });
    const access = source && (await this.access.plans(ctx, [source])).get(source.id);
    if (!source || !access?.read) return null;
    const [view] = await this.views(ctx, [source], new Map([[source.id, access]]));
    const latest = source.publishedVersion!;
    const newer = latest > plan.sourceVersion!;
    let diffSinceAdapted: PlanDiff | null = null;
    if (newer) {
      const revs = await ctx.em.find(LessonPlanRevision, { where: { planId: source.id, version: In([plan.sourceVersion!, latest]) } });
      diffSinceAdapted = this.diffOf(source.id, revs.find((r) => r.version === plan.sourceVersion)!, revs.find((r) => r.version === latest)!);
    }
    return { plan: view, version: plan.sourceVersion!, latestPublishedVersion: latest, hasNewerVersion: newer, diffSinceAdapted };
  }

  // ---------- comments ----------

  comment(ctx: RequestContext, input: CommentOnLessonPlanInput): Promise<LessonPlanComment> {
    return this.tx.run(ctx, async (tx) => {
      const a = await this.access.requirePlan(tx, input.planId, 'read');
      const rev = await tx.em.findOneBy(LessonPlanRevision, { planId: a.plan.id, version: input.version });
      if (!rev || (!a.drafts && !rev.publishedAt)) throw badInput('version', a.drafts ? `The plan has versions 1 to ${a.plan.version}` : 'Comment on a published version');
      let parentId: string | null = null;
      if (input.parentId) {
        const parent = await tx.em.findOneBy(LessonPlanComment, { id: input.parentId, planId: a.plan.id });
        if (!parent) throw badInput('parentId', 'No such comment on this plan');
        if (parent.version !== input.version) throw badInput('version', `The comment you reply to is on version ${parent.version}`);
        if (input.anchor) throw badInput('anchor', 'A reply shares the anchor of its comment');
        parentId = parent.parentId ?? parent.id; // one level of replies: a reply to a reply joins the thread
      }
      const anchor = input.anchor ? this.checkAnchor(input.anchor, rev) : null;
      const saved = await tx.em.save(
        tx.em.create(LessonPlanComment, {
          planId: a.plan.id,
          version: input.version,
          parentId,
          anchor,
          text: input.text,
          authorUserId: tx.user.userId,
          authorTeacherId: tx.user.teacherId,
        }),
      );
      await this.events.emit(tx, a.plan, LessonPlanEventType.COMMENT_ADDED, { commentId: saved.id, published: rev.publishedAt !== null });
      return saved;
    });
  }

  private checkAnchor(anchor: NonNullable<CommentOnLessonPlanInput['anchor']>, rev: LessonPlanRevision) {
    const { section, fromLine, toLine } = anchor;
    if (section !== LessonPlanSection.CONTENT) {
      if (fromLine || toLine) throw badInput('anchor.fromLine', 'Line ranges point into the CONTENT section');
      return { section };
    }
    if ((fromLine === undefined) !== (toLine === undefined)) throw badInput(fromLine === undefined ? 'anchor.fromLine' : 'anchor.toLine', 'Give both fromLine and toLine, or neither');
    if (fromLine === undefined) return { section };
    if (fromLine > toLine!) throw badInput('anchor.toLine', 'toLine is at or after fromLine');
    const n = lineCount(rev.content);
    if (toLine! > n) throw badInput('anchor.toLine', `Version ${rev.version} has ${n} lines`);
    return { section, fromLine, toLine };
  }

  resolveComment(ctx: RequestContext, commentId: string): Promise<LessonPlanComment> {
    return this.tx.run(ctx, async (tx) => {
      const comment = await tx.em.findOne(LessonPlanComment, { where: { id: commentId }, lock: { mode: 'pessimistic_write' } });
      if (!comment) throw notFound('Comment', commentId);
      const a = await this.access.plan(tx, comment.planId);
      if (!a.read) throw notFound('Comment', commentId); // a hidden plan's comment: like an unknown id
      const onPublished = await tx.em.existsBy(LessonPlanRevision, { planId: comment.planId, version: comment.version, publishedAt: Not(IsNull()) });
      if (!a.drafts && !onPublished) throw notFound('Comment', commentId); // a draft's comment is hidden: like an unknown id
      if (comment.parentId) throw badInput('commentId', 'Resolve the thread’s first comment');
      if (comment.authorUserId !== tx.user.userId && !a.member && !a.reviewer && !a.owner)
        throw forbidden('The author, a member of the team or its reviewer resolves a comment');
      if (comment.resolvedAt) throw conflict('This comment is already resolved');
      comment.resolvedAt = new Date();
      comment.resolvedBy = tx.user.userId;
      await tx.em.save(comment);
      await this.events.emit(tx, a.plan, LessonPlanEventType.COMMENT_RESOLVED, { commentId: comment.id, published: onPublished });
      return comment;
    });
  }

  /** Top-level comments the caller may see (all for the team, those on published versions for others), oldest first. */
  async comments(ctx: RequestContext, plan: PlanView, version?: number | null, includeResolved = true): Promise<LessonPlanComment[]> {
    const all = await this.allComments(ctx, plan);
    return all.filter((c) => !c.parentId && (version == null || c.version === version) && (includeResolved || !c.resolvedAt));
  }

  async replies(ctx: RequestContext, comment: LessonPlanComment, plan?: PlanView): Promise<LessonPlanComment[]> {
    const all = plan ? await this.allComments(ctx, plan) : await ctx.em.find(LessonPlanComment, { where: { parentId: comment.id }, order: { createdAt: 'ASC' } });
    return all.filter((c) => c.parentId === comment.id);
  }

  private async allComments(ctx: RequestContext, plan: PlanView): Promise<LessonPlanComment[]> {
    const all = await groupedBy<LessonPlanComment>(
      ctx,
      'lessonPlanComments',
      (ids) => ctx.em.find(LessonPlanComment, { where: { planId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      (c) => c.planId,
    ).load(plan.id);
    if (plan.viewerSeesDrafts) return all;
    const published = new Set((await this.revisions(ctx, plan)).map((r) => r.version));
    return all.filter((c) => published.has(c.version));
  }

  // ---------- adoptions (同上课) ----------

  recordAdoption(ctx: RequestContext, input: RecordAdoptionInput): Promise<LessonPlanAdoption> {
    if (input.taughtOn > todayInChina()) throw badInput('taughtOn', 'taughtOn cannot be in the future');
    return this.tx.run(ctx, async (tx) => {
      const a = await this.access.requirePlan(tx, input.planId, 'read');
      let source = a.plan;
      let adaptationId: string | null = null;
      if (source.kind === LessonPlanKind.ADAPTATION) {
        adaptationId = source.id;
        source = await tx.em.findOneByOrFail(LessonPlan, { id: source.sourcePlanId! });
      }
      if (source.publishedVersion === null || !source.firstPublishedAt) throw badInput('planId', 'Only published plans are taught and recorded');
      if (input.taughtOn < chinaDay(source.firstPublishedAt)) throw badInput('taughtOn', `The plan was published on ${chinaDay(source.firstPublishedAt)}`);
      if (!(await this.groups.activeMemberSchools(tx, source.groupId, [input.schoolId])).has(input.schoolId)) throw badInput('schoolId', 'The school is not an active member of the plan’s group');
      // a teacher of the school, or one on an exchange there that day (交流轮岗, 支教, 走教)
      const [teacher] = await tx.em.query(
        `SELECT 1 FROM teacher t WHERE t.id = $1 AND (t.school_id = $2 OR EXISTS (
           SELECT 1 FROM teacher_exchange e WHERE e.teacher_id = t.id AND e.to_school_id = $2 AND e.starts_on <= $3 AND (e.ends_on IS NULL OR e.ends_on >= $3)))`,
        [input.teacherId, input.schoolId, input.taughtOn],
      );
      if (!teacher) throw badInput('teacherId', 'The teacher neither teaches at this school nor was on an exchange there that day');
      const p = tx.user;
      const allowed = p.teacherId === input.teacherId || p.schoolIds.includes(input.schoolId) || (await this.groups.managesGroup(tx, source.groupId));
      if (!allowed) throw forbidden('The teacher, their school’s admins or the group managers record a lesson');
      // the version taught: an adaptation's copied version, or the team's version published by that day
      let version = adaptationId ? a.plan.sourceVersion! : source.publishedVersion;
      if (!adaptationId) {
        const [inForce] = await tx.em.query(
          `SELECT max(version) AS v FROM lesson_plan_revision WHERE plan_id = $1 AND published_at IS NOT NULL AND ${chinaDaySql('published_at')} <= $2`,
          [source.id, input.taughtOn],
        );
        version = inForce?.v ?? version;
      }
      const rows: { id: string }[] = await tx.em.query(
        `INSERT INTO lesson_plan_adoption (plan_id, version, adaptation_id, group_id, school_id, teacher_id, taught_on, class_name, reflection, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id`,
        [source.id, version, adaptationId, source.groupId, input.schoolId, input.teacherId, input.taughtOn, input.className ?? '', input.reflection ?? null, p.userId],
      );
      if (!rows.length) throw conflict('This lesson is already recorded (same plan, teacher, day and class)');
      await this.domainEvents.publish(tx, 'lesson-prep.adoption.recorded', { adoptionId: rows[0].id, planId: source.id, groupId: source.groupId, schoolId: input.schoolId, taughtOn: input.taughtOn });
      await this.events.emit(tx, source, LessonPlanEventType.ADOPTION_RECORDED, { published: true });
      return tx.em.findOneByOrFail(LessonPlanAdoption, { id: rows[0].id });
    });
  }

  /** Adoptions of a plan (batched). */
  planAdoptions(ctx: RequestContext, planId: string): Promise<LessonPlanAdoption[]> {
    return groupedBy<LessonPlanAdoption>(
      ctx,
      'lessonPlanAdoptions',
      (ids) => ctx.em.find(LessonPlanAdoption, { where: { planId: In(ids) }, order: { taughtOn: 'ASC', createdAt: 'ASC' } }),
      (x) => x.planId,
    ).load(planId);
  }

  async adoptions(ctx: RequestContext, filter: LessonPlanAdoptionFilter = {}, page: PageArgs) {
    if (filter.from && filter.to && filter.from > filter.to) throw badInput('filter.to', 'to must not be before from');
    const read = this.access.readCondition(ctx);
    const qb = ctx.em.createQueryBuilder(LessonPlanAdoption, 'a').where(`EXISTS (SELECT 1 FROM lesson_plan p WHERE p.id = a.plan_id AND ${read.sql})`, read.params);
    if (filter.planId) qb.andWhere('a.plan_id = :planId', { planId: filter.planId });
    if (filter.groupId) qb.andWhere('a.group_id = :groupId', { groupId: filter.groupId });
    if (filter.schoolId) qb.andWhere('a.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.teacherId) qb.andWhere('a.teacher_id = :teacherId', { teacherId: filter.teacherId });
    if (filter.from) qb.andWhere('a.taught_on >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.taught_on <= :to', { to: filter.to });
    return paginate(qb, page, { columns: ['a.taught_on', 'a.id'], values: (x) => [x.taughtOn, x.id], descending: true });
  }

  /** Adaptations of a plan (for its team: how many teachers made their own). */
  async adaptationCount(ctx: RequestContext, planId: string): Promise<number> {
    return (
      await groupedBy<{ plan_id: string; n: number }>(
        ctx,
        'lessonPlanAdaptationCounts',
        (ids) => ctx.em.query(`SELECT source_plan_id AS plan_id, count(*)::int AS n FROM lesson_plan WHERE source_plan_id = ANY($1::uuid[]) GROUP BY 1`, [ids]),
        (r) => r.plan_id,
      ).load(planId)
    ).reduce((s, r) => s + r.n, 0);
  }
}

