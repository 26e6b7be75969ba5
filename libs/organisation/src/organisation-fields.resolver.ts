import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, type RequestContext } from '#app/core';
import { Region } from './entities/region.entity';
import { School } from './entities/school.entity';
import { SchoolGroup, SchoolGroupProfile } from './entities/school-group.entity';
import { GroupMembership } from './entities/group-membership.entity';
import { Teacher, TeacherAssignment } from './entities/teacher.entity';
import { RegionService } from './region.service';
import { SchoolService } from './school.service';
import { GroupService } from './group.service';
import { TeacherService } from './teacher.service';

// Nested fields, always through request-scoped loaders (STYLE habit 6): no query per parent.

@Resolver(() => Region)
export class RegionFieldsResolver {
  constructor(private readonly regions: RegionService) {}
  @ResolveField(() => Region, { nullable: true })
  parent(@Ctx() ctx: RequestContext, @Parent() r: Region) {
    return r.parentId ? this.regions.load(ctx, r.parentId) : null;
  }
}

@Resolver(() => School)
export class SchoolFieldsResolver {
  constructor(private readonly regions: RegionService, private readonly schools: SchoolService, private readonly groups: GroupService) {}
  @ResolveField(() => Region)
  region(@Ctx() ctx: RequestContext, @Parent() s: School) {
    return this.regions.load(ctx, s.regionId);
  }
  @ResolveField(() => School, { nullable: true, description: 'The main school of a branch campus' })
  campusOf(@Ctx() ctx: RequestContext, @Parent() s: School) {
    return s.campusOfId ? this.schools.load(ctx, s.campusOfId) : null;
  }
  @ResolveField(() => [GroupMembership], { description: 'Active memberships: the groups this school is in; with includeFormer, also the groups it left (leftOn set)' })
  memberships(@Ctx() ctx: RequestContext, @Parent() s: School, @Args('includeFormer', { nullable: true, defaultValue: false }) includeFormer: boolean) {
    return this.groups.membershipsOfSchool(ctx, s.id, includeFormer);
  }
}

@Resolver(() => SchoolGroup)
export class SchoolGroupFieldsResolver {
  constructor(private readonly regions: RegionService, private readonly schools: SchoolService, private readonly groups: GroupService) {}
  @ResolveField(() => School)
  leadSchool(@Ctx() ctx: RequestContext, @Parent() g: SchoolGroup) {
    return this.schools.load(ctx, g.leadSchoolId);
  }
  @ResolveField(() => Region)
  region(@Ctx() ctx: RequestContext, @Parent() g: SchoolGroup) {
    return this.regions.load(ctx, g.regionId);
  }
  @ResolveField(() => [GroupMembership], { description: 'Current members, lead first; with includeFormer, also schools that left (leftOn set)' })
  members(@Ctx() ctx: RequestContext, @Parent() g: SchoolGroup, @Args('includeFormer', { nullable: true, defaultValue: false }) includeFormer: boolean) {
    return this.groups.members(ctx, g.id, includeFormer);
  }
  @ResolveField(() => [SchoolGroupProfile], { description: 'Its mode and level from each day on, oldest first (the last one is mode and level now)' })
  profiles(@Ctx() ctx: RequestContext, @Parent() g: SchoolGroup) {
    return this.groups.profiles(ctx, g.id);
  }
  @ResolveField(() => Int, { description: 'Number of current member schools, lead included' })
  async memberCount(@Ctx() ctx: RequestContext, @Parent() g: SchoolGroup) {
    return (await this.groups.members(ctx, g.id, false)).length;
  }
}

@Resolver(() => GroupMembership)
export class MembershipFieldsResolver {
  constructor(private readonly schools: SchoolService, private readonly groups: GroupService) {}
  @ResolveField(() => School)
  school(@Ctx() ctx: RequestContext, @Parent() m: GroupMembership) {
    return this.schools.load(ctx, m.schoolId);
  }
  @ResolveField(() => SchoolGroup)
  group(@Ctx() ctx: RequestContext, @Parent() m: GroupMembership) {
    return this.groups.load(ctx, m.groupId);
  }
}

@Resolver(() => Teacher)
export class TeacherFieldsResolver {
  constructor(private readonly schools: SchoolService, private readonly teachers: TeacherService) {}
  @ResolveField(() => School)
  school(@Ctx() ctx: RequestContext, @Parent() t: Teacher) {
    return this.schools.load(ctx, t.schoolId);
  }
  @ResolveField(() => String, { nullable: true, description: "Only within the caller's scope (self, school admin, group manager, region admin); null otherwise" })
  async email(@Ctx() ctx: RequestContext, @Parent() t: Teacher) {
    return (await this.teachers.contactVisible(ctx, t.id)) ? t.email : null;
  }
  @ResolveField(() => String, { nullable: true, description: "Only within the caller's scope; null otherwise" })
  async phone(@Ctx() ctx: RequestContext, @Parent() t: Teacher) {
    return (await this.teachers.contactVisible(ctx, t.id)) ? t.phone : null;
  }
  @ResolveField(() => [TeacherAssignment], { description: 'Schools this teacher worked at, oldest first (transfer history)' })
  history(@Ctx() ctx: RequestContext, @Parent() t: Teacher) {
    return this.teachers.assignments(ctx, t.id);
  }
}

@Resolver(() => TeacherAssignment)
export class TeacherAssignmentFieldsResolver {
  constructor(private readonly schools: SchoolService) {}
  @ResolveField(() => School)
  school(@Ctx() ctx: RequestContext, @Parent() a: TeacherAssignment) {
    return this.schools.load(ctx, a.schoolId);
  }
}
