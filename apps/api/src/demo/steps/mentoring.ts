import type { INestApplicationContext } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ExpectedIds, RequestContext } from '#app/core';
import { IdentityService } from '#app/identity';
import { MentoringService } from '#app/mentoring';
import type { MentoringStep } from '../plans/mentoring-steps';
import { playSteps } from './play';
import { DemoPrincipals } from './principals';

/**
 * Plays the mentoring story (师徒结对) through MentoringService as the demo's people, at its own instants (see
 * playSteps). The service's rules (members of the group, the mentor's subject, one open pair, who answers, the
 * mentor's capacity on the day, evaluations of the pair's goals once per term) are the demo's checks.
 */
export async function playMentoring(app: INestApplicationContext, em: EntityManager, steps: readonly MentoringStep[]): Promise<void> {
  const mentoring = app.get(MentoringService);
  const principals = new DemoPrincipals(app.get(IdentityService), em);
  const what = (step: MentoringStep) => `${step.do} at ${step.at} by ${step.by.teacher?.name ?? 'a manager'} (pair ${step.pair.id}, ${step.pair.status})`;
  await playSteps(em, principals, 'mentoring', steps, what, (ctx, ids, step) => play(mentoring, ctx, ids, step));
  // what the service recorded is the story's: status and days (taken from the request clock)
  const pairs = steps.filter((s) => s.do === 'request').map((s) => s.pair);
  const rows: { id: string; status: string; activated_on: string | null; ended_on: string | null; planned_end_on: string | null }[] = await em.query(
    `SELECT id, status, activated_on::text, ended_on::text, planned_end_on::text FROM mentoring_pair WHERE id = ANY($1::uuid[])`,
    [pairs.map((p) => p.id)],
  );
  const got = new Map(rows.map((r) => [r.id, `${r.status} ${r.activated_on} ${r.ended_on} ${r.planned_end_on}`]));
  for (const p of pairs) {
    const want = `${p.status} ${p.activatedOn} ${p.endedOn} ${p.plannedEndOn}`;
    if (got.get(p.id) !== want) throw new Error(`demo: mentoring: pair ${p.id} is ${got.get(p.id) ?? 'missing'}, the demo's is ${want}`);
  }
}

async function play(mentoring: MentoringService, ctx: RequestContext, ids: ExpectedIds, step: MentoringStep): Promise<void> {
  const { pair } = step;
  switch (step.do) {
    case 'request': {
      ids.expect('mentoring_pair', pair.id);
      const created = await mentoring.request(ctx, step.input);
      if (created.proposedBy !== pair.proposedBy) throw new Error(`proposed by ${created.proposedBy}, the demo's by ${pair.proposedBy}`);
      return;
    }
    case 'respond':
      await mentoring.respond(ctx, pair.id, step.accept, step.note);
      return;
    case 'evaluate':
      ids.expect('mentoring_evaluation', step.evaluationId);
      await mentoring.evaluate(ctx, step.input);
      return;
    case 'complete':
      await mentoring.complete(ctx, pair.id, step.evaluation);
      return;
    case 'dissolve':
      await mentoring.dissolve(ctx, pair.id, step.reason);
      return;
  }
}
