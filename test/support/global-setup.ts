import { mkdtempSync, chmodSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations, startEmbeddedPostgres } from '#app/core';
import { MIGRATIONS } from '../../prisma-free-migrations';

/**
 * One PostgreSQL for the whole run (embedded unless DATABASE_URL is set), migrated once into a template
 * database; every test file then clones it (CREATE DATABASE ... TEMPLATE), so files are isolated and fast.
 */
export default async function globalSetup() {
  const started = Date.now();
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = '/postgres';
    adminUrl = u.toString();
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sg-test-pg-'));
    chmodSync(dir, 0o755); // postgres runs as user "postgres" when we are root
    const pg = await startEmbeddedPostgres({
      dir,
      database: 'postgres',
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
      log: () => undefined,
    });
    (globalThis as any).__EMBEDDED_PG__ = { pg, dir };
    adminUrl = pg.adminUrl;
  }
  const template = `sg_template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();

  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = '/' + template;
  const ds = new DataSource(dataSourceOptions({ url: templateUrl.toString(), entities: [], migrations: MIGRATIONS, poolSize: 2 }));
  await ds.initialize();
  await runMigrations(ds);
  await ds.destroy();

  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.TEST_PG_TEMPLATE = template;
  (globalThis as any).__TEST_TEMPLATE__ = { adminUrl, template };
  console.log(`\n[test db] ${process.env.DATABASE_URL ? 'DATABASE_URL server' : 'embedded PostgreSQL'} ready, template migrated in ${Date.now() - started} ms`);
}
