import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, AUTHENTICATED, Ctx, IdArg, PUBLIC, Role, type RequestContext } from '../../core/src';
import { Teacher, TeacherService } from '../../organisation/src';
import { AuthPayload, CreateUserInput, GrantRoleInput } from './dto/user.input';
import { RoleGrant, User } from './entities/user.entity';
import { IdentityService } from './identity.service';
import { visibleGrants } from './grant-visibility';
import { LoginArgs } from './dto/login.args';

@Resolver(() => User)
export class IdentityResolver {
  constructor(private readonly identity: IdentityService, private readonly teachers: TeacherService) {}

  @Allow(PUBLIC)
  @Mutation(() => AuthPayload, { description: 'Password login; returns a bearer token (JWT, HS256)' })
  login(@Ctx() ctx: RequestContext, @Args() args: LoginArgs) {
    return this.identity.login(ctx, args.email, args.password);
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
  @Query(() => User, { description: 'The signed-in user with their roles' })
  me(@Ctx() ctx: RequestContext) {
    return this.identity.me(ctx);
  }

  @ResolveField(() => String, { nullable: true, description: 'The login email: shown to the user and to platform and region admins, null to others' })
  email(@Ctx() ctx: RequestContext, @Parent() user: User) {
    const viewer = ctx.principal;
    if (!viewer || viewer.userId === user.id || viewer.isPlatformAdmin || viewer.regionIds.length) return user.email;
    return null;
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
