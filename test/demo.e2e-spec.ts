import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../apps/api/src/demo/seed-demo';
import { baseGroupActivity, baseRegionCoverage } from '#app/reporting';
import { TestApp } from './support/test-app';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t?.stop();
  });

  const fingerprint = async () =>
    (await t.sql(`SELECT (SELECT md5(string_agg(id::text || name || student_count, ',' ORDER BY id)) FROM school) s,
                         (SELECT md5(string_agg(id::text || school_id || coalesce(left_on::text, ''), ',' ORDER BY id)) FROM group_membership) m,
                         (SELECT md5(string_agg(id::text || name || school_id, ',' ORDER BY id)) FROM teacher) t`))[0];

  it('loads a realistic county once, deterministically, and a second run changes nothing', async () => {
    const first = await seedDemo(t.app);
    expect(first.created).toBe(true);
    expect(first.schools).toBeGreaterThanOrEqual(100);
    expect(first.teachers).toBeGreaterThanOrEqual(900);
    const before = await fingerprint();
    expect((await seedDemo(t.app)).created).toBe(false);
    expect(await fingerprint()).toEqual(before);
  });

  it('loads the same rows on every machine: per table, the row count and an md5 of the keys in order (scripts/demo-fingerprint.ts prints them)', async () => {
    const want: Record<string, [number, string]> = {
      app_user: [7, 'c4f628bf2f9e996a524687934fbd36e9'],
      coverage_target: [3, 'b420955a0e76d4c24135d3b0d9228138'],
      group_membership: [105, 'ccf307c7bbc62e76ab114c05257fc6be'],
      lesson_plan: [20, '3361d15f22887266159dbeec2ecfc168'],
      lesson_plan_adoption: [35, 'f1d484220a76a4c7b99365ea6d3efacd'],
      lesson_plan_comment: [8, 'b2ffc276771ec99d3aac961daca31833'],
      lesson_plan_revision: [48, '64f80f485b9ad8f566c066a232812cc3'],
      lesson_prep_team: [4, 'e13b1a4926bbcbf716b0adbdccff3eff'],
      lesson_prep_team_member: [24, 'ae68a404ef6ba3e1d98cf5b81b5118d3'],
      mentoring_activity: [1916, 'e5c16091997acdecb980924eeeee87a7'],
      mentoring_evaluation: [134, 'd19d2e3689ffdc239c908f23f704b671'],
      mentoring_pair: [126, '41e3370cf7422b6c987f1991dd00fdc1'],
      region: [5, 'a57d4a49cae54aa00cbcd2ef0cf7fa0a'],
      research_attendance: [32671, '7740fb34f0ee1f474f4c7027b685cdbf'],
      research_session: [1284, '5f87008c89a316c226dfa80980753c79'],
      research_session_school: [6677, 'c9639ede16902156dc73ec2158d5fe2f'],
      role_grant: [7, 'acf04909236dfff34ff7673756456b82'],
      rotation_quota: [2, 'e199f0da4ce7214f771b4066dbbe8387'],
      school: [150, '297e9c715c4304fb8238924b5990e054'],
      school_enrolment: [1350, 'a487e7c0cfc7d9f1358a27e9e4b1cf2e'],
      school_facilities: [730, '5cb7ba4bf538f0f2d164b80179b8473b'],
      school_group: [20, 'b5dfbd1cc1ddac654526b52d52a14c71'],
      session_event: [37669, '8f27c416df85f83d6876169853a5eaa5'],
      student_activity: [603, 'd18c14154b031397b75e55a6b8fc046f'],
      student_activity_school: [1827, '550956c92d0db7d7b819ef3bc91bc37e'],
      teacher: [9118, '0c97fc764fc7703a0ae42f6de012c092'],
      teacher_assignment: [9182, '81e1d96fd348a2060c1e49d4e0a6096e'],
      teacher_exchange: [170, '37c9e171fd2afec97d92cec55104f610'],
    };
    const got: Record<string, [number, string]> = {};
    for (const table of Object.keys(want)) {
      const key: { name: string }[] = await t.sql(
        `SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
          WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
        [table],
      );
      const cols = key.map((c) => `"${c.name}"`);
      const [row] = await t.sql(`SELECT count(*)::int n, coalesce(md5(string_agg(${cols.map((c) => `${c}::text`).join(` || '|' || `)}, ',' ORDER BY ${cols.join(', ')})), '-') keys FROM "${table}"`);
      got[table] = [row.n, row.keys];
    }
    expect(got).toEqual(want);
  });

  it('models the sources: consortia of every mode, other kinds, teaching points, a county near its 70% target', async () => {
    const kinds = await t.sql(`SELECT kind, mode, count(*)::int n FROM school_group GROUP BY 1, 2 ORDER BY 1, 2`);
    for (const mode of ['FUSED', 'CO_BUILT', 'FUSED_AND_CO_BUILT']) expect(kinds.find((k) => k.kind === 'CONSORTIUM' && k.mode === mode)?.n).toBeGreaterThan(0);
    for (const kind of ['EDUCATION_GROUP', 'ALLIANCE']) expect(kinds.some((k) => k.kind === kind)).toBe(true);
    const [points] = await t.sql(`SELECT count(*)::int n FROM school WHERE stage = 'TEACHING_POINT'`);
    expect(points.n).toBeGreaterThan(0);
    const [cov] = await t.sql(`
      SELECT count(*)::int total, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM group_membership m WHERE m.school_id = s.id AND m.left_on IS NULL AND m.group_kind = 'CONSORTIUM'))::int covered
        FROM school s JOIN region r ON r.id = s.region_id WHERE r.name = '随县' AND s.stage <> 'SENIOR'`);
    expect(cov.total).toBeGreaterThanOrEqual(90);
    expect(cov.covered / cov.total).toBeGreaterThan(0.55);
    expect(cov.covered / cov.total).toBeLessThan(0.7);
    const [history] = await t.sql(`SELECT count(*)::int n FROM group_membership WHERE left_on IS NOT NULL`);
    expect(history.n).toBeGreaterThan(0);
    const [transfers] = await t.sql(`SELECT count(*)::int n FROM teacher_assignment WHERE to_date IS NOT NULL`);
    expect(transfers.n).toBeGreaterThan(0);
  });

  it('keeps every rule the API enforces', async () => {
    const [rules] = await t.sql(`SELECT
      (SELECT count(*) FROM school_group g WHERE NOT EXISTS (SELECT 1 FROM group_membership m WHERE m.group_id = g.id AND m.school_id = g.lead_school_id AND m.role = 'LEAD' AND m.left_on IS NULL))::int leads_missing,
      (SELECT count(*) FROM teacher t WHERE (SELECT count(*) FROM teacher_assignment a WHERE a.teacher_id = t.id AND a.to_date IS NULL AND a.school_id = t.school_id) <> 1)::int bad_assignments,
      (SELECT count(*) FROM group_membership m JOIN school_group g ON g.id = m.group_id JOIN school s ON s.id = m.school_id JOIN region r ON r.id = s.region_id
         WHERE g.kind <> 'ALLIANCE' AND NOT (r.path @> ARRAY[g.region_id]))::int outside_region,
      (SELECT count(*) FROM group_membership m JOIN school_group g ON g.id = m.group_id WHERE m.joined_on < g.founded_on)::int joined_early`);
    expect(rules).toEqual({ leads_missing: 0, bad_assignments: 0, outside_region: 0, joined_early: 0 });
  });

  it('gives every demo account its role, and they can sign in', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const r = await t.ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: a.email, p: DEMO_PASSWORD });
      const me = await t.ok(`{ me { email roles { role } } }`, {}, r.login.token);
      expect(me.me.roles.map((g: any) => g.role)).toContain(a.role);
    }
  });

  it('tells a story on the dashboards: sessions every month, a county near its target, figures equal to the base tables', async () => {
    const admin = await t.user('PLATFORM_ADMIN');
    const [{ id: groupId }] = await t.sql(`SELECT id FROM school_group WHERE name = '随县炎帝学校教联体'`);
    for (const [from, to] of [['2025-06-01', '2026-05-31'], ['2025-06-17', '2026-03-09'], ['2026-10-01', '2026-10-31']]) {
      const got = (
        await t.ok(
          `query($g: ID!, $f: Date!, $t: Date!) { groupActivitySummary(groupId: $g, from: $f, to: $t) { researchSessions teacherParticipations bySchool { school { id } researchSessions teacherParticipations } byMonth { month researchSessions } } }`,
          { g: groupId, f: from, t: to },
          admin.token,
        )
      ).groupActivitySummary;
      const want = await baseGroupActivity(t.db.manager, groupId, from, to);
      expect([from, got.researchSessions, got.teacherParticipations]).toEqual([from, want.sessions.reduce((a, r) => a + r.n, 0), want.checkins.reduce((a, r) => a + r.n, 0)]);
      for (const s of want.perSchool) expect(got.bySchool.find((b: any) => b.school.id === s.school_id).researchSessions).toBe(s.n);
      for (const m of got.byMonth) expect(m.researchSessions).toBe(want.sessions.filter((r) => r.month === m.month).reduce((a, r) => a + r.n, 0));
      expect(got.researchSessions).toBeGreaterThan(0);
    }
    const [{ id: county }] = await t.sql(`SELECT id FROM region WHERE name = '随县'`);
    const cov = (await t.ok(`query($r: ID!) { regionCoverage(regionId: $r, asOf: "2026-06-30") { ratio coveredSchools compulsorySchools studentsCovered } }`, { r: county }, admin.token)).regionCoverage;
    const base = await baseRegionCoverage(t.db.manager, county, '2026-06-30');
    expect(cov).toMatchObject({ coveredSchools: base.coveredSchools, compulsorySchools: base.compulsorySchools, studentsCovered: base.studentsCovered });
    expect(cov.ratio).toBeGreaterThan(0.55);
    expect(cov.ratio).toBeLessThan(0.7);
    // the targets of the story: the city's 70% (2024) and 80% (2025, carried forward), 随县's own 70% for 2026
    const [{ id: city }] = await t.sql(`SELECT id FROM region WHERE name = '随州市'`);
    const targetOf = async (r: string, asOf: string) => (await t.ok(`query($r: ID!, $a: Date) { regionCoverage(regionId: $r, asOf: $a) { target { year ratio regionId } } }`, { r, a: asOf }, admin.token)).regionCoverage.target;
    expect(await targetOf(county, '2024-12-31')).toEqual({ year: 2024, ratio: 0.7, regionId: city });
    expect(await targetOf(county, '2025-06-30')).toEqual({ year: 2025, ratio: 0.8, regionId: city });
    expect(await targetOf(county, '2026-06-30')).toEqual({ year: 2026, ratio: 0.7, regionId: county });
    expect(await targetOf(city, '2026-06-30')).toEqual({ year: 2025, ratio: 0.8, regionId: city });
  });

  it('tells 回流 as the report does, and gives the counties facility figures whose coefficients hold', async () => {
    const admin = await t.user('PLATFORM_ADMIN');
    const [{ id: city }] = await t.sql(`SELECT id FROM region WHERE name = '随州市'`);
    const r = (await t.ok(`query($r: ID!) { studentsReturned(regionId: $r, asOf: "2026-11-01") { total counties { region { name } change } schools { school { name } before now change } } }`, { r: city }, admin.token)).studentsReturned;
    const of = (name: string) => r.schools.find((x: any) => x.school.name === name);
    expect(of('随县厉山镇三河小学')).toEqual({ school: { name: '随县厉山镇三河小学' }, before: 56, now: 126, change: 70 });
    expect(of('广水市广水街道第三小学驼子校区')).toEqual({ school: { name: '广水市广水街道第三小学驼子校区' }, before: 6, now: 87, change: 81 });
    expect(of('广水市永阳学校渡蚁桥校区').change).toBe(295);
    expect(r.total).toBe(r.counties.reduce((a: number, c: any) => a + c.change, 0));
    expect(r.total).toBeGreaterThan(0);
    const [{ id: county }] = await t.sql(`SELECT id FROM region WHERE name = '随县'`);
    const report = (await t.ok(`query($r: ID!) { balanceReport(regionId: $r, year: 2026) { stages { stage indicators { key coefficient holds } schools { missing } } } }`, { r: county }, admin.token)).balanceReport;
    for (const st of report.stages) {
      for (const key of ['BUILDING_AREA', 'SPORTS_AREA', 'EQUIPMENT_VALUE', 'MULTIMEDIA_ROOMS']) expect([st.stage, key, st.indicators.find((i: any) => i.key === key).holds]).toEqual([st.stage, key, true]);
      expect(st.schools.every((p: any) => !p.missing.includes('FACILITIES'))).toBe(true);
    }
  });

  it('has mentoring pairs in every status with logs, exchanges of each kind and student activities', async () => {
    const statuses = (await t.sql(`SELECT status, count(*)::int n FROM mentoring_pair GROUP BY 1`)).map((r) => r.status).sort();
    expect(statuses).toEqual(['ACTIVE', 'COMPLETED', 'DECLINED', 'DISSOLVED', 'PROPOSED']);
    const [{ logged }] = await t.sql(`SELECT count(DISTINCT pair_id)::int logged FROM mentoring_activity`);
    expect(logged).toBeGreaterThan(20);
    const kinds = (await t.sql(`SELECT DISTINCT kind FROM teacher_exchange ORDER BY 1`)).map((r) => r.kind);
    expect(kinds).toEqual(['ROTATION', 'SUPPORT', 'TRAVELING']);
    const [{ n }] = await t.sql(`SELECT count(*)::int n FROM student_activity`);
    expect(n).toBeGreaterThan(50);
    const [cap] = await t.sql(`SELECT max(c)::int AS worst FROM (SELECT count(*) c FROM mentoring_pair WHERE status = 'ACTIVE' GROUP BY group_id, mentor_teacher_id) x`);
    expect(cap.worst).toBeLessThanOrEqual(3);
  });

  it('has collective lesson preparation: plans in every status with revisions, comments, adaptations and adoptions, found by a search', async () => {
    const statuses = (await t.sql(`SELECT DISTINCT status FROM lesson_plan WHERE kind = 'TEAM' ORDER BY 1`)).map((r) => r.status);
    expect(statuses).toEqual(['APPROVED', 'ARCHIVED', 'DRAFT', 'IN_REVIEW', 'PUBLISHED']);
    const [counts] = await t.sql(`SELECT
      (SELECT count(DISTINCT group_id) FROM lesson_prep_team)::int groups,
      (SELECT max(version) FROM lesson_plan)::int most_versions,
      (SELECT count(*) FROM lesson_plan p WHERE p.version <> (SELECT count(*) FROM lesson_plan_revision r WHERE r.plan_id = p.id))::int missing_revisions,
      (SELECT count(*) FROM lesson_plan_comment WHERE anchor IS NOT NULL)::int anchored,
      (SELECT count(*) FROM lesson_plan_comment WHERE parent_id IS NOT NULL)::int replies,
      (SELECT count(*) FROM lesson_plan_comment WHERE resolved_at IS NOT NULL)::int resolved,
      (SELECT count(*) FROM lesson_plan WHERE kind = 'TEAM' AND status = 'DRAFT' AND review_note IS NOT NULL)::int returned,
      (SELECT count(*) FROM lesson_plan a JOIN lesson_plan s ON s.id = a.source_plan_id WHERE a.kind = 'ADAPTATION')::int adaptations,
      (SELECT count(*) FROM lesson_plan a JOIN lesson_plan s ON s.id = a.source_plan_id WHERE a.kind = 'ADAPTATION' AND s.published_version > a.source_version)::int outdated,
      (SELECT count(DISTINCT school_id) FROM lesson_plan_adoption)::int adopting_schools,
      (SELECT count(*) FROM lesson_plan_adoption WHERE reflection IS NOT NULL)::int reflections`);
    expect(counts.groups).toBeGreaterThanOrEqual(2);
    expect(counts.most_versions).toBeGreaterThan(1);
    expect(counts.missing_revisions).toBe(0);
    // an anchored comment, a reply, a resolved thread, a plan returned to draft with a note, an adaptation behind its source
    for (const k of ['anchored', 'replies', 'resolved', 'returned', 'outdated']) expect({ [k]: counts[k] > 0 }).toEqual({ [k]: true });
    expect(counts.adaptations).toBeGreaterThanOrEqual(2);
    expect(counts.adopting_schools).toBeGreaterThanOrEqual(4);
    expect(counts.reflections).toBeGreaterThan(0);

    // 陈雨萱 (teacher2@) teaches at a member school of 随县炎帝学校教联体, outside its 五年级数学 team: she finds the published plan.
    const account = DEMO_ACCOUNTS.find((a) => a.email.startsWith('teacher2@'))!;
    const { login } = await t.ok(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: account.email, p: DEMO_PASSWORD });
    const found = (
      await t.ok(
        `{ lessonPlans(filter: { search: "分数的意义" }) { totalCount edges { node { title status viewerSeesDrafts content publishedVersion adoptions { school { id } } } } } }`,
        {},
        login.token,
      )
    ).lessonPlans;
    expect(found.totalCount).toBeGreaterThanOrEqual(1);
    const plan = found.edges.map((e: any) => e.node).find((n: any) => n.title === '分数的意义');
    expect(plan).toMatchObject({ status: 'PUBLISHED', viewerSeesDrafts: false });
    expect(plan.content).toContain('分数的意义');
    expect(plan.publishedVersion).toBeGreaterThan(1);
    expect(new Set(plan.adoptions.map((a: any) => a.school.id)).size).toBeGreaterThanOrEqual(4);
  });
});
