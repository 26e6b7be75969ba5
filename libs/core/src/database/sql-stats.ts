import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';

/** Counts SQL statements per request (exposed outside production as extensions.sqlStatements). */
export const sqlStats = new AsyncLocalStorage<{ statements: number }>();

export class CountingSqlLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('SQL');
  constructor(private readonly echo: boolean) {}

  logQuery(query: string, parameters?: unknown[], _qr?: QueryRunner) {
    const store = sqlStats.getStore();
    if (store) store.statements++;
    if (this.echo) this.logger.debug(`${query}${parameters?.length ? ' -- ' + JSON.stringify(parameters) : ''}`);
  }
  logQueryError(error: string | Error, query: string) {
    if (this.echo) this.logger.warn(`${String(error)} in ${query}`);
  }
  logQuerySlow(time: number, query: string) {
    this.logger.warn(`slow query (${time} ms): ${query.slice(0, 300)}`);
  }
  logSchemaBuild() {}
  logMigration(message: string) {
    this.logger.log(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown) {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
