import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { fixedClock } from '../time/china-date';
import { ExpectedIds } from './id-source';
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

describe('RequestContext ids', () => {
  it('creates random ids by default, and the ids given when a player supplies them, also in the copies it makes', () => {
    const ctx = new RequestContext(em, null);
    expect(ctx.newId('lesson_plan')).toMatch(/^[0-9a-f-]{36}$/);
    expect(ctx.newId('lesson_plan')).not.toBe(ctx.newId('lesson_plan'));
    const ids = new ExpectedIds().expect('lesson_plan', 'a', 'b').expect('lesson_plan_comment', 'c');
    const played = ctx.withClock(fixedClock('2025-01-01T00:00:00Z')).withIds(ids);
    expect(played.newId('lesson_plan')).toBe('a');
    expect(played.withManager(em, true).newId('lesson_plan')).toBe('b');
    expect(played.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(ids.left()).toEqual(['lesson_plan_comment: c']);
    expect(() => played.newId('lesson_plan')).toThrow('no id expected for a new lesson_plan row');
  });
});
