import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { fixedClock } from '../time/china-date';
import { RequestContext } from './request-context';

const em = { connection: { manager: {} } } as unknown as EntityManager;

describe('RequestContext clock', () => {
  it('reads the system clock by default, and today is the China date', () => {
    const ctx = new RequestContext(em, null);
    const before = Date.now();
    const now = ctx.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    expect(ctx.today()).toBe(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
  });

  it('plays a call at a given instant, and the copies it makes keep that clock', () => {
    const ctx = new RequestContext(em, null).withClock(fixedClock('2025-03-04T17:30:00Z'));
    expect(ctx.now().toISOString()).toBe('2025-03-04T17:30:00.000Z');
    expect(ctx.today()).toBe('2025-03-05');
    expect(ctx.withManager(em, true).today()).toBe('2025-03-05');
    expect(ctx.withPrincipal(null).now().toISOString()).toBe('2025-03-04T17:30:00.000Z');
  });

  it('shares the commit hooks of the context it was made from', () => {
    const tx = new RequestContext(em, null).withManager(em, true);
    const played = tx.withClock(fixedClock('2025-01-01T00:00:00Z'));
    played.afterCommit.push(() => undefined);
    played.beforeCommit.push(async () => undefined);
    expect(tx.afterCommit).toHaveLength(1);
    expect(tx.beforeCommit).toHaveLength(1);
    expect(played.commitHooks).toBe(true);
  });
});
