import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { badInput, groupedBy, paginate, type PageArgs, type RequestContext } from '#app/core';
import { LessonPlanFilter } from './dto/lesson-prep.input';
import { LessonPlan, LessonPlanRevision } from './entities/lesson-prep.entity';
import { LessonPlanKind, LessonPlanStatus } from './enums';
import { LessonPrepAccess, type PlanAccess } from './lesson-prep-access';
import { PLAN_FIELDS, planDiff, type PlanDiff } from './plan-diff';
import { likePatterns, queryTerms } from './search-terms';

/** A plan as one caller sees it: the team sees the current version; everyone else the published one. */
export type PlanView = LessonPlan & { viewerSeesDrafts: boolean };

/** A plan the caller just wrote: they are of its team (or own it), so they see the current version. */
export const asDraftView = (plan: LessonPlan): PlanView => Object.assign(plan, { viewerSeesDrafts: true });

/** Reading plans: one plan or a page of them (with Chinese search) as the caller sees them, revisions, diffs, adaptation links. */
@Injectable()
export class PlanViewsService {
  constructor(private readonly access: LessonPrepAccess) {}

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
      if (!tsq) throw badInput('filter.search', { zh: '请至少输入一个字母、数字或汉字进行搜索', en: 'Search for at least one letter, digit or Chinese character' });
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
      if (!r) throw badInput(field, { zh: `该教案的版本为第 1 至第 ${a.drafts ? a.plan.version : a.plan.publishedVersion} 版`, en: `The plan has versions 1 to ${a.drafts ? a.plan.version : a.plan.publishedVersion}` });
      if (!a.drafts && !r.publishedAt) throw badInput(field, { zh: `第 ${v} 版未发布，您只能比较已发布的版本`, en: `Version ${v} was not published; you can compare published versions` });
      return r;
    };
    return planDiff(id, pick(fromVersion, 'fromVersion'), pick(toVersion, 'toVersion'));
  }

  /**
   * An adaptation's link to its source: the version copied, the newest published one, and the diff since. Batched
   * per request: the sources through the plan views loader, the diffs through one revision query for the whole list.
   */
  async adaptedFrom(ctx: RequestContext, plan: LessonPlan) {
    if (plan.kind !== LessonPlanKind.ADAPTATION || !plan.sourcePlanId) return null;
    const source = await this.loadView(ctx, plan.sourcePlanId);
    if (!source) return null;
    const copied = plan.sourceVersion!;
    const latest = source.publishedVersion!;
    const newer = latest > copied;
    const diffSinceAdapted = newer ? await this.diffBetween(ctx, source.id, copied, latest) : null;
    return { plan: source, version: copied, latestPublishedVersion: latest, hasNewerVersion: newer, diffSinceAdapted };
  }

  /** The diff between two existing versions of a plan, batched per request (the caller has checked it may see them). */
  private diffBetween(ctx: RequestContext, planId: string, from: number, to: number): Promise<PlanDiff> {
    return ctx
      .loader<string, PlanDiff>('lessonPlanDiffs', async (keys) => {
        const pairs = keys.map((k) => k.split(':')).map(([id, a, b]) => ({ id, from: +a, to: +b }));
        const revs = await ctx.em.find(LessonPlanRevision, { where: pairs.flatMap((p) => [{ planId: p.id, version: p.from }, { planId: p.id, version: p.to }]) });
        const rev = (id: string, v: number) => revs.find((r) => r.planId === id && r.version === v)!;
        return pairs.map((p) => planDiff(p.id, rev(p.id, p.from), rev(p.id, p.to)));
      })
      .load(`${planId}:${from}:${to}`);
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
