import type { INestApplicationContext } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ExpectedIds, RequestContext } from '#app/core';
import { IdentityService } from '#app/identity';
import { LessonPlansService, PlanAdoptionsService, PlanCommentsService, TeamsService } from '#app/lesson-prep';
import type { LessonPrepScript, PrepStep } from '../plans/lesson-prep';
import { playSteps, sameId } from './play';
import { DemoPrincipals } from './principals';

/** Plays the lesson preparation story through the services as the demo's people, at its own instants (see playSteps). */
export async function playLessonPrep(app: INestApplicationContext, em: EntityManager, script: LessonPrepScript): Promise<void> {
  const services = {
    teams: app.get(TeamsService),
    plans: app.get(LessonPlansService),
    comments: app.get(PlanCommentsService),
    adoptions: app.get(PlanAdoptionsService),
  };
  const principals = new DemoPrincipals(app.get(IdentityService), em);
  /** comments left out: their author has no account here (a demo email someone else's account holds), and their threads */
  const unsigned = new Set<string>();
  const describe = (step: PrepStep) => `${step.do} at ${step.at} by ${step.by.teacher?.name ?? step.by.userId ?? 'a manager'}`;
  await playSteps(em, principals, 'lesson preparation', script.steps, describe, (ctx, ids, step) => play(services, ctx, ids, step, unsigned));
}

type Services = { teams: TeamsService; plans: LessonPlansService; comments: PlanCommentsService; adoptions: PlanAdoptionsService };

async function play({ teams, plans, comments, adoptions }: Services, ctx: RequestContext, ids: ExpectedIds, step: PrepStep, unsigned: Set<string>): Promise<void> {
  const created = sameId;
  switch (step.do) {
    case 'formTeam':
      ids.expect('lesson_prep_team', step.teamId).expect('lesson_prep_team_member', ...step.memberIds);
      return created('team', (await teams.create(ctx, step.input)).id, step.teamId);
    case 'addMember':
      ids.expect('lesson_prep_team_member', step.memberId);
      await teams.addMember(ctx, step.teamId, step.teacherId);
      return;
    case 'removeMember':
      await teams.removeMember(ctx, step.teamId, step.teacherId);
      return;
    case 'create':
      ids.expect('lesson_plan', step.planId);
      return created('plan', (await plans.create(ctx, step.input)).id, step.planId);
    case 'update': {
      const { version } = await plans.update(ctx, step.planId, step.expectedVersion, step.input);
      if (version !== step.expectedVersion + 1) throw new Error(`the plan is at version ${version}, the demo's text at ${step.expectedVersion + 1}`);
      return;
    }
    case 'submit':
    case 'publish':
    case 'archive':
      await plans[step.do](ctx, step.planId);
      return;
    case 'review':
      await plans.review(ctx, step.planId, step.approve, step.note);
      return;
    case 'adapt':
      ids.expect('lesson_plan', step.planId);
      return created('adaptation', (await plans.adapt(ctx, step.sourceId)).id, step.planId);
    case 'comment':
      if (!ctx.user.userId || (step.input.parentId && unsigned.has(step.input.parentId))) {
        unsigned.add(step.commentId);
        return;
      }
      ids.expect('lesson_plan_comment', step.commentId);
      return created('comment', (await comments.comment(ctx, step.input)).id, step.commentId);
    case 'resolve':
      if (!unsigned.has(step.commentId)) await comments.resolveComment(ctx, step.commentId);
      return;
    case 'adopt':
      ids.expect('lesson_plan_adoption', step.adoptionId);
      return created('adoption', (await adoptions.recordAdoption(ctx, step.input)).id, step.adoptionId);
  }
}
