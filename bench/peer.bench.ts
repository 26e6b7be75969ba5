import 'reflect-metadata';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { loadConfig, startEmbeddedPostgres } from '#app/core';
import { createApp } from '../apps/api/src/server';
import { seedDemo } from '../apps/api/src/demo/seed-demo';
import { postJson, spawnServer } from './load';
import { cpuMs, ensurePeer, loadGenerator, postgresCpuMs, postgresCpuSince, runLoadProcess, spawnPeer } from './peer';

/**
 * npm run bench:peer: the project against PostGraphile 5 (Node 22) on the same demo database, side by side.
 * Embedded PostgreSQL (with pg_stat_statements) in a temporary folder; the demo seeded through the project; both
 * servers as their own processes in production mode; the load generator (wrk, else autocannon) as a third; runs
 * alternated (ours, peer, ours, peer) per query and concurrency. Before measuring, both answers are compared.
 * Ours runs with its authentication and scope checks (signed in as the 随州市 bureau, whose scope is the whole demo);
 * the peer has neither. Env: BENCH_PEER_CONCURRENCY (8,16,32), BENCH_PEER_ROUNDS (2), BENCH_PEER_SECONDS (10),
 * BENCH_PEER_CASES (all; a comma-separated list of case keys).
 */
interface Case {
  key: string;
  name: string;
  ours: { query: string; variables?: Record<string, unknown> };
  peer: { query: string; variables?: Record<string, unknown> };
  /** The same data from either answer, for the comparison (null when the two sides ask different things). */
  same: ((data: any, side: 'ours' | 'peer') => unknown) | null;
}

const sortBy = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

function cases(groupId: string): Case[] {
  return [
    {
      key: 'group',
      name: 'group → members → school → region',
      ours: { query: `query($id: ID!) { schoolGroup(id: $id) { name members { role school { name region { name } } } } }`, variables: { id: groupId } },
      peer: {
        query: `query($id: UUID!) { schoolGroup(rowId: $id) { name groupMembershipsByGroupId(condition: { leftOn: null }, orderBy: [ROLE_ASC, JOINED_ON_ASC, PRIMARY_KEY_ASC]) { nodes { role school { name region { name } } } } } }`,
        variables: { id: groupId },
      },
      same: (d, side) => {
        const g = d.schoolGroup;
        const members = side === 'ours' ? g.members : g.groupMembershipsByGroupId.nodes;
        return { name: g.name, members: members.map((m: any) => [m.role, m.school.name, m.school.region.name]) };
      },
    },
    {
      key: 'schools',
      name: 'schools(first: 50) { name region { name } }',
      ours: { query: `{ schools(first: 50) { edges { node { name region { name } } } } }` },
      peer: { query: `{ schools(first: 50, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) { nodes { name region { name } } } }` },
      same: (d, side) => (side === 'ours' ? d.schools.edges.map((e: any) => e.node) : d.schools.nodes).map((s: any) => [s.name, s.region.name]),
    },
    {
      key: 'nested',
      name: 'schools(first: 50) → memberships → group',
      ours: { query: `{ schools(first: 50) { edges { node { name memberships { role group { name } } } } } }` },
      peer: {
        query: `{ schools(first: 50, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) { nodes { name groupMemberships(condition: { leftOn: null }, orderBy: [JOINED_ON_ASC, PRIMARY_KEY_ASC]) { nodes { role group { name } } } } } }`,
      },
      same: (d, side) =>
        (side === 'ours' ? d.schools.edges.map((e: any) => e.node) : d.schools.nodes).map((s: any) => [
          s.name,
          sortBy((side === 'ours' ? s.memberships : s.groupMemberships.nodes).map((m: any) => `${m.role} ${m.group.name}`), (x: string) => x),
        ]),
    },
    { key: 'me', name: '{ me { id } } (ours) vs { __typename } (peer)', ours: { query: `{ me { id } }` }, peer: { query: `{ __typename }` }, same: null },
  ];
}

interface Run {
  key: string;
  side: 'ours' | 'peer';
  concurrency: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  serverCpu: number;
  pgCpu: number;
  statements: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const concurrencies = (process.env.BENCH_PEER_CONCURRENCY ?? '8,16,32').split(',').map(Number);
  const rounds = Number(process.env.BENCH_PEER_ROUNDS ?? 2);
  const seconds = Number(process.env.BENCH_PEER_SECONDS ?? 10);
  const only = process.env.BENCH_PEER_CASES?.split(',');
  const { node, autocannon } = ensurePeer();

  const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-peer-'));
  chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dir, log: () => undefined, settings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'top' } });
  const postmaster = Number(readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const stops: (() => Promise<void>)[] = [];
  try {
    console.log('seeding the demo through the project ...');
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'bench-peer-secret-at-least-32-bytes-long', DATABASE_URL: pg.url, PORT: '0' });
    const app = await createApp({ config, databaseUrl: pg.url, logger: ['error'] });
    await seedDemo(app);
    await app.close();
    const db = new Client({ connectionString: pg.url });
    await db.connect();
    stops.push(() => db.end());
    // outside public, so that the peer does not serve it
    await db.query(`CREATE SCHEMA IF NOT EXISTS bench; CREATE EXTENSION IF NOT EXISTS pg_stat_statements SCHEMA bench`);
    const [{ id: groupId }] = (await db.query(`SELECT g.id FROM school_group g WHERE g.name = (SELECT name FROM school_group g2 JOIN group_membership m ON m.group_id = g2.id AND m.left_on IS NULL GROUP BY g2.id ORDER BY count(*) DESC, g2.name LIMIT 1)`)).rows;

    const ours = await spawnServer(pg.url, { JWT_SECRET: 'bench-peer-secret-at-least-32-bytes-long' });
    stops.push(() => ours.stop());
    const peer = await spawnPeer(node, pg.url);
    stops.push(() => peer.stop());
    const login = await postJson(`${ours.url}/graphql`, {}, { query: `mutation { login(email: "city@demo.school-groups.cn", password: "demo12345") { token } }` });
    const token = login.data.login.token as string;
    const sides = {
      ours: { url: `${ours.url}/graphql`, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, pid: ours.proc.pid! },
      peer: { url: `${peer.url}/graphql`, headers: { 'content-type': 'application/json' }, pid: peer.proc.pid! },
    };

    const list = cases(groupId).filter((c) => !only || only.includes(c.key));
    for (const c of list) {
      const a = await postJson(sides.ours.url, sides.ours.headers, c.ours);
      const b = await postJson(sides.peer.url, sides.peer.headers, c.peer);
      if (a.errors || b.errors) throw new Error(`${c.name}: ${JSON.stringify(a.errors ?? b.errors)}`);
      if (c.same && JSON.stringify(c.same(a.data, 'ours')) !== JSON.stringify(c.same(b.data, 'peer'))) {
        throw new Error(`${c.name}: the two sides answer different data:\nours ${JSON.stringify(c.same(a.data, 'ours')).slice(0, 400)}\npeer ${JSON.stringify(c.same(b.data, 'peer')).slice(0, 400)}`);
      }
      console.log(`same data: ${c.name}${c.same ? '' : ' (not compared: different questions)'}`);
    }

    const runs: Run[] = [];
    console.log(`load generator: ${loadGenerator()}; ${seconds} s per run, ${rounds} rounds, concurrency ${concurrencies.join('/')}; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    for (const c of list) {
      for (const concurrency of concurrencies) {
        for (let round = 0; round < rounds; round++) {
          for (const side of ['ours', 'peer'] as const) {
            const s = sides[side];
            const body = JSON.stringify(c[side]);
            await runLoadProcess(autocannon, s.url, s.headers, body, concurrency, 2); // warm-up, not recorded
            await db.query(`SELECT bench.pg_stat_statements_reset()`);
            const cpu0 = cpuMs(s.pid);
            const pg0 = postgresCpuMs(postmaster);
            const r = await runLoadProcess(autocannon, s.url, s.headers, body, concurrency, seconds);
            const serverCpu = (cpuMs(s.pid) - cpu0) / r.requests;
            const pgCpu = postgresCpuSince(pg0, postgresCpuMs(postmaster)) / r.requests;
            const [{ n }] = (await db.query(`SELECT coalesce(sum(calls), 0)::bigint AS n FROM bench.pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'`)).rows;
            runs.push({ key: c.key, side, concurrency, ...r, serverCpu, pgCpu, statements: Number(n) / r.requests });
            const x = runs.at(-1)!;
            console.log(`${c.key.padEnd(8)} c=${String(concurrency).padEnd(3)} ${side}  ${x.rps.toFixed(0).padStart(6)} req/s  p50 ${x.p50.toFixed(1)} ms  p99 ${x.p99.toFixed(1)} ms  cpu ${x.serverCpu.toFixed(2)}+${x.pgCpu.toFixed(2)} ms/req  ${x.statements.toFixed(2)} stmts/req  ${x.errors} errors`);
          }
        }
      }
    }

    console.log(`\n| query | c | ours req/s | peer req/s | ratio (median) | ours p50 / p99 ms | peer p50 / p99 ms | SQL statements ours / peer | CPU ms per request ours (server + PG) / peer |`);
    console.log(`|---|---:|---:|---:|---:|---:|---:|---:|---:|`);
    for (const c of list) {
      for (const concurrency of concurrencies) {
        const of = (side: 'ours' | 'peer') => runs.filter((r) => r.key === c.key && r.concurrency === concurrency && r.side === side);
        const o = of('ours');
        const p = of('peer');
        const range = (xs: Run[], f: (r: Run) => number, d = 0) => `${Math.min(...xs.map(f)).toFixed(d)}–${Math.max(...xs.map(f)).toFixed(d)}`;
        const m = (xs: Run[], f: (r: Run) => number) => median(xs.map(f));
        console.log(
          `| ${c.name} | ${concurrency} | ${range(o, (r) => r.rps)} | ${range(p, (r) => r.rps)} | ${(m(o, (r) => r.rps) / m(p, (r) => r.rps)).toFixed(2)} | ` +
            `${m(o, (r) => r.p50).toFixed(1)} / ${m(o, (r) => r.p99).toFixed(1)} | ${m(p, (r) => r.p50).toFixed(1)} / ${m(p, (r) => r.p99).toFixed(1)} | ` +
            `${m(o, (r) => r.statements).toFixed(2)} / ${m(p, (r) => r.statements).toFixed(2)} | ${m(o, (r) => r.serverCpu).toFixed(2)} + ${m(o, (r) => r.pgCpu).toFixed(2)} / ${m(p, (r) => r.serverCpu).toFixed(2)} + ${m(p, (r) => r.pgCpu).toFixed(2)} |`,
        );
      }
    }
    console.log(`\nload average at the end: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; errors: ${runs.reduce((a, r) => a + r.errors, 0)}`);
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
