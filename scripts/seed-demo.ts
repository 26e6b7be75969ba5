import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../apps/api/src/demo/seed-demo';
import { withApp } from './with-app';

/** npm run seed:demo: load the demo county into DATABASE_URL (or the embedded database). Safe to run twice. */
withApp(async (app) => {
  const summary = await seedDemo(app, console.log);
  console.log(summary.created ? `Demo data loaded: ${JSON.stringify(summary)}` : 'Demo data already present: nothing changed');
  console.log(`Demo accounts (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}`);
});
