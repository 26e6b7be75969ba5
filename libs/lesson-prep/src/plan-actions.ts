import { In } from 'typeorm';
import { groupedBy, registerLabelledEnums, type RequestContext } from '#app/core';
import { LessonPlan } from './entities/lesson-prep.entity';
import type { LessonPrepAccess } from './lesson-prep-access';
import { allowedActions, type PlanAction } from './plan-workflow';

/** The workflow actions of plan-workflow.ts as the API names them (the web app's buttons). */
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

const asApi = (a: PlanAction) => a.toUpperCase() as LessonPlanAction;

/** viewerActions of a plan: the transition table's allowed steps for the caller, batched per request (one access query). */
export function viewerActions(ctx: RequestContext, access: LessonPrepAccess, planId: string): Promise<LessonPlanAction[]> {
  return groupedBy<{ id: string; actions: LessonPlanAction[] }>(
    ctx,
    'lessonPlanActions',
    async (ids) => {
      // the stored rows (a reader's view shows the published status, not the working one)
      const plans = await ctx.em.find(LessonPlan, { where: { id: In(ids) } });
      const byId = await access.plans(ctx, plans);
      return plans.map((p) => ({ id: p.id, actions: allowedActions(byId.get(p.id)!).map(asApi) }));
    },
    (x) => x.id,
  )
    .load(planId)
    .then((rows) => rows[0]?.actions ?? []);
}
