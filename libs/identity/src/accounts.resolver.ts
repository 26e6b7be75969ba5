import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Allow, AUTHENTICATED, Ctx, IdArg, Role, type RequestContext } from '#app/core';
import { AccountsService } from './accounts.service';
import { Invitation, InviteUserInput, UpdateMyProfileInput } from './dto/account.input';
import { User } from './entities/user.entity';

@Resolver()
export class AccountsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Allow(Role.REGION_ADMIN, Role.SCHOOL_ADMIN)
  @Mutation(() => Invitation, {
    description:
      "Invites a person by email or phone: a login with a one-time code (valid 14 days) that they sign in with once and then choose a password; optionally with a role. Within the caller's scope, as createUser",
  })
  inviteUser(@Ctx() ctx: RequestContext, @Args('input') input: InviteUserInput) {
    return this.accounts.invite(ctx, input);
  }

  @Allow(Role.REGION_ADMIN, Role.SCHOOL_ADMIN)
  @Mutation(() => User, { description: 'Deactivates a login within your scope: it cannot sign in and its tokens end at once; its history stays' })
  deactivateUser(@Ctx() ctx: RequestContext, @IdArg('userId') userId: string) {
    return this.accounts.deactivate(ctx, userId);
  }

  @Allow(Role.REGION_ADMIN, Role.SCHOOL_ADMIN)
  @Mutation(() => User, { description: 'Lets a deactivated login sign in again' })
  reactivateUser(@Ctx() ctx: RequestContext, @IdArg('userId') userId: string) {
    return this.accounts.reactivate(ctx, userId);
  }

  @Allow(AUTHENTICATED)
  @Mutation(() => User, { description: 'Your own display name, email and phone (each unique among logins)' })
  updateMyProfile(@Ctx() ctx: RequestContext, @Args('input') input: UpdateMyProfileInput) {
    return this.accounts.updateMyProfile(ctx, input);
  }
}
