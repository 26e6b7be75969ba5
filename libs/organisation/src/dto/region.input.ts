import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID, Matches } from 'class-validator';
import { RegionLevel } from '../enums';
import { Text } from './common';

@InputType()
export class CreateRegionInput {
  @Field() @Text(100) name: string;
  @Field(() => RegionLevel) @IsEnum(RegionLevel) level: RegionLevel;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() parentId?: string;
  @Field({ nullable: true, description: '行政区划代码: 2 to 12 digits' }) @IsOptional() @Matches(/^\d{2,12}$/, { message: 'code must be 2 to 12 digits' }) code?: string;
}
