import { badInput, conflict, forbidden, type Msg } from '#app/core';
import { LessonPlanKind, LessonPlanStatus } from './enums';
import type { PlanAccess } from './lesson-prep-access';

const { DRAFT, IN_REVIEW, APPROVED, PUBLISHED, ARCHIVED } = LessonPlanStatus;
const { TEAM, ADAPTATION } = LessonPlanKind;

/** A step of a plan's life; each is one mutation (edit: updateLessonPlan; approve and return: reviewLessonPlan). */
export type PlanAction = 'edit' | 'submit' | 'approve' | 'return' | 'publish' | 'archive';

/** Who takes a step, as the caller's relation to the plan (PlanAccess). */
export type PlanActor = 'member' | 'leader' | 'reviewer' | 'owner' | 'managerOncePublished';

const IS: Record<PlanActor, (a: PlanAccess) => boolean> = {
  /** an active member of the plan's team */
  member: (a) => a.member,
  leader: (a) => a.leader,
  /** the reviewer the group named for the team */
  reviewer: (a) => a.reviewer,
  /** the owner of an adaptation (二次备课) */
  owner: (a) => a.owner,
  /** a platform admin, region admin above the group or its group manager, once a version was published */
  managerOncePublished: (a) => a.manager && a.plan.publishedVersion !== null,
};

export interface PlanTransition {
  action: PlanAction;
  kind: LessonPlanKind;
  from: readonly LessonPlanStatus[];
  to: LessonPlanStatus;
  /** any one of these may take the step */
  who: readonly PlanActor[];
  /** what the caller must see of the plan first: its drafts (the team, an adaptation's owner) or only its published version */
  sees: 'drafts' | 'read';
  /** the FORBIDDEN message for anyone else */
  refused: Msg;
  /** the CONFLICT message when the plan is in another status */
  notFrom: (status: LessonPlanStatus) => Msg;
}

/** A plan status as a Chinese user reads it. */
const STATUS_ZH: Record<LessonPlanStatus, string> = { DRAFT: '草稿', IN_REVIEW: '待审核', APPROVED: '已通过审核', PUBLISHED: '已发布', ARCHIVED: '已归档' };
const cannot = (verb: Msg) => (status: LessonPlanStatus): Msg => ({ zh: `无法${verb.zh}：教案当前为“${STATUS_ZH[status]}”状态`, en: `Cannot ${verb.en}: the plan is ${status}` });
const notEditable = (status: LessonPlanStatus): Msg =>
  status === ARCHIVED
    ? { zh: '该教案已归档', en: 'The plan is archived' }
    : { zh: `教案当前为“${STATUS_ZH[status]}”状态：须由审核人退回草稿后才能修改`, en: `The plan is ${status}: the reviewer returns it to DRAFT before it changes` };
const BEFORE_ARCHIVE = [DRAFT, IN_REVIEW, APPROVED, PUBLISHED];

/**
 * The life of a lesson plan, each allowed step once (issue 13): DRAFT → IN_REVIEW → APPROVED → PUBLISHED, review may
 * return it to DRAFT (also once approved, for an error found late), editing a published plan starts a new DRAFT round,
 * and anything not yet archived can be archived. An adaptation (二次备课) is only edited and archived, by its owner.
 * The services check steps with `requireTransition`, and `allowedActions` lists them, both from this table.
 */
export const PLAN_TRANSITIONS: readonly PlanTransition[] = [
  { action: 'edit', kind: TEAM, from: [DRAFT, PUBLISHED], to: DRAFT, who: ['member'], sees: 'drafts', refused: { zh: '只有备课组成员可以编辑教案', en: 'Members of the team edit its plans' }, notFrom: notEditable },
  { action: 'edit', kind: ADAPTATION, from: [DRAFT, PUBLISHED], to: DRAFT, who: ['owner'], sees: 'drafts', refused: { zh: '只有备课组成员可以编辑教案', en: 'Members of the team edit its plans' }, notFrom: notEditable },
  { action: 'submit', kind: TEAM, from: [DRAFT], to: IN_REVIEW, who: ['member'], sees: 'drafts', refused: { zh: '只有备课组成员可以提交教案', en: 'Members of the team submit its plans' }, notFrom: cannot({ zh: '提交审核', en: 'submit for review' }) },
  {
    action: 'approve',
    kind: TEAM,
    from: [IN_REVIEW],
    to: APPROVED,
    who: ['leader', 'reviewer'],
    sees: 'drafts',
    refused: { zh: '只有备课组长或共同体指定的审核人可以审核教案', en: 'The team leader or the reviewer the group named reviews plans' },
    notFrom: cannot({ zh: '审核通过', en: 'approve' }),
  },
  {
    action: 'return',
    kind: TEAM,
    from: [IN_REVIEW, APPROVED],
    to: DRAFT,
    who: ['leader', 'reviewer'],
    sees: 'drafts',
    refused: { zh: '只有备课组长或共同体指定的审核人可以审核教案', en: 'The team leader or the reviewer the group named reviews plans' },
    notFrom: cannot({ zh: '退回', en: 'return' }),
  },
  {
    action: 'publish',
    kind: TEAM,
    from: [APPROVED],
    to: PUBLISHED,
    who: ['leader', 'reviewer'],
    sees: 'drafts',
    refused: { zh: '只有备课组长或审核人可以发布已通过审核的教案', en: 'The team leader or the reviewer publishes an approved plan' },
    notFrom: cannot({ zh: '发布（须先通过审核）', en: 'publish (it must be approved first)' }),
  },
  {
    action: 'archive',
    kind: TEAM,
    from: BEFORE_ARCHIVE,
    to: ARCHIVED,
    who: ['leader', 'managerOncePublished'],
    sees: 'read',
    refused: { zh: '只有备课组长或共同体管理员可以归档教案', en: 'The team leader or a group manager archives a plan' },
    notFrom: cannot({ zh: '归档', en: 'archive' }),
  },
  { action: 'archive', kind: ADAPTATION, from: BEFORE_ARCHIVE, to: ARCHIVED, who: ['owner'], sees: 'read', refused: { zh: '只有二次备课的作者可以将其归档', en: 'Only its owner archives an adaptation' }, notFrom: cannot({ zh: '归档', en: 'archive' }) },
];

const rowsOf = (action: PlanAction) => PLAN_TRANSITIONS.filter((t) => t.action === action);

/** What the caller must see of a plan before an action is looked at (the same for both kinds of plan). */
export const accessNeededFor = (action: PlanAction): 'drafts' | 'read' => rowsOf(action)[0].sees;

const permits = (t: PlanTransition, a: PlanAccess) => a[t.sees] && t.who.some((actor) => IS[actor](a));

/**
 * The step `action` on the plan as the caller sees it (`a`), or the error that refuses it: BAD_USER_INPUT for the
 * wrong kind of plan, FORBIDDEN for the wrong person, CONFLICT for the wrong status (checked in that order).
 */
export function requireTransition(a: PlanAccess, action: PlanAction): PlanTransition {
  const t = rowsOf(action).find((x) => x.kind === a.plan.kind);
  if (!t) throw badInput('id', { zh: '个人二次备课无需审核或发布', en: 'Personal adaptations are not reviewed or published' });
  if (!permits(t, a)) throw forbidden(t.refused);
  requireFrom(t, a.plan.status);
  return t;
}

/** CONFLICT unless the step starts from `status` (also for a status read again after a lost race). */
export function requireFrom(t: PlanTransition, status: LessonPlanStatus): void {
  if (!t.from.includes(status)) throw conflict(t.notFrom(status), { status });
}

/** The steps the caller may take on the plan now, in the table's order. */
export function allowedActions(a: PlanAccess): PlanAction[] {
  return PLAN_TRANSITIONS.filter((t) => t.kind === a.plan.kind && t.from.includes(a.plan.status) && permits(t, a)).map((t) => t.action);
}
