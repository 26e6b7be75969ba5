import 'reflect-metadata';
import argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig, runMigrations, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../libs/core/src';
import { ENTITIES } from '../apps/api/src/app.module';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../apps/api/src/demo/seed-demo';
import { MIGRATIONS } from '../prisma-free-migrations';

/** npm run seed:demo: load the demo county into DATABASE_URL (or the embedded database). Safe to run twice. */
async function main() {
  const config = loadConfig();
  let embedded: EmbeddedPostgresHandle | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dir: config.dataDir, port: config.embeddedPgPort, log: console.log });
    url = embedded.url;
  }
  const ds = new DataSource(dataSourceOptions({ url, entities: ENTITIES, migrations: MIGRATIONS, poolSize: 2 }));
  try {
    await ds.initialize();
    await runMigrations(ds, console.log);
    const summary = await seedDemo(ds, (pw) => argon2.hash(pw, { type: argon2.argon2id }), console.log);
    console.log(summary.created ? `Demo data loaded: ${JSON.stringify(summary)}` : 'Demo data already present: nothing changed');
    console.log(`Demo accounts (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}`);
  } finally {
    await ds.destroy().catch(() => undefined);
    await embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
