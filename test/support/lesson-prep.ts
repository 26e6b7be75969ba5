import type { ConsortiumWorld } from './consortium-world';
import type { GqlResult, TestApp } from './test-app';

/**
 * What the lesson-preparation tests share: the operations, the plan's contents, and the story so far, for the files
 * that go on from a later chapter (lesson-prep.e2e-spec.ts plays it out with its checks).
 */
export const CREATE_TEAM = `mutation($i: CreateLessonPrepTeamInput!) { createLessonPrepTeam(input: $i) { id name leaderTeacherId members { id } memberships { teacherId leftAt } } }`;
export const ADD_MEMBER = `mutation($team: ID!, $t: ID!) { addLessonPrepTeamMember(teamId: $team, teacherId: $t) { id members { id } } }`;
export const REMOVE_MEMBER = `mutation($team: ID!, $t: ID!) { removeLessonPrepTeamMember(teamId: $team, teacherId: $t) { id members { id } memberships { teacherId joinedAt leftAt } } }`;
export const TEAM = `query($id: ID!) { lessonPrepTeam(id: $id) { id name members { id } } }`;
export const CREATE_PLAN = `mutation($i: CreateLessonPlanInput!) { createLessonPlan(input: $i) { id version status title content mainPreparer { id } school { id } kind } }`;
export const UPDATE_PLAN = `mutation($id: ID!, $v: Int!, $i: UpdateLessonPlanInput!) { updateLessonPlan(id: $id, expectedVersion: $v, input: $i) { id version status content } }`;
export const PLAN = `query($id: ID!) { lessonPlan(id: $id) { id title version status content publishedVersion viewerSeesDrafts
  revisions { version author { id } createdAt content publishedAt note }
  comments { id text version anchor { section fromLine toLine } resolved replies { id text } }
  adoptions { school { id } taughtOn teacher { id } className reflection } adaptationCount } }`;
export const SUBMIT = `mutation($id: ID!) { submitLessonPlanForReview(id: $id) { id status } }`;
export const REVIEW = `mutation($id: ID!, $ok: Boolean!, $note: String) { reviewLessonPlan(id: $id, approve: $ok, note: $note) { id status reviewNote } }`;
export const PUBLISH = `mutation($id: ID!) { publishLessonPlan(id: $id) { id status publishedVersion } }`;
export const DIFF = `query($id: ID!, $a: Int!, $b: Int!) { lessonPlanDiff(id: $id, fromVersion: $a, toVersion: $b) { changedFields contentDiff linesAdded linesRemoved contentLines { op text fromLine toLine } fieldChanges { field before after } } }`;
export const COMMENT = `mutation($i: CommentOnLessonPlanInput!) { commentOnLessonPlan(input: $i) { id version text parentId anchor { section fromLine toLine } } }`;
export const RESOLVE = `mutation($id: ID!) { resolveLessonPlanComment(commentId: $id) { id resolved } }`;
export const ADAPT = `mutation($id: ID!) { adaptLessonPlan(planId: $id) { id kind version status ownerTeacherId content adaptedFrom { plan { id } version hasNewerVersion latestPublishedVersion } } }`;
export const ADAPTED_FROM = `query($id: ID!) { lessonPlan(id: $id) { id adaptedFrom { version hasNewerVersion latestPublishedVersion diffSinceAdapted { fromVersion toVersion changedFields contentDiff } } } }`;
export const ADOPT = `mutation($i: RecordAdoptionInput!) { recordLessonPlanAdoption(input: $i) { id version taughtOn school { id } adaptationId } }`;
export const ADOPTIONS = `query($f: LessonPlanAdoptionFilter) { lessonPlanAdoptions(filter: $f) { totalCount edges { node { planId school { id } taughtOn reflection } } } }`;
export const PLANS = `query($f: LessonPlanFilter, $first: Int, $after: String) { lessonPlans(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title status version } } } }`;

export const CONTENT_V1 = ['# 分数的意义', '一、复习导入：把一个蛋糕平均分成4份', '二、探究新知：单位“1”', '三、巩固练习'].join('\n');
export const CONTENT_V2 = ['# 分数的意义', '一、情境导入：分月饼', '二、探究新知：单位“1”', '三、巩固练习', '四、课堂小结'].join('\n');

export const field = (r: GqlResult) => r.errors?.[0]?.extensions?.field;
export const count = async (t: TestApp, table: string) => (await t.sql(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

/** 五年级数学 in the world's consortium: led by the leader, with the preparer. */
export const teamInput = (w: ConsortiumWorld, over: Record<string, unknown> = {}) => ({
  groupId: w.group.id,
  name: '五年级数学集体备课组',
  subject: '数学',
  grade: '五年级',
  leaderTeacherId: w.leader.id,
  memberTeacherIds: [w.preparer.id],
  ...over,
});

/** 《分数的意义》 as its preparer first writes it (version 1). */
export const planInput = (teamId: string) => ({ teamId, title: '分数的意义', unit: '第四单元 分数的意义和性质', objectives: '理解单位“1”', keyPoints: '重点：分数的意义；难点：单位“1”', content: CONTENT_V1 });

/** The team formed by the group's manager. */
export async function formTeam(t: TestApp, w: ConsortiumWorld): Promise<string> {
  return (await t.ok(CREATE_TEAM, { i: teamInput(w) }, w.manager.token)).createLessonPrepTeam.id;
}

/** The plan written by the preparer, saved once per edit, submitted, approved and published by the leader: published version edits.length + 1. */
export async function publishedPlan(t: TestApp, w: ConsortiumWorld, teamId: string, edits: Record<string, unknown>[]): Promise<string> {
  const id = (await t.ok(CREATE_PLAN, { i: planInput(teamId) }, w.preparer.token)).createLessonPlan.id;
  for (const [n, edit] of edits.entries()) await t.ok(UPDATE_PLAN, { id, v: n + 1, i: edit }, w.preparer.token);
  await t.ok(SUBMIT, { id }, w.preparer.token);
  await t.ok(REVIEW, { id, ok: true }, w.leader.token);
  await t.ok(PUBLISH, { id }, w.leader.token);
  return id;
}
