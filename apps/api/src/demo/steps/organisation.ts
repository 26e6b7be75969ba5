import type { INestApplicationContext } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ExpectedIds, fixedClock, Principal, RequestContext, Role } from '#app/core';
import { GroupKind, GroupService, MemberRole, Pairing } from '#app/organisation';
import { chinaInstant } from '../plans/calendar';
import type { DemoPlan, GroupPlan, MembershipPlan } from '../plans/organisation';

/** One call of the groups' story (组建, 加入, 退出) at its instant, in China time. */
type GroupStep = { at: string; group: GroupPlan } & (
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
    if (m.role === MemberRole.LEAD) steps.push({ do: 'found', at: chinaInstant(group.foundedOn, FOUND_AT), group, lead: m });
    else steps.push({ do: 'join', at: chinaInstant(m.joinedOn, JOIN_AT), group, membership: m });
    if (m.leftOn) steps.push({ do: 'leave', at: chinaInstant(m.leftOn, LEAVE_AT), group, membership: m });
  }
  // stable: steps at the same instant keep the plan's order
  return steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/**
 * Plays the groups' story through GroupService as the education bureau of each group's region (教育局, a region admin
 * without an account: no demo account exists yet at this point), at the story's instants and with the demo's ids.
 * The service's rules (one active consortium per school, no overlapping history, the group's region, dates not
 * before the founding) are the demo's checks: a refused step stops the load.
 */
export async function playGroups(app: INestApplicationContext, em: EntityManager, plan: DemoPlan): Promise<number> {
  const groups = app.get(GroupService);
  const bureaus = new Map<string, Principal>();
  const bureauOf = (regionId: string) => {
    let p = bureaus.get(regionId);
    if (!p) bureaus.set(regionId, (p = Principal.withoutAccount(null, [{ role: Role.REGION_ADMIN, scopeId: regionId }])));
    return p;
  };
  const steps = groupSteps(plan);
  for (const step of steps) {
    const ids = new ExpectedIds();
    const ctx = new RequestContext(em, bureauOf(step.group.regionId)).withClock(fixedClock(step.at)).withIds(ids);
    try {
      await play(groups, ctx, ids, step);
    } catch (err) {
      throw new Error(`demo: groups: ${step.do} ${step.group.name} at ${step.at}: ${(err as Error).message}`);
    }
    const left = ids.left();
    if (left.length) throw new Error(`demo: groups: ${step.do} ${step.group.name} at ${step.at} did not create ${left.join('; ')}`);
  }
  return steps.length;
}

async function play(groups: GroupService, ctx: RequestContext, ids: ExpectedIds, step: GroupStep): Promise<void> {
  const g = step.group;
  switch (step.do) {
    case 'found': {
      ids.expect('school_group', g.id).expect('group_membership', step.lead.id);
      const input = { name: g.name, kind: g.kind as GroupKind, regionId: g.regionId, leadSchoolId: g.leadSchoolId, foundedOn: g.foundedOn };
      const created = await groups.create(ctx, { ...input, ...(g.mode ? { mode: g.mode } : {}), ...(g.level ? { level: g.level } : {}) });
      if (created.id !== g.id) throw new Error(`group ${created.id} created, the demo's is ${g.id}`);
      return;
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
