import { badInput, conflict, forbidden } from '#app/core';
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
  refused: string;
  /** the CONFLICT message when the plan is in another status */
  notFrom: (status: LessonPlanStatus) => string;
}

const cannot = (verb: string) => (status: LessonPlanStatus) => `Cannot ${verb}: the plan is ${status}`;
const notEditable = (status: LessonPlanStatus) =>
  status === ARCHIVED ? 'The plan is archived' : `The plan is ${status}: the reviewer returns it to DRAFT before it changes`;
const BEFORE_ARCHIVE = [DRAFT, IN_REVIEW, APPROVED, PUBLISHED];

/**
 * The life of a lesson plan, each allowed step once (issue 13): DRAFT → IN_REVIEW → APPROVED → PUBLISHED, review may
 * return it to DRAFT (also once approved, for an error found late), editing a published plan starts a new DRAFT round,
 * and anything not yet archived can be archived. An adaptation (二次备课) is only edited and archived, by its owner.
 * The services check steps with `requireTransition`, and `allowedActions` lists them, both from this table.
 */
export const PLAN_TRANSITIONS: readonly PlanTransition[] = [
  { action: 'edit', kind: TEAM, from: [DRAFT, PUBLISHED], to: DRAFT, who: ['member'], sees: 'drafts', refused: 'Members of the team edit its plans', notFrom: notEditable },
  { action: 'edit', kind: ADAPTATION, from: [DRAFT, PUBLISHED], to: DRAFT, who: ['owner'], sees: 'drafts', refused: 'Members of the team edit its plans', notFrom: notEditable },
  { action: 'submit', kind: TEAM, from: [DRAFT], to: IN_REVIEW, who: ['member'], sees: 'drafts', refused: 'Members of the team submit its plans', notFrom: cannot('submit for review') },
  {
    action: 'approve',
    kind: TEAM,
    from: [IN_REVIEW],
    to: APPROVED,
    who: ['leader', 'reviewer'],
    sees: 'drafts',
    refused: 'The team leader or the reviewer the group named reviews plans',
    notFrom: cannot('approve'),
  },
  {
    action: 'return',
    kind: TEAM,
    from: [IN_REVIEW, APPROVED],
    to: DRAFT,
    who: ['leader', 'reviewer'],
    sees: 'drafts',
    refused: 'The team leader or the reviewer the group named reviews plans',
    notFrom: cannot('return'),
  },
  {
    action: 'publish',
    kind: TEAM,
    from: [APPROVED],
    to: PUBLISHED,
    who: ['leader', 'reviewer'],
    sees: 'drafts',
    refused: 'The team leader or the reviewer publishes an approved plan',
    notFrom: cannot('publish (it must be approved first)'),
  },
  {
    action: 'archive',
    kind: TEAM,
    from: BEFORE_ARCHIVE,
    to: ARCHIVED,
    who: ['leader', 'managerOncePublished'],
    sees: 'read',
    refused: 'The team leader or a group manager archives a plan',
    notFrom: cannot('archive'),
  },
  { action: 'archive', kind: ADAPTATION, from: BEFORE_ARCHIVE, to: ARCHIVED, who: ['owner'], sees: 'read', refused: 'Only its owner archives an adaptation', notFrom: cannot('archive') },
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
  if (!t) throw badInput('id', 'Personal adaptations are not reviewed or published');
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
