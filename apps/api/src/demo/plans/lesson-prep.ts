import type { LessonPlansService, PlanAdoptionsService, PlanCommentsService, PlanContent, TeamsService } from '#app/lesson-prep';
import { TeacherHonour } from '#app/organisation';
import { LessonPlanSection, LessonPlanKind } from '#app/lesson-prep';
import { PrepScript } from './lesson-prep-script';
import { DemoPlan, GroupPlan, TeacherPlan } from './organisation';
import { PlanIndex } from './plan-index';

/** Collective lesson preparation (集体备课), 2025-09 to 2026-11: plan types and what the story chapters share. */


/** The editable part of a plan, kept in full in every revision. */
export type PlanText = PlanContent;
export type LessonResourcePlan = PlanContent['resources'][number];

/** A team of the story, as the chapters refer to it. */
export interface TeamHandle {
  id: string;
  groupId: string;
  name: string;
}

/** A plan of the story (a team plan or an adaptation) and its current text, as the chapters write it. */
export interface PlanHandle extends PlanText {
  id: string;
  key: string;
  kind: LessonPlanKind;
  teamId: string | null;
  sourcePlanId: string | null;
  /** the version its text is at (every update adds one) */
  version: number;
}

export interface CommentHandle {
  id: string;
  planId: string;
  version: number;
}

export interface AdoptionHandle {
  id: string;
  /** the team plan taught */
  planId: string;
  adaptationId: string | null;
  schoolId: string;
}

/**
 * Who acts: a teacher (with the demo account bound to them, if any), a manager of a group (`manages`) or an admin of
 * a region (`administers`), with or without an account. Without an account, the steps are played as a principal
 * built for them (no account is made).
 */
export interface Actor {
  teacher: TeacherPlan | null;
  userId: string | null;
  manages?: string;
  administers?: string;
}

type Input<S, M extends keyof S, I extends number = 1> = S[M] extends (...args: infer A) => unknown ? A[I] : never;
export type TeamInput = Input<TeamsService, 'create'>;
export type CreatePlanInput = Input<LessonPlansService, 'create'>;
export type UpdatePlanInput = Input<LessonPlansService, 'update', 3>;
export type CommentInput = Input<PlanCommentsService, 'comment'>;
export type AdoptionInput = Input<PlanAdoptionsService, 'recordAdoption'>;

/** One call of the story to a lesson-prep service, at its instant `at`, as `by`; the ids are those it must create. */
export type PrepStep = { at: string; by: Actor } & (
  | { do: 'formTeam'; teamId: string; memberIds: string[]; input: TeamInput }
  | { do: 'addMember'; teamId: string; teacherId: string; memberId: string }
  | { do: 'removeMember'; teamId: string; teacherId: string }
  | { do: 'create'; planId: string; input: CreatePlanInput }
  | { do: 'update'; planId: string; expectedVersion: number; input: UpdatePlanInput }
  | { do: 'submit' | 'publish' | 'archive'; planId: string }
  | { do: 'review'; planId: string; approve: boolean; note: string | null }
  | { do: 'adapt'; sourceId: string; planId: string }
  | { do: 'comment'; commentId: string; input: CommentInput }
  | { do: 'resolve'; commentId: string }
  | { do: 'adopt'; adoptionId: string; input: AdoptionInput }
);

/** The story as calls to the services (in the order written; played in the order of their instants) and what they create. */
export interface LessonPrepScript {
  steps: PrepStep[];
  teams: TeamHandle[];
  plans: PlanHandle[];
  comments: CommentHandle[];
  adoptions: AdoptionHandle[];
  /** revisions the steps write (one per new plan and per update) */
  revisions: number;
}

/** Replaces each `[before, after]` once in `text`; a `before` that is not there is a mistake in the demo. */
export function edit(text: string, changes: ReadonlyArray<readonly [string, string]>): string {
  let out = text;
  for (const [before, after] of changes) {
    const i = out.indexOf(before);
    if (i < 0) throw new Error(`demo plan: lesson plan edit does not apply: ${before.slice(0, 40)}`);
    out = out.slice(0, i) + after + out.slice(i + before.length);
  }
  return out;
}

/** A CONTENT anchor from the line containing `first` to the line containing `last`. */
export function linesOf(content: string, first: string, last: string): NonNullable<CommentInput['anchor']> {
  const lines = content.split('\n');
  const fromLine = lines.findIndex((l) => l.includes(first)) + 1;
  const toLine = lines.findIndex((l) => l.includes(last)) + 1;
  if (fromLine < 1 || toLine < fromLine) throw new Error(`demo plan: no lines ${first}…${last}`);
  return { section: LessonPlanSection.CONTENT, fromLine, toLine };
}

export const HONOUR_POINTS: Record<TeacherHonour, number> = { FAMOUS_TEACHER: 100, SUBJECT_LEADER: 60, BACKBONE: 30, EXCELLENT_TEACHER: 10, NEW_TEACHER: 0 };
export const seniority = (t: TeacherPlan) => t.honours.reduce((s, h) => s + HONOUR_POINTS[h], 0) + t.yearsOfExperience;

export function prepFail(what: string): never {
  throw new Error(`demo plan: lesson preparation: ${what}`);
}

/** What every chapter of the lesson-preparation story works with. */
export interface PrepStory {
  rec: PrepScript;
  plan: DemoPlan;
  ix: PlanIndex;
  group: (name: string) => GroupPlan;
  pick: (schoolName: string, subject: string, which: 'senior' | 'junior', ...not: TeacherPlan[]) => TeacherPlan;
  as: (t: TeacherPlan) => Actor;
  manager: Actor;
  userOf: Map<string, string>;
  text: (title: string, unit: string, objectives: string[], keyPoints: string[], content: string[], resources?: LessonResourcePlan[]) => PlanText;
  SMARTEDU: string;
  /** The featured consortium and its lead school's name. */
  featured: GroupPlan;
  lead: string;
}
