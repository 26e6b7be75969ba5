import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestContext } from '../context/request-context';

/**
 * Runs a unit of work in one transaction (STYLE habit 4). Nested calls join the outer transaction.
 * Work queued with ctx.beforeCommit runs at the end of the outermost transaction, inside it (in queue order,
 * including work that those handlers queue); work queued with ctx.afterCommit runs only once it has committed.
 */
@Injectable()
export class TransactionService {
  private readonly logger = new Logger('Transaction');
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(ctx: RequestContext, work: (tx: RequestContext) => Promise<T>): Promise<T> {
    if (ctx.inTransaction) return work(ctx);
    let tx!: RequestContext;
    const result = await this.dataSource.transaction(async (em) => {
      tx = ctx.withManager(em, true);
      const value = await work(tx);
      for (let i = 0; i < tx.beforeCommit.length; i++) await tx.beforeCommit[i]();
      return value;
    });
    ctx.clearLoaders();
    for (const fn of tx.afterCommit) {
      try {
        await fn();
      } catch (err) {
        this.logger.error(`after-commit handler failed: ${(err as Error).message}`, (err as Error).stack);
      }
    }
    return result;
  }
}
