import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Role } from '../../../core/src';
import { User } from '../entities/user.entity';

@InputType()
export class CreateUserInput {
  @Field() @IsEmail() @MaxLength(254) email: string;
  @Field({ description: '8 to 128 characters' }) @IsString() @MinLength(8) @MaxLength(128) password: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(100) @Matches(/\S/, { message: 'displayName must not be blank' }) displayName: string;
  @Field(() => ID, { nullable: true, description: 'The teacher profile this login belongs to' }) @IsOptional() @IsUUID() teacherId?: string;
}

@InputType()
export class GrantRoleInput {
  @Field(() => ID) @IsUUID() userId: string;
  @Field(() => Role) @IsEnum(Role) role: Role;
  @Field(() => ID, { nullable: true, description: 'Region id for REGION_ADMIN, group id for GROUP_MANAGER, school id for SCHOOL_ADMIN; none for PLATFORM_ADMIN and TEACHER' })
  @IsOptional()
  @IsUUID()
  scopeId?: string;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as Authorization: Bearer <token>' }) token: string;
  @Field() expiresAt: string;
  @Field(() => User) user: User;
}
