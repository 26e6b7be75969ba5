import { ArgsType, Field } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class LoginArgs {
  @Field() @IsString() @IsNotEmpty() @MaxLength(254) email: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(128) password: string;
}
