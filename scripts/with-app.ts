import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { loadConfig, openDatabase, type AppConfig } from '#app/core';
import { createApp } from '../apps/api/src/server';

/**
 * For CLI scripts that act through the services (the demo): open DATABASE_URL (or the embedded database), build the
 * API (migrated, not listening), run `work`, close everything, exit 1 on error.
 */
export function withApp(work: (app: INestApplication, config: AppConfig) => Promise<void>): void {
  const run = async () => {
    const config = loadConfig();
    const db = await openDatabase(config, console.log);
    try {
      const app = await createApp({ config, databaseUrl: db.url, logger: ['warn', 'error'] });
      try {
        await work(app, config);
      } finally {
        await app.close().catch(() => undefined);
      }
    } finally {
      await db.stop();
    }
  };
  run().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
