import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Role } from '#app/core';
import { User } from '../entities/user.entity';

/** What a password chosen by a person must be: one definition for createUser, changePassword and ADMIN_PASSWORD. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
const NewPasswordField = () =>
  applyDecorators(
    Field(() => String, { description: `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters` }),
    IsString(),
    MinLength(PASSWORD_MIN_LENGTH),
    MaxLength(PASSWORD_MAX_LENGTH),
  );

@InputType()
export class CreateUserInput {
  @Field() @IsEmail() @MaxLength(254) email: string;
  @NewPasswordField() password: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(100) @Matches(/\S/, { message: 'displayName must not be blank' }) displayName: string;
  @Field(() => ID, { nullable: true, description: 'The teacher profile this login belongs to' }) @IsOptional() @IsUUID() teacherId?: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field({ description: 'The password in use, or the one-time code from resetPassword' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;
  @NewPasswordField() newPassword: string;
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
  @Field({ description: 'Signed in with a one-time code: call changePassword (currentPassword = the code) before anything else; until then every other operation but me and logout answers FORBIDDEN with extensions.reason PASSWORD_CHANGE_REQUIRED' })
  mustChangePassword: boolean;
}

@ObjectType({ description: 'A one-time code for signing in once; shown only in this answer' })
export class PasswordReset {
  @Field({ description: 'Give it to the user (it reads aloud easily: no 0/O, 1/I/l); they sign in with it and must then choose a password' })
  code: string;
  @Field({ description: 'When the code stops working (72 hours)' }) expiresAt: string;
  @Field({ description: 'Whether the code also goes to the email address by mail (when the server has SMTP_URL)' }) mailed: boolean;
  @Field(() => User) user: User;
}
