import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Allow, AUTHENTICATED, Ctx, IdArg, PageArgs, Role, type RequestContext } from '#app/core';
import { School, SchoolGroup, SchoolService, GroupService, Teacher, TeacherService } from '#app/organisation';
import { IdentityService, User } from '#app/identity';
import { ResearchSessionFilter, ScheduleResearchSessionInput } from './dto/session.input';
import { Attendance, ResearchSession } from './entities/research-session.entity';
import { SessionEvent } from './entities/session-event.entity';
import { ResearchSessionStatus, SessionEventType } from './enums';
import { LiveDeliveryService } from './live-delivery.service';
import { ResearchSessionConnection } from './models';
import { ResearchAccess } from './research-access';
import { ResearchService } from './research.service';
import { SessionEventsService } from './session-events.service';
import { sessionEventStream } from './session-subscription';

const MANAGERS = [Role.REGION_ADMIN, Role.GROUP_MANAGER, Role.SCHOOL_ADMIN] as const;

@Resolver(() => ResearchSession)
export class ResearchResolver {
  constructor(
    private readonly research: ResearchService,
    private readonly access: ResearchAccess,
    private readonly eventLog: SessionEventsService,
    private readonly delivery: LiveDeliveryService,
    private readonly schools: SchoolService,
    private readonly groups: GroupService,
    private readonly teachers: TeacherService,
  ) {}

  @Allow(...MANAGERS)
  @Mutation(() => ResearchSession, { description: "Group managers and the host school's admins schedule sessions for the group's schools" })
  scheduleResearchSession(@Ctx() ctx: RequestContext, @Args('input') input: ScheduleResearchSessionInput) {
    return this.research.schedule(ctx, input);
  }

  @Allow(...MANAGERS)
  @Mutation(() => ResearchSession)
  startResearchSession(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.research.start(ctx, id);
  }

  @Allow(...MANAGERS)
  @Mutation(() => ResearchSession)
  endResearchSession(@Ctx() ctx: RequestContext, @IdArg('id') id: string, @Args('minutes', { nullable: true }) minutes?: string) {
    return this.research.end(ctx, id, minutes);
  }

  @Allow(...MANAGERS)
  @Mutation(() => ResearchSession)
  cancelResearchSession(@Ctx() ctx: RequestContext, @IdArg('id') id: string, @Args('reason') reason: string) {
    return this.research.cancel(ctx, id, reason);
  }

  @Allow(...MANAGERS)
  @Mutation(() => ResearchSession, { description: 'Moves the live agenda to item `index` (default: the next one)' })
  advanceSessionAgenda(@Ctx() ctx: RequestContext, @IdArg('id') id: string, @Args('index', { type: () => Int, nullable: true }) index?: number) {
    return this.research.advanceAgenda(ctx, id, index);
  }

  @Allow(Role.TEACHER)
  @Mutation(() => Attendance, { description: 'A teacher of an invited school (or invited by name) checks in to a live session, once' })
  checkInResearchSession(@Ctx() ctx: RequestContext, @IdArg('sessionId') sessionId: string) {
    return this.research.checkIn(ctx, sessionId);
  }

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER, Role.SCHOOL_ADMIN)
  @Mutation(() => Attendance, { description: "The session's managers record an invited teacher as present (a paper sign-in sheet) while it is live, once" })
  recordResearchSessionAttendance(@Ctx() ctx: RequestContext, @IdArg('sessionId') sessionId: string, @IdArg('teacherId') teacherId: string) {
    return this.research.recordAttendance(ctx, sessionId, teacherId);
  }

  @Allow(AUTHENTICATED)
  @Mutation(() => SessionEvent, { description: 'A note in a live session (at most 2,000 characters; rate-limited per user)' })
  postSessionNote(@Ctx() ctx: RequestContext, @IdArg('sessionId') sessionId: string, @Args('text') text: string) {
    return this.research.postText(ctx, sessionId, SessionEventType.NOTE_POSTED, text);
  }

  @Allow(AUTHENTICATED)
  @Query(() => ResearchSession, { nullable: true, description: 'Only for its managers and invited schools and teachers' })
  researchSession(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.research.get(ctx, id);
  }

  @Allow(AUTHENTICATED)
  @Query(() => ResearchSessionConnection, { description: 'Sessions you may see, earliest first' })
  researchSessions(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: ResearchSessionFilter) {
    return this.research.list(ctx, filter, page);
  }

  @Allow(AUTHENTICATED)
  @Subscription(() => SessionEvent, {
    description: 'Live events of a session after afterSeq (the missed ones first), in order, each once',
    resolve: (e: SessionEvent) => e,
  })
  async researchSessionEvents(
    @Ctx() ctx: RequestContext,
    @IdArg('sessionId') sessionId: string,
    @Args('afterSeq', { type: () => Int, nullable: true, defaultValue: 0 }) afterSeq: number,
  ) {
    await this.access.require(ctx, sessionId, 'view');
    return sessionEventStream(this.delivery, sessionId, Math.max(0, afterSeq ?? 0));
  }

  @ResolveField(() => Boolean, { description: 'Still SCHEDULED after its end time: it never started (shown as 已过期未开始)' })
  overdue(@Ctx() ctx: RequestContext, @Parent() s: ResearchSession) {
    return s.status === ResearchSessionStatus.SCHEDULED && s.endsAt.getTime() < ctx.now().getTime();
  }

  @ResolveField(() => SchoolGroup)
  group(@Ctx() ctx: RequestContext, @Parent() s: ResearchSession) {
    return this.groups.load(ctx, s.groupId);
  }

  @ResolveField(() => School)
  hostSchool(@Ctx() ctx: RequestContext, @Parent() s: ResearchSession) {
    return this.schools.load(ctx, s.hostSchoolId);
  }

  @ResolveField(() => [School])
  async invitedSchools(@Ctx() ctx: RequestContext, @Parent() s: ResearchSession) {
    const ids = await this.research.invitedSchoolIds(ctx, s.id);
    return Promise.all(ids.map((id) => this.schools.load(ctx, id)));
  }

  @ResolveField(() => [Teacher])
  async invitedTeachers(@Ctx() ctx: RequestContext, @Parent() s: ResearchSession) {
    const ids = await this.research.invitedTeacherIds(ctx, s.id);
    return Promise.all(ids.map((id) => this.teachers.load(ctx, id)));
  }

  @ResolveField(() => [Attendance], { description: 'Check-ins, earliest first' })
  attendance(@Ctx() ctx: RequestContext, @Parent() s: ResearchSession) {
    return this.research.attendance(ctx, s.id);
  }

  @ResolveField(() => [SessionEvent], { description: 'Stored live events after afterSeq, in order' })
  events(
    @Ctx() ctx: RequestContext,
    @Parent() s: ResearchSession,
    @Args('afterSeq', { type: () => Int, nullable: true, defaultValue: 0 }) afterSeq: number,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100, description: 'At most 100' }) first: number,
  ) {
    return this.eventLog.list(ctx, s.id, Math.max(0, afterSeq ?? 0), Math.min(Math.max(first ?? 100, 0), 100));
  }
}

@Resolver(() => Attendance)
export class AttendanceFieldsResolver {
  constructor(private readonly teachers: TeacherService, private readonly schools: SchoolService) {}
  @ResolveField(() => Teacher)
  teacher(@Ctx() ctx: RequestContext, @Parent() a: Attendance) {
    return this.teachers.load(ctx, a.teacherId);
  }
  @ResolveField(() => School)
  school(@Ctx() ctx: RequestContext, @Parent() a: Attendance) {
    return this.schools.load(ctx, a.schoolId);
  }
}

@Resolver(() => SessionEvent)
export class SessionEventFieldsResolver {
  constructor(private readonly teachers: TeacherService, private readonly users: IdentityService) {}
  @ResolveField(() => User, { nullable: true, description: 'Who caused the event' })
  actor(@Ctx() ctx: RequestContext, @Parent() e: SessionEvent) {
    return e.actorUserId ? this.users.load(ctx, e.actorUserId) : null;
  }
  @ResolveField(() => Teacher, { nullable: true })
  actorTeacher(@Ctx() ctx: RequestContext, @Parent() e: SessionEvent) {
    return e.actorTeacherId ? this.teachers.load(ctx, e.actorTeacherId) : null;
  }
}
