import type { INestApplicationContext } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ExpectedIds, RequestContext } from '#app/core';
import { IdentityService } from '#app/identity';
import { GroupKind, GroupService, MemberRole, Pairing } from '#app/organisation';
import { chinaInstant } from '../plans/calendar';
import type { DemoPlan, GroupPlan, MembershipPlan } from '../plans/organisation';
import { playSteps, sameId, type TimedStep } from './play';
import { DemoPrincipals } from './principals';

/** One call of the groups' story (组建, 加入, 退出) at its instant, in China time, by the bureau of the group's region. */
type GroupStep = TimedStep & { group: GroupPlan } & (
  | { do: 'found'; lead: MembershipPlan }
  | { do: 'join'; membership: MembershipPlan }
  | { do: 'leave'; membership: MembershipPlan }
);

// A day's order: groups are founded at 09:00, schools leave at 09:30 and join at 10:00 (so a school may leave one
// consortium and join another on the same day).
const FOUND_AT = 9 * 60;
const LEAVE_AT = 9 * 60 + 30;
const JOIN_AT = 10 * 60;

/** The groups and their membership history as calls to GroupService, in the order of their instants. */
export function groupSteps(plan: DemoPlan): GroupStep[] {
  const groupById = new Map(plan.groups.map((g) => [g.id, g]));
  const steps: GroupStep[] = [];
  for (const m of plan.memberships) {
    const group = groupById.get(m.groupId);
    if (!group) throw new Error(`demo plan: a membership of an unknown group ${m.groupId}`);
    // the education bureau (教育局) of the group's region, as a region admin without an account: no demo account exists yet
    const by = { teacher: null, userId: null, administers: group.regionId };
    if (m.role === MemberRole.LEAD) steps.push({ do: 'found', at: chinaInstant(group.foundedOn, FOUND_AT), by, group, lead: m });
    else steps.push({ do: 'join', at: chinaInstant(m.joinedOn, JOIN_AT), by, group, membership: m });
    if (m.leftOn) steps.push({ do: 'leave', at: chinaInstant(m.leftOn, LEAVE_AT), by, group, membership: m });
  }
  return steps;
}

/**
 * Plays the groups' story through GroupService as the education bureau of each group's region, at the story's
 * instants and with the demo's ids (see playSteps). The service's rules (one active consortium per school, no
 * overlapping history, the group's region, dates not before the founding) are the demo's checks.
 */
export async function playGroups(app: INestApplicationContext, em: EntityManager, plan: DemoPlan): Promise<number> {
  const groups = app.get(GroupService);
  const steps = groupSteps(plan);
  await playSteps(em, new DemoPrincipals(app.get(IdentityService), em), 'groups', steps, (s) => `${s.do} ${s.group.name} at ${s.at}`, (ctx, ids, step) => play(groups, ctx, ids, step));
  return steps.length;
}

async function play(groups: GroupService, ctx: RequestContext, ids: ExpectedIds, step: GroupStep): Promise<void> {
  const g = step.group;
  switch (step.do) {
    case 'found': {
      ids.expect('school_group', g.id).expect('group_membership', step.lead.id);
      const input = { name: g.name, kind: g.kind as GroupKind, regionId: g.regionId, leadSchoolId: g.leadSchoolId, foundedOn: g.foundedOn };
      return sameId('group', (await groups.create(ctx, { ...input, ...(g.mode ? { mode: g.mode } : {}), ...(g.level ? { level: g.level } : {}) })).id, g.id);
    }
    case 'join': {
      const m = step.membership;
      ids.expect('group_membership', m.id);
      await groups.addMember(ctx, { groupId: g.id, schoolId: m.schoolId, pairing: m.pairing as Pairing, joinedOn: m.joinedOn });
      return;
    }
    case 'leave':
      await groups.removeMember(ctx, g.id, step.membership.schoolId, step.membership.leftOn);
      return;
  }
}
