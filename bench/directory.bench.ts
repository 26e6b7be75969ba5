import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig, startEmbeddedPostgres } from '#app/core';
import { createApp } from '../apps/api/src/server';
import { seedDemo } from '../apps/api/src/demo/seed-demo';
import { printTable, runLoad, type LoadResult } from './load';

/**
 * npm run bench: directory queries of the foundation through the real GraphQL API on the demo county.
 * Embedded PostgreSQL in a temporary folder (or BENCH_DATABASE_URL), server and load in one process on loopback.
 * Run with NODE_ENV=production (npm run bench does) so graphql-js and the app take their production paths.
 */
async function main() {
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
  const requests = Number(process.env.BENCH_REQUESTS ?? 3000);
  const maxSeconds = Number(process.env.BENCH_MAX_SECONDS ?? 20);
  let dir: string | undefined;
  let url = process.env.BENCH_DATABASE_URL;
  let stopPg = async () => {};
  if (!url) {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sg-bench-'));
    chmodSync(dir, 0o755);
    const pg = await startEmbeddedPostgres({ dir, log: () => undefined });
    url = pg.url;
    stopPg = () => pg.stop();
  }
  const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'bench-directory-secret-at-least-32-bytes', DATABASE_URL: url, PORT: '0' });
  const app = await createApp({ config, databaseUrl: url, logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}/graphql`;
  try {
    const ds = app.get(DataSource);
    await seedDemo(app);
    const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
      const res = await fetch(base, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as any;
    };
    const login = await gql(`mutation { login(email: "bureau@demo.school-groups.cn", password: "demo12345") { token } }`);
    const token = login.data.login.token as string;
    const [{ id: county }] = await ds.query(`SELECT id FROM region WHERE name = '随县'`);
    const [{ id: group, n }] = await ds.query(
      `SELECT g.id, count(*)::int n FROM school_group g JOIN group_membership m ON m.group_id = g.id AND m.left_on IS NULL GROUP BY g.id ORDER BY n DESC LIMIT 1`,
    );
    const cases: [string, string, Record<string, unknown>][] = [
      ['schoolGroups(first: 20) { members { school { region } } }', `{ schoolGroups(first: 20) { totalCount edges { node { name kind mode leadSchool { name } members { role pairing school { name region { name } } } } } } }`, {}],
      [`schoolGroup(id) { members (${n}) { school { region } } }`, `query($id: ID!) { schoolGroup(id: $id) { name members { role school { name stage region { name parent { name } } } } } }`, { id: group }],
      ['schools(first: 50, filter: { regionId: county })', `query($r: ID) { schools(first: 50, filter: { regionId: $r }) { totalCount edges { node { name stage locale studentCount } } } }`, { r: county }],
      ['teachers(first: 50, filter: { groupId })', `query($g: ID) { teachers(first: 50, filter: { groupId: $g }) { totalCount edges { node { name subjects title email school { name } } } } }`, { g: group }],
    ];
    const results: LoadResult[] = [];
    for (const [name, query, vars] of cases) {
      process.stdout.write(`running ${name} ...\n`);
      results.push(await runLoad(name, async () => !(await gql(query, vars, token)).errors, { concurrency, requests, maxSeconds }));
    }
    console.log(`\nDirectory queries, concurrency ${concurrency}, up to ${requests} requests each, ${os.cpus().length} cores, Node ${process.version}`);
    printTable(results);
  } finally {
    await app.close();
    await stopPg();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
