import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsUUID, MaxLength, Validate } from 'class-validator';
import { ConsortiumMode, GroupKind, GroupLevel, Pairing } from '../enums';
import { Text } from './common';
import { IsCalendarDate } from './is-calendar-date';
import { DateScalar } from '#app/core';

@InputType()
export class CreateSchoolGroupInput {
  @Field() @Text(100) name: string;
  @Field(() => GroupKind) @IsEnum(GroupKind) kind: GroupKind;
  @Field(() => ConsortiumMode, { nullable: true, description: 'Consortia (县域教联体) only' }) @IsOptional() @IsEnum(ConsortiumMode) mode?: ConsortiumMode;
  @Field(() => ID) @IsUUID() regionId: string;
  @Field(() => ID) @IsUUID() leadSchoolId: string;
  @Field(() => GroupLevel, { nullable: true }) @IsOptional() @IsEnum(GroupLevel) level?: GroupLevel;
  @Field(() => DateScalar, { nullable: true, description: 'Today (China time) when omitted' }) @IsOptional() @Validate(IsCalendarDate) foundedOn?: string;
  @Field({ nullable: true, description: 'A cross-region co-built consortium (跨区域共建型教联体, mode CO_BUILT or FUSED_AND_CO_BUILT): members may be schools of other regions' })
  @IsOptional()
  @IsBoolean()
  crossRegion?: boolean;
}

@InputType({ description: 'Rename a group, change its mode or level from a day on (the history is kept), or dissolve it (撤销)' })
export class UpdateSchoolGroupInput {
  @Field(() => ID) @IsUUID() groupId: string;
  @Field({ nullable: true }) @IsOptional() @Text(100) name?: string;
  @Field(() => ConsortiumMode, { nullable: true, description: 'Consortia only' }) @IsOptional() @IsEnum(ConsortiumMode) mode?: ConsortiumMode;
  @Field(() => GroupLevel, { nullable: true, description: 'The new level; null takes the level away' }) @IsOptional() @IsEnum(GroupLevel) level?: GroupLevel | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day the new mode or level holds from, or the day it is dissolved; today (China time) when omitted' })
  @IsOptional()
  @Validate(IsCalendarDate)
  effectiveOn?: string;
  @Field({ nullable: true, description: 'Dissolve the group on effectiveOn: every membership ends that day; its history stays' }) @IsOptional() @IsBoolean() dissolve?: boolean;
}

@InputType()
export class AddGroupMemberInput {
  @Field(() => ID) @IsUUID() groupId: string;
  @Field(() => ID) @IsUUID() schoolId: string;
  @Field(() => Pairing) @IsEnum(Pairing) pairing: Pairing;
  @Field(() => DateScalar, { nullable: true, description: 'Today (China time) when omitted' }) @IsOptional() @Validate(IsCalendarDate) joinedOn?: string;
}

@InputType()
export class SchoolGroupFilter {
  @Field(() => ID, { nullable: true, description: 'Groups of this region and its subtree' }) @IsOptional() @IsUUID() regionId?: string;
  @Field(() => GroupKind, { nullable: true }) @IsOptional() @IsEnum(GroupKind) kind?: GroupKind;
  @Field(() => ConsortiumMode, { nullable: true }) @IsOptional() @IsEnum(ConsortiumMode) mode?: ConsortiumMode;
  @Field(() => ID, { nullable: true, description: 'Groups this school is an active member of' }) @IsOptional() @IsUUID() schoolId?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(100) search?: string;
}
