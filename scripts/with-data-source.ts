import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig, openDatabase, type AppConfig } from '#app/core';
import { ENTITIES } from '../apps/api/src/app.module';
import { MIGRATIONS } from '../prisma-free-migrations';

/** For CLI scripts: open DATABASE_URL (or the embedded database), run `work`, close everything, exit 1 on error. */
export function withDataSource(work: (ds: DataSource, config: AppConfig) => Promise<void>, opts: { database?: string } = {}): void {
  const run = async () => {
    const config = loadConfig();
    const db = await openDatabase(config, console.log, opts);
    const ds = new DataSource(dataSourceOptions({ url: db.url, entities: ENTITIES, migrations: MIGRATIONS, poolSize: 2, slowQueryMs: 0 }));
    try {
      await ds.initialize();
      await work(ds, config);
    } finally {
      await ds.destroy().catch(() => undefined);
      await db.stop();
    }
  };
  run().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
