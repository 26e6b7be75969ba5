import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DateScalar, DateTimeScalar } from '#app/core';
import { Text } from '#app/organisation';
import { ResearchSessionStatus, ResearchSessionType, SessionMode } from '../enums';

@InputType()
export class AgendaItemInput {
  @Field() @Text(200) title: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(600) durationMinutes?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) speaker?: string;
}

/** An optional agenda: at most 50 items, each checked. */
const AgendaList = () => applyDecorators(IsOptional(), IsArray(), ArrayMaxSize(50), ValidateNested({ each: true }), Type(() => AgendaItemInput));

@InputType()
export class ScheduleResearchSessionInput {
  @Field(() => ID) @IsUUID() groupId: string;
  @Field(() => ID, { description: 'An active member school of the group (often the lead school)' }) @IsUUID() hostSchoolId: string;
  @Field() @Text(200) title: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(1000) topic?: string;
  @Field(() => ResearchSessionType) @IsEnum(ResearchSessionType) type: ResearchSessionType;
  @Field(() => SessionMode) @IsEnum(SessionMode) mode: SessionMode;
  @Field(() => DateTimeScalar) @IsDate() startsAt: Date;
  @Field(() => DateTimeScalar) @IsDate() endsAt: Date;
  @Field({ nullable: true, description: 'The subject (学科), e.g. 语文' }) @IsOptional() @IsString() @MaxLength(20) subject?: string;
  @Field({ nullable: true, description: 'The grade (年级), e.g. 四年级' }) @IsOptional() @IsString() @MaxLength(20) grade?: string;
  @Field({ nullable: true, description: 'Where (ONSITE, HYBRID), e.g. 炎帝学校三楼录播室' }) @IsOptional() @IsString() @MaxLength(200) location?: string;
  @Field({ nullable: true, description: 'The meeting link (ONLINE, HYBRID): http(s)://…' }) @IsOptional() @IsString() @MaxLength(500) meetingUrl?: string;
  @Field(() => [ID], { description: 'Active member schools of the group; the host school is always invited' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  invitedSchoolIds: string[];
  @Field(() => [ID], { nullable: true, description: 'Teachers invited by name, from member schools of the group' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  invitedTeacherIds?: string[];
  @Field(() => [AgendaItemInput], { nullable: true }) @AgendaList() agenda?: AgendaItemInput[];
  @Field(() => [ID], { nullable: true, description: 'Current team plans of the group to discuss; a live COLLECTIVE_PREP session receives their changes as LESSON_PLAN_EVENT events' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  lessonPlanIds?: string[];
}

@InputType({ description: 'Changes to a SCHEDULED session (改期, 改地点, 改议程…); what is not given stays' })
export class UpdateResearchSessionInput {
  @Field(() => ID) @IsUUID() sessionId: string;
  @Field({ nullable: true }) @IsOptional() @Text(200) title?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(1000) topic?: string;
  @Field(() => SessionMode, { nullable: true }) @IsOptional() @IsEnum(SessionMode) mode?: SessionMode;
  @Field(() => DateTimeScalar, { nullable: true, description: 'A new start (give endsAt too when the length changes)' }) @IsOptional() @IsDate() startsAt?: Date;
  @Field(() => DateTimeScalar, { nullable: true }) @IsOptional() @IsDate() endsAt?: Date;
  @Field({ nullable: true, description: 'The subject (学科), e.g. 语文' }) @IsOptional() @IsString() @MaxLength(20) subject?: string;
  @Field({ nullable: true, description: 'The grade (年级), e.g. 四年级' }) @IsOptional() @IsString() @MaxLength(20) grade?: string;
  @Field({ nullable: true, description: 'Where (ONSITE, HYBRID), e.g. 炎帝学校三楼录播室' }) @IsOptional() @IsString() @MaxLength(200) location?: string;
  @Field({ nullable: true, description: 'The meeting link (ONLINE, HYBRID): http(s)://…' }) @IsOptional() @IsString() @MaxLength(500) meetingUrl?: string;
  @Field(() => [AgendaItemInput], { nullable: true, description: 'The whole new agenda (before the start only)' }) @AgendaList() agenda?: AgendaItemInput[];
}

@InputType()
export class ResearchSessionFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() groupId?: string;
  @Field(() => ID, { nullable: true, description: 'Sessions hosted by or inviting this school' }) @IsOptional() @IsUUID() schoolId?: string;
  @Field(() => ResearchSessionType, { nullable: true }) @IsOptional() @IsEnum(ResearchSessionType) type?: ResearchSessionType;
  @Field(() => ResearchSessionStatus, { nullable: true }) @IsOptional() @IsEnum(ResearchSessionStatus) status?: ResearchSessionStatus;
  @Field(() => DateScalar, { nullable: true, description: 'Sessions starting on or after this day (China time)' }) @IsOptional() from?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Sessions starting on or before this day (China time)' }) @IsOptional() to?: string;
  @Field({ nullable: true, description: 'Words in the title or topic, e.g. a subject (数学) or a lesson (分数的意义)' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  search?: string;
  @Field({ nullable: true, description: 'Sessions of this subject (学科), e.g. 语文' }) @IsOptional() @IsString() @MaxLength(20) subject?: string;
  @Field({ nullable: true, description: 'Sessions of this grade (年级), e.g. 四年级' }) @IsOptional() @IsString() @MaxLength(20) grade?: string;
  @Field({ nullable: true, description: 'Latest start first (default: earliest first), e.g. for past sessions' })
  @IsOptional()
  @IsBoolean()
  newestFirst?: boolean;
}
