import { types as pgTypes } from 'pg';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { CountingSqlLogger } from './sql-stats';

// DATE columns stay 'YYYY-MM-DD' strings (no timezone shift); COUNT(*) and other int8 come back as numbers.
pgTypes.setTypeParser(1082, (v) => v);
pgTypes.setTypeParser(20, (v) => Number(v));

export interface DatabaseOptions {
  url: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  logSql?: boolean;
  poolSize?: number;
  /** Log statements slower than this (ms); 0 = never (bulk scripts). */
  slowQueryMs?: number;
}

/** One definition for the app, the CLI scripts and the tests. Never synchronize: migrations only (STYLE habit 8). */
export function dataSourceOptions(o: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: o.url,
    entities: o.entities,
    migrations: o.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    logger: new CountingSqlLogger(!!o.logSql),
    logging: true,
    maxQueryExecutionTime: o.slowQueryMs === 0 ? undefined : (o.slowQueryMs ?? 1000),
    extra: {
      max: o.poolSize ?? 20,
      application_name: 'school-groups-api',
      connectionTimeoutMillis: 10000,
    },
  };
}
