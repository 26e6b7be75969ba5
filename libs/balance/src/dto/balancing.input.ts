import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID, MaxLength, Validate, ValidateNested } from 'class-validator';
import { DateScalar } from '#app/core';
import { IsCalendarDate } from '#app/organisation';

@InputType({ description: 'One suggested move to make a 交流轮岗 of' })
export class BalancingExchangeMoveInput {
  @Field(() => ID) @IsUUID() teacherId: string;
  @Field(() => ID) @IsUUID() toSchoolId: string;
  @Field(() => ID, { description: 'The group both schools are active members of (BalancingMove.groupId)' }) @IsUUID() groupId: string;
}

@InputType()
export class CreateBalancingExchangesInput {
  @Field(() => [BalancingExchangeMoveInput]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => BalancingExchangeMoveInput) moves: BalancingExchangeMoveInput[];
  @Field(() => DateScalar, { description: 'First day at the other school' }) @Validate(IsCalendarDate) startsOn: string;
  @Field(() => DateScalar, { nullable: true, description: 'Last day (open-ended when left out)' }) @IsOptional() @Validate(IsCalendarDate) endsOn?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(1000) note?: string;
}
