import { Args, Float, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, AUTHENTICATED, badInput, Ctx, DateScalar, IdArg, PageArgs, Role, type RequestContext } from '#app/core';
import { GroupService, School, SchoolConnection, SchoolGroup, SchoolService } from '#app/organisation';
import { Exchanges } from '#app/activity';
import { CoverageTarget, DownloadLink, ExchangePeople, GroupActivitySummary, GroupBreakdownRow, RegionActivitySummary, RegionBreakdown, RegionCoverage, RegionCoverageTrend, RegionGroupBreakdown, SchoolActivityCount } from './models';
import { GroupBreakdownService } from './group-breakdown.service';
import { DownloadLinkService } from './download-link.service';
import { DEFAULT_TREND_MONTHS, ReportsService } from './reports.service';

const EXCHANGE_PEOPLE = 'Per exchange kind, and key "" for all kinds: the exchanges starting in the period and the distinct teachers they sent';

@Resolver()
export class ReportsResolver {
  constructor(private readonly reports: ReportsService, private readonly links: DownloadLinkService, private readonly groups: GroupBreakdownService) {}

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER, Role.SCHOOL_ADMIN)
  @Query(() => GroupActivitySummary, { description: "A group's activity counters in [from, to], per member school and per month" })
  groupActivitySummary(
    @Ctx() ctx: RequestContext,
    @IdArg('groupId') groupId: string,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
  ) {
    return this.reports.groupActivitySummary(ctx, groupId, from, to);
  }

  @Allow(Role.REGION_ADMIN)
  @Query(() => RegionCoverage, { description: 'Consortium coverage of compulsory schools in a region subtree on asOf (default today)' })
  regionCoverage(@Ctx() ctx: RequestContext, @IdArg('regionId') regionId: string, @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: string) {
    return this.reports.regionCoverage(ctx, regionId, asOf ?? ctx.today());
  }

  @Allow(Role.REGION_ADMIN)
  @Query(() => RegionActivitySummary, { description: 'The group counters summed over all groups in the region subtree' })
  regionActivitySummary(
    @Ctx() ctx: RequestContext,
    @IdArg('regionId') regionId: string,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
  ) {
    return this.reports.regionActivitySummary(ctx, regionId, from, to);
  }

  @Allow(Role.REGION_ADMIN)
  @Query(() => RegionCoverageTrend, { description: 'regionCoverage at each of the last `months` month-ends up to asOf (default today; at most 60), oldest first' })
  regionCoverageTrend(
    @Ctx() ctx: RequestContext,
    @IdArg('regionId') regionId: string,
    @Args('months', { type: () => Int, defaultValue: DEFAULT_TREND_MONTHS }) months: number,
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: string,
  ) {
    return this.reports.regionCoverageTrend(ctx, regionId, months, asOf ?? ctx.today());
  }

  @Allow(Role.REGION_ADMIN)
  @Query(() => RegionBreakdown, { description: 'For each child region (a city: its counties): coverage on asOf (default today) and activity in [from, to]' })
  regionBreakdown(
    @Ctx() ctx: RequestContext,
    @IdArg('regionId') regionId: string,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: string,
  ) {
    return this.reports.regionBreakdown(ctx, regionId, from, to, asOf ?? ctx.today());
  }

  @Allow(Role.REGION_ADMIN)
  @Query(() => RegionGroupBreakdown, { description: 'One row per group of the region subtree that existed in [from, to]: its counters in the period, its mode, level and members on `to`' })
  regionGroupBreakdown(
    @Ctx() ctx: RequestContext,
    @IdArg('regionId') regionId: string,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
  ) {
    return this.groups.regionGroupBreakdown(ctx, regionId, from, to);
  }

  @Allow(Role.REGION_ADMIN)
  @Mutation(() => CoverageTarget, { description: 'Share of compulsory schools to be in a consortium by the end of `year` (e.g. 0.7); applies to the subtree' })
  setCoverageTarget(
    @Ctx() ctx: RequestContext,
    @IdArg('regionId') regionId: string,
    @Args('year', { type: () => Int }) year: number,
    @Args('ratio', { type: () => Float }) ratio: number,
  ) {
    return this.reports.setCoverageTarget(ctx, regionId, year, ratio);
  }

  @Allow(AUTHENTICATED)
  @Mutation(() => DownloadLink, {
    description: 'A link a browser may open without an Authorization header: `path` (a report download below /reports, with its query) plus a `dl` signature, for you only, for 5 minutes; it opens with your roles as they are then',
  })
  createDownloadLink(@Ctx() ctx: RequestContext, @Args('path') path: string) {
    return this.links.create(ctx, path);
  }
}

@Resolver(() => RegionCoverage)
export class RegionCoverageFieldsResolver {
  constructor(private readonly reports: ReportsService) {}
  @ResolveField(() => SchoolConnection, { description: 'Compulsory schools not in a consortium on asOf, by name; `search` matches part of the name' })
  uncoveredSchools(
    @Ctx() ctx: RequestContext,
    @Parent() c: RegionCoverage,
    @Args() page: PageArgs,
    @Args('search', { type: () => String, nullable: true }) search?: string | null,
  ) {
    if (search && search.length > 100) throw badInput('search', { zh: '搜索内容最多 100 个字符', en: 'search is at most 100 characters' });
    return this.reports.uncoveredSchools(ctx, c.regionId, c.asOf, page, search?.trim() || undefined);
  }
}

@Resolver(() => SchoolActivityCount)
export class SchoolActivityFieldsResolver {
  constructor(private readonly schools: SchoolService) {}
  @ResolveField(() => School)
  school(@Ctx() ctx: RequestContext, @Parent() s: SchoolActivityCount) {
    return this.schools.load(ctx, s.schoolId);
  }
}

@Resolver(() => GroupActivitySummary)
export class GroupActivityFieldsResolver {
  constructor(private readonly groups: GroupService) {}
  @ResolveField(() => SchoolGroup, { description: 'The group (its name for the report)' })
  group(@Ctx() ctx: RequestContext, @Parent() s: GroupActivitySummary) {
    return this.groups.load(ctx, s.groupId);
  }
  @ResolveField(() => [ExchangePeople], { description: `${EXCHANGE_PEOPLE} (a school admin: those going to its school)` })
  exchangePeople(@Ctx() ctx: RequestContext, @Parent() s: GroupActivitySummary) {
    return Exchanges.peopleByKind(ctx, { groupIds: [s.groupId], toSchoolId: s.onlySchoolId }, s.from, s.to);
  }
}


@Resolver(() => RegionActivitySummary)
export class RegionActivityFieldsResolver {
  @ResolveField(() => [ExchangePeople], { description: EXCHANGE_PEOPLE })
  exchangePeople(@Ctx() ctx: RequestContext, @Parent() s: RegionActivitySummary) {
    return Exchanges.peopleByKind(ctx, { regionId: s.regionId }, s.from, s.to);
  }
}

@Resolver(() => GroupBreakdownRow)
export class GroupBreakdownRowFieldsResolver {
  constructor(private readonly groups: GroupService) {}
  @ResolveField(() => SchoolGroup)
  group(@Ctx() ctx: RequestContext, @Parent() r: GroupBreakdownRow) {
    return this.groups.load(ctx, r.groupId);
  }
}
