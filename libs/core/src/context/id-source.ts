import { randomUUID } from 'node:crypto';

/**
 * Where a call takes the ids of the rows it creates (`ctx.newId(table)`): random UUIDs, or ids given by whoever plays
 * the call (the demo plays its story through the services and keeps its deterministic ids, the same on every machine).
 */
export interface IdSource {
  /** The id of the next row created in `table`. */
  next(table: string): string;
}

export const randomIds: IdSource = { next: () => randomUUID() };

/**
 * The ids given, per table, in the order the rows are created; a row nobody expected (a table with no id left)
 * throws, so a player learns at once that a call created something it did not plan for.
 */
export class ExpectedIds implements IdSource {
  private readonly queues = new Map<string, string[]>();

  expect(table: string, ...ids: string[]): this {
    this.queues.set(table, [...(this.queues.get(table) ?? []), ...ids]);
    return this;
  }

  next(table: string): string {
    const id = this.queues.get(table)?.shift();
    if (!id) throw new Error(`no id expected for a new ${table} row`);
    return id;
  }

  /** The ids given but not taken, by table (empty when every expected row was created). */
  left(): string[] {
    return [...this.queues].filter(([, ids]) => ids.length).map(([table, ids]) => `${table}: ${ids.join(', ')}`);
  }
}
