import { In } from 'typeorm';
import { groupedBy, registerLabelledEnums, type RequestContext } from '../../core/src';
import { LessonPlan, LessonPlanAdoption } from './entities/lesson-prep.entity';
import { LessonPlanKind, LessonPlanStatus } from './enums';
import type { LessonPrepAccess, PlanAccess } from './lesson-prep-access';

/** What a viewer may do with a plan now, as the web app asks for its buttons. */
export enum LessonPlanAction { EDIT = 'EDIT', SUBMIT = 'SUBMIT', APPROVE = 'APPROVE', RETURN = 'RETURN', PUBLISH = 'PUBLISH', ARCHIVE = 'ARCHIVE' }

registerLabelledEnums(
  { LessonPlanAction },
  {
    LessonPlanAction: {
      EDIT: ['修改', 'Edit'],
      SUBMIT: ['提交审核', 'Submit for review'],
      APPROVE: ['审核通过', 'Approve'],
      RETURN: ['退回修改', 'Return for changes'],
      PUBLISH: ['发布', 'Publish'],
      ARCHIVE: ['归档', 'Archive'],
    },
  },
);

const { DRAFT, IN_REVIEW, APPROVED, PUBLISHED } = LessonPlanStatus;
const { TEAM, ADAPTATION } = LessonPlanKind;

interface Step {
  action: LessonPlanAction;
  kinds: LessonPlanKind[];
  from: LessonPlanStatus[];
  who(a: PlanAccess): boolean;
}

/** The lesson plan workflow (集体备课): which action, from which status, by whom. */
export const PLAN_STEPS: Step[] = [
  { action: LessonPlanAction.EDIT, kinds: [TEAM, ADAPTATION], from: [DRAFT, PUBLISHED], who: (a) => a.member || a.owner },
  { action: LessonPlanAction.SUBMIT, kinds: [TEAM], from: [DRAFT], who: (a) => a.member },
  { action: LessonPlanAction.APPROVE, kinds: [TEAM], from: [IN_REVIEW], who: (a) => a.leader || a.reviewer },
  // an approved plan not yet published can still be returned (an error found after approval)
  { action: LessonPlanAction.RETURN, kinds: [TEAM], from: [IN_REVIEW, APPROVED], who: (a) => a.leader || a.reviewer },
  { action: LessonPlanAction.PUBLISH, kinds: [TEAM], from: [APPROVED], who: (a) => a.leader || a.reviewer },
  { action: LessonPlanAction.ARCHIVE, kinds: [TEAM], from: [DRAFT, IN_REVIEW, APPROVED, PUBLISHED], who: (a) => a.leader || (a.manager && a.plan.publishedVersion !== null) },
  { action: LessonPlanAction.ARCHIVE, kinds: [ADAPTATION], from: [DRAFT, IN_REVIEW, APPROVED, PUBLISHED], who: (a) => a.owner },
];

/** The actions `a`'s viewer may take on its plan now (its stored status, not the published view). */
export const allowedActions = (a: PlanAccess): LessonPlanAction[] => [
  ...new Set(PLAN_STEPS.filter((s) => s.kinds.includes(a.plan.kind) && s.from.includes(a.plan.status) && s.who(a)).map((s) => s.action)),
];

/** viewerActions of a plan, batched per request (one access query for a page of plans). */
export function viewerActions(ctx: RequestContext, access: LessonPrepAccess, planId: string): Promise<LessonPlanAction[]> {
  return groupedBy<{ id: string; actions: LessonPlanAction[] }>(
    ctx,
    'lessonPlanActions',
    async (ids) => {
      const plans = await ctx.em.find(LessonPlan, { where: { id: In(ids) } });
      const byId = await access.plans(ctx, plans);
      return plans.map((p) => ({ id: p.id, actions: allowedActions(byId.get(p.id)!) }));
    },
    (x) => x.id,
  )
    .load(planId)
    .then((rows) => rows[0]?.actions ?? []);
}

/** The lessons taught from teachers' adaptations (二次备课), batched: an adaptation page lists what was taught from it. */
export function adoptionsFromAdaptation(ctx: RequestContext, adaptationId: string): Promise<LessonPlanAdoption[]> {
  return groupedBy<LessonPlanAdoption>(
    ctx,
    'adoptionsFromAdaptation',
    (ids) => ctx.em.find(LessonPlanAdoption, { where: { adaptationId: In(ids) }, order: { taughtOn: 'ASC', createdAt: 'ASC' } }),
    (x) => x.adaptationId!,
  ).load(adaptationId);
}
