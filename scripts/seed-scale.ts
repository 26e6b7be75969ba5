import { runMigrations } from '#app/core';
import { rebuildRollups } from '#app/reporting';
import { withDataSource } from './with-data-source';

/**
 * npm run seed:scale -- --schools 10000 --teachers 500000 --activities 1000000
 * A province-sized dataset for bench:dashboards, generated inside PostgreSQL (set-based, seeded random),
 * into DATABASE_URL or the embedded cluster's database `school_groups_scale`. Replaces what is there.
 * Shape: 1 province, 10 cities, 10 counties each; schools spread over counties (3% senior high); about
 * one consortium per 6 schools covering ~70% of compulsory schools (some left, re-joined elsewhere);
 * education groups; teachers at schools; "activities" = joint research sessions over 24 months, ~92%
 * ended with 1 to 6 check-ins each.
 */
function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive whole number`);
  return v;
}

const SCHOOLS = arg('schools', 10000);
const TEACHERS = arg('teachers', 500000);
const ACTIVITIES = arg('activities', 1000000);

withDataSource(
  async (ds) => {
    const started = Date.now();
    const step = async (label: string, sql: string) => {
      const t0 = Date.now();
      process.stdout.write(`  ${label}...`);
      await ds.query(sql);
      console.log(` ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    };
    await runMigrations(ds, console.log);
    console.log(`seed:scale: ${SCHOOLS} schools, ${TEACHERS} teachers, ${ACTIVITIES} research sessions`);
    await step(
      'clearing',
      `TRUNCATE activity_rollup, session_event, session_presence, research_attendance, research_session_teacher, research_session_school, research_session,
                coverage_target, role_grant, app_user, teacher_assignment, teacher, group_membership, school_group, school, region CASCADE`,
    );
    await ds.query(`SELECT setseed(0.20261125)`);
    await step(
      'regions',
      `WITH p AS (INSERT INTO region (id, name, level, code, path) VALUES ('10000000-0000-4000-8000-000000000000', '规模测试省', 'PROVINCE', '990000', ARRAY['10000000-0000-4000-8000-000000000000']::uuid[]) RETURNING id),
            c AS (INSERT INTO region (id, name, level, parent_id, code, path)
                  SELECT ('20000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, '第' || i || '市', 'CITY', p.id, (990000 + i * 100)::text,
                         ARRAY[p.id, ('20000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid]
                    FROM p, generate_series(1, 10) i RETURNING id, path, code)
       INSERT INTO region (id, name, level, parent_id, code, path)
       SELECT ('30000000-0000-4000-8000-' || lpad((c.code::int % 10000 / 100 * 100 + j)::text, 12, '0'))::uuid, '第' || (c.code::int % 10000 / 100) || '市' || j || '县', 'COUNTY', c.id,
              (c.code::int + j)::text, c.path || ('30000000-0000-4000-8000-' || lpad((c.code::int % 10000 / 100 * 100 + j)::text, 12, '0'))::uuid
         FROM c, generate_series(1, 10) j`,
    );
    await step(
      'schools',
      `INSERT INTO school (id, name, region_id, stage, locale, student_count, teacher_count)
       SELECT ('40000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, '规模学校' || i, r.id,
              CASE WHEN i % 33 = 0 THEN 'SENIOR' WHEN i % 11 = 0 THEN 'TEACHING_POINT' WHEN i % 5 = 0 THEN 'JUNIOR' WHEN i % 7 = 0 THEN 'NINE_YEAR' ELSE 'PRIMARY' END,
              CASE WHEN i % 10 < 3 THEN 'URBAN' WHEN i % 10 < 6 THEN 'TOWNSHIP' ELSE 'RURAL' END,
              CASE WHEN i % 11 = 0 THEN 10 + (random() * 50)::int ELSE 200 + (random() * 2500)::int END, 20 + (random() * 100)::int
         FROM generate_series(1, ${SCHOOLS}) i
         JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM region WHERE level = 'COUNTY') r ON r.n = abs(hashtext('county' || i)) % 100`,
    );
    await step(
      'consortia and groups',
      `INSERT INTO school_group (id, name, kind, mode, region_id, lead_school_id, level, founded_on)
       SELECT ('50000000-0000-4000-8000-' || lpad(s.n::text, 12, '0'))::uuid, s.name || CASE WHEN s.n % 10 = 9 THEN '教育集团' ELSE '教联体' END,
              CASE WHEN s.n % 10 = 9 THEN 'EDUCATION_GROUP' ELSE 'CONSORTIUM' END,
              CASE WHEN s.n % 10 = 9 THEN NULL WHEN s.n % 10 < 6 THEN 'FUSED' WHEN s.n % 10 < 9 THEN 'CO_BUILT' ELSE 'FUSED_AND_CO_BUILT' END,
              s.region_id, s.id, CASE WHEN s.n % 10 = 9 THEN NULL WHEN s.n % 25 = 0 THEN 'PROVINCIAL_PILOT' WHEN s.n % 17 = 0 THEN 'MUNICIPAL_PILOT' END,
              DATE '2022-10-01' + (random() * 600)::int
         FROM (SELECT id, name, region_id, row_number() OVER (ORDER BY id) AS n FROM school WHERE stage IN ('PRIMARY', 'JUNIOR', 'NINE_YEAR') AND locale = 'URBAN') s
        WHERE s.n <= ${Math.round(SCHOOLS / 6)}`,
    );
    await step(
      'memberships',
      `INSERT INTO school_group_profile (group_id, valid_from, mode, level) SELECT id, founded_on, mode, level FROM school_group;
       INSERT INTO group_membership (group_id, school_id, group_kind, role, pairing, joined_on)
       SELECT g.id, g.lead_school_id, g.kind, 'LEAD', NULL, g.founded_on FROM school_group g;
       WITH members AS (
         SELECT s.id AS school_id, g.id AS group_id, g.kind, g.founded_on,
                row_number() OVER (PARTITION BY s.id ORDER BY random()) AS pick
           FROM school s JOIN school_group g ON g.region_id = s.region_id
          WHERE s.stage <> 'SENIOR' AND NOT EXISTS (SELECT 1 FROM school_group x WHERE x.lead_school_id = s.id)
            AND abs(hashtext('covered' || s.id::text)) % 100 < 76) -- per school, so ~70% of compulsory schools end up covered
       INSERT INTO group_membership (group_id, school_id, group_kind, role, pairing, joined_on, left_on)
       SELECT group_id, school_id, kind, 'MEMBER', (ARRAY['STRONG_WEAK','STRONG_RURAL','STRONG_NEW','STRONG_SUBURBAN'])[1 + (random() * 3)::int],
              founded_on + (random() * 200)::int, CASE WHEN random() < 0.04 THEN DATE '2025-09-01' + (random() * 300)::int END
         FROM members WHERE pick = 1`,
    );
    await step(
      'teachers',
      `INSERT INTO teacher (id, name, school_id, subjects, stage, title, years_of_experience, honours)
       SELECT gen_random_uuid(), (ARRAY['王','李','张','刘','陈','杨','黄','赵','周','吴'])[1 + i % 10] || (ARRAY['芳','伟','敏','静','磊','洋','艳','勇','军','杰'])[1 + (i / 10) % 10] || (i % 97),
              s.id, ARRAY[(ARRAY['语文','数学','英语','科学','道德与法治','音乐','体育','美术'])[1 + i % 8]], s.stage,
              (ARRAY['SENIOR','FIRST_GRADE','SECOND_GRADE','THIRD_GRADE','UNRANKED'])[1 + i % 5], (random() * 35)::int,
              CASE WHEN i % 7 = 0 THEN ARRAY['BACKBONE'] WHEN i % 41 = 0 THEN ARRAY['FAMOUS_TEACHER'] ELSE '{}' END
         FROM generate_series(1, ${TEACHERS}) i
         JOIN (SELECT id, stage, row_number() OVER (ORDER BY id) - 1 AS n FROM school) s ON s.n = i % ${SCHOOLS};
       INSERT INTO teacher_assignment (teacher_id, school_id, from_date) SELECT id, school_id, DATE '2020-09-01' FROM teacher`,
    );
    await step(
      'research sessions',
      `INSERT INTO research_session (id, group_id, host_school_id, title, type, mode, status, starts_at, ends_at, started_at, ended_at, cancelled_at, cancel_reason)
       SELECT gen_random_uuid(), g.id, g.lead_school_id, '联合教研 ' || i,
              (ARRAY['JOINT_RESEARCH','JOINT_RESEARCH','COLLECTIVE_PREP','COLLECTIVE_PREP','DEMO_LESSON','SPECIAL_DELIVERY_CLASS','FAMOUS_TEACHER_CLASS','LECTURE'])[1 + i % 8],
              (ARRAY['ONSITE','ONLINE','HYBRID'])[1 + i % 3], CASE WHEN i % 13 = 0 THEN 'CANCELLED' ELSE 'ENDED' END,
              t.at, t.at + interval '2 hours', CASE WHEN i % 13 <> 0 THEN t.at END, CASE WHEN i % 13 <> 0 THEN t.at + interval '2 hours' END,
              CASE WHEN i % 13 = 0 THEN t.at - interval '1 day' END, CASE WHEN i % 13 = 0 THEN '改期' END
         FROM generate_series(1, ${ACTIVITIES}) i
         JOIN (SELECT id, lead_school_id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total FROM school_group) g ON g.n = i % g.total
         CROSS JOIN LATERAL (SELECT TIMESTAMPTZ '2024-11-01 06:30:00+00' + ((i::bigint * 7919) % 730) * interval '1 day' AS at) t`,
    );
    await step(
      'invitations',
      `INSERT INTO research_session_school (session_id, school_id)
       SELECT rs.id, m.school_id FROM research_session rs JOIN group_membership m ON m.group_id = rs.group_id AND m.left_on IS NULL`,
    );
    await step(
      'check-ins',
      `INSERT INTO research_attendance (session_id, teacher_id, school_id, checked_in_at)
       SELECT DISTINCT ON (rs.id, t.id) rs.id, t.id, t.school_id, rs.starts_at + interval '5 minutes'
         FROM research_session rs
         CROSS JOIN LATERAL generate_series(1, 1 + (abs(hashtext(rs.id::text)) % 6)) k
         JOIN LATERAL (SELECT x.school_id FROM research_session_school x WHERE x.session_id = rs.id OFFSET k % 3 LIMIT 1) sch ON TRUE
         JOIN LATERAL (SELECT id, school_id FROM teacher WHERE school_id = sch.school_id OFFSET k LIMIT 1) t ON TRUE
        WHERE rs.status = 'ENDED'`,
    );
    await step('rollups (rebuilt from the base tables)', 'SELECT 1');
    const rows = await ds.transaction((em) => rebuildRollups(em));
    console.log(`    ${rows} rollup rows`);
    // what autovacuum would leave a live database in: statistics, hint bits and the visibility map (index-only scans)
    await step('vacuum and analyze', 'VACUUM ANALYZE');
    const [counts] = await ds.query(`SELECT (SELECT count(*) FROM school)::int schools, (SELECT count(*) FROM school_group)::int groups,
      (SELECT count(*) FROM group_membership)::int memberships, (SELECT count(*) FROM teacher)::int teachers,
      (SELECT count(*) FROM research_session)::int sessions, (SELECT count(*) FROM research_attendance)::int checkins`);
    console.log(`seed:scale done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(counts)}`);
  },
  { database: 'school_groups_scale' },
);
