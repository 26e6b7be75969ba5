import { Args, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Allow, answersRawJson, AUTHENTICATED, Ctx, DateScalar, IdArg, PageArgs, Role, selectionOf, type RequestContext } from '#app/core';
import { CreateRegionInput } from './dto/region.input';
import { CreateSchoolInput, SchoolFilter, UpdateSchoolInput } from './dto/school.input';
import { AddGroupMemberInput, CreateSchoolGroupInput, SchoolGroupFilter, UpdateSchoolGroupInput } from './dto/group.input';
import { CreateTeacherInput, TeacherFilter, UpdateTeacherInput } from './dto/teacher.input';
import { Region } from './entities/region.entity';
import { School } from './entities/school.entity';
import { SchoolGroup } from './entities/school-group.entity';
import { GroupMembership } from './entities/group-membership.entity';
import { Teacher } from './entities/teacher.entity';
import { SchoolConnection, SchoolGroupConnection, TeacherConnection } from './models/connections';
import { RegionService } from './region.service';
import { SchoolService } from './school.service';
import { GroupService } from './group.service';
import { TeacherService } from './teacher.service';
import { GROUP_NODE, GROUP_PAGE, SCHOOL_PAGE } from './directory-lookahead';

/** Thin resolvers: decorators and one service call (STYLE habit 3). Scope checks live in the services. */

// these roots read their whole selection in one statement and can answer PostgreSQL's JSON as it is (core's raw-answer.ts)
answersRawJson('schools', SCHOOL_PAGE.compiles);
answersRawJson('schoolGroups', GROUP_PAGE.compiles);
answersRawJson('schoolGroup', GROUP_NODE.compiles);

@Resolver()
export class OrganisationResolver {
  constructor(
    private readonly regionService: RegionService,
    private readonly schoolService: SchoolService,
    private readonly groupService: GroupService,
    private readonly teacherService: TeacherService,
  ) {}

  @Allow(Role.REGION_ADMIN)
  @Mutation(() => Region, { description: 'Platform admins create top-level regions; region admins create regions under theirs' })
  createRegion(@Ctx() ctx: RequestContext, @Args('input') input: CreateRegionInput) {
    return this.regionService.create(ctx, input);
  }

  @Allow(AUTHENTICATED)
  @Query(() => Region, { nullable: true, description: 'One region of the directory (every signed-in user reads it)' })
  region(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.regionService.load(ctx, id);
  }

  @Allow(AUTHENTICATED)
  @Query(() => [Region], { description: 'Children of parentId, or the top-level regions' })
  regions(@Ctx() ctx: RequestContext, @IdArg('parentId', { nullable: true }) parentId?: string) {
    return this.regionService.list(ctx, parentId);
  }

  @Allow(Role.REGION_ADMIN)
  @Mutation(() => School)
  createSchool(@Ctx() ctx: RequestContext, @Args('input') input: CreateSchoolInput) {
    return this.schoolService.create(ctx, input);
  }

  @Allow(Role.REGION_ADMIN, Role.SCHOOL_ADMIN)
  @Mutation(() => School, { description: "Region admins edit schools of their region; a school admin its own school's facts" })
  updateSchool(@Ctx() ctx: RequestContext, @IdArg('id') id: string, @Args('input') input: UpdateSchoolInput) {
    return this.schoolService.update(ctx, id, input);
  }

  @Allow(AUTHENTICATED)
  @Query(() => School, { nullable: true })
  school(@Ctx() ctx: RequestContext, @IdArg('id') id: string) {
    return this.schoolService.load(ctx, id);
  }

  @Allow(AUTHENTICATED)
  @Query(() => SchoolConnection)
  schools(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: SchoolFilter) {
    return this.schoolService.list(ctx, filter, page, selectionOf(info));
  }

  @Allow(Role.REGION_ADMIN)
  @Mutation(() => SchoolGroup, { description: 'Creates the group with its lead school as member (role LEAD)' })
  createSchoolGroup(@Ctx() ctx: RequestContext, @Args('input') input: CreateSchoolGroupInput) {
    return this.groupService.create(ctx, input);
  }

  @Allow(Role.REGION_ADMIN)
  @Mutation(() => SchoolGroup, { description: 'Rename, change the mode or level from a day on (history kept: SchoolGroup.profiles), or dissolve (撤销): region admins above the group' })
  updateSchoolGroup(@Ctx() ctx: RequestContext, @Args('input') input: UpdateSchoolGroupInput) {
    return this.groupService.update(ctx, input);
  }

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Mutation(() => GroupMembership)
  addGroupMember(@Ctx() ctx: RequestContext, @Args('input') input: AddGroupMemberInput) {
    return this.groupService.addMember(ctx, input);
  }

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Mutation(() => GroupMembership, { description: 'Sets leftOn (default today); the row stays as history' })
  removeGroupMember(
    @Ctx() ctx: RequestContext,
    @IdArg('groupId') groupId: string,
    @IdArg('schoolId') schoolId: string,
    @Args('leftOn', { type: () => DateScalar, nullable: true }) leftOn?: string,
  ) {
    return this.groupService.removeMember(ctx, groupId, schoolId, leftOn);
  }

  @Allow(AUTHENTICATED)
  @Query(() => SchoolGroup, { nullable: true })
  schoolGroup(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo, @IdArg('id') id: string) {
    return this.groupService.loadWith(ctx, id, selectionOf(info));
  }

  @Allow(AUTHENTICATED)
  @Query(() => SchoolGroupConnection)
  schoolGroups(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: SchoolGroupFilter) {
    return this.groupService.list(ctx, filter, page, selectionOf(info));
  }

  @Allow(Role.REGION_ADMIN, Role.SCHOOL_ADMIN)
  @Mutation(() => Teacher)
  createTeacher(@Ctx() ctx: RequestContext, @Args('input') input: CreateTeacherInput) {
    return this.teacherService.create(ctx, input);
  }

  @Allow(Role.REGION_ADMIN, Role.SCHOOL_ADMIN)
  @Mutation(() => Teacher, { description: "Corrects a teacher's profile (subjects, title, honours, education, backbone level, full-time): the school's staff admins and region admins above it" })
  updateTeacher(@Ctx() ctx: RequestContext, @IdArg('id') id: string, @Args('input') input: UpdateTeacherInput) {
    return this.teacherService.update(ctx, id, input);
  }

  @Allow(Role.REGION_ADMIN)
  @Mutation(() => Teacher, { description: 'Moves a teacher to another school; both schools must be in your scope. History is kept.' })
  transferTeacher(
    @Ctx() ctx: RequestContext,
    @IdArg('teacherId') teacherId: string,
    @IdArg('toSchoolId') toSchoolId: string,
    @Args('on', { type: () => DateScalar, nullable: true }) on?: string,
  ) {
    return this.teacherService.transfer(ctx, teacherId, toSchoolId, on);
  }

  @Allow(AUTHENTICATED)
  @Query(() => TeacherConnection, { description: "Directory of teachers; email and phone only within the caller's scope" })
  teachers(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: TeacherFilter) {
    return this.teacherService.list(ctx, filter, page);
  }
}
