import { rmSync } from 'node:fs';
import { Client } from 'pg';

export default async function globalTeardown() {
  const t = (globalThis as any).__TEST_TEMPLATE__;
  const embedded = (globalThis as any).__EMBEDDED_PG__;
  if (t && !embedded) {
    // On a shared server, leave nothing behind: drop the template and any test databases of this run.
    const admin = new Client({ connectionString: t.adminUrl });
    await admin.connect();
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`, [t.template, `sgt_${process.pid}_%`]);
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    await admin.end();
  }
  if (embedded) {
    await embedded.pg.stop();
    rmSync(embedded.dir, { recursive: true, force: true });
  }
}
