import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '#app/core';
import type { LessonPlan } from './entities/lesson-prep.entity';
import { LessonPlanKind, LessonPlanStatus } from './enums';
import type { PlanAccess } from './lesson-prep-access';
import { allowedActions, PLAN_TRANSITIONS, requireTransition, type PlanAction } from './plan-workflow';

const { DRAFT, IN_REVIEW, APPROVED, PUBLISHED, ARCHIVED } = LessonPlanStatus;
const NOBODY = { member: false, leader: false, reviewer: false, owner: false, manager: false, drafts: false, read: true };

function access(status: LessonPlanStatus, who: Partial<PlanAccess>, plan: Partial<LessonPlan> = {}): PlanAccess {
  const p = { kind: LessonPlanKind.TEAM, status, publishedVersion: null, ...plan } as LessonPlan;
  return { ...NOBODY, ...who, plan: p };
}
const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    return (e as { code: ErrorCode }).code;
  }
};

describe('the lesson plan transition table', () => {
  const member = { member: true, drafts: true };
  const leader = { member: true, leader: true, drafts: true };
  const reviewer = { reviewer: true, drafts: true };
  const manager = { manager: true };
  const owner = { owner: true, drafts: true };

  it('lists the steps each person may take, status by status', () => {
    expect(allowedActions(access(DRAFT, member))).toEqual(['edit', 'submit']);
    expect(allowedActions(access(DRAFT, leader))).toEqual(['edit', 'submit', 'archive']);
    expect(allowedActions(access(IN_REVIEW, member))).toEqual([]);
    expect(allowedActions(access(IN_REVIEW, reviewer))).toEqual(['approve', 'return']);
    expect(allowedActions(access(APPROVED, reviewer))).toEqual(['return', 'publish']); // an error found after approval
    expect(allowedActions(access(APPROVED, leader))).toEqual(['return', 'publish', 'archive']);
    expect(allowedActions(access(PUBLISHED, member, { publishedVersion: 2 }))).toEqual(['edit']); // a new DRAFT round
    expect(allowedActions(access(ARCHIVED, leader, { publishedVersion: 2 }))).toEqual([]);
  });

  it('lets group managers archive a team plan only once a version was published, and nothing else', () => {
    expect(allowedActions(access(DRAFT, manager))).toEqual([]);
    expect(allowedActions(access(DRAFT, manager, { publishedVersion: 1 }))).toEqual(['archive']); // a new round after publishing
    expect(allowedActions(access(PUBLISHED, manager, { publishedVersion: 1 }))).toEqual(['archive']);
  });

  it('lets an adaptation’s owner edit and archive it, and no one review or publish it', () => {
    const adaptation = { kind: LessonPlanKind.ADAPTATION };
    expect(allowedActions(access(DRAFT, owner, adaptation))).toEqual(['edit', 'archive']);
    expect(allowedActions(access(DRAFT, { ...leader, manager: true }, adaptation))).toEqual([]);
    expect(codeOf(() => requireTransition(access(DRAFT, owner, adaptation), 'submit'))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('refuses in order: the kind of plan, then the person, then the status', () => {
    expect(codeOf(() => requireTransition(access(IN_REVIEW, member), 'approve'))).toBe(ErrorCode.FORBIDDEN);
    expect(codeOf(() => requireTransition(access(DRAFT, reviewer), 'approve'))).toBe(ErrorCode.CONFLICT);
    expect(codeOf(() => requireTransition(access(DRAFT, reviewer), 'publish'))).toBe(ErrorCode.CONFLICT);
    expect(codeOf(() => requireTransition(access(ARCHIVED, leader), 'archive'))).toBe(ErrorCode.CONFLICT);
    expect(requireTransition(access(APPROVED, leader), 'return').to).toBe(DRAFT);
  });

  it('agrees with the check: an action is listed exactly when requireTransition lets it through', () => {
    const actions = [...new Set(PLAN_TRANSITIONS.map((t) => t.action))] as PlanAction[];
    const people = [member, leader, reviewer, manager, owner, {}];
    for (const kind of Object.values(LessonPlanKind))
      for (const status of Object.values(LessonPlanStatus))
        for (const who of people)
          for (const publishedVersion of [null, 1]) {
            const a = access(status, who, { kind, publishedVersion });
            const listed = allowedActions(a);
            for (const action of actions) expect([action, codeOf(() => requireTransition(a, action)) === 'OK']).toEqual([action, listed.includes(action)]);
          }
  });
});
