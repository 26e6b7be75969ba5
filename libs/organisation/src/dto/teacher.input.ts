import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsEnum, IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { BackboneLevel, EducationLevel, SchoolStage, TeacherHonour, TeacherTitle } from '../enums';
import { Text } from './common';

@InputType()
export class CreateTeacherInput {
  @Field() @Text(50) name: string;
  @Field(() => ID) @IsUUID() schoolId: string;
  @Field(() => [String], { description: 'Subjects taught, e.g. ["数学"]' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @Text(20, { each: true })
  subjects: string[];
  @Field(() => SchoolStage) @IsEnum(SchoolStage) stage: SchoolStage;
  @Field(() => TeacherTitle, { nullable: true }) @IsOptional() @IsEnum(TeacherTitle) title?: TeacherTitle;
  @Field(() => Int) @IsInt() @Min(0) @Max(60) yearsOfExperience: number;
  @Field(() => [TeacherHonour], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(5) @IsEnum(TeacherHonour, { each: true }) honours?: TeacherHonour[];
  @Field({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(/^[+\d][\d\- ]{5,28}$/, { message: 'phone must be a phone number' }) phone?: string;
  @Field({ nullable: true, description: '教职工号, unique' }) @IsOptional() @Matches(/^[0-9A-Za-z\-]{1,30}$/, { message: 'staffNo is 1 to 30 letters, digits or -' }) staffNo?: string;
  @Field(() => EducationLevel, { nullable: true, description: '最高学历' }) @IsOptional() @IsEnum(EducationLevel) educationLevel?: EducationLevel;
  @Field(() => BackboneLevel, { nullable: true, description: '骨干教师级别 (county, city, province, national)' }) @IsOptional() @IsEnum(BackboneLevel) backboneLevel?: BackboneLevel;
  @Field({ nullable: true, description: '专任教师 (default true)' }) @IsOptional() @IsBoolean() fullTime?: boolean;
}

/** What `updateTeacher` may correct; a field left out stays, null clears the ones that may be empty. */
@InputType()
export class UpdateTeacherInput {
  @Field(() => [String], { nullable: true, description: 'Subjects taught, the main subject (主教学科) first' })
  @ValidateIf((_, v) => v !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @Text(20, { each: true })
  subjects?: string[];
  @Field(() => TeacherTitle, { nullable: true }) @IsOptional() @IsEnum(TeacherTitle) title?: TeacherTitle | null;
  @Field(() => Int, { nullable: true }) @ValidateIf((_, v) => v !== undefined) @IsInt() @Min(0) @Max(60) yearsOfExperience?: number;
  @Field(() => [TeacherHonour], { nullable: true }) @ValidateIf((_, v) => v !== undefined) @IsArray() @ArrayMaxSize(5) @IsEnum(TeacherHonour, { each: true }) honours?: TeacherHonour[];
  @Field(() => EducationLevel, { nullable: true, description: '最高学历; null: not recorded' }) @IsOptional() @IsEnum(EducationLevel) educationLevel?: EducationLevel | null;
  @Field(() => BackboneLevel, { nullable: true, description: '骨干教师级别; null: not a backbone teacher' }) @IsOptional() @IsEnum(BackboneLevel) backboneLevel?: BackboneLevel | null;
  @Field({ nullable: true, description: '专任教师' }) @ValidateIf((_, v) => v !== undefined) @IsBoolean() fullTime?: boolean;
}

@InputType()
export class TeacherFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() schoolId?: string;
  @Field(() => ID, { nullable: true, description: 'Teachers of the active member schools of this group' }) @IsOptional() @IsUUID() groupId?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(20) subject?: string;
  @Field({ nullable: true, description: 'Part of the name' }) @IsOptional() @MaxLength(50) search?: string;
}
