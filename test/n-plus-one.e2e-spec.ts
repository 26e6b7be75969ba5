import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApp } from './support/test-app';

describe('no N+1: nested fields are batched per request', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await TestApp.start();
    token = (await t.user()).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function groupWith(members: number) {
    const province = await t.region({ level: 'PROVINCE' });
    const counties = [await t.region({ parentId: province.id }), await t.region({ parentId: province.id })];
    const lead = await t.school(counties[0].id);
    const g = await t.group(province.id, lead.id, { kind: 'EDUCATION_GROUP' });
    for (let i = 0; i < members - 1; i++) await t.member(g.id, (await t.school(counties[i % 2].id)).id);
    return g.id;
  }

  const QUERY = `query($id: ID!) { schoolGroup(id: $id) { name leadSchool { name } members { role pairing school { name region { name parent { name } } } } } }`;

  it('runs the same small number of SQL statements for 5 and for 50 members', async () => {
    const small = await t.gql(QUERY, { id: await groupWith(5) }, token);
    const large = await t.gql(QUERY, { id: await groupWith(50) }, token);
    expect(small.data.schoolGroup.members).toHaveLength(5);
    expect(large.data.schoolGroup.members).toHaveLength(50);
    expect(large.data.schoolGroup.members[7].school.region.parent.name).toBeTruthy();
    const [s, l] = [small.extensions!.sqlStatements, large.extensions!.sqlStatements];
    expect(s).toBeGreaterThan(0);
    expect(l).toBe(s);
    expect(l).toBeLessThanOrEqual(6);
  });
});
