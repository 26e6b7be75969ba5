import type { TestApp } from './test-app';

/**
 * A county with a consortium (lead + two member schools), an outside school, a sibling county with its own group,
 * and the users around them: teachers with accounts, managers, region and school admins.
 */
export async function consortiumWorld(t: TestApp) {
  const city = await t.region({ name: '随州市', level: 'CITY' });
  const county = await t.region({ name: '随县', level: 'COUNTY', parentId: city.id });
  const otherCounty = await t.region({ name: '广水市', level: 'COUNTY', parentId: city.id });
  const lead = await t.school(county.id, { name: '随县实验小学' });
  const member = await t.school(county.id, { name: '随县万和镇中心小学', locale: 'RURAL' });
  const member2 = await t.school(county.id, { name: '随县小林镇中心小学', locale: 'RURAL' });
  const outside = await t.school(county.id, { name: '随县草店镇中心学校' });
  const far = await t.school(otherCounty.id, { name: '广水市实验小学' });
  const group = await t.group(county.id, lead.id, { name: '随县实验小学教联体' });
  await t.member(group.id, member.id);
  await t.member(group.id, member2.id);
  const otherGroup = await t.group(otherCounty.id, far.id, { name: '广水市实验小学教育集团', kind: 'EDUCATION_GROUP' });
  const teacher = async (schoolId: string, name: string) => {
    const x = await t.teacher(schoolId, { name });
    const u = await t.user('TEACHER', null, { teacherId: x.id });
    return { id: x.id, token: u.token, userId: u.id };
  };
  return {
    city,
    county,
    lead,
    member,
    member2,
    outside,
    far,
    group,
    otherGroup,
    leader: await teacher(lead.id, '刘文静'),
    preparer: await teacher(member.id, '王海燕'),
    colleague: await teacher(member.id, '张国强'),
    reader: await teacher(member2.id, '李春梅'),
    outsider: await teacher(outside.id, '吴刚'),
    farTeacher: await teacher(far.id, '赵丽'),
    manager: await t.user('GROUP_MANAGER', group.id),
    otherManager: await t.user('GROUP_MANAGER', otherGroup.id),
    countyAdmin: await t.user('REGION_ADMIN', county.id),
    cityAdmin: await t.user('REGION_ADMIN', city.id),
    otherCountyAdmin: await t.user('REGION_ADMIN', otherCounty.id),
    member2Admin: await t.user('SCHOOL_ADMIN', member2.id),
    outsideAdmin: await t.user('SCHOOL_ADMIN', outside.id),
  };
}

export type ConsortiumWorld = Awaited<ReturnType<typeof consortiumWorld>>;
