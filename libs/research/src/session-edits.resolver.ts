import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, IdArg, Role, type RequestContext } from '#app/core';
import { Teacher } from '#app/organisation';
import { UpdateResearchSessionInput } from './dto/session.input';
import { ResearchSession, SessionMinutesVersion } from './entities/research-session.entity';
import { SessionEditsService } from './session-edits.service';

const MANAGERS = [Role.REGION_ADMIN, Role.GROUP_MANAGER, Role.SCHOOL_ADMIN] as const;

@Resolver(() => ResearchSession)
export class SessionEditsResolver {
  constructor(private readonly edits: SessionEditsService) {}

  @Allow(...MANAGERS)
  @Mutation(() => ResearchSession, { description: 'Changes a session not yet started: time (改期), mode, place, meeting link, subject, grade, title, agenda. Those who run it only' })
  updateResearchSession(@Ctx() ctx: RequestContext, @Args('input') input: UpdateResearchSessionInput) {
    return this.edits.update(ctx, input);
  }

  @Allow(...MANAGERS)
  @Mutation(() => ResearchSession, { description: 'Corrects the minutes (会议纪要) of an ENDED session; every earlier text stays in minutesHistory' })
  correctResearchSessionMinutes(@Ctx() ctx: RequestContext, @IdArg('sessionId') sessionId: string, @Args('minutes') minutes: string) {
    return this.edits.correctMinutes(ctx, sessionId, minutes);
  }

  @ResolveField(() => [SessionMinutesVersion], { description: 'The minutes as written at the end, then each correction, oldest first (empty before the end)' })
  minutesHistory(@Ctx() ctx: RequestContext, @Parent() s: ResearchSession) {
    return this.edits.minutesHistory(ctx, s);
  }

  @ResolveField(() => [Teacher], { description: 'Teachers invited by name who have not checked in (缺席), for those who run the session; empty before it starts' })
  absentees(@Ctx() ctx: RequestContext, @Parent() s: ResearchSession) {
    return this.edits.absentees(ctx, s);
  }
}
