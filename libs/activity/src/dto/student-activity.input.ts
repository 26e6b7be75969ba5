import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, Validate } from 'class-validator';
import { DateScalar } from '#app/core';
import { Text } from '#app/organisation';
import { IsCalendarDate } from '#app/organisation';
import { StudentActivityType } from '../enums';

@InputType()
export class RecordStudentActivityInput {
  @Field(() => ID) @IsUUID() groupId: string;
  @Field() @Text(200) title: string;
  @Field(() => StudentActivityType) @IsEnum(StudentActivityType) type: StudentActivityType;
  @Field(() => [ID], { description: 'Active member schools of the group taking part (at least one)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  schoolIds: string[];
  @Field(() => Int, { description: 'Students taking part, over all schools (at least 1)' }) @IsInt() @Min(1) @Max(1_000_000) participantCount: number;
  @Field(() => DateScalar) @Validate(IsCalendarDate) heldOn: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) description?: string;
}

@InputType()
export class StudentActivityFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() groupId?: string;
  @Field(() => ID, { nullable: true, description: 'Activities this school took part in' }) @IsOptional() @IsUUID() schoolId?: string;
  @Field(() => StudentActivityType, { nullable: true }) @IsOptional() @IsEnum(StudentActivityType) type?: StudentActivityType;
  @Field(() => DateScalar, { nullable: true, description: 'Held on or after this day' }) @IsOptional() from?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Held on or before this day' }) @IsOptional() to?: string;
}
