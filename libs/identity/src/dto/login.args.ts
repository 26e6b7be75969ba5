import { ArgsType, Field } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from './user.input';

@ArgsType()
export class LoginArgs {
  @Field({ description: 'The login email, phone number or staff number (教职工号)' }) @IsString() @IsNotEmpty() @MaxLength(254) email: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(PASSWORD_MAX_LENGTH) password: string;
}
