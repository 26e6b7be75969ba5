import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, AUTHENTICATED, Ctx, IdArg, PageArgs, Role, type RequestContext } from '#app/core';
import { SchoolGroup, Teacher, TeacherService } from '#app/organisation';
import {
  EvaluateMentoringPairInput,
  LogMentoringActivityInput,
  MentoringPairFilter,
  MentorSuggestionArgs,
  PairSuggestionArgs,
  RequestMentorshipInput,
} from './dto/mentoring.input';
import { MentoringActivity, MentoringEvaluation, MentoringPair } from './entities/mentoring.entity';
import { MentoringService } from './mentoring.service';
import { MentoringPairConnection } from './models';
import { MentorSuggestion, PairSuggestion, SuggestionsService } from './suggestions.service';

@Resolver(() => MentoringPair)
export class MentoringResolver {
  constructor(
    private readonly mentoring: MentoringService,
    private readonly suggestions: SuggestionsService,
    private readonly teachers: TeacherService,
  ) {}

  @Allow(Role.TEACHER, Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Mutation(() => MentoringPair, { description: 'The apprentice, the mentor or a group manager proposes a pair (PROPOSED)' })
  requestMentorship(@Ctx() ctx: RequestContext, @Args('input') input: RequestMentorshipInput) {
    return this.mentoring.request(ctx, input);
  }

  @Allow(Role.TEACHER)
  @Mutation(() => MentoringPair, { description: 'The other side (the mentor, when a manager proposed) accepts (ACTIVE) or declines' })
  respondToMentorship(@Ctx() ctx: RequestContext, @IdArg('pairId') pairId: string, @Args('accept') accept: boolean, @Args('note', { nullable: true }) note?: string) {
    return this.mentoring.respond(ctx, pairId, accept, note);
  }

  @Allow(Role.TEACHER)
  @Mutation(() => MentoringActivity, { description: 'Either side logs a meeting, lesson observation (听课), feedback (评课) or demo lesson' })
  logMentoringActivity(@Ctx() ctx: RequestContext, @Args('input') input: LogMentoringActivityInput) {
    return this.mentoring.logActivity(ctx, input);
  }

  @Allow(Role.TEACHER, Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Mutation(() => MentoringPair)
  completeMentoringPair(@Ctx() ctx: RequestContext, @IdArg('pairId') pairId: string, @Args('evaluation') evaluation: string) {
    return this.mentoring.complete(ctx, pairId, evaluation);
  }

  @Allow(Role.TEACHER, Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Mutation(() => MentoringPair)
  dissolveMentoringPair(@Ctx() ctx: RequestContext, @IdArg('pairId') pairId: string, @Args('reason') reason: string) {
    return this.mentoring.dissolve(ctx, pairId, reason);
  }

  @Allow(Role.TEACHER, Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Mutation(() => MentoringEvaluation, { description: 'A periodic evaluation: a score 1–5 per goal and a comment' })
  evaluateMentoringPair(@Ctx() ctx: RequestContext, @Args('input') input: EvaluateMentoringPairInput) {
    return this.mentoring.evaluate(ctx, input);
  }

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Mutation(() => SchoolGroup, { description: 'How many active apprentices a mentor may have in the group' })
  setMentorCapacity(@Ctx() ctx: RequestContext, @IdArg('groupId') groupId: string, @Args('capacity', { type: () => Int }) capacity: number) {
    return this.mentoring.setCapacity(ctx, groupId, capacity);
  }

  @Allow(AUTHENTICATED)
  @Query(() => MentoringPairConnection, { description: 'Pairs you may see: your own, your group’s, your school’s, your region’s' })
  mentoringPairs(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: MentoringPairFilter) {
    return this.mentoring.list(ctx, filter, page);
  }

  @Allow(AUTHENTICATED)
  @Query(() => MentoringPair, { nullable: true, description: 'One pair, for those who see it in mentoringPairs; null otherwise' })
  mentoringPair(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.mentoring.get(ctx, id);
  }

  @Allow(Role.TEACHER, Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Query(() => [MentorSuggestion], { description: 'Ranked mentors for an apprentice, with a score and reasons' })
  suggestMentors(
    @Ctx() ctx: RequestContext,
    @IdArg('groupId') groupId: string,
    @IdArg('apprenticeTeacherId') apprenticeTeacherId: string,
    @Args() { subject }: MentorSuggestionArgs,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 10 }) first: number,
  ) {
    return this.suggestions.suggestMentors(ctx, groupId, apprenticeTeacherId, subject, first);
  }

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Query(() => [PairSuggestion], { description: 'The optimal set of pairs for the group (maximum total score within capacities); creates nothing' })
  suggestMentoringPairs(@Ctx() ctx: RequestContext, @IdArg('groupId') groupId: string, @Args() { subject }: PairSuggestionArgs) {
    return this.suggestions.suggestPairs(ctx, groupId, subject);
  }

  @ResolveField(() => Teacher)
  mentor(@Ctx() ctx: RequestContext, @Parent() p: MentoringPair) {
    return this.teachers.load(ctx, p.mentorTeacherId);
  }

  @ResolveField(() => Teacher)
  apprentice(@Ctx() ctx: RequestContext, @Parent() p: MentoringPair) {
    return this.teachers.load(ctx, p.apprenticeTeacherId);
  }

  @ResolveField(() => [MentoringActivity], { description: 'Notes are shown to the mentor and the apprentice only' })
  activities(@Ctx() ctx: RequestContext, @Parent() p: MentoringPair) {
    return this.mentoring.activities(ctx, p);
  }

  @ResolveField(() => Int)
  async activityCount(@Ctx() ctx: RequestContext, @Parent() p: MentoringPair) {
    return (await this.mentoring.activities(ctx, p)).length;
  }

  @ResolveField(() => [MentoringEvaluation])
  evaluations(@Ctx() ctx: RequestContext, @Parent() p: MentoringPair) {
    return this.mentoring.evaluations(ctx, p.id);
  }
}

@Resolver(() => MentoringActivity)
export class MentoringActivityFieldsResolver {
  @ResolveField(() => String, { nullable: true, description: 'Only for the mentor and the apprentice' })
  notes(@Parent() a: MentoringActivity) {
    return a.notes;
  }
}
