import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { todayInChina } from '#app/core';
import {
  baseGroupActivity,
  baseRegionActivity,
  baseRegionCoverage,
  BREAKDOWN_FIGURES,
  COVERAGE_FIGURES,
  FIGURES,
  GROUP_COUNTERS,
  rebuildRollups,
  REGION_FIGURES,
} from '#app/reporting';
import { csv, upload } from './support/imports';
import { COVERAGE_Q, daysAgo, GROUP_Q, REGION_Q } from './support/reports';
import { TestApp } from './support/test-app';

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
        const rows = await t.sql(`SELECT t.id, t.leader_teacher_id FROM lesson_prep_team t JOIN school_group g ON g.id = t.group_id WHERE g.status = 'ACTIVE'`);
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
    // groups change level or mode from a day on, or are dissolved (their memberships end that day)
    const formerGroups: typeof groups = [];
    const dayBetween = (from: string) => daysAgo(Math.floor(rnd() * Math.max(0, Math.floor((Date.now() - Date.parse(from)) / 86400_000) - 1)));
    Object.assign(ops, {
      relevel: async () => {
        const [g] = await t.sql(`SELECT p.group_id, max(p.valid_from)::text AS since FROM school_group_profile p JOIN school_group g ON g.id = p.group_id
                                  WHERE g.kind = 'CONSORTIUM' AND g.status = 'ACTIVE' GROUP BY 1 ORDER BY md5(p.group_id::text || $1) LIMIT 1`, [String(rnd())]);
        if (!g) return;
        const change = rnd() < 0.7 ? { level: pick(['PROVINCIAL_DEMONSTRATION', 'PROVINCIAL_PILOT', 'MUNICIPAL_PILOT', null]) } : { mode: pick(['FUSED', 'CO_BUILT', 'FUSED_AND_CO_BUILT']) };
        return t.ok(`mutation($i: UpdateSchoolGroupInput!) { updateSchoolGroup(input: $i) { id } }`, { i: { groupId: g.group_id, ...change, effectiveOn: dayBetween(g.since) } }, admin);
      },
      dissolve: () => dissolveOne(3),
    });
    async function dissolveOne(keep: number) {
      if (groups.length <= keep) return;
      const g = pick(groups);
      const [{ last }] = await t.sql(
        `SELECT greatest(max(m.joined_on), max(m.left_on), (SELECT max(valid_from) FROM school_group_profile WHERE group_id = $1))::text AS last FROM group_membership m WHERE m.group_id = $1`,
        [g.id],
      );
      await t.ok(`mutation($i: UpdateSchoolGroupInput!) { updateSchoolGroup(input: $i) { id } }`, { i: { groupId: g.id, dissolve: true, effectiveOn: dayBetween(last) } }, admin);
      groups.splice(groups.indexOf(g), 1);
      formerGroups.push(g);
    }
    // history entered from spreadsheets, at its own dates: a school's membership (joined, maybe left) and a past session with its attendance
    const nameOf = async (table: 'school' | 'school_group', id: string) => (await t.sql(`SELECT name FROM ${table} WHERE id = $1`, [id]))[0].name as string;
    let imported = 0;
    Object.assign(ops, {
      importMembership: async () => {
        const g = pick(groups);
        const joined = daysAgo(30 + Math.floor(rnd() * 300));
        const left = rnd() < 0.4 ? daysAgo(Math.floor(rnd() * 29)) : '';
        const file = csv([['共同体名称', '学校', '角色', '结对类型', '加入日期', '退出日期'], [await nameOf('school_group', g.id), await nameOf('school', pick(schools).id), '成员校', '优质校+薄弱校', joined, left]]);
        const r = await upload(t, 'memberships', { name: 'm.csv', body: file }, admin, false);
        if (r.body.created) imported++;
      },
      importSession: async () => {
        const g = pick(groups);
        const members: { school_id: string }[] = await t.sql(`SELECT school_id FROM group_membership WHERE group_id = $1 AND left_on IS NULL`, [g.id]);
        if (!members.length) return;
        const host = pick(members).school_id;
        const names = (await t.sql(`SELECT name FROM teacher WHERE school_id = $1`, [host])).map((r) => r.name as string);
        const day = daysAgo(1 + Math.floor(rnd() * 150));
        const file = csv([
          ['共同体名称', '活动名称', '活动类型', '形式', '主办校', '开始时间', '结束时间', '参加教师'],
          [await nameOf('school_group', g.id), `导入的教研${imported}`, pick(['联合教研', '集体备课', '示范课']), '线下', await nameOf('school', host), `${day} 14:30`, `${day} 16:30`, names.slice(0, 1 + Math.floor(rnd() * 2)).join('、')],
        ]);
        const r = await upload(t, 'sessions', { name: 's.csv', body: file }, admin, false);
        if (r.body.created) imported++;
      },
    });
    const weights: [string, number][] = [['team', 2], ['publishPlan', 3], ['adopt', 4], ['pair', 6], ['endPair', 2], ['createSchool', 1], ['createGroup', 1], ['join', 6], ['leave', 3], ['students', 2], ['stage', 1], ['move', 1], ['schedule', 4], ['start', 4], ['checkIn', 8], ['end', 3], ['cancel', 1], ['relevel', 2], ['dissolve', 1], ['importMembership', 3], ['importSession', 3]];
    const bag = weights.flatMap(([op, w]) => Array(w).fill(op));
    const done: string[] = [];
    for (let i = 0; i < 240; i++) {
      const op = pick(bag);
      await ops[op]();
      done.push(op);
    }
    // whatever the seed, the history has a dissolution and an imported row (rare in the bag)
    if (!formerGroups.length) await dissolveOne(1), done.push('dissolve');
    for (let i = 0; i < 3 && imported < 3; i++) await ops.importSession(), done.push('importSession');

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
        const byLevel = Object.fromEntries(got.consortiaByLevel.filter((l: any) => l.count).map((l: any) => [l.key, l.count]));
        const wantLevel: Record<string, number> = {};
        for (const row of want.consortiaRows) if (row.level) wantLevel[row.level] = (wantLevel[row.level] ?? 0) + row.n;
        expect([ctx, byLevel]).toEqual([ctx, wantLevel]);
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
    for (const g of [...groups, ...formerGroups]) {
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
    const [{ relevelled, dissolved }] = await t.sql(`SELECT ((SELECT count(*) FROM school_group_profile) - (SELECT count(*) FROM school_group))::int AS relevelled,
      (SELECT count(*) FROM school_group WHERE status = 'DISSOLVED')::int AS dissolved`);
    expect([relevelled > 1, dissolved > 0, imported > 2]).toEqual([true, true, true]);
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
