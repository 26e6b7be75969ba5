import { In, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { RequestContext } from './request-context';

/** Batch-load rows by id through the request's DataLoader: one query per entity type per tick. */
export function byId<T extends ObjectLiteral & { id: string }>(ctx: RequestContext, entity: EntityTarget<T>, name: string) {
  return ctx.loader<string, T | null>(`${name}:byId`, async (ids) => {
    const rows = await ctx.em.getRepository(entity).findBy({ id: In([...ids]) } as any);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Batch-load child rows grouped by a foreign key. */
export function groupedBy<T extends ObjectLiteral>(
  ctx: RequestContext,
  key: string,
  load: (ids: string[]) => Promise<T[]>,
  keyOf: (row: T) => string,
) {
  return ctx.loader<string, T[]>(key, async (ids) => {
    const rows = await load([...ids]);
    const map = new Map<string, T[]>();
    for (const r of rows) {
      const k = keyOf(r);
      if (!map.has(k)) map.set(k, []);
      map.get(k)!.push(r);
    }
    return ids.map((id) => map.get(id) ?? []);
  });
}
