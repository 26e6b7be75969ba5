import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, Validate } from 'class-validator';
import { DateScalar } from '#app/core';
import { IsCalendarDate } from '#app/organisation';
import { ExchangeKind } from '../enums';

@InputType()
export class RecordTeacherExchangeInput {
  @Field(() => ID) @IsUUID() groupId: string;
  @Field(() => ID, { description: 'A teacher working at fromSchoolId' }) @IsUUID() teacherId: string;
  @Field(() => ID, { description: 'An active member school of the group: where the teacher works' }) @IsUUID() fromSchoolId: string;
  @Field(() => ID, { description: 'Another active member school of the group: where the teacher goes' }) @IsUUID() toSchoolId: string;
  @Field(() => ExchangeKind) @IsEnum(ExchangeKind) kind: ExchangeKind;
  @Field(() => DateScalar, { description: 'First day at the other school' }) @Validate(IsCalendarDate) startsOn: string;
  @Field(() => DateScalar, { nullable: true, description: 'Last day at the other school; omit while open-ended' }) @IsOptional() @Validate(IsCalendarDate) endsOn?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

@InputType()
export class TeacherExchangeFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() groupId?: string;
  @Field(() => ID, { nullable: true, description: 'Exchanges from or to this school' }) @IsOptional() @IsUUID() schoolId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() teacherId?: string;
  @Field(() => ExchangeKind, { nullable: true }) @IsOptional() @IsEnum(ExchangeKind) kind?: ExchangeKind;
  @Field(() => DateScalar, { nullable: true, description: 'Exchanges still under way on or after this day (overlapping [from, to])' }) @IsOptional() from?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Exchanges starting on or before this day' }) @IsOptional() to?: string;
}
