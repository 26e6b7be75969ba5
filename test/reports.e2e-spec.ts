import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RequestContext, todayInChina } from '../libs/core/src';
import {
  baseGroupActivity,
  baseRegionActivity,
  baseRegionCoverage,
  BREAKDOWN_FIGURES,
  COVERAGE_FIGURES,
  FIGURES,
  GROUP_COUNTERS,
  Metric,
  rebuildRollups,
  REGION_FIGURES,
  ReportsService,
  RollupService,
} from '../libs/reporting/src';
import { codeOf, TestApp } from './support/test-app';

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const daysAgo = (n: number) => new Date(Date.now() - n * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);

const GROUP_Q = `query($g: ID!, $f: Date!, $t: Date!) { groupActivitySummary(groupId: $g, from: $f, to: $t) {
  researchSessions teacherParticipations researchSessionsByType { key count } mentoringPairsActive mentoringPairsFormed mentoringPairsCompleted
  lessonPlansPublished lessonPlanAdoptions
  bySchool { school { id } researchSessions teacherParticipations lessonPlansPublished lessonPlanAdoptions } byMonth { month researchSessions teacherParticipations mentoringPairsActive } } }`;
const COVERAGE_Q = `query($r: ID!, $a: Date) { regionCoverage(regionId: $r, asOf: $a) {
  asOf compulsorySchools coveredSchools ratio compulsoryStudents studentsCovered consortia consortiaByMode { key count } consortiaByLevel { key count }
  target { year ratio regionId } gap uncoveredSchools(first: 100) { totalCount edges { node { id } } } } }`;
const REGION_Q = `query($r: ID!, $f: Date!, $t: Date!) { regionActivitySummary(regionId: $r, from: $f, to: $t) {
  groups groupsByKind { key count } researchSessions researchSessionsByType { key count } teacherParticipations lessonPrepTeams lessonPlansPublished lessonPlanAdoptions } }`;

describe('reports: exact counters from rollups', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await TestApp.start();
    admin = (await t.user('PLATFORM_ADMIN')).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("exposes the metric registry's figures, and only those, as the counts of each report type, with their labels", async () => {
    const counts = async (type: string) =>
      (await t.ok(`query($n: String!) { __type(name: $n) { fields { name type { ofType { name } } } } }`, { n: type }, admin)).__type.fields
        .filter((f: any) => f.type.ofType?.name === 'Int')
        .map((f: any) => f.name)
        .sort();
    const fields = (figures: readonly { field: string }[]) => figures.map((f) => f.field).sort();
    for (const type of ['GroupActivitySummary', 'SchoolActivityCount', 'MonthActivityCount']) expect([type, await counts(type)]).toEqual([type, fields(GROUP_COUNTERS)]);
    expect(await counts('RegionActivitySummary')).toEqual(fields(REGION_FIGURES));
    expect(await counts('RegionCoverage')).toEqual(fields(COVERAGE_FIGURES));
    expect(await counts('RegionBreakdownRow')).toEqual(fields([...COVERAGE_FIGURES, ...BREAKDOWN_FIGURES]));
    const labels = (await t.ok(`{ labels { enum value zh en } }`)).labels.filter((l: any) => l.enum === 'ReportFigure');
    expect(labels).toEqual(FIGURES.map((f) => ({ enum: 'ReportFigure', value: f.field, zh: f.zh, en: f.en })));
  });

  it('agrees with counts recomputed from the base tables after a random sequence of operations', async () => {
    const seed = Number(process.env.PROPERTY_SEED ?? 20261125);
    const rnd = prng(seed);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
    const province = await t.region({ name: '测试省', level: 'PROVINCE' });
    const city = await t.region({ name: '测试市', level: 'CITY', parentId: province.id });
    const counties = [await t.region({ name: '甲县', level: 'COUNTY', parentId: city.id }), await t.region({ name: '乙县', level: 'COUNTY', parentId: city.id })];
    const schools: { id: string; region: string }[] = [];
    const createSchool = async (region: string, stage = pick(['PRIMARY', 'JUNIOR', 'NINE_YEAR', 'TEACHING_POINT', 'SENIOR'])) => {
      const r = await t.ok(`mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }`, { i: { name: `学校${schools.length}`, regionId: region, stage, locale: pick(['URBAN', 'TOWNSHIP', 'RURAL']), studentCount: 20 + Math.floor(rnd() * 2000), teacherCount: 10 } }, admin);
      schools.push({ id: r.createSchool.id, region });
      // a few teachers with accounts, so that check-ins happen
      const teacher = await t.teacher(r.createSchool.id);
      const user = await t.user('TEACHER', null, { teacherId: teacher.id });
      teachers.push({ school: r.createSchool.id, token: user.token, id: teacher.id });
    };
    const teachers: { school: string; token: string; id: string }[] = [];
    const groups: { id: string; region: string; founded: string }[] = [];
    const sessions: { id: string; status: string; group: string }[] = [];
    for (let i = 0; i < 14; i++) await createSchool(counties[i % 2].id, i < 4 ? 'PRIMARY' : undefined);
    const createGroup = async () => {
      const region = pick([counties[0].id, counties[1].id, city.id]);
      const lead = pick(schools.filter((s) => region === city.id || s.region === region));
      const kind = rnd() < 0.7 ? 'CONSORTIUM' : pick(['EDUCATION_GROUP', 'ALLIANCE']);
      const founded = daysAgo(200 + Math.floor(rnd() * 500));
      const r = await t.gql(`mutation($i: CreateSchoolGroupInput!) { createSchoolGroup(input: $i) { id } }`, {
        i: { name: `共同体${groups.length}`, kind, regionId: region, leadSchoolId: lead.id, foundedOn: founded, ...(kind === 'CONSORTIUM' ? { mode: pick(['FUSED', 'CO_BUILT', 'FUSED_AND_CO_BUILT']), ...(rnd() < 0.5 ? { level: pick(['PROVINCIAL_PILOT', 'MUNICIPAL_PILOT']) } : {}) } : {}) },
      }, admin);
      if (!r.errors) groups.push({ id: r.data.createSchoolGroup.id, region, founded });
    };
    for (let i = 0; i < 4; i++) await createGroup();

    const ops: Record<string, () => Promise<unknown>> = {
      createSchool: () => createSchool(pick(counties).id),
      createGroup,
      join: async () => {
        const g = pick(groups);
        const joined = daysAgo(Math.floor(rnd() * 180));
        return t.gql(`mutation($i: AddGroupMemberInput!) { addGroupMember(input: $i) { id } }`, { i: { groupId: g.id, schoolId: pick(schools).id, pairing: 'STRONG_WEAK', joinedOn: joined } }, admin);
      },
      leave: async () => {
        const rows = await t.sql(`SELECT group_id, school_id, joined_on FROM group_membership WHERE left_on IS NULL AND role = 'MEMBER'`);
        if (!rows.length) return;
        const m = pick(rows);
        const earliest = Math.max(0, Math.floor((Date.now() - Date.parse(m.joined_on)) / 86400_000) - 1);
        return t.gql(`mutation($g: ID!, $s: ID!, $on: Date) { removeGroupMember(groupId: $g, schoolId: $s, leftOn: $on) { id } }`, { g: m.group_id, s: m.school_id, on: daysAgo(Math.floor(rnd() * earliest)) }, admin);
      },
      students: () => t.gql(`mutation($id: ID!, $n: Int!) { updateSchool(id: $id, input: { studentCount: $n }) { id } }`, { id: pick(schools).id, n: Math.floor(rnd() * 3000) }, admin),
      stage: () => t.gql(`mutation($id: ID!, $s: SchoolStage!) { updateSchool(id: $id, input: { stage: $s }) { id } }`, { id: pick(schools).id, s: pick(['PRIMARY', 'SENIOR', 'JUNIOR']) }, admin),
      move: () => t.gql(`mutation($id: ID!, $r: ID!) { updateSchool(id: $id, input: { regionId: $r }) { id } }`, { id: pick(schools).id, r: pick(counties).id }, admin),
      schedule: async () => {
        const g = pick(groups);
        const members = await t.sql(`SELECT school_id FROM group_membership WHERE group_id = $1 AND left_on IS NULL`, [g.id]);
        const host = pick(members).school_id;
        const r = await t.gql(`mutation($i: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $i) { id } }`, {
          i: { groupId: g.id, hostSchoolId: host, title: '联合教研', type: pick(['JOINT_RESEARCH', 'COLLECTIVE_PREP', 'DEMO_LESSON', 'LECTURE']), mode: 'ONSITE', startsAt: '2026-12-01T01:00:00Z', endsAt: '2026-12-01T03:00:00Z', invitedSchoolIds: members.map((m: any) => m.school_id) },
        }, admin);
        if (!r.errors) sessions.push({ id: r.data.scheduleResearchSession.id, status: 'SCHEDULED', group: g.id });
      },
      start: async () => {
        const s = sessions.filter((x) => x.status === 'SCHEDULED');
        if (!s.length) return;
        const x = pick(s);
        await t.ok(`mutation($id: ID!) { startResearchSession(id: $id) { id } }`, { id: x.id }, admin);
        x.status = 'LIVE';
      },
      checkIn: async () => {
        const s = sessions.filter((x) => x.status === 'LIVE');
        if (!s.length) return;
        const x = pick(s);
        const invited = new Set((await t.sql(`SELECT school_id FROM research_session_school WHERE session_id = $1`, [x.id])).map((r) => r.school_id));
        const candidates = rnd() < 0.9 ? teachers.filter((c) => invited.has(c.school)) : teachers; // now and then an uninvited one (refused)
        if (!candidates.length) return;
        return t.gql(`mutation($id: ID!) { checkInResearchSession(sessionId: $id) { checkedInAt } }`, { id: x.id }, pick(candidates).token);
      },
      end: async () => {
        const s = sessions.filter((x) => x.status === 'LIVE');
        if (!s.length) return;
        const x = pick(s);
        await t.ok(`mutation($id: ID!) { endResearchSession(id: $id) { id } }`, { id: x.id }, admin);
        x.status = 'ENDED';
      },
      cancel: async () => {
        const s = sessions.filter((x) => x.status === 'SCHEDULED' || x.status === 'LIVE');
        if (!s.length) return;
        const x = pick(s);
        await t.ok(`mutation($id: ID!, $r: String!) { cancelResearchSession(id: $id, reason: $r) { id } }`, { id: x.id, r: '改期' }, admin);
        x.status = 'CANCELLED';
      },
    };
    Object.assign(ops, {
      pair: async () => {
        // a group with at least two teachers with accounts; most groups start with their lead school only
        const options: [{ id: string }, Awaited<ReturnType<typeof inGroup>>][] = [];
        for (const g of groups) {
          const c = await inGroup(g.id);
          if (c.length >= 2) options.push([g, c]);
        }
        if (!options.length) return;
        const [g, candidates] = pick(options);
        const mentor = pick(candidates);
        const apprentice = pick(candidates.filter((x) => x !== mentor));
        const r = await t.gql(`mutation($i: RequestMentorshipInput!) { requestMentorship(input: $i) { id } }`, { i: { groupId: g.id, mentorTeacherId: mentor.id, apprenticeTeacherId: apprentice.id, subject: '数学' } }, admin);
        if (!r.errors) await t.gql(`mutation($id: ID!) { respondToMentorship(pairId: $id, accept: true) { id } }`, { id: r.data.requestMentorship.id }, mentor.token);
      },
      endPair: async () => {
        const rows = await t.sql(`SELECT id FROM mentoring_pair WHERE status = 'ACTIVE'`);
        if (!rows.length) return;
        const id = pick(rows).id;
        if (rnd() < 0.5) return t.gql(`mutation($id: ID!) { completeMentoringPair(pairId: $id, evaluation: "合格") { id } }`, { id }, admin);
        return t.gql(`mutation($id: ID!) { dissolveMentoringPair(pairId: $id, reason: "调动") { id } }`, { id }, admin);
      },
    });
    // lesson preparation: teams, plans taken through review to publication, adoptions (同上课)
    const inGroup = async (groupId: string) => {
      const ids = new Set((await t.sql(`SELECT school_id FROM group_membership WHERE group_id = $1 AND left_on IS NULL`, [groupId])).map((r) => r.school_id));
      return teachers.filter((x) => ids.has(x.school));
    };
    Object.assign(ops, {
      team: async () => {
        const g = pick(groups);
        const candidates = await inGroup(g.id);
        if (!candidates.length) return;
        const leader = pick(candidates);
        await t.gql(`mutation($i: CreateLessonPrepTeamInput!) { createLessonPrepTeam(input: $i) { id } }`, { i: { groupId: g.id, name: '数学组', subject: '数学', grade: '五年级', leaderTeacherId: leader.id, memberTeacherIds: [] } }, admin);
      },
      publishPlan: async () => {
        const rows = await t.sql(`SELECT t.id, t.leader_teacher_id FROM lesson_prep_team t`);
        if (!rows.length) return;
        const team = pick(rows);
        const leader = teachers.find((x) => x.id === team.leader_teacher_id)!;
        const r = await t.ok(`mutation($i: CreateLessonPlanInput!) { createLessonPlan(input: $i) { id } }`, { i: { teamId: team.id, title: '分数的意义', content: '一、导入' } }, leader.token);
        const id = r.createLessonPlan.id;
        await t.ok(`mutation($id: ID!) { submitLessonPlanForReview(id: $id) { id } }`, { id }, leader.token);
        if (rnd() < 0.2) return; // left in review
        await t.ok(`mutation($id: ID!) { reviewLessonPlan(id: $id, approve: true) { id } }`, { id }, leader.token);
        await t.ok(`mutation($id: ID!) { publishLessonPlan(id: $id) { id } }`, { id }, leader.token);
      },
      adopt: async () => {
        const rows = await t.sql(`SELECT id, group_id FROM lesson_plan WHERE published_version IS NOT NULL`);
        if (!rows.length) return;
        const plan = pick(rows);
        const candidates = await inGroup(plan.group_id);
        if (!candidates.length) return;
        const teacher = pick(candidates);
        return t.gql(`mutation($i: RecordAdoptionInput!) { recordLessonPlanAdoption(input: $i) { id } }`, { i: { planId: plan.id, schoolId: teacher.school, teacherId: teacher.id, taughtOn: todayInChina(), className: `${Math.floor(rnd() * 6) + 1}班` } }, teacher.token);
      },
    });
    const weights: [string, number][] = [['team', 2], ['publishPlan', 3], ['adopt', 4], ['pair', 6], ['endPair', 2], ['createSchool', 1], ['createGroup', 1], ['join', 6], ['leave', 3], ['students', 2], ['stage', 1], ['move', 1], ['schedule', 4], ['start', 4], ['checkIn', 8], ['end', 3], ['cancel', 1]];
    const bag = weights.flatMap(([op, w]) => Array(w).fill(op));
    const done: string[] = [];
    for (let i = 0; i < 240; i++) {
      const op = pick(bag);
      await ops[op]();
      done.push(op);
    }

    const today = todayInChina();
    const dates = [daysAgo(400), daysAgo(150), daysAgo(60), daysAgo(7), today];
    for (const region of [province.id, city.id, ...counties.map((c) => c.id)]) {
      for (const asOf of dates) {
        const got = (await t.ok(COVERAGE_Q, { r: region, a: asOf }, admin)).regionCoverage;
        const want = await baseRegionCoverage(t.db.manager, region, asOf);
        const ctx = `seed ${seed}, region ${region}, asOf ${asOf}, ops ${done.join(',')}`;
        expect([ctx, got.compulsorySchools, got.coveredSchools, got.compulsoryStudents, got.studentsCovered, got.consortia]).toEqual([
          ctx,
          want.compulsorySchools,
          want.coveredSchools,
          want.compulsoryStudents,
          want.studentsCovered,
          want.consortia,
        ]);
        expect(got.uncoveredSchools.totalCount).toBe(want.compulsorySchools - want.coveredSchools);
        const byMode = Object.fromEntries(got.consortiaByMode.map((m: any) => [m.key, m.count]));
        for (const row of want.consortiaRows) expect(byMode[row.mode]).toBe(want.consortiaRows.filter((r: any) => r.mode === row.mode).reduce((a: number, r: any) => a + r.n, 0));
      }
      for (const [from, to] of [[daysAgo(30), today], [today, today], [daysAgo(400), daysAgo(1)]]) {
        const got = (await t.ok(REGION_Q, { r: region, f: from, t: to }, admin)).regionActivitySummary;
        const want = await baseRegionActivity(t.db.manager, region, from, to);
        expect([region, from, to, got.researchSessions, got.teacherParticipations, got.groups]).toEqual([region, from, to, want.researchSessions, want.teacherParticipations, want.groups]);
        const [lessons] = await t.sql(
          `SELECT (SELECT count(*) FROM lesson_prep_team x JOIN school_group g ON g.id = x.group_id JOIN region r ON r.id = g.region_id
                    WHERE $1 = ANY(r.path) AND ((x.created_at AT TIME ZONE 'UTC') + interval '8 hours')::date <= $3)::int AS teams,
                  (SELECT count(*) FROM lesson_plan x JOIN school_group g ON g.id = x.group_id JOIN region r ON r.id = g.region_id
                    WHERE $1 = ANY(r.path) AND x.kind = 'TEAM' AND ((x.first_published_at AT TIME ZONE 'UTC') + interval '8 hours')::date BETWEEN $2 AND $3)::int AS published,
                  (SELECT count(*) FROM lesson_plan_adoption x JOIN school_group g ON g.id = x.group_id JOIN region r ON r.id = g.region_id
                    WHERE $1 = ANY(r.path) AND x.taught_on BETWEEN $2 AND $3)::int AS adopted`,
          [region, from, to],
        );
        expect([region, from, to, got.lessonPrepTeams, got.lessonPlansPublished, got.lessonPlanAdoptions]).toEqual([region, from, to, lessons.teams, lessons.published, lessons.adopted]);
      }
    }
    const monthStart = (d: string) => d.slice(0, 8) + '01';
    const lastMonthEnd = daysAgo(Number(today.slice(8, 10)));
    for (const g of groups) {
      for (const [from, to] of [[daysAgo(30), today], [daysAgo(400), daysAgo(1)], [monthStart(daysAgo(100)), today], [monthStart(daysAgo(70)), lastMonthEnd], [monthStart(today), today]]) {
        const got = (await t.ok(GROUP_Q, { g: g.id, f: from, t: to }, admin)).groupActivitySummary;
        const want = await baseGroupActivity(t.db.manager, g.id, from, to);
        expect(got.researchSessions).toBe(want.sessions.reduce((a, r) => a + r.n, 0));
        const [pairs] = await t.sql(
          `SELECT count(*) FILTER (WHERE activated_on BETWEEN $2 AND $3)::int formed, count(*) FILTER (WHERE status = 'COMPLETED' AND ended_on BETWEEN $2 AND $3)::int completed,
                  count(*) FILTER (WHERE activated_on <= $3 AND (ended_on IS NULL OR ended_on > $3))::int active FROM mentoring_pair WHERE group_id = $1`,
          [g.id, from, to],
        );
        expect([got.mentoringPairsFormed, got.mentoringPairsCompleted, got.mentoringPairsActive]).toEqual([pairs.formed, pairs.completed, pairs.active]);
        // a stock per month: pairs active on each month's last day within the period
        const monthly = await t.sql(
          `SELECT m.month, count(p.id)::int AS active FROM unnest($2::text[]) AS m(month)
             LEFT JOIN mentoring_pair p ON p.group_id = $1
                  AND p.activated_on <= least((to_date(m.month, 'YYYY-MM') + interval '1 month - 1 day')::date, $3::date)
                  AND (p.ended_on IS NULL OR p.ended_on > least((to_date(m.month, 'YYYY-MM') + interval '1 month - 1 day')::date, $3::date))
            GROUP BY 1 ORDER BY 1`,
          [g.id, got.byMonth.map((m: any) => m.month), to],
        );
        expect(got.byMonth.map((m: any) => [m.month, m.mentoringPairsActive])).toEqual(monthly.map((m) => [m.month, m.active]));
        expect(got.teacherParticipations).toBe(want.checkins.reduce((a, r) => a + r.n, 0));
        const lessonRows = await t.sql(
          `SELECT school_id, 'published' AS what, count(*)::int AS n FROM lesson_plan
            WHERE group_id = $1 AND kind = 'TEAM' AND ((first_published_at AT TIME ZONE 'UTC') + interval '8 hours')::date BETWEEN $2 AND $3 GROUP BY 1
           UNION ALL SELECT school_id, 'adopted', count(*)::int FROM lesson_plan_adoption WHERE group_id = $1 AND taught_on BETWEEN $2 AND $3 GROUP BY 1`,
          [g.id, from, to],
        );
        const total = (what: string, school?: string) => lessonRows.filter((r) => r.what === what && (!school || r.school_id === school)).reduce((a, r) => a + r.n, 0);
        expect([got.lessonPlansPublished, got.lessonPlanAdoptions]).toEqual([total('published'), total('adopted')]);
        for (const r of lessonRows) {
          const row = got.bySchool.find((b: any) => b.school.id === r.school_id);
          if (row) expect([r.school_id, row.lessonPlansPublished, row.lessonPlanAdoptions]).toEqual([r.school_id, total('published', r.school_id), total('adopted', r.school_id)]);
        }
        for (const type of new Set(want.sessions.map((r) => r.type))) {
          expect(got.researchSessionsByType.find((x: any) => x.key === type)?.count).toBe(want.sessions.filter((r) => r.type === type).reduce((a, r) => a + r.n, 0));
        }
        for (const s of want.perSchool) expect(got.bySchool.find((b: any) => b.school.id === s.school_id)?.researchSessions).toBe(s.n);
        for (const c of want.checkins) {
          const row = got.bySchool.find((b: any) => b.school.id === c.school_id);
          if (row) expect(row.teacherParticipations).toBe(want.checkins.filter((x) => x.school_id === c.school_id).reduce((a, r) => a + r.n, 0));
          expect(got.byMonth.find((m: any) => m.month === c.month).teacherParticipations).toBe(want.checkins.filter((x) => x.month === c.month).reduce((a, r) => a + r.n, 0));
        }
      }
    }
    // the work really happened
    const [{ ended, checkins, left }] = await t.sql(`SELECT (SELECT count(*) FROM research_session WHERE status = 'ENDED')::int ended,
      (SELECT count(*) FROM research_attendance)::int checkins, (SELECT count(*) FROM group_membership WHERE left_on IS NOT NULL)::int AS left`);
    expect(ended).toBeGreaterThan(3);
    expect(checkins).toBeGreaterThan(3);
    expect(left).toBeGreaterThan(3);
    const [{ paired }] = await t.sql(`SELECT count(*)::int AS paired FROM mentoring_pair WHERE activated_on IS NOT NULL`);
    expect(paired).toBeGreaterThan(2);
    const [{ published, adopted }] = await t.sql(`SELECT (SELECT count(*) FROM lesson_plan WHERE published_version IS NOT NULL)::int published, (SELECT count(*) FROM lesson_plan_adoption)::int adopted`);
    expect(published).toBeGreaterThan(2);
    expect(adopted).toBeGreaterThan(2);

    // and a rebuild from the base tables reproduces the same rollups
    const snapshot = async () => t.sql(`SELECT scope, scope_id, school_id, day::text, metric, key, value::int FROM activity_rollup WHERE value <> 0 ORDER BY 1, 2, 3, 4, 5, 6`);
    const live = await snapshot();
    await t.db.transaction((em) => rebuildRollups(em));
    const rebuilt = await snapshot();
    const sum = (rows: any[]) => {
      const m = new Map<string, number>();
      for (const r of rows) m.set(`${r.scope}|${r.scope_id}|${r.school_id}|${r.metric}|${r.key}`, (m.get(`${r.scope}|${r.scope_id}|${r.school_id}|${r.metric}|${r.key}`) ?? 0) + r.value);
      return Object.fromEntries([...m.entries()].filter(([, v]) => v !== 0).sort());
    };
    expect(sum(rebuilt)).toEqual(sum(live));
  });
});

describe('reports: scope, targets, CSV', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await TestApp.start();
    const city = await t.region({ name: '随州市', level: 'CITY' });
    const a = await t.region({ name: '随县', level: 'COUNTY', parentId: city.id });
    const b = await t.region({ name: '广水市', level: 'COUNTY', parentId: city.id });
    const lead = await t.school(a.id, { name: '随县炎帝学校', students: 1500 });
    const member = await t.school(a.id, { name: '随县三河小学', students: 87 });
    const alone = await t.school(a.id, { name: '随县孤山教学点', stage: 'TEACHING_POINT', students: 12 });
    await t.school(a.id, { name: '随县一中', stage: 'SENIOR', students: 3000 });
    const group = await t.group(a.id, lead.id, { name: '随县炎帝学校教联体', foundedOn: '2023-03-01' });
    await t.member(group.id, member.id, '2023-03-15');
    await t.db.transaction((em) => rebuildRollups(em)); // rows were written directly
    Object.assign(ids, { city: city.id, a: a.id, b: b.id, lead: lead.id, member: member.id, alone: alone.id, group: group.id });
    tokens.city = (await t.user('REGION_ADMIN', city.id)).token;
    tokens.a = (await t.user('REGION_ADMIN', a.id)).token;
    tokens.b = (await t.user('REGION_ADMIN', b.id)).token;
    tokens.manager = (await t.user('GROUP_MANAGER', group.id)).token;
    tokens.memberAdmin = (await t.user('SCHOOL_ADMIN', member.id)).token;
    tokens.aloneAdmin = (await t.user('SCHOOL_ADMIN', alone.id)).token;
    tokens.teacher = (await t.user('TEACHER', null, { teacherId: (await t.teacher(member.id)).id })).token;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('reports coverage against the year target set on the region or an ancestor', async () => {
    await t.ok(`mutation($r: ID!) { setCoverageTarget(regionId: $r, year: 2026, ratio: 0.8) { ratio } }`, { r: ids.city }, tokens.city);
    const c = (await t.ok(COVERAGE_Q, { r: ids.a, a: '2026-06-30' }, tokens.a)).regionCoverage;
    expect(c).toMatchObject({ compulsorySchools: 3, coveredSchools: 2, compulsoryStudents: 1599, studentsCovered: 1587, consortia: 1, consortiaByMode: [{ key: 'FUSED', count: 1 }] });
    expect(c.ratio).toBeCloseTo(2 / 3);
    expect(c.target).toEqual({ year: 2026, ratio: 0.8, regionId: ids.city });
    expect(c.gap).toBeCloseTo(0.8 - 2 / 3);
    expect(c.uncoveredSchools.edges).toEqual([{ node: { id: ids.alone } }]);
    const early = (await t.ok(COVERAGE_Q, { r: ids.a, a: '2023-03-10' }, tokens.a)).regionCoverage;
    expect(early).toMatchObject({ coveredSchools: 1, target: null, gap: null }); // the member joined on 03-15; no 2023 target
    await t.ok(`mutation($r: ID!) { setCoverageTarget(regionId: $r, year: 2026, ratio: 0.7) { ratio } }`, { r: ids.a }, tokens.a);
    expect((await t.ok(COVERAGE_Q, { r: ids.a, a: '2026-06-30' }, tokens.a)).regionCoverage.target).toEqual({ year: 2026, ratio: 0.7, regionId: ids.a });
    expect((await t.gql(`mutation($r: ID!) { setCoverageTarget(regionId: $r, year: 2026, ratio: 1.5) { ratio } }`, { r: ids.a }, tokens.a)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ratio' });
  });

  it('carries a target forward to later years until replaced, in every report, the region\'s own before its ancestors\'', async () => {
    // years far ahead, so the other tests' 2026 targets stay as they are
    const set = (r: string, year: number, ratio: number) => t.ok(`mutation($r: ID!, $y: Int!, $x: Float!) { setCoverageTarget(regionId: $r, year: $y, ratio: $x) { ratio } }`, { r, y: year, x: ratio }, tokens.city);
    const target = async (r: string, asOf: string) => (await t.ok(COVERAGE_Q, { r, a: asOf }, tokens.city)).regionCoverage;
    await set(ids.city, 2026, 0.8); // as the test above left them (the same values), so this one runs alone too
    await set(ids.a, 2026, 0.7);
    await set(ids.city, 2031, 0.75);
    // 广水市 has none of its own: the city's latest of a year up to the asked one
    expect((await target(ids.b, '2030-06-30')).target).toEqual({ year: 2026, ratio: 0.8, regionId: ids.city });
    expect((await target(ids.b, '2033-06-30')).target).toEqual({ year: 2031, ratio: 0.75, regionId: ids.city });
    const b2033 = await target(ids.b, '2033-06-30');
    expect(b2033.gap).toBeCloseTo(0.75 - b2033.ratio);
    // 随县's own 2026 target goes on in force over the city's newer one, until 随县 sets another
    expect((await target(ids.a, '2033-06-30')).target).toEqual({ year: 2026, ratio: 0.7, regionId: ids.a });
    await set(ids.a, 2032, 0.9);
    expect((await target(ids.a, '2031-12-31')).target).toEqual({ year: 2026, ratio: 0.7, regionId: ids.a });
    expect((await target(ids.a, '2033-06-30')).target).toEqual({ year: 2032, ratio: 0.9, regionId: ids.a });

    // the trend: each point the target in force in its year
    const trend = (await t.ok(`query($r: ID!) { regionCoverageTrend(regionId: $r, months: 48, asOf: "2033-06-30") { points { month target { year ratio regionId } } } }`, { r: ids.b }, tokens.city)).regionCoverageTrend.points;
    const byYear = (y: string) => new Set(trend.filter((p: any) => p.month.startsWith(y)).map((p: any) => JSON.stringify(p.target)));
    expect([...byYear('2030')]).toEqual([JSON.stringify({ year: 2026, ratio: 0.8, regionId: ids.city })]);
    for (const y of ['2031', '2032', '2033']) expect([...byYear(y)]).toEqual([JSON.stringify({ year: 2031, ratio: 0.75, regionId: ids.city })]);
    // the breakdown: each county its own rule
    const rows = (await t.ok(`query($r: ID!) { regionBreakdown(regionId: $r, from: "2033-01-01", to: "2033-06-30", asOf: "2033-06-30") { rows { region { id } target { year ratio regionId } } } }`, { r: ids.city }, tokens.city)).regionBreakdown.rows;
    expect(Object.fromEntries(rows.map((r: any) => [r.region.id, r.target]))).toEqual({
      [ids.a]: { year: 2032, ratio: 0.9, regionId: ids.a },
      [ids.b]: { year: 2031, ratio: 0.75, regionId: ids.city },
    });
    // and the downloads, written from the same figures
    const csv = await (await fetch(`${t.url}/reports/regions/${ids.b}/coverage.csv?asOf=2033-06-30`, { headers: { authorization: `Bearer ${tokens.city}` } })).text();
    expect(csv).toContain('年度目标 Target (2031),0.7500');
  });

  it('shows each manager only their scope', async () => {
    const period = { f: '2026-01-01', t: '2026-12-31' };
    expect(codeOf(await t.gql(COVERAGE_Q, { r: ids.a }, tokens.b))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(COVERAGE_Q, { r: ids.city }, tokens.a))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(COVERAGE_Q, { r: ids.a }, tokens.manager))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(REGION_Q, { r: ids.a, ...period }, tokens.b))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(`mutation($r: ID!) { setCoverageTarget(regionId: $r, year: 2026, ratio: 0.9) { ratio } }`, { r: ids.city }, tokens.a))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(GROUP_Q, { g: ids.group, ...period }, tokens.b))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(GROUP_Q, { g: ids.group, ...period }, tokens.aloneAdmin))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(GROUP_Q, { g: ids.group, ...period }, tokens.teacher))).toBe('FORBIDDEN');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(codeOf(await t.gql(GROUP_Q, { g: unknown, ...period }, tokens.manager))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(COVERAGE_Q, { r: unknown }, tokens.a))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(REGION_Q, { r: unknown, ...period }, tokens.a))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(GROUP_Q, { g: ids.group, ...period }))).toBe('UNAUTHENTICATED');
    const manager = (await t.ok(GROUP_Q, { g: ids.group, ...period }, tokens.manager)).groupActivitySummary;
    expect(manager.bySchool.map((s: any) => s.school.id).sort()).toEqual([ids.lead, ids.member].sort());
    expect(manager.byMonth).toHaveLength(12);
    const own = (await t.ok(GROUP_Q, { g: ids.group, ...period }, tokens.memberAdmin)).groupActivitySummary;
    expect(own.bySchool.map((s: any) => s.school.id)).toEqual([ids.member]);
    // a session at the lead school with the member invited, ended today: the member's admin sees it in its row and month
    const starts = new Date(Date.now() + 86400_000);
    const session = await t.ok(
      `mutation($i: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $i) { id } }`,
      { i: { groupId: ids.group, hostSchoolId: ids.lead, title: '联合教研', type: 'JOINT_RESEARCH', mode: 'ONSITE', startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 7200_000).toISOString(), invitedSchoolIds: [ids.member] } },
      tokens.manager,
    );
    await t.ok(`mutation($id: ID!) { startResearchSession(id: $id) { id } }`, { id: session.scheduleResearchSession.id }, tokens.manager);
    await t.ok(`mutation($id: ID!) { endResearchSession(id: $id) { id } }`, { id: session.scheduleResearchSession.id }, tokens.manager);
    const today = todayInChina();
    const thisYear = { f: `${today.slice(0, 4)}-01-01`, t: `${today.slice(0, 4)}-12-31` };
    for (const token of [tokens.memberAdmin, tokens.manager]) {
      const got = (await t.ok(GROUP_Q, { g: ids.group, ...thisYear }, token)).groupActivitySummary;
      const row = got.bySchool.find((x: any) => x.school.id === ids.member);
      expect([got.researchSessions, row.researchSessions]).toEqual([1, 1]);
      expect(got.byMonth.filter((m: any) => m.researchSessions).map((m: any) => [m.month, m.researchSessions])).toEqual([[today.slice(0, 7), 1]]);
    }
    expect((await t.gql(GROUP_Q, { g: ids.group, f: '2026-02-01', t: '2026-01-01' }, tokens.manager)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it("caches a group's figures per instance by the group's rollup revision: repeats are served from memory, any write (on any instance) or rebuild is seen at once", async () => {
    const cache = t.app.get(ReportsService).figures;
    const today = todayInChina();
    const period = { f: `${today.slice(0, 4)}-01-01`, t: today };
    const view = async () => (await t.ok(GROUP_Q, { g: ids.group, ...period }, tokens.manager)).groupActivitySummary.researchSessions;
    const counts = () => [cache.hits, cache.misses];
    const before = await view();
    let [hits, misses] = counts();
    expect(await view()).toBe(before);
    expect(await view()).toBe(before);
    expect([cache.hits - hits, cache.misses - misses]).toEqual([2, 0]);
    // the scope check comes first: cached figures are not served to someone outside the group
    expect(codeOf(await t.gql(GROUP_Q, { g: ids.group, ...period }, tokens.b))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(GROUP_Q, { g: ids.group, ...period }, tokens.aloneAdmin))).toBe('FORBIDDEN');

    // a session ended through another API instance on the same database: this one hears nothing from it
    const sibling = await t.startSibling();
    let sessionId: string;
    try {
      const starts = new Date(Date.now() + 86400_000);
      const session = await sibling.ok(
        `mutation($i: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $i) { id } }`,
        { i: { groupId: ids.group, hostSchoolId: ids.lead, title: '同课异构：分数的意义', type: 'DEMO_LESSON', mode: 'ONLINE', startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 3600_000).toISOString(), invitedSchoolIds: [ids.member] } },
        tokens.manager,
      );
      sessionId = session.scheduleResearchSession.id;
      await sibling.ok(`mutation($id: ID!) { startResearchSession(id: $id) { id } }`, { id: sessionId }, tokens.manager);
      await sibling.ok(`mutation($id: ID!) { endResearchSession(id: $id) { id } }`, { id: sessionId }, tokens.manager);
    } finally {
      await sibling.stop();
    }
    [hits, misses] = counts();
    expect(await view()).toBe(before + 1);
    expect([cache.hits - hits, cache.misses - misses]).toEqual([0, 1]);
    expect(await view()).toBe(before + 1);
    expect(cache.hits - hits).toBe(1);

    // data repaired in the base tables and the rollups rebuilt: every group gets a new revision
    await t.sql(
      `UPDATE research_session SET starts_at = starts_at - interval '2 years', ends_at = ends_at - interval '2 years',
              started_at = started_at - interval '2 years', ended_at = ended_at - interval '2 years' WHERE id = $1`,
      [sessionId!],
    );
    expect(await view()).toBe(before + 1); // rollups not rebuilt yet: still what they say
    await t.db.transaction((em) => rebuildRollups(em));
    expect(await view()).toBe(before);

    // rollups written in a transaction that TransactionService did not open (no end-of-transaction hooks) renew it too
    const rollups = t.app.get(RollupService);
    await t.db.transaction(async (em) => {
      const tx = new RequestContext(em, null);
      await rollups.bump(tx, await rollups.forGroup(tx, ids.group, { day: today, metric: Metric.ResearchSessions, key: 'LECTURE', delta: 1 }, [ids.lead]));
    });
    expect(await view()).toBe(before + 1);
  });

  it('exports CSV with a BOM, Chinese headers and the same scope rules', async () => {
    const get = (path: string, token?: string) => fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const res = await get(`/reports/regions/${ids.a}/coverage.csv?asOf=2026-06-30`, tokens.a);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).toContain('纳入教联体学校 Covered schools,2');
    expect(text).toContain('随县孤山教学点');
    const group = await get(`/reports/groups/${ids.group}/activity.csv?from=2026-01-01&to=2026-12-31`, tokens.manager);
    expect(group.status).toBe(200);
    expect(await group.text()).toContain('随县三河小学');
    const region = await get(`/reports/regions/${ids.a}/activity.csv?from=2026-01-01&to=2026-12-31`, tokens.city);
    expect(await region.text()).toContain('办学共同体 Groups,1');

    expect((await get(`/reports/regions/${ids.a}/coverage.csv`, tokens.b)).status).toBe(403);
    expect((await get(`/reports/regions/${ids.a}/coverage.csv`)).status).toBe(401);
    const bad = await get(`/reports/groups/${ids.group}/activity.csv?from=2026-13-01&to=2026-12-31`, tokens.manager);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'from' });
    expect((await get(`/reports/groups/not-an-id/activity.csv?from=2026-01-01&to=2026-12-31`, tokens.manager)).status).toBe(400);
  });
});

describe('reports: coverage trend by month and breakdown by child region', () => {
  let t: TestApp;
  let admin: string;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const today = todayInChina();
  const mid = daysAgo(400).slice(0, 7);
  const TREND_Q = `query($r: ID!, $m: Int, $a: Date) { regionCoverageTrend(regionId: $r, months: $m, asOf: $a) {
    regionId asOf points { month asOf compulsorySchools coveredSchools ratio compulsoryStudents studentsCovered consortia target { year ratio regionId } gap } } }`;
  const POINT_Q = `query($r: ID!, $a: Date) { regionCoverage(regionId: $r, asOf: $a) {
    compulsorySchools coveredSchools ratio compulsoryStudents studentsCovered consortia target { year ratio regionId } gap } }`;
  const BREAKDOWN_Q = `query($r: ID!, $f: Date!, $t: Date!, $a: Date) { regionBreakdown(regionId: $r, from: $f, to: $t, asOf: $a) {
    regionId asOf rows { region { id name level } compulsorySchools coveredSchools ratio compulsoryStudents studentsCovered target { year ratio regionId } gap consortia
      researchSessions teacherParticipations mentoringPairsActive teacherExchanges exchangedTeachers } } }`;
  const ACTIVITY_Q = `query($r: ID!, $f: Date!, $t: Date!) { regionActivitySummary(regionId: $r, from: $f, to: $t) {
    researchSessions teacherParticipations mentoringPairsActive teacherExchanges exchangedTeachers } }`;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = (await t.user('PLATFORM_ADMIN')).token;
    const province = await t.region({ name: '湖北省', level: 'PROVINCE', code: '420000' });
    const city = await t.region({ name: '随州市', level: 'CITY', parentId: province.id, code: '421300' });
    const other = await t.region({ name: '孝感市', level: 'CITY', parentId: province.id, code: '420900' });
    const a = await t.region({ name: '随县', level: 'COUNTY', parentId: city.id, code: '421321' });
    const b = await t.region({ name: '广水市', level: 'COUNTY', parentId: city.id, code: '421381' });
    const empty = await t.region({ name: '曾都区', level: 'COUNTY', parentId: city.id, code: '421303' });
    const d = await t.region({ name: '安陆市', level: 'COUNTY', parentId: other.id, code: '420982' });
    Object.assign(ids, { province: province.id, city: city.id, other: other.id, a: a.id, b: b.id, empty: empty.id, d: d.id });
    const schools: Record<string, string[]> = { a: [], b: [], d: [] };
    for (const [county, n] of [['a', 7], ['b', 4], ['d', 3]] as const) {
      for (let i = 0; i < n; i++) schools[county].push((await t.school(ids[county], { name: `${county}校${i}`, students: 100 * (i + 1) + n })).id);
    }
    await t.school(a.id, { name: '随县一中', stage: 'SENIOR', students: 3000 });
    await t.db.transaction((em) => rebuildRollups(em)); // rows were written directly; from here on every change goes through the API
    tokens.city = (await t.user('REGION_ADMIN', city.id)).token;
    tokens.a = (await t.user('REGION_ADMIN', a.id)).token;
    tokens.b = (await t.user('REGION_ADMIN', b.id)).token;

    const consortium = async (region: string, lead: string, founded: string, mode: string) =>
      (await t.ok(`mutation($i: CreateSchoolGroupInput!) { createSchoolGroup(input: $i) { id } }`, { i: { name: `${lead.slice(0, 4)}教联体`, kind: 'CONSORTIUM', mode, regionId: region, leadSchoolId: lead, foundedOn: founded } }, admin)).createSchoolGroup.id;
    const join = (g: string, s: string, on: string) => t.ok(`mutation($i: AddGroupMemberInput!) { addGroupMember(input: $i) { id } }`, { i: { groupId: g, schoolId: s, pairing: 'STRONG_RURAL', joinedOn: on } }, admin);
    const leave = (g: string, s: string, on: string) => t.ok(`mutation($g: ID!, $s: ID!, $on: Date) { removeGroupMember(groupId: $g, schoolId: $s, leftOn: $on) { id } }`, { g, s, on }, admin);
    // 随县: one consortium from 27 months ago, a second from 16 months ago; schools join and leave at various dates
    const g1 = await consortium(a.id, schools.a[0], daysAgo(820), 'FUSED');
    await join(g1, schools.a[1], daysAgo(700));
    await join(g1, schools.a[2], daysAgo(540));
    await join(g1, schools.a[3], `${mid}-05`); // a join and a leave in the same month, either side of its 15th
    await leave(g1, schools.a[1], `${mid}-25`);
    await leave(g1, schools.a[2], daysAgo(300));
    const g2 = await consortium(a.id, schools.a[4], daysAgo(480), 'CO_BUILT');
    await join(g2, schools.a[2], daysAgo(250)); // back in, in another consortium
    await join(g2, schools.a[1], daysAgo(200));
    await join(g2, schools.a[5], daysAgo(95));
    await leave(g1, schools.a[3], daysAgo(61));
    await join(g2, schools.a[3], daysAgo(45));
    await join(g2, schools.a[6], today); // in the current month, which ends at asOf
    // 广水市: a consortium from 10 months ago; a member leaves last month
    const g3 = await consortium(b.id, schools.b[0], daysAgo(300), 'FUSED_AND_CO_BUILT');
    await join(g3, schools.b[1], daysAgo(280));
    await join(g3, schools.b[2], daysAgo(150));
    await leave(g3, schools.b[1], daysAgo(35));
    // a school becomes a senior school (no longer compulsory); another one is added
    await t.ok(`mutation($id: ID!) { updateSchool(id: $id, input: { stage: SENIOR }) { id } }`, { id: schools.b[3] }, admin);
    await t.ok(`mutation($i: CreateSchoolInput!) { createSchool(input: $i) { id } }`, { i: { name: '随县新建小学', regionId: a.id, stage: 'PRIMARY', locale: 'RURAL', studentCount: 66, teacherCount: 8 } }, admin);
    // targets: the city's for last year, the county's own for this year
    const year = Number(today.slice(0, 4));
    await t.ok(`mutation($r: ID!, $y: Int!) { setCoverageTarget(regionId: $r, year: $y, ratio: 0.6) { ratio } }`, { r: city.id, y: year - 1 }, admin);
    await t.ok(`mutation($r: ID!, $y: Int!) { setCoverageTarget(regionId: $r, year: $y, ratio: 0.8) { ratio } }`, { r: city.id, y: year }, admin);
    await t.ok(`mutation($r: ID!, $y: Int!) { setCoverageTarget(regionId: $r, year: $y, ratio: 0.7) { ratio } }`, { r: a.id, y: year }, admin);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('gives each month-end exactly what regionCoverage gives for that day, in a handful of SQL statements', async () => {
    for (const region of [ids.city, ids.a, ids.b, ids.province]) {
      const r = await t.gql(TREND_Q, { r: region }, admin);
      const trend = r.data.regionCoverageTrend;
      expect(trend.asOf).toBe(today);
      expect(trend.points).toHaveLength(24);
      expect(trend.points.at(-1)).toMatchObject({ month: today.slice(0, 7), asOf: today });
      for (const [i, p] of trend.points.entries()) {
        if (i < 23) expect(p.asOf).toBe(new Date(Date.UTC(Number(p.month.slice(0, 4)), Number(p.month.slice(5, 7)), 0)).toISOString().slice(0, 10));
        const { month: _m, asOf: _a, ...figures } = p;
        const single = (await t.ok(POINT_Q, { r: region, a: p.asOf }, admin)).regionCoverage;
        expect([region, p.asOf, figures]).toEqual([region, p.asOf, single]);
        const base = await baseRegionCoverage(t.db.manager, region, p.asOf);
        expect([region, p.asOf, p.coveredSchools, p.compulsorySchools, p.studentsCovered]).toEqual([region, p.asOf, base.coveredSchools, base.compulsorySchools, base.studentsCovered]);
      }
      expect(r.extensions!.sqlStatements).toBeLessThanOrEqual(2);
    }
    // the history shows: coverage changed from month to month, and the targets of both years are there
    const a = (await t.ok(TREND_Q, { r: ids.a }, tokens.a)).regionCoverageTrend.points;
    expect(new Set(a.map((p: any) => p.coveredSchools)).size).toBeGreaterThanOrEqual(5);
    const year = Number(today.slice(0, 4));
    expect(a.at(-1).target).toEqual({ year, ratio: 0.7, regionId: ids.a });
    expect(a.find((p: any) => p.month === `${year - 1}-06`).target).toEqual({ year: year - 1, ratio: 0.6, regionId: ids.city });
    const older = (await t.ok(TREND_Q, { r: ids.a, m: 36 }, tokens.a)).regionCoverageTrend.points[0];
    expect([older.month < `${year - 1}-01`, older.target, older.gap]).toEqual([true, null, null]);
    expect(a.at(-1).gap).toBeCloseTo(0.7 - a.at(-1).ratio);
  });

  it('ends at a given day in the middle of a month, takes 1 to 60 months, and costs the same for 60 as for 6', async () => {
    const asOf = `${mid}-15`;
    const [y, m] = mid.split('-').map(Number);
    const trend = (await t.ok(TREND_Q, { r: ids.a, m: 13, a: asOf }, tokens.a)).regionCoverageTrend;
    expect(trend.points.map((p: any) => p.asOf)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(y - 1, m + i, 0)).toISOString().slice(0, 10)),
      asOf,
    ]);
    // the 15th counts the join of the 5th and not yet the leave of the 25th
    const covered = async (day: string) => (await t.ok(TREND_Q, { r: ids.a, m: 1, a: day }, tokens.a)).regionCoverageTrend.points[0].coveredSchools;
    const onThe15th = trend.points.at(-1).coveredSchools;
    expect([onThe15th - (await covered(`${mid}-04`)), (await covered(new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10))) - onThe15th]).toEqual([1, -1]);
    for (const p of trend.points) {
      const { month: _m, asOf: day, ...figures } = p;
      expect([day, figures]).toEqual([day, (await t.ok(POINT_Q, { r: ids.a, a: day }, tokens.a)).regionCoverage]);
    }
    const six = await t.gql(TREND_Q, { r: ids.a, m: 6 }, tokens.a);
    const sixty = await t.gql(TREND_Q, { r: ids.a, m: 60 }, tokens.a);
    expect(sixty.data.regionCoverageTrend.points).toHaveLength(60);
    expect(sixty.data.regionCoverageTrend.points.slice(54)).toEqual(six.data.regionCoverageTrend.points);
    expect(sixty.extensions!.sqlStatements).toBe(six.extensions!.sqlStatements);
    expect((await t.ok(TREND_Q, { r: ids.a, m: 1 }, tokens.a)).regionCoverageTrend.points).toHaveLength(1);

    const error = async (vars: Record<string, unknown>, token = tokens.a) => (await t.gql(TREND_Q, { r: ids.a, ...vars }, token)).errors?.[0]?.extensions;
    expect(await error({ m: 61 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'months' });
    expect(await error({ m: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'months' });
    expect(await error({ a: '2026-02-30' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'a' });
    expect(await error({}, tokens.b)).toMatchObject({ code: 'FORBIDDEN' });
    expect(codeOf(await t.gql(TREND_Q, { r: ids.city }, tokens.a))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(TREND_Q, { r: '00000000-0000-4000-8000-000000000000' }, tokens.a))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(TREND_Q, { r: ids.a }))).toBe('UNAUTHENTICATED');
  });

  it('gives one row per child region equal to regionCoverage and regionActivitySummary of that child, in a fixed number of statements', async () => {
    // activity rollups on days in and around the period, for three counties in two cities
    const from = daysAgo(200);
    const to = daysAgo(12);
    const before = new Date(Date.parse(from) - 86400_000).toISOString().slice(0, 10);
    const after = new Date(Date.parse(to) + 86400_000).toISOString().slice(0, 10);
    const days = [before, from, daysAgo(150), daysAgo(100), daysAgo(40), to, after];
    const rollups = t.app.get(RollupService);
    const expected: Record<string, number> = {};
    await t.db.transaction(async (em) => {
      const tx = new RequestContext(em, null);
      for (const [n, county] of [ids.a, ids.b, ids.d].entries()) {
        for (const [i, day] of days.entries()) {
          const facts = [
            { metric: Metric.ResearchSessions, key: i % 2 ? 'JOINT_RESEARCH' : 'DEMO_LESSON', delta: n + 1 },
            { metric: Metric.TeacherParticipations, delta: 3 * (n + i) },
            { metric: Metric.TeacherExchanges, key: 'ROTATION', delta: i % 3 },
            { metric: Metric.ExchangedTeachers, delta: i % 3 },
            { metric: Metric.MentoringActive, delta: i === 4 ? -1 : 2 },
          ];
          for (const f of facts) await rollups.bump(tx, await rollups.forRegion(tx, county, { day, ...f }));
          if (county === ids.a && day >= from && day <= to) expected.aSessions = (expected.aSessions ?? 0) + n + 1;
        }
      }
    });
    const asOf = daysAgo(30);
    for (const [region, children] of [
      [ids.city, [ids.empty, ids.a, ids.b]], // in the order of their region codes
      [ids.province, [ids.other, ids.city]],
    ] as const) {
      for (const [f, tt, a] of [[from, to, asOf], [`${today.slice(0, 4)}-01-01`, today, undefined]]) {
        const r = await t.gql(BREAKDOWN_Q, { r: region, f, t: tt, a }, admin);
        const b = r.data.regionBreakdown;
        expect(b.asOf).toBe(a ?? today);
        expect(b.rows.map((row: any) => row.region.id)).toEqual(children);
        for (const row of b.rows) {
          const { region: child, researchSessions, teacherParticipations, mentoringPairsActive, teacherExchanges, exchangedTeachers, ...coverage } = row;
          const single = (await t.ok(POINT_Q, { r: child.id, a: b.asOf }, admin)).regionCoverage;
          expect([child.name, coverage]).toEqual([child.name, single]);
          const activity = (await t.ok(ACTIVITY_Q, { r: child.id, f, t: tt }, admin)).regionActivitySummary;
          expect([child.name, { researchSessions, teacherParticipations, mentoringPairsActive, teacherExchanges, exchangedTeachers }]).toEqual([child.name, activity]);
        }
        expect(r.extensions!.sqlStatements).toBe(3);
      }
    }
    // not trivially equal: the counties differ and the period's edges count
    const rows = (await t.ok(BREAKDOWN_Q, { r: ids.city, f: from, t: to, a: asOf }, tokens.city)).regionBreakdown.rows;
    const byName = Object.fromEntries(rows.map((r: any) => [r.region.name, r]));
    expect(byName['随县'].researchSessions).toBe(expected.aSessions);
    expect(byName['随县'].researchSessions).not.toBe(byName['广水市'].researchSessions);
    expect(byName['随县'].coveredSchools).toBeGreaterThan(byName['广水市'].coveredSchools);
    expect(byName['随县'].target).toMatchObject({ regionId: ids.a, ratio: 0.7 });
    expect(byName['广水市'].target).toMatchObject({ regionId: ids.city, ratio: 0.8 });
    expect(byName['曾都区']).toMatchObject({ compulsorySchools: 0, ratio: 0, researchSessions: 0, region: { level: 'COUNTY' } });

    // scope: the city's admin and those above; a county has no rows
    expect(codeOf(await t.gql(BREAKDOWN_Q, { r: ids.city, f: from, t: to }, tokens.a))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(BREAKDOWN_Q, { r: ids.province, f: from, t: to }, tokens.city))).toBe('FORBIDDEN');
    expect((await t.ok(BREAKDOWN_Q, { r: ids.a, f: from, t: to }, tokens.city)).regionBreakdown.rows).toEqual([]);
    expect(codeOf(await t.gql(BREAKDOWN_Q, { r: '00000000-0000-4000-8000-000000000000', f: from, t: to }, admin))).toBe('NOT_FOUND');
    expect((await t.gql(BREAKDOWN_Q, { r: ids.city, f: to, t: from }, tokens.city)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(codeOf(await t.gql(BREAKDOWN_Q, { r: ids.city, f: from, t: to }))).toBe('UNAUTHENTICATED');
  });
});
