import { Extensions, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '#app/core';
import { Region, School, Teacher } from '#app/organisation';
import { Term } from './enums';
import { BalanceExclusion, BalanceMissing } from './report';
import { BalanceIndicator, BalanceStage } from './standard';
import { registerLabelledEnums } from '#app/core';

registerLabelledEnums({ BalanceMissing, BalanceExclusion }, {
  BalanceMissing: {
    FACILITIES: ['缺少本学年办学条件数据（四项设施指标按 0 计）', 'No facility figures for the year (the four facility indicators count as 0)'],
    ENROLMENT_BY_STAGE: ['缺少分学段在校生数（按教师学段拆分）', 'No enrolment by stage (students split by the teachers’ stages)'],
  },
  BalanceExclusion: {
    SMALL_TEACHING_POINT: ['不足 50 人的教学点，不参与计算', 'Teaching point under 50 students, left out'],
    NO_STUDENTS: ['无在校生，不参与计算', 'No students, left out'],
  },
});

@ObjectType({ description: 'A school that pulls a coefficient up: its value and its share of the weighted squared deviation' })
export class BalancePull {
  @Field(() => School) school: School;
  @Field(() => Float) value: number;
  @Field(() => Float, { description: 'Share of Σ Pᵢ(Xᵢ − X̄)², 0–1' }) share: number;
}

@ObjectType({ description: 'One indicator of a stage: standard, county value (student-weighted mean), 校际差异系数 and whether it holds' })
export class BalanceIndicatorResult {
  @Field(() => BalanceIndicator) key: BalanceIndicator;
  @Field(() => Float, { description: 'The standard a school must meet' }) standard: number;
  @Field(() => Float, { description: 'County value X̄ = Σ PᵢXᵢ / P' }) value: number;
  @Field(() => Float, { nullable: true, description: 'CV = S / X̄ (null when X̄ is 0)' }) coefficient: number | null;
  @Field(() => Float, { description: '0.50 primary, 0.45 junior' }) threshold: number;
  @Field({ description: 'coefficient ≤ threshold' }) holds: boolean;
  @Field(() => [BalancePull], { description: 'The schools that pull the coefficient up most (at most 3)' }) @Extensions({ listSize: 3 }) pulls: BalancePull[];
}

@ObjectType()
export class BalanceValue {
  @Field(() => BalanceIndicator) key: BalanceIndicator;
  @Field(() => Float) value: number;
  @Field(() => Float) standard: number;
  @Field() meets: boolean;
}

@ObjectType({ description: "A school's part in a stage (a nine-year school appears in both)" })
export class BalanceSchool {
  @Field(() => School) school: School;
  @Field(() => Int) students: number;
  @Field(() => Float, { description: 'Full-time teachers counted in this part (a teacher of both stages counts by the students’ share)' }) teachers: number;
  @Field(() => [BalanceValue], { description: 'The seven indicators, in the standard’s order' }) @Extensions({ listSize: 7 }) values: BalanceValue[];
  @Field(() => Int, { description: 'How many of the seven it meets' }) met: number;
  @Field({ description: 'At least 6 of 7 met and the other at least 85% of its standard' }) complies: boolean;
  @Field(() => [BalanceMissing]) @Extensions({ listSize: 2 }) missing: BalanceMissing[];
}

@ObjectType()
export class BalanceStageReport {
  @Field(() => BalanceStage) stage: BalanceStage;
  @Field(() => Int) students: number;
  @Field(() => Int) compliantSchools: number;
  @Field({ description: 'Every coefficient of the stage within its threshold' }) holds: boolean;
  @Field(() => [BalanceIndicatorResult]) @Extensions({ listSize: 7 }) indicators: BalanceIndicatorResult[];
  @Field(() => [BalanceSchool]) schools: BalanceSchool[];
}

@ObjectType()
export class BalanceExcludedSchool {
  @Field(() => School) school: School;
  @Field(() => BalanceExclusion) reason: BalanceExclusion;
  @Field(() => Int) students: number;
}

@ObjectType({ description: '优质均衡: the resource indicators of a county (or the schools in your scope) for a school year' })
export class BalanceReport {
  @Field(() => ID) regionId: string;
  @Field(() => Int, { description: 'The school year, by the year it starts in' }) year: number;
  @Field(() => DateScalar, { description: 'Teachers (and exchanges) are counted as of this day' }) asOf: string;
  @Field({ description: 'false when only part of the region is in your scope (a group manager: your groups’ schools)' }) wholeRegion: boolean;
  @Field(() => Int, { description: 'Teachers counted at a host school on the day because of a ROTATION or SUPPORT exchange' }) exchangesCounted: number;
  @Field(() => [BalanceStageReport], { description: 'PRIMARY, then JUNIOR' }) @Extensions({ listSize: 2 }) stages: BalanceStageReport[];
  @Field(() => [BalanceExcludedSchool]) excluded: BalanceExcludedSchool[];
}

@ObjectType({ description: 'A suggested move: count this teacher at that school (make it a 交流轮岗 with createBalancingExchanges)' })
export class BalancingMove {
  @Field(() => Teacher) teacher: Teacher;
  @Field(() => School) from: School;
  @Field(() => School) to: School;
  @Field(() => BalanceStage) stage: BalanceStage;
  @Field(() => BalanceIndicator, { description: 'The coefficient the move is for' }) indicator: BalanceIndicator;
  @Field(() => ID, { nullable: true, description: 'A group both schools are active members of (null: none, a move across groups)' }) groupId: string | null;
  @Field(() => Float, { nullable: true, description: 'The coefficient before this move (the moves applied in order)' }) coefficientBefore: number | null;
  @Field(() => Float, { nullable: true }) coefficientAfter: number | null;
  @Field({ description: 'Which coefficient it lowers and by how much, in your language' }) reason: string;
}

@ObjectType()
export class BalancingCoefficient {
  @Field(() => BalanceStage) stage: BalanceStage;
  @Field(() => BalanceIndicator) key: BalanceIndicator;
  @Field(() => Float) threshold: number;
  @Field(() => Float, { nullable: true }) before: number | null;
  @Field(() => Float, { nullable: true, description: 'With every suggested move made' }) after: number | null;
  @Field() holdsBefore: boolean;
  @Field() holdsAfter: boolean;
}

@ObjectType({ description: 'Suggested rotations that bring the teacher-based coefficients under their thresholds (nothing is saved)' })
export class BalancingPlan {
  @Field(() => ID) regionId: string;
  @Field(() => Int) year: number;
  @Field(() => DateScalar) asOf: string;
  @Field(() => Int) maxMoves: number;
  @Field() acrossGroups: boolean;
  @Field({ description: 'Every teacher-based coefficient within its threshold after the moves' }) reachesThresholds: boolean;
  @Field(() => [BalancingMove]) @Extensions({ listSize: 50 }) moves: BalancingMove[];
  @Field(() => [BalancingCoefficient], { description: 'QUALIFIED, BACKBONE and PE_ARTS of each stage, before and after' }) @Extensions({ listSize: 6 }) coefficients: BalancingCoefficient[];
}

@ObjectType()
export class EnrolmentSnapshot {
  @Field(() => Int) year: number;
  @Field(() => Int, { description: 'Schools whose student count became their autumn enrolment' }) recorded: number;
  @Field(() => [School], { description: 'Nine- or twelve-year schools without an earlier term to split by: enter theirs' }) skipped: School[];
}

@ObjectType()
export class TermRef {
  @Field(() => Int) year: number;
  @Field(() => Term) term: Term;
}

@ObjectType({ description: '回流 of one consortium member school: its compulsory students when it joined and now' })
export class SchoolReturned {
  @Field(() => School) school: School;
  @Field(() => ID) groupId: string;
  @Field(() => DateScalar) joinedOn: string;
  @Field(() => Int, { nullable: true, description: 'In the last term that began by the day it joined (null: none recorded)' }) before: number | null;
  @Field(() => TermRef, { nullable: true }) beforeTerm: TermRef | null;
  @Field(() => Int, { nullable: true, description: 'In the last term that began by asOf' }) now: number | null;
  @Field(() => TermRef, { nullable: true }) nowTerm: TermRef | null;
  @Field(() => Int, { nullable: true, description: 'now − before (null when either is missing)' }) change: number | null;
}

@ObjectType()
export class ReturnedStudents {
  @Field(() => Region) region: Region;
  @Field(() => Int, { description: 'Σ change of its member schools' }) change: number;
  @Field(() => Int, { description: 'Member schools with both terms recorded' }) schools: number;
}

@ObjectType({ description: '回流: students gained by consortium member schools since they joined, per county' })
export class StudentsReturned {
  @Field(() => ID) regionId: string;
  @Field(() => DateScalar) asOf: string;
  @Field(() => Int) total: number;
  @Field(() => [ReturnedStudents]) counties: ReturnedStudents[];
  @Field(() => [SchoolReturned], { description: 'Largest gain first' }) schools: SchoolReturned[];
}
