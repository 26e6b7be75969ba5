import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsNumber, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { Term } from '../enums';

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

@InputType({ description: '办学条件 of a school for a school year' })
export class SchoolFacilitiesInput {
  @Field(() => ID) @IsUUID() schoolId: string;
  @Field(() => Int) @IsInt() @Min(MIN_YEAR) @Max(MAX_YEAR) year: number;
  @Field(() => Float, { description: '教学及辅助用房面积 (m²)' }) @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0) @Max(9_999_999_999) buildingArea: number;
  @Field(() => Float, { description: '体育运动场馆面积 (m²)' }) @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0) @Max(9_999_999_999) sportsArea: number;
  @Field(() => Float, { description: '教学仪器设备值 (yuan)' }) @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }) @Min(0) @Max(999_999_999_999) equipmentValue: number;
  @Field(() => Int, { description: '网络多媒体教室数' }) @IsInt() @Min(0) @Max(100_000) multimediaRooms: number;
}

@InputType()
export class SchoolFacilitiesBulkInput {
  @Field(() => [SchoolFacilitiesInput]) @IsArray() @ArrayMaxSize(5000) @ValidateNested({ each: true }) @Type(() => SchoolFacilitiesInput) rows: SchoolFacilitiesInput[];
}

@InputType({ description: '在校生数 of a school in a term, by stage part' })
export class SchoolEnrolmentInput {
  @Field(() => ID) @IsUUID() schoolId: string;
  @Field(() => Int) @IsInt() @Min(MIN_YEAR) @Max(MAX_YEAR) year: number;
  @Field(() => Term) @IsEnum(Term) term: Term;
  @Field(() => Int) @IsInt() @Min(0) @Max(100_000) primaryStudents: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(100_000) juniorStudents: number;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(100_000) seniorStudents: number;
}

@InputType({ description: 'A what-if move: count this teacher at that school' })
export class BalanceMoveInput {
  @Field(() => ID) @IsUUID() teacherId: string;
  @Field(() => ID) @IsUUID() toSchoolId: string;
}
