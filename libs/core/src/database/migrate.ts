import type { DataSource } from 'typeorm';

// Two instances starting at once must not both migrate: serialise on an advisory lock.
const MIGRATION_LOCK = 727001;

export async function runMigrations(ds: DataSource, log: (m: string) => void = () => {}): Promise<string[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const done = await ds.runMigrations({ transaction: 'each' });
    for (const m of done) log(`migration applied: ${m.name}`);
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * Statements that would bring the database in line with the entities. Entities describe tables and columns;
 * foreign keys, CHECKs and partial or GIN indexes live only in the hand-written migrations, so statements
 * that would drop those are left out: what remains is a draft for `migration:generate`, and an empty list
 * means entities and migrations agree (a test checks it).
 */
export async function schemaDrift(ds: DataSource): Promise<{ up: string[]; down: string[] }> {
  const sql = await ds.driver.createSchemaBuilder().log();
  const noise = (q: string) => /DROP CONSTRAINT|DROP INDEX/.test(q) || /ADD CONSTRAINT .* (FOREIGN KEY|UNIQUE|CHECK)/.test(q) || /CREATE (UNIQUE )?INDEX/.test(q);
  const up = sql.upQueries.map((q) => q.query).filter((q) => !noise(q));
  const down = sql.downQueries.map((q) => q.query).filter((q) => !noise(q));
  return { up, down };
}
