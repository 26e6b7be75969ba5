import type { PlanContent } from '#app/lesson-prep';
import { TeacherHonour } from '#app/organisation';
import { LessonPlanStatus, LessonPlanSection, LessonPlanKind } from '#app/lesson-prep';
import { LessonPrepRecorder } from './lesson-prep-recorder';
import { DemoPlan, GroupPlan, TeacherPlan } from './organisation';
import { PlanIndex } from './plan-index';

/** Collective lesson preparation (集体备课), 2025-09 to 2026-11: plan types and what the story chapters share. */


/** The editable part of a plan, kept in full in every revision. */
export type PlanText = PlanContent;
export type LessonResourcePlan = PlanContent['resources'][number];

export interface PrepTeamPlan {
  id: string;
  groupId: string;
  name: string;
  subject: string;
  grade: string;
  leaderId: string;
  reviewerId: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface PrepMemberPlan {
  id: string;
  teamId: string;
  teacherId: string;
  joinedAt: string;
  leftAt: string | null;
}

export interface LessonPlanPlan extends PlanText {
  id: string;
  key: string;
  groupId: string;
  kind: LessonPlanKind;
  teamId: string | null;
  ownerId: string | null;
  sourcePlanId: string | null;
  sourceVersion: number | null;
  schoolId: string;
  mainPreparerId: string;
  subject: string;
  grade: string;
  status: LessonPlanStatus;
  version: number;
  publishedVersion: number | null;
  firstPublishedAt: string | null;
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RevisionPlan extends PlanText {
  planId: string;
  version: number;
  note: string | null;
  authorUserId: string | null;
  authorTeacherId: string | null;
  createdAt: string;
  publishedAt: string | null;
}

export interface CommentPlan {
  id: string;
  planId: string;
  version: number;
  parentId: string | null;
  anchor: { section: LessonPlanSection; fromLine?: number; toLine?: number } | null;
  text: string;
  authorUserId: string;
  authorTeacherId: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface AdoptionPlan {
  id: string;
  planId: string;
  version: number;
  adaptationId: string | null;
  groupId: string;
  schoolId: string;
  teacherId: string;
  taughtOn: string;
  className: string;
  reflection: string | null;
  recordedBy: string | null;
  createdAt: string;
}

export interface LessonPrepPlan {
  teams: PrepTeamPlan[];
  members: PrepMemberPlan[];
  plans: LessonPlanPlan[];
  revisions: RevisionPlan[];
  comments: CommentPlan[];
  adoptions: AdoptionPlan[];
}

/** Who acts: a teacher (with the demo account bound to them, if any) or an account without a teacher (the group manager). */
export interface Actor {
  teacher: TeacherPlan | null;
  userId: string | null;
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
export function linesOf(content: string, first: string, last: string): CommentPlan['anchor'] {
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
  rec: LessonPrepRecorder;
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
