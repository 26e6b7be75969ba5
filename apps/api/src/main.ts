import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig, openDatabase, usingDevJwtSecret, type OpenedDatabase } from '#app/core';
import { IdentityService } from '#app/identity';
import { ensureAdmin } from './bootstrap-admin';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from './demo/seed-demo';
import { createApp } from './server';

async function main() {
  const logger = new Logger('Main');
  const config = loadConfig();
  if (usingDevJwtSecret(config)) logger.warn('JWT_SECRET is not set: using the development default. Set it for any shared deployment.');

  let db: OpenedDatabase | undefined;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing in-flight requests and shutting down`);
    const force = setTimeout(() => {
      logger.error('Shutdown took longer than 20 s: exiting');
      process.exit(1);
    }, 20000);
    force.unref();
    try {
      if (app) {
        const server = app.getHttpServer();
        server.closeIdleConnections?.();
        await app.close(); // stops accepting, waits for in-flight requests, closes the pool
      }
    } catch (err) {
      logger.error(`Error while closing the app: ${(err as Error).message}`);
    }
    try {
      await db?.stop();
    } catch (err) {
      logger.error(`Error while stopping the embedded PostgreSQL: ${(err as Error).message}`);
    }
    logger.log('Stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    db = await openDatabase(config, (l) => logger.log(l));
  } catch (err) {
    logger.error((err as Error).message);
    process.exit(1);
  }

  try {
    app = await createApp({ config, databaseUrl: db.url });
    const ds = app.get(DataSource);
    const identity = app.get(IdentityService);
    if (config.demoData) {
      await seedDemo(app, (l) => logger.log(l));
    }
    if (config.adminEmail && config.adminPassword) await ensureAdmin(ds, identity, config.adminEmail, config.adminPassword, logger);
    await app.listen(config.port, config.host);
  } catch (err) {
    logger.error((err as Error).message);
    await app?.close().catch(() => undefined);
    await db?.stop().catch(() => undefined);
    process.exit(1);
  }

  if (config.demoData) {
    logger.log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) logger.log(`  ${a.email.padEnd(32)} ${a.role.padEnd(15)} ${a.scope}`);
  }
  const base = `http://localhost:${config.port}`;
  logger.log(`Web app:   ${base}/ (sign in with a demo account above)`);
  logger.log(`GraphQL:   ${base}/graphql${config.production ? '' : ' (open it in a browser for the Apollo landing page)'}`);
  logger.log(`socket.io: ${base} (namespace /live)`);
  logger.log(`Health:    ${base}/health`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
