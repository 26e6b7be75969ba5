import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, AllowBeforePasswordChange, AUTHENTICATED, Ctx, IdArg, PUBLIC, Role, type RequestContext } from '#app/core';
import { Teacher, TeacherService } from '#app/organisation';
import { AuthPayload, ChangePasswordArgs, CreateUserInput, GrantRoleInput, PasswordReset } from './dto/user.input';
import { RoleGrant, User } from './entities/user.entity';
import { IdentityService } from './identity.service';
import { visibleGrants } from './grant-visibility';
import { LoginArgs } from './dto/login.args';

@Resolver(() => User)
export class IdentityResolver {
  constructor(private readonly identity: IdentityService, private readonly teachers: TeacherService) {}

  @Allow(PUBLIC)
  @Mutation(() => AuthPayload, {
    description: 'Password login (email: the login email, its phone number or its teacher\'s staff number 教职工号); returns a bearer token (JWT, HS256). Failed attempts are throttled per account and per client address (RATE_LIMITED with extensions.retryAfterSeconds)',
  })
  login(@Ctx() ctx: RequestContext, @Args() args: LoginArgs) {
    return this.identity.login(ctx, args.email, args.password);
  }

  @Allow(AUTHENTICATED)
  @AllowBeforePasswordChange()
  @Mutation(() => AuthPayload, {
    description: "Sets the caller's password (currentPassword: the one in use or a one-time code). Every other token of the user ends; the answer carries a fresh one",
  })
  changePassword(@Ctx() ctx: RequestContext, @Args() args: ChangePasswordArgs) {
    return this.identity.changePassword(ctx, args.currentPassword, args.newPassword);
  }

  @Allow(AUTHENTICATED)
  @AllowBeforePasswordChange()
  @Mutation(() => Boolean, { description: "Ends this token, and with it every other token of the user (all their devices sign in again)" })
  logout(@Ctx() ctx: RequestContext) {
    return this.identity.logout(ctx);
  }

  @Allow(Role.REGION_ADMIN, Role.SCHOOL_ADMIN)
  @Mutation(() => PasswordReset, {
    description:
      "Replaces a user's password with a one-time code (valid 72 h) and ends their tokens; signing in with it allows only changePassword. Within the caller's scope: a school admin for its school's teachers, a region admin over the account's school and roles; NOT_FOUND otherwise",
  })
  resetPassword(@Ctx() ctx: RequestContext, @IdArg('userId') userId: string) {
    return this.identity.resetPassword(ctx, userId);
  }

  @Allow(Role.REGION_ADMIN, Role.SCHOOL_ADMIN)
  @Mutation(() => User, { description: "Region admins create accounts; a school admin only for teachers of its school (teacherId)" })
  createUser(@Ctx() ctx: RequestContext, @Args('input') input: CreateUserInput) {
    return this.identity.createUser(ctx, input);
  }

  @Allow(Role.REGION_ADMIN, Role.SCHOOL_ADMIN)
  @Mutation(() => RoleGrant, { description: "Grants a role in a scope inside the caller's own scope" })
  grantRole(@Ctx() ctx: RequestContext, @Args('input') input: GrantRoleInput) {
    return this.identity.grantRole(ctx, input);
  }

  @Allow(Role.REGION_ADMIN, Role.SCHOOL_ADMIN)
  @Mutation(() => Boolean)
  revokeRole(@Ctx() ctx: RequestContext, @IdArg('grantId') grantId: string) {
    return this.identity.revokeRole(ctx, grantId);
  }

  @Allow(AUTHENTICATED)
  @AllowBeforePasswordChange()
  @Query(() => User, { description: 'The signed-in user with their roles' })
  me(@Ctx() ctx: RequestContext) {
    return this.identity.me(ctx);
  }

  @ResolveField(() => String, { nullable: true, description: 'The login email: shown to the user and to platform and region admins, null to others' })
  email(@Ctx() ctx: RequestContext, @Parent() user: User) {
    return this.seesLogin(ctx, user) ? user.email : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'The login phone: shown like the email' })
  phone(@Ctx() ctx: RequestContext, @Parent() user: User) {
    return this.seesLogin(ctx, user) ? user.phone : null;
  }

  private seesLogin(ctx: RequestContext, user: User) {
    const viewer = ctx.principal;
    return !viewer || viewer.userId === user.id || viewer.isPlatformAdmin || viewer.regionIds.length > 0;
  }

  @ResolveField(() => [RoleGrant], { description: 'Active role grants: shown to the user, platform admins and admins whose scope covers the grant; empty to others' })
  roles(@Ctx() ctx: RequestContext, @Parent() user: User) {
    return visibleGrants(ctx, user.id);
  }

  @ResolveField(() => Teacher, { nullable: true })
  teacher(@Ctx() ctx: RequestContext, @Parent() user: User) {
    return user.teacherId ? this.teachers.load(ctx, user.teacherId) : null;
  }
}
