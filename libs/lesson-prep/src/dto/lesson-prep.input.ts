import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUrl, IsUUID, MaxLength, Min, Validate, ValidateNested } from 'class-validator';
import { DateScalar } from '#app/core';
import { IsCalendarDate } from '#app/organisation';
import { Text } from '#app/organisation';
import { LessonPlanKind, LessonPlanSection, LessonPlanStatus } from '../enums';

/** Markdown content is bounded so one plan cannot exhaust memory or the search index. */
export const MAX_CONTENT = 100_000;

@InputType()
export class CreateLessonPrepTeamInput {
  @Field(() => ID) @IsUUID() groupId: string;
  @Field({ description: 'e.g. 五年级数学集体备课组' }) @Text(100) name: string;
  @Field({ description: 'e.g. 数学' }) @Text(20) subject: string;
  @Field({ description: 'e.g. 五年级' }) @Text(20) grade: string;
  @Field(() => ID, { description: 'The leader (组长), a member; reviews the team’s plans' }) @IsUUID() leaderTeacherId: string;
  @Field(() => [ID], { description: 'Teachers of the group’s active member schools (the leader is added if missing)' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  memberTeacherIds: string[];
  @Field(() => ID, { nullable: true, description: 'A reviewer named by the group, besides the leader' }) @IsOptional() @IsUUID() reviewerTeacherId?: string;
}

@InputType()
export class UpdateLessonPrepTeamInput {
  @Field({ nullable: true }) @IsOptional() @Text(100) name?: string;
  @Field(() => ID, { nullable: true, description: 'A new leader (added as a member if missing)' }) @IsOptional() @IsUUID() leaderTeacherId?: string;
  @Field(() => ID, { nullable: true, description: 'The group’s reviewer for this team' }) @IsOptional() @IsUUID() reviewerTeacherId?: string;
  @Field({ nullable: true, description: 'true removes the named reviewer (the leader reviews)' }) @IsOptional() @IsBoolean() clearReviewer?: boolean;
}

@InputType()
export class LessonPrepTeamFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() groupId?: string;
  @Field(() => ID, { nullable: true, description: 'Teams this teacher is an active member of' }) @IsOptional() @IsUUID() teacherId?: string;
  @Field({ nullable: true }) @IsOptional() @Text(20) subject?: string;
  @Field({ nullable: true }) @IsOptional() @Text(20) grade?: string;
}

@InputType()
export class LessonResourceInput {
  @Field() @Text(200) title: string;
  @Field({ description: 'http(s) link' }) @IsUrl({ protocols: ['http', 'https'], require_protocol: true }) @MaxLength(2000) url: string;
}

/** An optional list of resources (title + URL), each validated. */
const Resources = (description?: string) =>
  applyDecorators(Field(() => [LessonResourceInput], { nullable: true, description }), IsOptional(), IsArray(), ArrayMaxSize(50), ValidateNested({ each: true }), Type(() => LessonResourceInput));

@InputType()
export class CreateLessonPlanInput {
  @Field(() => ID) @IsUUID() teamId: string;
  @Field({ description: '课题, e.g. 分数的意义' }) @Text(200) title: string;
  @Field({ nullable: true, description: 'The team’s subject (the default); another subject is refused' }) @IsOptional() @Text(20) subject?: string;
  @Field({ nullable: true, description: 'The team’s grade (the default); another grade is refused' }) @IsOptional() @Text(20) grade?: string;
  @Field({ nullable: true }) @IsOptional() @Text(200) unit?: string;
  @Field({ nullable: true, description: '教学目标' }) @IsOptional() @IsString() @MaxLength(10_000) objectives?: string;
  @Field({ nullable: true, description: '教学重难点' }) @IsOptional() @IsString() @MaxLength(10_000) keyPoints?: string;
  @Field({ description: 'Markdown' }) @IsString() @MaxLength(MAX_CONTENT) content: string;
  @Resources() resources?: LessonResourceInput[];
  @Field(() => ID, { nullable: true, description: 'The main preparer (主备), an active member; default: you' }) @IsOptional() @IsUUID() mainPreparerTeacherId?: string;
}

@InputType()
export class UpdateLessonPlanInput {
  @Field({ nullable: true }) @IsOptional() @Text(200) title?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) unit?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10_000) objectives?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10_000) keyPoints?: string;
  @Field({ nullable: true, description: 'Markdown' }) @IsOptional() @IsString() @MaxLength(MAX_CONTENT) content?: string;
  @Resources('Replaces the list') resources?: LessonResourceInput[];
  @Field({ nullable: true, description: 'What changed (kept with the revision)' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

@InputType()
export class CommentAnchorInput {
  @Field(() => LessonPlanSection) @IsEnum(LessonPlanSection) section: LessonPlanSection;
  @Field(() => Int, { nullable: true, description: 'CONTENT only: first line, 1-based' }) @IsOptional() @IsInt() @Min(1) fromLine?: number;
  @Field(() => Int, { nullable: true, description: 'CONTENT only: last line (inclusive)' }) @IsOptional() @IsInt() @Min(1) toLine?: number;
}

@InputType()
export class CommentOnLessonPlanInput {
  @Field(() => ID) @IsUUID() planId: string;
  @Field(() => Int, { description: 'The version commented on (a reply: its comment’s version)' }) @IsInt() @Min(1) version: number;
  @Field(() => CommentAnchorInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => CommentAnchorInput) anchor?: CommentAnchorInput;
  @Field() @Text(2000) text: string;
  @Field(() => ID, { nullable: true, description: 'Reply to this comment' }) @IsOptional() @IsUUID() parentId?: string;
}

@InputType()
export class RecordAdoptionInput {
  @Field(() => ID, { description: 'A published team plan, or your adaptation of one' }) @IsUUID() planId: string;
  @Field(() => ID, { description: 'An active member school of the plan’s group' }) @IsUUID() schoolId: string;
  @Field(() => ID, { description: 'A teacher of that school, or one on an exchange there on taughtOn (交流轮岗 · 支教 · 走教)' }) @IsUUID() teacherId: string;
  @Field(() => DateScalar) @Validate(IsCalendarDate) taughtOn: string;
  @Field({ nullable: true, description: 'e.g. 五(2)班' }) @IsOptional() @Text(50) className?: string;
  @Field({ nullable: true, description: '教后反思' }) @IsOptional() @IsString() @MaxLength(10_000) reflection?: string;
}

@InputType()
export class LessonPlanFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() groupId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() teamId?: string;
  @Field({ nullable: true }) @IsOptional() @Text(20) subject?: string;
  @Field({ nullable: true }) @IsOptional() @Text(20) grade?: string;
  @Field(() => LessonPlanStatus, { nullable: true }) @IsOptional() @IsEnum(LessonPlanStatus) status?: LessonPlanStatus;
  @Field(() => LessonPlanKind, { nullable: true, description: 'Default: TEAM' }) @IsOptional() @IsEnum(LessonPlanKind) kind?: LessonPlanKind;
  @Field({ nullable: true, description: 'Words or a phrase in the title or the text; Chinese works (e.g. 分数的意义)' })
  @IsOptional()
  @Text(100)
  search?: string;
}

@InputType()
export class LessonPlanAdoptionFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() planId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() groupId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() schoolId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() teacherId?: string;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() @Validate(IsCalendarDate) from?: string;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() @Validate(IsCalendarDate) to?: string;
}

