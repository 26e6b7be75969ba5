import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar, registerLabels } from '#app/core';
import { ConsortiumMode, GroupKind, GroupLevel, Region, School, SchoolConnection, SchoolGroup } from '#app/organisation';
import {
  BREAKDOWN_FIGURES,
  COVERAGE_FIGURES,
  figureDescription,
  FIGURES,
  GROUP_COUNTERS,
  REGION_FIGURES,
  type BreakdownFigureField,
  type CoverageFigureField,
  type FigureDef,
  type GroupCounterField,
  type RegionFigureField,
} from './metric-registry';

@ObjectType({ description: 'A count per enum value' })
export class TypeCount {
  @Field({ description: 'An enum value: session type, exchange kind, consortium mode...' }) key: string;
  @Field(() => Int) count: number;
}

// `labels` serves the figures' names as enum ReportFigure (value = the field), for clients and exports.
registerLabels('ReportFigure', Object.fromEntries(FIGURES.map((f) => [f.field, [f.zh, f.en]])));

/** Int fields named and described by the metric registry (metric-registry.ts), on an ObjectType's class. */
function figureFields(target: abstract new () => object, figures: readonly FigureDef[], perSchool = false) {
  for (const f of figures) Field(() => Int, { description: figureDescription(f, perSchool) })(target.prototype, f.field);
}

/** The activity counters of a group (or a school in it, or a month). */
@ObjectType({ isAbstract: true })
export class ActivityCounters {}
export interface ActivityCounters extends Record<GroupCounterField, number> {}
figureFields(ActivityCounters, GROUP_COUNTERS, true);

@ObjectType()
export class SchoolActivityCount extends ActivityCounters {
  @Field(() => School) school: School;
  schoolId: string;
}

@ObjectType()
export class MonthActivityCount extends ActivityCounters {
  @Field({ description: 'YYYY-MM' }) month: string;
}

@ObjectType({ description: "A group's activity in a period, from the rollups" })
export class GroupActivitySummary extends ActivityCounters {
  @Field(() => ID) groupId: string;
  @Field(() => DateScalar) from: string;
  @Field(() => DateScalar) to: string;
  @Field(() => [TypeCount]) researchSessionsByType: TypeCount[];
  @Field(() => [TypeCount]) exchangesByKind: TypeCount[];
  @Field(() => [SchoolActivityCount], { description: 'The same counters per member school (a school admin sees its own row only)' }) bySchool: SchoolActivityCount[];
  @Field(() => [MonthActivityCount], { description: 'The same counters per month of the period' }) byMonth: MonthActivityCount[];
  /** The member school a school admin reads the group through (its own rows only); null for managers. */
  onlySchoolId: string | null;
}

@ObjectType({ description: 'Teacher exchanges of a kind (key: 交流轮岗 ROTATION, 走教送教 …; "" for all kinds) starting in the period, and the distinct teachers they sent' })
export class ExchangePeople {
  @Field({ description: 'An exchange kind, or "" for all kinds together' }) key: string;
  @Field(() => Int, { description: 'Exchanges starting in the period' }) exchanges: number;
  @Field(() => Int, { description: 'Distinct teachers sent: a teacher on two exchanges counts once' }) teachers: number;
}

@ObjectType({ description: "One group's counters in [from, to] (as groupActivitySummary gives them), its mode and level and its member schools on `to`" })
export class GroupBreakdownRow extends ActivityCounters {
  @Field(() => SchoolGroup) group: SchoolGroup;
  groupId: string;
  @Field(() => GroupKind) kind: GroupKind;
  @Field(() => ConsortiumMode, { nullable: true }) mode: ConsortiumMode | null;
  @Field(() => GroupLevel, { nullable: true }) level: GroupLevel | null;
  @Field(() => Int, { description: 'Member schools on `to`, the lead school included' }) memberSchools: number;
}

@ObjectType({ description: "One row per group (consortium, education group …) of a region subtree that existed in the period: consortia first, then by name" })
export class RegionGroupBreakdown {
  @Field(() => ID) regionId: string;
  @Field(() => DateScalar) from: string;
  @Field(() => DateScalar) to: string;
  @Field(() => [GroupBreakdownRow]) rows: GroupBreakdownRow[];
}

@ObjectType({ description: 'A coverage target: share of compulsory schools in a consortium by the end of a year' })
export class CoverageTarget {
  @Field(() => ID, { description: 'The region that set it (the asked region or an ancestor)' }) regionId: string;
  @Field(() => Int, { description: 'The year it was set for: the asked year, or an earlier one whose target carries forward' }) year: number;
  @Field(() => Float) ratio: number;
}

/** The coverage figures of a region subtree on a day: regionCoverage, each month of its trend, each row of a breakdown. */
@ObjectType({ isAbstract: true })
export class CoverageFigures {
  @Field(() => Float, { description: 'coveredSchools / compulsorySchools, unrounded (a double; clients round for display)' }) ratio: number;
  @Field(() => CoverageTarget, { nullable: true, description: "The target in force in asOf's year: of the region or its nearest ancestor with a target for that year or earlier, the latest" }) target: CoverageTarget | null;
  @Field(() => Float, { nullable: true, description: 'target.ratio − ratio (positive: still to go)' }) gap: number | null;
}
export interface CoverageFigures extends Record<CoverageFigureField, number> {}
figureFields(CoverageFigures, COVERAGE_FIGURES);

@ObjectType({ description: 'Consortium coverage of compulsory schools in a region subtree on a day' })
export class RegionCoverage extends CoverageFigures {
  @Field(() => ID) regionId: string;
  @Field(() => DateScalar) asOf: string;
  @Field(() => [TypeCount]) consortiaByMode: TypeCount[];
  @Field(() => [TypeCount]) consortiaByLevel: TypeCount[];
  @Field(() => SchoolConnection, { description: 'Compulsory schools not in a consortium on asOf' }) uncoveredSchools: unknown;
}

@ObjectType({ description: 'Group counters summed over every group of a region subtree' })
export class RegionActivitySummary {
  @Field(() => ID) regionId: string;
  @Field(() => DateScalar) from: string;
  @Field(() => DateScalar) to: string;
  @Field(() => [TypeCount]) groupsByKind: TypeCount[];
  @Field(() => [TypeCount]) researchSessionsByType: TypeCount[];
  @Field(() => [TypeCount]) exchangesByKind: TypeCount[];
}
export interface RegionActivitySummary extends Record<RegionFigureField, number> {}
figureFields(RegionActivitySummary, REGION_FIGURES);

@ObjectType({ description: 'Coverage of a region subtree at the end of one month (the last month ends at asOf)' })
export class CoverageTrendPoint extends CoverageFigures {
  @Field({ description: 'YYYY-MM' }) month: string;
  @Field(() => DateScalar, { description: "The month's last day, or asOf in asOf's month: the figures equal regionCoverage(asOf: this day)" }) asOf: string;
}

@ObjectType({ description: "A region subtree's consortium coverage month by month, oldest first" })
export class RegionCoverageTrend {
  @Field(() => ID) regionId: string;
  @Field(() => DateScalar) asOf: string;
  @Field(() => [CoverageTrendPoint]) points: CoverageTrendPoint[];
}

@ObjectType({ description: 'The coverage (on asOf) and activity (in [from, to]) of one child region, as regionCoverage and regionActivitySummary give them' })
export class RegionBreakdownRow extends CoverageFigures {
  @Field(() => Region) region: Region;
}
export interface RegionBreakdownRow extends Record<BreakdownFigureField, number> {}
figureFields(RegionBreakdownRow, BREAKDOWN_FIGURES);

@ObjectType({ description: 'One row per child region (a city: its counties; a province: its cities), in the order of their region codes' })
export class RegionBreakdown {
  @Field(() => ID) regionId: string;
  @Field(() => DateScalar) from: string;
  @Field(() => DateScalar) to: string;
  @Field(() => DateScalar) asOf: string;
  @Field(() => [RegionBreakdownRow]) rows: RegionBreakdownRow[];
}

@ObjectType({ description: 'A report path a browser may open without an Authorization header, for a few minutes' })
export class DownloadLink {
  @Field({ description: 'The path and query asked for, with a `dl` signature added (relative to this server)' }) url: string;
  @Field(() => DateTimeScalar) expiresAt: Date;
}
