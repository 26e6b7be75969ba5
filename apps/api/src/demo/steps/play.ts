import type { EntityManager } from 'typeorm';
import { ExpectedIds, fixedClock, RequestContext } from '#app/core';
import type { Actor } from '../plans/lesson-prep';
import type { DemoPrincipals } from './principals';

/** A step of a story: who plays it, and when. */
export interface TimedStep {
  at: string;
  by: Actor;
}

/**
 * Plays a story's steps through the services, each as its actor at its own instant (the request clock) and with the
 * demo's ids for what it creates (the request's id source: `play` says which it expects), in the order of the
 * instants, in the loading transaction (so no commit hooks: nothing is announced live; the rollups are rebuilt once at
 * the end instead of projected per step). A step the services refuse,
 * or one that does not create every row it was given an id for, stops the load: the demo cannot show what the API
 * forbids.
 */
export async function playSteps<S extends TimedStep>(
  em: EntityManager,
  principals: DemoPrincipals,
  story: string,
  steps: readonly S[],
  describe: (step: S) => string,
  play: (ctx: RequestContext, ids: ExpectedIds, step: S) => Promise<void>,
): Promise<void> {
  // stable: steps at the same instant keep the order they were written in
  const sorted = [...steps].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const step of sorted) {
    const ids = new ExpectedIds();
    const ctx = new RequestContext(em, await principals.of(step.by)).withClock(fixedClock(step.at)).withIds(ids);
    ctx.rebuildsProjections = true; // the load ends with rebuildRollups
    try {
      await play(ctx, ids, step);
    } catch (err) {
      throw new Error(`demo: ${story}: ${describe(step)}: ${(err as Error).message}`);
    }
    const left = ids.left();
    if (left.length) throw new Error(`demo: ${story}: ${describe(step)} did not create ${left.join('; ')}`);
  }
}

/** Refuses a created row whose id is not the demo's. */
export function sameId(what: string, got: string, want: string): void {
  if (got !== want) throw new Error(`${what} ${got} created, the demo's is ${want}`);
}

/** Who plays a step, for the messages. */
export const actorName = (a: Actor): string => a.teacher?.name ?? a.userId ?? (a.administers ? `an admin of region ${a.administers}` : `a manager of group ${a.manages}`);
