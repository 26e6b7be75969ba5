import 'reflect-metadata';
import * as os from 'node:os';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig, openDatabase, signToken } from '#app/core';
import { baseGroupActivity, baseRegionActivity, baseRegionCoverage } from '#app/reporting';
import { postJson, printTable, runLoad, spawnServer, type LoadResult, type SpawnedServer } from './load';

/**
 * npm run bench:dashboards — after npm run seed:scale. The three dashboard queries through the GraphQL API
 * (rollups) side by side with the same figures computed by SQL aggregates over the base tables, at a fixed
 * concurrency; then the throughput of a write that feeds the rollups (ending a session) with and without them.
 * The server is the built app in its own process (npm run build first; the npm script does).
 */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 20);
const WRITES = Number(process.env.BENCH_WRITES ?? 400);
// requests before measuring each API query, at the same concurrency: the freshly spawned server's JIT, heap and
// pool settle first (after 200 sequential ones, the first query measured still ran ~2× slower at p99 than the
// same query a minute later)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3000);
const SECRET = 'bench-dashboards-secret-at-least-32-bytes';

async function main() {
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', JWT_SECRET: SECRET, PORT: '0' });
  const db = await openDatabase(config, () => undefined, { database: 'school_groups_scale' });
  // The server runs in its own process; this one generates load and runs the base-table SQL.
  const ds = new DataSource(dataSourceOptions({ url: db.url, entities: [], migrations: [], poolSize: CONCURRENCY, slowQueryMs: 0 }));
  await ds.initialize();
  let server: SpawnedServer = await spawnServer(db.url, { JWT_SECRET: SECRET });
  let url = `${server.url}/graphql`;
  try {
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM research_session`);
    if (n < 1000) throw new Error('Run "npm run seed:scale" first (the database school_groups_scale is empty)');
    const adminId = randomUUID();
    await ds.query(`INSERT INTO app_user (id, email, password_hash, display_name) VALUES ($1, $2, '!', 'bench')`, [adminId, `bench-${adminId}@example.cn`]);
    await ds.query(`INSERT INTO role_grant (user_id, role) VALUES ($1, 'PLATFORM_ADMIN')`, [adminId]);
    const token = signToken(SECRET, adminId, 3600);
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const body = await postJson(url, { authorization: `Bearer ${token}` }, { query, variables });
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const [province] = await ds.query(`SELECT id FROM region WHERE parent_id IS NULL ORDER BY code LIMIT 1`);
    const [group] = await ds.query(`SELECT group_id AS id, count(*) FROM research_session GROUP BY 1 ORDER BY 2 DESC LIMIT 1`);
    const [counts] = await ds.query(`SELECT (SELECT count(*) FROM school)::int schools, (SELECT count(*) FROM teacher)::int teachers,
      (SELECT count(*) FROM research_session)::int sessions, (SELECT count(*) FROM research_attendance)::int checkins, (SELECT count(*) FROM activity_rollup)::int rollups`);
    const from = '2025-01-01';
    const to = '2025-12-31';
    const opts = { concurrency: CONCURRENCY, requests: REQUESTS, maxSeconds: SECONDS, warmup: WARMUP };
    const slow = { concurrency: CONCURRENCY, requests: Math.max(50, REQUESTS / 20), maxSeconds: SECONDS, warmup: 2 };
    const rows: LoadResult[] = [];
    // Groups in a fixed order, more of them than an instance keeps figures for (GroupFiguresCache): visited in
    // turn, every request misses the cache and reads the rollups.
    const allGroups: string[] = (await ds.query(`SELECT id FROM school_group ORDER BY id`)).map((r: { id: string }) => r.id);
    let next = 0;
    const nextGroup = () => allGroups[next++ % allGroups.length];
    const GROUP_Q = `query($g: ID!, $f: Date!, $t: Date!) { groupActivitySummary(groupId: $g, from: $f, to: $t) { researchSessions teacherParticipations researchSessionsByType { key count } bySchool { school { name } researchSessions teacherParticipations } byMonth { month researchSessions } } }`;
    const cases: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
      [
        'groupActivitySummary (1 year, one busy group: repeat views)',
        () => gql(GROUP_Q, { g: group.id, f: from, t: to }),
        () => baseGroupActivity(ds.manager, group.id, from, to),
      ],
      [
        `groupActivitySummary (1 year, ${allGroups.length} groups in turn: no repeats)`,
        () => gql(GROUP_Q, { g: nextGroup(), f: from, t: to }),
        () => baseGroupActivity(ds.manager, nextGroup(), from, to),
      ],
      [
        'regionCoverage (province)',
        () => gql(`query($r: ID!) { regionCoverage(regionId: $r, asOf: "2025-12-31") { compulsorySchools coveredSchools ratio studentsCovered consortia consortiaByMode { key count } consortiaByLevel { key count } gap } }`, { r: province.id }),
        () => baseRegionCoverage(ds.manager, province.id, '2025-12-31'),
      ],
      [
        'regionActivitySummary (province, 1 year)',
        () => gql(`query($r: ID!, $f: Date!, $t: Date!) { regionActivitySummary(regionId: $r, from: $f, to: $t) { groups groupsByKind { key count } researchSessions researchSessionsByType { key count } teacherParticipations } }`, { r: province.id, f: from, t: to }),
        () => baseRegionActivity(ds.manager, province.id, from, to),
      ],
    ];
    for (const [name, api, base] of cases) {
      process.stdout.write(`${name}: API...`);
      const a = await runLoad(`${name} · API, rollups`, async () => !!(await api()), opts);
      process.stdout.write(' base tables...\n');
      const b = await runLoad(`${name} · SQL over base tables`, async () => !!(await base()), slow);
      rows.push(a, b);
      console.log(`  p50 ratio ${(b.p50 / a.p50).toFixed(0)}×, p99 ratio ${(b.p99 / a.p99).toFixed(0)}×`);
    }

    // Writes: end live sessions spread over many groups, with and without rollup maintenance.
    const prepare = async () => {
      const ids: { id: string }[] = await ds.query(
        `INSERT INTO research_session (group_id, host_school_id, title, type, mode, status, starts_at, ends_at, started_at)
         SELECT g.id, g.lead_school_id, '写入压测', 'JOINT_RESEARCH', 'ONLINE', 'LIVE', now(), now() + interval '2 hours', now()
           FROM school_group g, generate_series(1, 1) ORDER BY random() LIMIT $1 RETURNING id`,
        [WRITES],
      );
      await ds.query(`INSERT INTO research_session_school (session_id, school_id) SELECT rs.id, rs.host_school_id FROM research_session rs WHERE rs.id = ANY($1::uuid[])`, [ids.map((x) => x.id)]);
      return ids.map((x) => x.id);
    };
    const writes: LoadResult[] = [];
    for (const enabled of [true, false]) {
      if (!enabled) {
        await server.stop();
        server = await spawnServer(db.url, { JWT_SECRET: SECRET, BENCH_DISABLE_ROLLUPS: '1' });
        url = `${server.url}/graphql`;
      }
      const queue = await prepare();
      writes.push(
        await runLoad(`endResearchSession · rollups ${enabled ? 'on' : 'off'}`, async () => {
          const id = queue.pop();
          if (!id) return false;
          await gql(`mutation($id: ID!) { endResearchSession(id: $id) { status } }`, { id });
          return true;
        }, { concurrency: CONCURRENCY, requests: WRITES, maxSeconds: 60, warmup: 0 }),
      );
    }
    console.log(`\nDashboards on ${JSON.stringify(counts)}; concurrency ${CONCURRENCY}; ${os.cpus().length} cores, Node ${process.version}`);
    printTable([...rows, ...writes]);
    console.log(`\nWrite throughput with rollups: ${((writes[0].rps / writes[1].rps) * 100).toFixed(0)}% of without`);
  } finally {
    await server.stop();
    await ds.destroy();
    await db.stop();
  }
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
