import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, Validate, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '#app/organisation';
import { DateScalar } from '#app/core';
import { Text } from '#app/organisation';
import { MentoringActivityKind, MentoringStatus } from '../enums';

@InputType()
export class RequestMentorshipInput {
  @Field(() => ID) @IsUUID() groupId: string;
  @Field(() => ID) @IsUUID() mentorTeacherId: string;
  @Field(() => ID) @IsUUID() apprenticeTeacherId: string;
  @Field({ description: 'e.g. 数学' }) @Text(20) subject: string;
  @Field(() => [String], { nullable: true, description: 'Goals of the plan, e.g. 站稳讲台, 独立设计单元教学' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Text(200, { each: true })
  goals?: string[];
  @Field(() => DateScalar, { nullable: true, description: 'Planned end; three years after acceptance when omitted' }) @IsOptional() @Validate(IsCalendarDate) plannedEndOn?: string;
}

@InputType()
export class LogMentoringActivityInput {
  @Field(() => ID) @IsUUID() pairId: string;
  @Field(() => MentoringActivityKind) @IsEnum(MentoringActivityKind) kind: MentoringActivityKind;
  @Field(() => DateScalar) @Validate(IsCalendarDate) occurredOn: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1440) durationMinutes?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) notes?: string;
}

@InputType()
export class GoalScoreInput {
  @Field() @Text(200) goal: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(5) score: number;
}

@InputType()
export class EvaluateMentoringPairInput {
  @Field(() => ID) @IsUUID() pairId: string;
  @Field({ description: 'School year and term, e.g. 2025-2026-1' }) @Matches(/^\d{4}-\d{4}-[12]$/, { message: 'period is a school year and term, e.g. 2025-2026-1' }) period: string;
  @Field(() => [GoalScoreInput]) @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => GoalScoreInput) scores: GoalScoreInput[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

@InputType()
export class MentoringPairFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() groupId?: string;
  @Field(() => ID, { nullable: true, description: 'Pairs where this teacher is mentor or apprentice' }) @IsOptional() @IsUUID() teacherId?: string;
  @Field(() => MentoringStatus, { nullable: true }) @IsOptional() @IsEnum(MentoringStatus) status?: MentoringStatus;
}

/** The subject of the suggestion queries, bounded like every other subject (arguments, so validated as a class). */
@ArgsType()
export class MentorSuggestionArgs {
  @Field() @Text(20) subject: string;
}

@ArgsType()
export class PairSuggestionArgs {
  @Field({ nullable: true }) @IsOptional() @Text(20) subject?: string;
}
