import { Field, ID, InputType, Int, PartialType, OmitType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { SchoolLocale, SchoolStage } from '../enums';
import { Text } from './common';

@InputType()
export class CreateSchoolInput {
  @Field() @Text(100) name: string;
  @Field(() => ID) @IsUUID() regionId: string;
  @Field(() => SchoolStage) @IsEnum(SchoolStage) stage: SchoolStage;
  @Field(() => SchoolLocale) @IsEnum(SchoolLocale) locale: SchoolLocale;
  @Field(() => Int) @IsInt() @Min(0) @Max(100000) studentCount: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(10000) teacherCount: number;
  @Field(() => ID, { nullable: true, description: 'The main school of a branch campus (分校/校区)' }) @IsOptional() @IsUUID() campusOfId?: string;
}

@InputType()
export class UpdateSchoolInput extends PartialType(OmitType(CreateSchoolInput, ['campusOfId'] as const)) {
  @Field(() => ID, { nullable: true, description: 'Set to null when a campus becomes independent (独立建制)' })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsUUID()
  campusOfId?: string | null;
}

@InputType()
export class SchoolFilter {
  @Field(() => ID, { nullable: true, description: 'Schools in this region and its subtree' }) @IsOptional() @IsUUID() regionId?: string;
  @Field(() => SchoolStage, { nullable: true }) @IsOptional() @IsEnum(SchoolStage) stage?: SchoolStage;
  @Field(() => SchoolLocale, { nullable: true }) @IsOptional() @IsEnum(SchoolLocale) locale?: SchoolLocale;
  @Field({ nullable: true, description: 'Part of the name' }) @IsOptional() @MaxLength(100) search?: string;
}
