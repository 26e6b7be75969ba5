import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType } from 'graphql';
import { rawAnswersGiven } from '#app/core';
import { DIRECTORY_TYPES } from '#app/organisation';
import { TestApp } from './support/test-app';

/**
 * Look-ahead reads of the directory (issue: faster than the peer): a selection the look-ahead can read is answered
 * in one statement, and exactly as the resolvers answer it. Each case asks the same data twice, once as is and once
 * with a field the look-ahead does not read (createdAt, a timestamp), which sends the whole selection to the resolvers;
 * the answers must be equal field for field, and only the first may be one statement. The first is answered raw
 * (PostgreSQL's JSON copied into the response, core's raw-answer.ts); asked again beside a second root field
 * (__typename) the same look-ahead read is walked by graphql-js: all three must be the same text, key order included.
 */
describe('look-ahead reads: one statement, the same answers', () => {
  let t: TestApp;
  let token: string;
  let county: string;
  let groupId: string;
  const withoutCreatedAt = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(withoutCreatedAt) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'createdAt').map(([k, x]) => [k, withoutCreatedAt(x)])) : v;

  beforeAll(async () => {
    t = await TestApp.start();
    token = (await t.user('TEACHER')).token;
    const city = await t.region({ level: 'CITY', name: '随州市' });
    county = (await t.region({ parentId: city.id, name: '随县' })).id;
    const other = (await t.region({ parentId: city.id, name: '广水市' })).id;
    const lead = await t.school(county, { name: '随县第一中学', stage: 'JUNIOR' });
    groupId = (await t.group(county, lead.id, { name: '随县第一中学教联体', mode: 'CO_BUILT' })).id;
    const names = ['殷店镇中心小学', '草店镇中心小学', '尚市镇中心小学', '万和镇中心小学', '柳林镇中心小学'];
    for (const [i, name] of names.entries()) {
      const s = await t.school(i % 2 ? other : county, { name, locale: 'RURAL' });
      await t.member(groupId, s.id, `2024-0${1 + (i % 3)}-01`); // equal dates: the order must still be the same
    }
    const [left] = await t.sql(`SELECT s.id FROM school s WHERE s.name = '万和镇中心小学'`);
    await t.sql(`UPDATE group_membership SET left_on = '2025-07-01' WHERE school_id = $1`, [left.id]);
    const alliance = await t.group(county, lead.id, { kind: 'ALLIANCE', name: '随县学校联盟' });
    await t.member(alliance.id, left.id, '2025-09-01');
    await t.gql(`{ me { id } }`, {}, token); // the principal is cached from here on
  });
  afterAll(async () => {
    await t?.stop();
  });

  const both = async (query: string, variables: Record<string, unknown>, fallbackQuery: string) => {
    const before = rawAnswersGiven();
    const ahead = await t.gql(query, variables, token);
    expect(rawAnswersGiven()).toBe(before + 1);
    const walked = await t.gql(query.replace('{', '{ __typename '), variables, token);
    const resolved = await t.gql(fallbackQuery, variables, token);
    expect(rawAnswersGiven()).toBe(before + 1);
    expect(ahead.errors).toBeUndefined();
    expect(walked.errors).toBeUndefined();
    expect(resolved.errors).toBeUndefined();
    expect(ahead.data).toEqual(withoutCreatedAt(resolved.data));
    const { __typename, ...walkedData } = walked.data;
    expect(__typename).toBe('Query');
    expect(JSON.stringify(ahead.data)).toBe(JSON.stringify(walkedData));
    expect(JSON.stringify(ahead.data)).toBe(JSON.stringify(withoutCreatedAt(resolved.data)));
    expect(walked.extensions!.sqlStatements).toBe(ahead.extensions!.sqlStatements);
    return { ahead, resolved };
  };

  it('reads a group with its members, their schools, regions and parents in one statement, as the resolvers do', async () => {
    const q = (extra: string) => `query($id: ID!) { schoolGroup(id: $id) { id name kind mode level foundedOn status crossRegion mentorCapacity ${extra}
      leadSchool { name stage } region { name level parent { name } }
      members { role pairing joinedOn leftOn school { name locale studentCount campusOf { name } region { name parent { name } } } } } }`;
    const { ahead, resolved } = await both(q(''), { id: groupId }, q('createdAt'));
    expect(ahead.extensions!.sqlStatements).toBe(1);
    expect(resolved.extensions!.sqlStatements).toBeGreaterThan(1);
    const names = ahead.data.schoolGroup.members.map((m: any) => m.school.name);
    expect(names[0]).toBe('随县第一中学'); // the lead first, then by the day they joined
    expect(names.slice(1, 2)).toEqual(['殷店镇中心小学']);
    expect(names.at(-1)).toBe('尚市镇中心小学');
    const former = (extra: string) => `query($id: ID!, $f: Boolean) { schoolGroup(id: $id) { members(includeFormer: $f) { role leftOn school { name } } ${extra} } }`;
    for (const f of [true, false]) expect((await both(former(''), { id: groupId, f }, former('createdAt'))).ahead.data.schoolGroup.members).toHaveLength(f ? 6 : 5);
    // an alias of the same field with other arguments is not read ahead: the resolvers answer it, correctly
    const aliased = await t.ok(`query($id: ID!) { schoolGroup(id: $id) { now: members { role } all: members(includeFormer: true) { role leftOn } } }`, { id: groupId }, token);
    expect([aliased.schoolGroup.now.length, aliased.schoolGroup.all.length]).toEqual([5, 6]);
  });

  it('reads a page of schools with their memberships and groups in one statement, and pages on with the same cursors', async () => {
    const q = (extra: string) => `query($r: ID, $after: String) { schools(first: 3, after: $after, filter: { regionId: $r }) { pageInfo { hasNextPage endCursor } edges { cursor node { id name stage locale teacherCount campusOfId ${extra}
      region { name } memberships { role pairing joinedOn group { name kind mode leadSchool { name } } } } } } }`;
    const first = await both(q(''), { r: null }, q('createdAt'));
    expect(first.ahead.extensions!.sqlStatements).toBe(1); // no totalCount asked: the page alone
    expect(first.ahead.data.schools.pageInfo.hasNextPage).toBe(true);
    const after = first.ahead.data.schools.pageInfo.endCursor;
    const second = await both(q(''), { r: null, after }, q('createdAt'));
    expect(second.ahead.data.schools.edges[0].node.name).not.toBe(first.ahead.data.schools.edges[0].node.name);
    // within a region subtree (the filter joins region): the same rows either way, the count when asked
    const counted = `query($r: ID) { schools(first: 50, filter: { regionId: $r }) { totalCount edges { node { name memberships { group { name } } X } } } }`;
    const inCounty = await both(counted.replace(' X', ''), { r: county }, counted.replace('X', 'createdAt'));
    expect(inCounty.ahead.data.schools.totalCount).toBe(inCounty.ahead.data.schools.edges.length);
    expect(inCounty.ahead.extensions!.sqlStatements).toBe(2);
  });

  it('reads fragments and __typename ahead, and leaves @include and @skip to the resolvers', async () => {
    const fragments = `query($id: ID!) { schoolGroup(id: $id) { __typename ...G members { ... on GroupMembership { role school { ...S } } } X } }
      fragment G on SchoolGroup { name region { __typename name } }
      fragment S on School { name region { name } }`;
    const f = await both(fragments.replace(' X', ''), { id: groupId }, fragments.replace('X', 'createdAt'));
    expect(f.ahead.extensions!.sqlStatements).toBe(1);
    expect(f.ahead.data.schoolGroup.__typename).toBe('SchoolGroup');
    const directive = `query($id: ID!, $yes: Boolean!) { schoolGroup(id: $id) { name members @include(if: $yes) { role school { name } } } }`;
    for (const yes of [true, false]) {
      const r = await t.gql(directive, { id: groupId, yes }, token);
      expect(r.errors).toBeUndefined();
      expect(r.data.schoolGroup.members === undefined).toBe(!yes);
      if (yes) expect(r.data.schoolGroup.members).toHaveLength(5);
    }
    // an unknown id is null either way
    expect((await t.ok(`query($id: ID!) { schoolGroup(id: $id) { name members { role } } }`, { id: '00000000-0000-4000-8000-000000000000' }, token)).schoolGroup).toBeNull();
  });

  it('reads a page of groups (schoolGroups) ahead, as the resolvers do', async () => {
    const q = `query($r: ID) { schoolGroups(first: 10, filter: { regionId: $r }) { totalCount edges { node { name kind mode leadSchool { name } members { role pairing school { name } } X } } } }`;
    const r = await both(q.replace(' X', ''), { r: county }, q.replace('X', 'createdAt'));
    expect(r.ahead.data.schoolGroups.totalCount).toBe(2);
    expect(r.ahead.extensions!.sqlStatements).toBe(2);
  });

  it('answers raw with aliases and __typename at every level, and leaves errors and mixed selections to graphql-js', async () => {
    const q = (extra: string) => `query($r: ID) { list: schools(first: 4, filter: { regionId: $r }) { __typename total: totalCount more: pageInfo { __typename next: hasNextPage endCursor }
      edges { __typename cursor n: node { __typename nm: name name stage ${extra} place: region { __typename name } groups: memberships { role group { name } } } } } }`;
    const r = await both(q(''), { r: county }, q('createdAt'));
    expect(r.ahead.data.list.__typename).toBe('SchoolConnection');
    expect(r.ahead.data.list.edges[0].__typename).toBe('SchoolEdge');
    expect(r.ahead.data.list.edges[0].n).toMatchObject({ __typename: 'School', place: { __typename: 'Region', name: '随县' } });
    expect(r.ahead.data.list.edges[0].n.nm).toBe(r.ahead.data.list.edges[0].n.name);
    // edges asking for their node only: PostgreSQL writes the whole page in one row; its end cursor pages on
    const paged = (extra: string) => `query($after: String, $s: String) { schools(first: 2, after: $after, filter: { search: $s }) { pageInfo { hasNextPage endCursor } edges { __typename node { name ${extra} } } } }`;
    const names: string[] = [];
    for (let after: string | null = null, pages = 0; pages < 20; pages++) {
      const page: any = (await both(paged(''), { after, s: null }, paged('createdAt'))).ahead.data.schools;
      names.push(...page.edges.map((e: any) => e.node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const all = (await t.ok(`{ schools(first: 100) { edges { cursor node { name } } } }`, {}, token)).schools.edges.map((e: any) => e.node.name);
    expect(names).toEqual(all);
    expect(all.length).toBeGreaterThan(4);
    const none = (await both(paged(''), { after: null, s: '没有这所学校' }, paged('createdAt'))).ahead.data.schools;
    expect(none).toEqual({ pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    // two aliases of edges would each be written from the same node: graphql-js answers that one
    const before = rawAnswersGiven();
    const twice = await t.ok(`{ schools(first: 2) { a: edges { node { name } } b: edges { node { id } } } }`, {}, token);
    expect(twice.schools.a.map((e: any) => Object.keys(e.node))).toEqual([['name'], ['name']]);
    expect(twice.schools.b.map((e: any) => Object.keys(e.node))).toEqual([['id'], ['id']]);
    // a refused argument, and no sign-in: the same errors as graphql-js gives, from graphql-js
    const tooMany = await t.gql(`{ schools(first: 500) { edges { node { name } } } }`, {}, token);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.data).toBeNull();
    const anonymous = await t.gql(`{ schools(first: 2) { edges { node { name } } } }`, {});
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(rawAnswersGiven()).toBe(before);
    // the response is JSON as Apollo writes it, with the statements counted
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: `{ schools(first: 2) { edges { node { name } } } }` }) });
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await res.text();
    expect(text).toMatch(/^\{"data":\{"schools":\{"edges":\[\{"node":\{"name":"[^"]+"\}\},\{"node":\{"name":"[^"]+"\}\}\]\}\},"extensions":\{"sqlStatements":1\}\}\n$/);
    expect(rawAnswersGiven()).toBe(before + 1);
  });

  it('reads ahead only fields the schema answers from the row: its columns have no resolver, its relations have one', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    for (const spec of Object.values(DIRECTORY_TYPES)) {
      const type = schema.getType(spec.graphqlType);
      if (!isObjectType(type)) throw new Error(`${spec.graphqlType} is not an object type`);
      const fields = type.getFields();
      // A column read ahead must be answered as the row's property: Nest gives such a @Field its property resolver
      // (`root[field.name]`). A field someone gives a resolver (e.g. one that computes a value as of a date) must
      // leave the look-ahead, or the two paths would answer differently.
      const property = (name: string) => String(fields[name]?.resolve).includes('root[field.name]');
      for (const name of Object.keys(spec.columns)) expect([spec.graphqlType, name, property(name)]).toEqual([spec.graphqlType, name, true]);
      // a relation is answered by its resolver, wrapped to answer a value read ahead first
      for (const name of Object.keys(spec.relations)) expect([spec.graphqlType, name, String(fields[name]?.resolve).includes('source[key]')]).toEqual([spec.graphqlType, name, true]);
    }
  });
});
