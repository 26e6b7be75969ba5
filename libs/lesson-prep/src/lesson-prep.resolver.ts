import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { concatMap, filter, map } from 'rxjs';
import { Allow, AUTHENTICATED, byId, Ctx, IdArg, observableIterator, PageArgs, Role, type RequestContext } from '#app/core';
import { IdentityService, User } from '#app/identity';
import { GroupService, School, SchoolGroup, SchoolService, Teacher, TeacherService } from '#app/organisation';
import {
  CommentOnLessonPlanInput,
  CreateLessonPlanInput,
  CreateLessonPrepTeamInput,
  LessonPlanAdoptionFilter,
  LessonPlanFilter,
  LessonPrepTeamFilter,
  RecordAdoptionInput,
  UpdateLessonPlanInput,
  UpdateLessonPrepTeamInput,
} from './dto/lesson-prep.input';
import { LessonPlan, LessonPlanAdoption, LessonPlanComment, LessonPlanRevision, LessonPrepTeam, LessonPrepTeamMember } from './entities/lesson-prep.entity';
import { LessonPlanAction, viewerActions } from './plan-actions';
import { LessonPrepAccess } from './lesson-prep-access';
import { LessonPlansService } from './lesson-plans.service';
import { PlanAdoptionsService } from './plan-adoptions.service';
import { PlanCommentsService } from './plan-comments.service';
import { PlanViewsService, type PlanView } from './plan-views.service';
import { AdaptationSource, LessonPlanAdoptionConnection, LessonPlanConnection, LessonPlanDiffModel, LessonPrepTeamConnection } from './models';
import { LessonPlanEvent, PlanEventsService } from './plan-events.service';
import { TeamsService } from './teams.service';

const MANAGERS = [Role.REGION_ADMIN, Role.GROUP_MANAGER] as const;

@Resolver(() => LessonPrepTeam)
export class LessonPrepTeamResolver {
  constructor(
    private readonly teams: TeamsService,
    private readonly groups: GroupService,
    private readonly teachers: TeacherService,
  ) {}

  @Allow(...MANAGERS)
  @Mutation(() => LessonPrepTeam, { description: 'A group manager forms a lesson preparation team (集体备课团队) of teachers of member schools' })
  createLessonPrepTeam(@Ctx() ctx: RequestContext, @Args('input') input: CreateLessonPrepTeamInput) {
    return this.teams.create(ctx, input);
  }

  @Allow(Role.TEACHER, ...MANAGERS)
  @Mutation(() => LessonPrepTeam, { description: 'The team leader or a group manager adds a teacher of a member school' })
  addLessonPrepTeamMember(@Ctx() ctx: RequestContext, @IdArg('teamId') teamId: string, @IdArg('teacherId') teacherId: string) {
    return this.teams.addMember(ctx, teamId, teacherId);
  }

  @Allow(Role.TEACHER, ...MANAGERS)
  @Mutation(() => LessonPrepTeam, { description: 'Ends a membership (kept in memberships)' })
  removeLessonPrepTeamMember(@Ctx() ctx: RequestContext, @IdArg('teamId') teamId: string, @IdArg('teacherId') teacherId: string) {
    return this.teams.removeMember(ctx, teamId, teacherId);
  }

  @Allow(Role.TEACHER, ...MANAGERS)
  @Mutation(() => LessonPrepTeam, { description: 'The leader renames the team; group managers also name its leader and reviewer' })
  updateLessonPrepTeam(@Ctx() ctx: RequestContext, @IdArg('teamId') teamId: string, @Args('input') input: UpdateLessonPrepTeamInput) {
    return this.teams.update(ctx, teamId, input);
  }

  @Allow(AUTHENTICATED)
  @Query(() => LessonPrepTeam, { nullable: true, description: 'For the group’s teachers, school admins and managers' })
  lessonPrepTeam(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.teams.get(ctx, id);
  }

  @Allow(AUTHENTICATED)
  @Query(() => LessonPrepTeamConnection, { description: 'Teams of the groups you belong to, oldest first' })
  lessonPrepTeams(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: LessonPrepTeamFilter) {
    return this.teams.list(ctx, filter, page);
  }

  @ResolveField(() => SchoolGroup)
  group(@Ctx() ctx: RequestContext, @Parent() t: LessonPrepTeam) {
    return this.groups.load(ctx, t.groupId);
  }

  @ResolveField(() => Teacher)
  leader(@Ctx() ctx: RequestContext, @Parent() t: LessonPrepTeam) {
    return this.teachers.load(ctx, t.leaderTeacherId);
  }

  @ResolveField(() => Teacher, { nullable: true })
  reviewer(@Ctx() ctx: RequestContext, @Parent() t: LessonPrepTeam) {
    return t.reviewerTeacherId ? this.teachers.load(ctx, t.reviewerTeacherId) : null;
  }

  @ResolveField(() => [Teacher], { description: 'Active members: the leader first, then in the order they joined' })
  async members(@Ctx() ctx: RequestContext, @Parent() t: LessonPrepTeam) {
    const active = (await this.teams.memberships(ctx, t.id)).filter((m) => !m.leftAt);
    // the leader first, then in the order they joined
    const ordered = [...active.filter((m) => m.teacherId === t.leaderTeacherId), ...active.filter((m) => m.teacherId !== t.leaderTeacherId)];
    return Promise.all(ordered.map((m) => this.teachers.load(ctx, m.teacherId)));
  }

  @ResolveField(() => [LessonPrepTeamMember], { description: 'Every membership, past and present' })
  memberships(@Ctx() ctx: RequestContext, @Parent() t: LessonPrepTeam) {
    return this.teams.memberships(ctx, t.id);
  }
}

@Resolver(() => LessonPrepTeamMember)
export class LessonPrepTeamMemberResolver {
  constructor(private readonly teachers: TeacherService) {}
  @ResolveField(() => Teacher)
  teacher(@Ctx() ctx: RequestContext, @Parent() m: LessonPrepTeamMember) {
    return this.teachers.load(ctx, m.teacherId);
  }
}

@Resolver(() => LessonPlan)
export class LessonPlanResolver {
  constructor(
    private readonly plans: LessonPlansService,
    private readonly planViews: PlanViewsService,
    private readonly planComments: PlanCommentsService,
    private readonly planAdoptions: PlanAdoptionsService,
    private readonly access: LessonPrepAccess,
    private readonly events: PlanEventsService,
    private readonly groups: GroupService,
    private readonly schools: SchoolService,
    private readonly teachers: TeacherService,
  ) {}

  @Allow(Role.TEACHER)
  @Mutation(() => LessonPlan, { description: 'A team member drafts a plan (version 1); the main preparer (主备) defaults to the author' })
  createLessonPlan(@Ctx() ctx: RequestContext, @Args('input') input: CreateLessonPlanInput) {
    return this.plans.create(ctx, input);
  }

  @Allow(Role.TEACHER)
  @Mutation(() => LessonPlan, { description: 'A new version with a full revision; CONFLICT when expectedVersion is not the current version' })
  updateLessonPlan(
    @Ctx() ctx: RequestContext,
    @IdArg('id') id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateLessonPlanInput,
  ) {
    return this.plans.update(ctx, id, expectedVersion, input);
  }

  @Allow(AUTHENTICATED)
  @Mutation(() => LessonPlanComment, { description: 'A comment on a version (optionally anchored to a section or content lines), or a reply (parentId)' })
  commentOnLessonPlan(@Ctx() ctx: RequestContext, @Args('input') input: CommentOnLessonPlanInput) {
    return this.planComments.comment(ctx, input);
  }

  @Allow(AUTHENTICATED)
  @Mutation(() => LessonPlanComment, { description: 'The author, a team member or the team’s reviewer marks a comment thread resolved' })
  resolveLessonPlanComment(@Ctx() ctx: RequestContext, @IdArg('commentId') commentId: string) {
    return this.planComments.resolveComment(ctx, commentId);
  }

  @Allow(Role.TEACHER)
  @Mutation(() => LessonPlan, { description: 'DRAFT → IN_REVIEW' })
  submitLessonPlanForReview(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.plans.submit(ctx, id);
  }

  @Allow(Role.TEACHER)
  @Mutation(() => LessonPlan, { description: 'The leader or the named reviewer approves (APPROVED) or returns it to DRAFT with a note' })
  reviewLessonPlan(@Ctx() ctx: RequestContext, @IdArg('id') id: string, @Args('approve') approve: boolean, @Args('note', { nullable: true }) note?: string) {
    return this.plans.review(ctx, id, approve, note);
  }

  @Allow(Role.TEACHER)
  @Mutation(() => LessonPlan, { description: 'APPROVED → PUBLISHED: this version becomes readable to every teacher of the group' })
  publishLessonPlan(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.plans.publish(ctx, id);
  }

  @Allow(Role.TEACHER, ...MANAGERS)
  @Mutation(() => LessonPlan, { description: 'The leader (or a group manager, once published) archives a plan; an owner archives their adaptation' })
  archiveLessonPlan(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.plans.archive(ctx, id);
  }

  @Allow(Role.TEACHER)
  @Mutation(() => LessonPlan, { description: 'Your own copy (二次备课) of the published version, linked to it' })
  adaptLessonPlan(@Ctx() ctx: RequestContext, @IdArg('planId') planId: string) {
    return this.plans.adapt(ctx, planId);
  }

  @Allow(Role.TEACHER, Role.SCHOOL_ADMIN, ...MANAGERS)
  @Mutation(() => LessonPlanAdoption, { description: '同上课: a school taught the published plan (the teacher, their school admin or a group manager records it)' })
  recordLessonPlanAdoption(@Ctx() ctx: RequestContext, @Args('input') input: RecordAdoptionInput) {
    return this.planAdoptions.recordAdoption(ctx, input);
  }

  @Allow(AUTHENTICATED)
  @Query(() => LessonPlan, { nullable: true, description: 'The team sees the current version; the group’s teachers the published one' })
  lessonPlan(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.planViews.get(ctx, id);
  }

  @Allow(AUTHENTICATED)
  @Query(() => LessonPlanConnection, { description: 'Plans you may read, newest first; search finds Chinese phrases' })
  lessonPlans(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: LessonPlanFilter) {
    return this.planViews.list(ctx, filter, page);
  }

  @Allow(AUTHENTICATED)
  @Query(() => LessonPlanDiffModel, { description: 'Changed fields and a line diff of the content between two versions' })
  lessonPlanDiff(
    @Ctx() ctx: RequestContext,
    @IdArg('id') id: string,
    @Args('fromVersion', { type: () => Int }) fromVersion: number,
    @Args('toVersion', { type: () => Int }) toVersion: number,
  ) {
    return this.planViews.diff(ctx, id, fromVersion, toVersion);
  }

  @Allow(AUTHENTICATED)
  @Query(() => LessonPlanAdoptionConnection, { description: 'Adoptions (同上课) of plans you may read, latest first: per plan, school, teacher or group' })
  lessonPlanAdoptions(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: LessonPlanAdoptionFilter) {
    return this.planAdoptions.adoptions(ctx, filter, page);
  }

  @Allow(AUTHENTICATED)
  @Subscription(() => LessonPlanEvent, {
    description: 'Changes of a plan: new versions, status changes, comments, adoptions (the team sees all; others what concerns published versions)',
    resolve: (e: LessonPlanEvent) => e,
  })
  async lessonPlanEvents(@Ctx() ctx: RequestContext, @IdArg('planId') planId: string) {
    await this.access.requirePlan(ctx, planId, 'read');
    // Access is checked again for every event (team membership and group membership change while a client
    // listens): a member who left stops getting draft events. Plan events are few (people editing), so the
    // one query per event and listener is cheap.
    return observableIterator(
      this.events.stream(planId).pipe(
        concatMap(async (e) => {
          const now = await this.access.plan(ctx, planId).catch(() => null);
          return now && (now.drafts || (now.read && e.published)) ? e : null;
        }),
        filter((e): e is LessonPlanEvent => e !== null),
        map((e) => ({ ...e, at: new Date(e.at) })),
      ),
    );
  }

  @ResolveField(() => SchoolGroup)
  group(@Ctx() ctx: RequestContext, @Parent() p: LessonPlan) {
    return this.groups.load(ctx, p.groupId);
  }

  @ResolveField(() => LessonPrepTeam, { nullable: true })
  team(@Ctx() ctx: RequestContext, @Parent() p: LessonPlan) {
    return p.teamId ? byId(ctx, LessonPrepTeam, 'lessonPrepTeam').load(p.teamId) : null;
  }

  @ResolveField(() => School, { description: 'The main preparer’s school when the plan was created' })
  school(@Ctx() ctx: RequestContext, @Parent() p: LessonPlan) {
    return this.schools.load(ctx, p.schoolId);
  }

  @ResolveField(() => Teacher, { description: '主备' })
  mainPreparer(@Ctx() ctx: RequestContext, @Parent() p: LessonPlan) {
    return this.teachers.load(ctx, p.mainPreparerTeacherId);
  }

  @ResolveField(() => Teacher, { nullable: true, description: 'The owner of an adaptation' })
  owner(@Ctx() ctx: RequestContext, @Parent() p: LessonPlan) {
    return p.ownerTeacherId ? this.teachers.load(ctx, p.ownerTeacherId) : null;
  }

  @ResolveField(() => Boolean, { description: 'Whether you see the working version (the team) or the published one' })
  viewerSeesDrafts(@Parent() p: PlanView) {
    return p.viewerSeesDrafts;
  }

  @ResolveField(() => [LessonPlanAction], { description: 'What you may do with the plan now (its workflow buttons); the server checks again' })
  viewerActions(@Ctx() ctx: RequestContext, @Parent() p: LessonPlan) {
    return viewerActions(ctx, this.access, p.id);
  }

  @ResolveField(() => [LessonPlanRevision], { description: 'Every version for the team; the published ones for everyone else' })
  revisions(@Ctx() ctx: RequestContext, @Parent() p: PlanView) {
    return this.planViews.revisions(ctx, p);
  }

  @ResolveField(() => [LessonPlanComment], { description: 'Comment threads (first comments; see replies), oldest first' })
  comments(
    @Ctx() ctx: RequestContext,
    @Parent() p: PlanView,
    @Args('version', { type: () => Int, nullable: true }) version?: number,
    @Args('includeResolved', { nullable: true, defaultValue: true }) includeResolved?: boolean,
  ) {
    return this.planComments.comments(ctx, p, version, includeResolved ?? true);
  }

  @ResolveField(() => [LessonPlanAdoption], { description: '同上课: which school taught it, when, by whom (for an adaptation: the lessons taught from it)' })
  adoptions(@Ctx() ctx: RequestContext, @Parent() p: LessonPlan) {
    return this.planAdoptions.planAdoptions(ctx, p);
  }

  @ResolveField(() => Int, { nullable: true, description: 'How many teachers adapted it (二次备课); for the team' })
  adaptationCount(@Ctx() ctx: RequestContext, @Parent() p: PlanView) {
    return p.viewerSeesDrafts && p.kind === 'TEAM' ? this.planViews.adaptationCount(ctx, p.id) : null;
  }

  @ResolveField(() => AdaptationSource, { nullable: true, description: 'For an adaptation: the team plan, and whether it has a newer published version' })
  adaptedFrom(@Ctx() ctx: RequestContext, @Parent() p: LessonPlan) {
    return this.planViews.adaptedFrom(ctx, p);
  }
}

@Resolver(() => LessonPlanRevision)
export class LessonPlanRevisionResolver {
  constructor(private readonly teachers: TeacherService, private readonly users: IdentityService) {}
  @ResolveField(() => Teacher, { nullable: true })
  author(@Ctx() ctx: RequestContext, @Parent() r: LessonPlanRevision) {
    return r.authorTeacherId ? this.teachers.load(ctx, r.authorTeacherId) : null;
  }
  @ResolveField(() => User, { nullable: true })
  authorUser(@Ctx() ctx: RequestContext, @Parent() r: LessonPlanRevision) {
    return r.authorUserId ? this.users.load(ctx, r.authorUserId) : null;
  }
}

@Resolver(() => LessonPlanComment)
export class LessonPlanCommentResolver {
  constructor(private readonly comments: PlanCommentsService, private readonly teachers: TeacherService, private readonly users: IdentityService) {}
  @ResolveField(() => [LessonPlanComment], { description: 'Replies, oldest first' })
  replies(@Ctx() ctx: RequestContext, @Parent() c: LessonPlanComment) {
    return this.comments.replies(ctx, c);
  }
  @ResolveField(() => User)
  author(@Ctx() ctx: RequestContext, @Parent() c: LessonPlanComment) {
    return this.users.load(ctx, c.authorUserId);
  }
  @ResolveField(() => Teacher, { nullable: true })
  authorTeacher(@Ctx() ctx: RequestContext, @Parent() c: LessonPlanComment) {
    return c.authorTeacherId ? this.teachers.load(ctx, c.authorTeacherId) : null;
  }
  @ResolveField(() => Boolean)
  resolved(@Parent() c: LessonPlanComment) {
    return c.resolvedAt !== null;
  }
}

@Resolver(() => LessonPlanAdoption)
export class LessonPlanAdoptionResolver {
  constructor(private readonly views: PlanViewsService, private readonly schools: SchoolService, private readonly teachers: TeacherService) {}
  @ResolveField(() => LessonPlan)
  plan(@Ctx() ctx: RequestContext, @Parent() a: LessonPlanAdoption) {
    return this.views.loadView(ctx, a.planId);
  }
  @ResolveField(() => School)
  school(@Ctx() ctx: RequestContext, @Parent() a: LessonPlanAdoption) {
    return this.schools.load(ctx, a.schoolId);
  }
  @ResolveField(() => Teacher)
  teacher(@Ctx() ctx: RequestContext, @Parent() a: LessonPlanAdoption) {
    return this.teachers.load(ctx, a.teacherId);
  }
}
