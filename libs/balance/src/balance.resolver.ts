import { Args, Extensions, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, DateScalar, IdArg, Role, type RequestContext } from '#app/core';
import { BalanceService } from './balance.service';
import { BalancingService, DEFAULT_SUGGESTED_MOVES, MAX_SUGGESTED_MOVES } from './balancing.service';
import { CreateBalancingExchangesInput } from './dto/balancing.input';
import { TeacherExchange } from '#app/activity';
import { BalanceMoveInput, SchoolEnrolmentInput, SchoolFacilitiesBulkInput, SchoolFacilitiesInput } from './dto/balance.input';
import { SchoolEnrolment } from './entities/school-enrolment.entity';
import { SchoolFacilities } from './entities/school-facilities.entity';
import { BalanceReport, BalancingPlan, EnrolmentSnapshot, StudentsReturned } from './models';
import { EnrolmentService } from './enrolment.service';

const yearArg = { type: () => Int, description: 'The school year, by the year it starts in (2025 = 2025–2026)' };
const asOfArg = { type: () => DateScalar, nullable: true, description: 'Count teachers and exchanges on this day of the school year (default: today in the current school year, else 30 September)' };

@Resolver()
export class BalanceResolver {
  constructor(
    private readonly balance: BalanceService,
    private readonly balancing: BalancingService,
    private readonly enrolment: EnrolmentService,
  ) {}

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER, Role.SCHOOL_ADMIN)
  @Query(() => [SchoolEnrolment], { description: '在校生数 of a school per term, oldest first' })
  schoolEnrolments(@Ctx() ctx: RequestContext, @IdArg('schoolId') schoolId: string) {
    return this.enrolment.history(ctx, schoolId);
  }

  @Allow(Role.REGION_ADMIN)
  @Mutation(() => EnrolmentSnapshot, { description: 'The yearly snapshot: each school of the region without an autumn enrolment for the year gets its current student count as one' })
  snapshotEnrolment(@Ctx() ctx: RequestContext, @IdArg('regionId') regionId: string, @Args('year', yearArg) year: number) {
    return this.enrolment.snapshot(ctx, regionId, year);
  }

  @Allow(Role.REGION_ADMIN)
  @Query(() => StudentsReturned, { description: '回流: the students consortium member schools have gained since they joined, per county, as of asOf (default today)' })
  studentsReturned(@Ctx() ctx: RequestContext, @IdArg('regionId') regionId: string, @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: string) {
    return this.enrolment.returned(ctx, regionId, asOf ?? ctx.today());
  }

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Query(() => BalancingPlan, { description: 'Teacher moves that bring QUALIFIED, BACKBONE and PE_ARTS under their thresholds with the fewest moves (exact per coefficient: a convex min-cost flow), or as low as they go within maxMoves; each with its reason. Nothing is saved.' })
  suggestBalancingRotations(
    @Ctx() ctx: RequestContext,
    @IdArg('regionId') regionId: string,
    @Args('year', yearArg) year: number,
    @Args('maxMoves', { type: () => Int, defaultValue: DEFAULT_SUGGESTED_MOVES, description: `1–${MAX_SUGGESTED_MOVES}` }) maxMoves: number,
    @Args('acrossGroups', { defaultValue: false, description: 'Allow moves between schools of no common group (the county decides: 县管校聘)' }) acrossGroups: boolean,
    @Args('asOf', asOfArg) asOf?: string,
  ) {
    return this.balancing.suggest(ctx, regionId, year, maxMoves, acrossGroups, asOf);
  }

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Mutation(() => [TeacherExchange], { description: 'Makes a 交流轮岗 of each suggested move (group managers: in their group), all or none' })
  createBalancingExchanges(@Ctx() ctx: RequestContext, @Args('input') input: CreateBalancingExchangesInput) {
    return this.balancing.createExchanges(ctx, input);
  }

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Query(() => BalanceReport, { description: '优质均衡: the seven resource indicators of the region’s compulsory schools per stage, each school’s compliance and the 校际差异系数 (bureaus: the region subtree; group managers: their groups’ schools in it)' })
  balanceReport(@Ctx() ctx: RequestContext, @IdArg('regionId') regionId: string, @Args('year', yearArg) year: number, @Args('asOf', asOfArg) asOf?: string) {
    return this.balance.report(ctx, regionId, year, asOf);
  }

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Query(() => [BalanceReport], { description: 'balanceReport for each of the `years` (1–10, default 5) school years up to `year`, oldest first: the trend' })
  @Extensions({ listSize: 10 })
  balanceHistory(@Ctx() ctx: RequestContext, @IdArg('regionId') regionId: string, @Args('year', yearArg) year: number, @Args('years', { type: () => Int, defaultValue: 5 }) years: number) {
    return this.balance.history(ctx, regionId, year, years);
  }

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Query(() => BalanceReport, { description: 'balanceReport as if each moved teacher taught at the move’s school (nothing is saved)' })
  simulateBalance(
    @Ctx() ctx: RequestContext,
    @IdArg('regionId') regionId: string,
    @Args('year', yearArg) year: number,
    @Args('moves', { type: () => [BalanceMoveInput] }) moves: BalanceMoveInput[],
    @Args('asOf', asOfArg) asOf?: string,
  ) {
    return this.balance.simulate(ctx, regionId, year, moves, asOf);
  }

  @Allow(Role.REGION_ADMIN, Role.SCHOOL_ADMIN)
  @Mutation(() => SchoolFacilities, { description: '办学条件: sets a school’s facility figures for a school year (its school admins, region admins above it)' })
  async setSchoolFacilities(@Ctx() ctx: RequestContext, @Args('input') input: SchoolFacilitiesInput) {
    const [saved] = await this.balance.setFacilities(ctx, [input]);
    return saved;
  }

  @Allow(Role.REGION_ADMIN, Role.SCHOOL_ADMIN)
  @Mutation(() => [SchoolFacilities], { description: 'setSchoolFacilities for many schools at once: all rows or none' })
  setSchoolFacilitiesBulk(@Ctx() ctx: RequestContext, @Args('input') input: SchoolFacilitiesBulkInput) {
    return this.balance.setFacilities(ctx, input.rows);
  }

  @Allow(Role.REGION_ADMIN, Role.SCHOOL_ADMIN)
  @Mutation(() => SchoolEnrolment, { description: '在校生数: a school’s students in a term by stage part' })
  setSchoolEnrolment(@Ctx() ctx: RequestContext, @Args('input') input: SchoolEnrolmentInput) {
    return this.balance.setEnrolment(ctx, input);
  }
}
