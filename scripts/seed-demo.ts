import { runMigrations } from '#app/core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../apps/api/src/demo/seed-demo';
import { hashPassword } from '#app/identity';
import { withDataSource } from './with-data-source';

/** npm run seed:demo: load the demo county into DATABASE_URL (or the embedded database). Safe to run twice. */
withDataSource(async (ds) => {
  await runMigrations(ds, console.log);
  const summary = await seedDemo(ds, hashPassword, console.log);
  console.log(summary.created ? `Demo data loaded: ${JSON.stringify(summary)}` : 'Demo data already present: nothing changed');
  console.log(`Demo accounts (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}`);
});
