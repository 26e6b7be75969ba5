import { afterAll, beforeAll } from '@jest/globals';
import { TestApp } from './test-app';

export const SCHEDULE = `mutation($i: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $i) { id status lastSeq invitedSchools { id } } }`;

/** A consortium with a lead and a member school, an outside school, a teacher at each, and the users around them. */
export async function researchWorld(t: TestApp) {
  const county = await t.region({ name: '随县', level: 'COUNTY' });
  const lead = await t.school(county.id, { name: '随县炎帝学校' });
  const member = await t.school(county.id, { name: '随县厉山镇三河小学', locale: 'RURAL' });
  const outside = await t.school(county.id, { name: '随县草店镇中心学校' });
  const group = await t.group(county.id, lead.id, { name: '随县炎帝学校教联体' });
  await t.member(group.id, member.id);
  const leadTeacher = await t.teacher(lead.id, { name: '周文华' });
  const memberTeacher = await t.teacher(member.id, { name: '陈雨萱' });
  const outsideTeacher = await t.teacher(outside.id, { name: '吴刚' });
  return {
    county,
    lead,
    member,
    outside,
    group,
    leadTeacher,
    memberTeacher,
    outsideTeacher,
    manager: await t.user('GROUP_MANAGER', group.id),
    hostAdmin: await t.user('SCHOOL_ADMIN', lead.id),
    outsideAdmin: await t.user('SCHOOL_ADMIN', outside.id),
    leadUser: await t.user('TEACHER', null, { teacherId: leadTeacher.id }),
    memberUser: await t.user('TEACHER', null, { teacherId: memberTeacher.id }),
    outsideUser: await t.user('TEACHER', null, { teacherId: outsideTeacher.id }),
  };
}

export const sessionInput = (w: Awaited<ReturnType<typeof researchWorld>>, over: Record<string, unknown> = {}) => ({
  groupId: w.group.id,
  hostSchoolId: w.lead.id,
  title: '三年级数学“分数的意义”联合教研',
  topic: '分数的意义 · 同课异构',
  type: 'JOINT_RESEARCH',
  mode: 'HYBRID',
  startsAt: '2026-12-01T01:00:00.000Z',
  endsAt: '2026-12-01T03:00:00.000Z',
  invitedSchoolIds: [w.member.id],
  agenda: [{ title: '说课', durationMinutes: 20, speaker: '周文华' }, { title: '观课' }, { title: '评课议课' }],
  ...over,
});


export type ResearchWorld = Awaited<ReturnType<typeof researchWorld>>;

/** A server on a fresh database with the research world, for one describe block: read `t` and `w` inside tests. */
export function useResearchWorld(env: Record<string, string> = {}): { t: TestApp; w: ResearchWorld } {
  const f = {} as { t: TestApp; w: ResearchWorld };
  beforeAll(async () => {
    f.t = await TestApp.start(env);
    f.w = await researchWorld(f.t);
  });
  afterAll(async () => {
    await f.t?.stop();
  });
  return f;
}
