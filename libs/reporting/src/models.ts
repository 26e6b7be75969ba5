import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../../core/src';
import { Region, School, SchoolConnection } from '../../organisation/src';

@ObjectType({ description: 'A count per enum value' })
export class TypeCount {
  @Field({ description: 'An enum value: session type, exchange kind, consortium mode...' }) key: string;
  @Field(() => Int) count: number;
}

/** The activity counters of a group (or a school in it, or a month). */
@ObjectType({ isAbstract: true })
export class ActivityCounters {
  @Field(() => Int, { description: 'Joint research sessions that ENDED in the period' }) researchSessions: number;
  @Field(() => Int, { description: 'Check-ins at those sessions' }) teacherParticipations: number;
  @Field(() => Int, { description: 'Joint student activities (学生活动) held in the period; per school: those it took part in' }) studentActivities: number;
  @Field(() => Int, { description: 'Students taking part in them (人次); group and region totals only, 0 per school (the split is not recorded)' }) studentParticipants: number;
  @Field(() => Int, { description: 'Mentoring pairs that became ACTIVE in the period' }) mentoringPairsFormed: number;
  @Field(() => Int, { description: 'Mentoring pairs ACTIVE on the last day of the period' }) mentoringPairsActive: number;
  @Field(() => Int) mentoringPairsCompleted: number;
  @Field(() => Int, { description: 'Teacher exchanges (交流轮岗/走教送教/支教) starting in the period; per school: those going to it' }) teacherExchanges: number;
  @Field(() => Int, { description: 'Teachers sent on those exchanges, one per exchange (a teacher on two exchanges in the period counts twice)' }) exchangedTeachers: number;
  @Field(() => Int) lessonPlansPublished: number;
  @Field(() => Int) lessonPlanAdoptions: number;
}

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
  @Field(() => Int) compulsorySchools: number;
  @Field(() => Int, { description: 'Compulsory schools in an active consortium (县域教联体) on asOf' }) coveredSchools: number;
  @Field(() => Float, { description: 'coveredSchools / compulsorySchools, unrounded (a double; clients round for display)' }) ratio: number;
  @Field(() => Int) compulsoryStudents: number;
  @Field(() => Int) studentsCovered: number;
  @Field(() => Int, { description: 'Active consortia founded on or before asOf' }) consortia: number;
  @Field(() => CoverageTarget, { nullable: true, description: "The target in force in asOf's year: of the region or its nearest ancestor with a target for that year or earlier, the latest" }) target: CoverageTarget | null;
  @Field(() => Float, { nullable: true, description: 'target.ratio − ratio (positive: still to go)' }) gap: number | null;
}

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
  @Field(() => Int, { description: 'Active groups on `to`' }) groups: number;
  @Field(() => [TypeCount]) groupsByKind: TypeCount[];
  @Field(() => Int) researchSessions: number;
  @Field(() => [TypeCount]) researchSessionsByType: TypeCount[];
  @Field(() => Int) teacherParticipations: number;
  @Field(() => Int, { description: 'Joint student activities (学生活动) held in the period' }) studentActivities: number;
  @Field(() => Int, { description: 'Students taking part in them (人次)' }) studentParticipants: number;
  @Field(() => Int) lessonPrepTeams: number;
  @Field(() => Int) mentoringPairsFormed: number;
  @Field(() => Int) mentoringPairsActive: number;
  @Field(() => Int, { description: 'Teacher exchanges (交流轮岗/走教送教/支教) starting in the period' }) teacherExchanges: number;
  @Field(() => Int, { description: 'Teachers sent on those exchanges, one per exchange (a teacher on two exchanges in the period counts twice)' }) exchangedTeachers: number;
  @Field(() => [TypeCount]) exchangesByKind: TypeCount[];
  @Field(() => Int, { description: 'Team lesson plans first published in the period (集体备课)' }) lessonPlansPublished: number;
  @Field(() => Int, { description: 'Lessons taught from them in the period (同上课)' }) lessonPlanAdoptions: number;
}

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
  @Field(() => Int) researchSessions: number;
  @Field(() => Int) teacherParticipations: number;
  @Field(() => Int, { description: 'Mentoring pairs ACTIVE on `to`' }) mentoringPairsActive: number;
  @Field(() => Int) teacherExchanges: number;
  @Field(() => Int) exchangedTeachers: number;
}

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
