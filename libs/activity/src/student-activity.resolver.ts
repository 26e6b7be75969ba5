import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, AUTHENTICATED, Ctx, PageArgs, Role, type RequestContext } from '#app/core';
import { GroupService, School, SchoolGroup, SchoolService } from '#app/organisation';
import { RecordStudentActivityInput, StudentActivityFilter } from './dto/student-activity.input';
import { StudentActivity } from './entities/student-activity.entity';
import { StudentActivityConnection } from './models';
import { StudentActivityService } from './student-activity.service';

@Resolver(() => StudentActivity)
export class StudentActivityResolver {
  constructor(
    private readonly activities: StudentActivityService,
    private readonly groups: GroupService,
    private readonly schoolService: SchoolService,
  ) {}

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Mutation(() => StudentActivity, { description: "学生活动: group managers and region admins above the group record a joint activity of member schools" })
  recordStudentActivity(@Ctx() ctx: RequestContext, @Args('input') input: RecordStudentActivityInput) {
    return this.activities.record(ctx, input);
  }

  @Allow(AUTHENTICATED)
  @Query(() => StudentActivityConnection, {
    description: "Activities you may see (the group's managers and region admins above it, admins and teachers of a school that took part), earliest first",
  })
  studentActivities(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: StudentActivityFilter) {
    return this.activities.list(ctx, filter, page);
  }

  @ResolveField(() => SchoolGroup)
  group(@Ctx() ctx: RequestContext, @Parent() a: StudentActivity) {
    return this.groups.load(ctx, a.groupId);
  }

  @ResolveField(() => [School], { description: 'The schools that took part' })
  async schools(@Ctx() ctx: RequestContext, @Parent() a: StudentActivity) {
    const ids = await this.activities.schoolIds(ctx, a.id);
    return Promise.all(ids.map((id) => this.schoolService.load(ctx, id)));
  }
}
