import type { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface OpenedDatabase {
  url: string;
  /** Set when we started the embedded server (and so must stop it). */
  embeddedPort?: number;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL in config.dataDir, started now (database `opts.database`, default school_groups). */
export async function openDatabase(config: AppConfig, log: (line: string) => void, opts: { database?: string } = {}): Promise<OpenedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  log(`No DATABASE_URL: starting the embedded PostgreSQL (data in ${config.dataDir})`);
  const pg = await startEmbeddedPostgres({ dir: config.dataDir, port: config.embeddedPgPort, log, database: opts.database });
  log(`Embedded PostgreSQL listening on 127.0.0.1:${pg.port}`);
  return { url: pg.url, embeddedPort: pg.port, stop: () => pg.stop() };
}
