import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { Role } from '#app/core';
import { User } from '../entities/user.entity';

const PHONE = /^\+?\d{6,20}$/;

@InputType()
export class InviteUserInput {
  @Field({ nullable: true, description: 'The login email; give it or the phone (or both)' }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @Field({ nullable: true, description: 'The login phone number, digits only (e.g. 13871234567)' }) @IsOptional() @Matches(PHONE, { message: 'phone is 6 to 20 digits' }) phone?: string;
  @Field({ nullable: true, description: "Defaults to the teacher's name" }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) @Matches(/\S/, { message: 'displayName must not be blank' }) displayName?: string;
  @Field(() => ID, { nullable: true, description: 'The teacher profile this login belongs to' }) @IsOptional() @IsUUID() teacherId?: string;
  @Field(() => Role, { nullable: true, description: 'A role to grant at once (as grantRole would)' }) @IsOptional() @IsEnum(Role) role?: Role;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() scopeId?: string;
}

@ObjectType({ description: 'An invitation: the invitee signs in with the code once and chooses a password' })
export class Invitation {
  @Field(() => User) user: User;
  @Field({ description: 'A one-time code to give the invitee (no 0/O, 1/I/l)' }) code: string;
  @Field({ description: 'When the code stops working (14 days)' }) expiresAt: string;
  @Field({ description: 'The web app link that fills in the account and the code: /login?account=…&code=…' }) link: string;
  @Field({ description: 'Whether the link and the code also go to the email address by mail (when the server has SMTP_URL)' }) mailed: boolean;
}

@InputType()
export class UpdateMyProfileInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) @Matches(/\S/, { message: 'displayName must not be blank' }) displayName?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @Field({ nullable: true }) @IsOptional() @Matches(PHONE, { message: 'phone is 6 to 20 digits' }) phone?: string;
  @Field(() => String, { nullable: true, description: 'The language of API messages: zh-CN or en (wins over Accept-Language); null clears it' })
  @IsOptional()
  @IsIn(['zh-CN', 'en'])
  locale?: string | null;
}
