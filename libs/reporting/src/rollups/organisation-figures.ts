import type { DomainEvent, RequestContext } from '#app/core';
import { consortiumMembershipsOf, GroupKind, isCompulsoryStage, regionPathOf, schoolFactsOf, type GroupProfileFact, type SchoolFacts } from '#app/organisation';
import { Metric, RECORDS_START } from './metrics';
import { regionRows, type RollupDelta } from './rollup.service';

/**
 * The organisation's figures (coverage, compulsory totals, groups and consortia) as rollup deltas of its events.
 * Coverage is a stock: +1 on the day a compulsory school joins a consortium, −1 on the day it leaves. Figures use
 * each school's current facts (stage, region, students), as a query over the base tables would: when a school's
 * facts change, its whole membership history is re-counted.
 */
async function share(tx: RequestContext, s: SchoolFacts, day: string, sign: number, metrics: [string, string]): Promise<RollupDelta[]> {
  if (!isCompulsoryStage(s.stage) || !sign) return [];
  const path = await regionPathOf(tx, s.regionId);
  return [...regionRows(path, { day, metric: metrics[0], delta: sign }), ...regionRows(path, { day, metric: metrics[1], delta: sign * s.studentCount })];
}

/** The school's contribution to every counter, with the given sign (+1 to add it, −1 to take it back). */
async function contribution(tx: RequestContext, s: SchoolFacts, sign: 1 | -1): Promise<RollupDelta[]> {
  const deltas = await share(tx, s, RECORDS_START, sign, [Metric.CompulsorySchools, Metric.CompulsoryStudents]);
  for (const m of await consortiumMembershipsOf(tx, s.id)) {
    deltas.push(...(await share(tx, s, m.joined_on, sign, [Metric.CoveredSchools, Metric.CoveredStudents])));
    if (m.left_on) deltas.push(...(await share(tx, s, m.left_on, -sign, [Metric.CoveredSchools, Metric.CoveredStudents])));
  }
  return deltas;
}

export const schoolCreated = (tx: RequestContext, e: DomainEvent<'organisation.school.created'>) =>
  share(tx, e.school, RECORDS_START, 1, [Metric.CompulsorySchools, Metric.CompulsoryStudents]);

export async function schoolChanged(tx: RequestContext, { before, after }: DomainEvent<'organisation.school.changed'>): Promise<RollupDelta[]> {
  if (before.regionId === after.regionId && before.stage === after.stage && before.studentCount === after.studentCount) return [];
  return [...(await contribution(tx, before, -1)), ...(await contribution(tx, after, 1))];
}

/** A consortium's mode and level as counted (+1 from the day it holds, −1 from the day it stops holding). */
function profileRows(path: string[], day: string, p: GroupProfileFact, sign: 1 | -1): RollupDelta[] {
  const deltas = regionRows(path, { day, metric: Metric.Consortia, key: p.mode ?? '', delta: sign });
  if (p.level) deltas.push(...regionRows(path, { day, metric: Metric.ConsortiaByLevel, key: p.level, delta: sign }));
  return deltas;
}

export async function groupCreated(tx: RequestContext, g: DomainEvent<'organisation.group.created'>): Promise<RollupDelta[]> {
  const path = await regionPathOf(tx, g.regionId);
  const deltas = regionRows(path, { day: g.foundedOn, metric: Metric.Groups, key: g.kind, delta: 1 });
  if (g.kind === GroupKind.CONSORTIUM) deltas.push(...profileRows(path, g.foundedOn, g, 1));
  return deltas;
}

/** A consortium's mode or level changed from a day on: counted under the old one until then, the new one after. */
export async function groupProfileChanged(tx: RequestContext, g: DomainEvent<'organisation.group.profileChanged'>): Promise<RollupDelta[]> {
  if (g.kind !== GroupKind.CONSORTIUM) return [];
  const path = await regionPathOf(tx, g.regionId);
  return [...profileRows(path, g.on, g.before, -1), ...profileRows(path, g.on, g.after, 1)];
}

/** A dissolved group stops counting from the day it was dissolved (its members' coverage ends by their own events). */
export async function groupDissolved(tx: RequestContext, g: DomainEvent<'organisation.group.dissolved'>): Promise<RollupDelta[]> {
  const path = await regionPathOf(tx, g.regionId);
  const deltas = regionRows(path, { day: g.on, metric: Metric.Groups, key: g.kind, delta: -1 });
  if (g.kind === GroupKind.CONSORTIUM) deltas.push(...profileRows(path, g.on, g, -1));
  return deltas;
}

/** A school joined (sign 1, on = joinedOn) or left (sign -1, on = leftOn) a group. */
export async function membershipChanged(tx: RequestContext, m: DomainEvent<'organisation.membership.added' | 'organisation.membership.removed'>, sign: 1 | -1) {
  if (m.kind !== GroupKind.CONSORTIUM) return [];
  return share(tx, await schoolFactsOf(tx, m.schoolId), m.on, sign, [Metric.CoveredSchools, Metric.CoveredStudents]);
}
