import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, AUTHENTICATED, Ctx, DateScalar, IdArg, PageArgs, Role, type RequestContext } from '#app/core';
import { GroupService, School, SchoolGroup, SchoolService, Teacher, TeacherService } from '#app/organisation';
import { RecordTeacherExchangeInput, TeacherExchangeFilter } from './dto/exchange.input';
import { TeacherExchange } from './entities/teacher-exchange.entity';
import { ExchangeService } from './exchange.service';
import { TeacherExchangeConnection } from './models';

const RECORDERS = [Role.REGION_ADMIN, Role.GROUP_MANAGER, Role.SCHOOL_ADMIN] as const;

/** Thin resolvers: decorators and one service call; scope checks live in the services. */
@Resolver(() => TeacherExchange)
export class ExchangeResolver {
  constructor(
    private readonly exchanges: ExchangeService,
    private readonly groups: GroupService,
    private readonly schools: SchoolService,
    private readonly teachers: TeacherService,
  ) {}

  @Allow(...RECORDERS)
  @Mutation(() => TeacherExchange, {
    description: "交流轮岗/走教送教/支教: group managers, region admins above the group and the teacher's school admins record an exchange between two member schools",
  })
  recordTeacherExchange(@Ctx() ctx: RequestContext, @Args('input') input: RecordTeacherExchangeInput) {
    return this.exchanges.record(ctx, input);
  }

  @Allow(...RECORDERS)
  @Mutation(() => TeacherExchange, {
    description: 'Sets the last day of an exchange; on an exchange that already has one, moves it (later to extend it). Periods of a teacher must not overlap.',
  })
  endTeacherExchange(@Ctx() ctx: RequestContext, @IdArg('id') id: string, @Args('endsOn', { type: () => DateScalar }) endsOn: string) {
    return this.exchanges.end(ctx, id, endsOn);
  }

  @Allow(AUTHENTICATED)
  @Query(() => TeacherExchangeConnection, {
    description: "Exchanges you may see (the group's managers and region admins above it, the two schools' admins, the teacher), earliest first",
  })
  teacherExchanges(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args('filter', { nullable: true }) filter?: TeacherExchangeFilter) {
    return this.exchanges.list(ctx, filter, page);
  }

  @ResolveField(() => SchoolGroup)
  group(@Ctx() ctx: RequestContext, @Parent() e: TeacherExchange) {
    return this.groups.load(ctx, e.groupId);
  }

  @ResolveField(() => Teacher)
  teacher(@Ctx() ctx: RequestContext, @Parent() e: TeacherExchange) {
    return this.teachers.load(ctx, e.teacherId);
  }

  @ResolveField(() => School)
  fromSchool(@Ctx() ctx: RequestContext, @Parent() e: TeacherExchange) {
    return this.schools.load(ctx, e.fromSchoolId);
  }

  @ResolveField(() => School)
  toSchool(@Ctx() ctx: RequestContext, @Parent() e: TeacherExchange) {
    return this.schools.load(ctx, e.toSchoolId);
  }
}
