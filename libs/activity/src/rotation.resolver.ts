import { Args, Float, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, IdArg, Role, type RequestContext } from '#app/core';
import { GroupRotation, RotationQuota } from './models';
import { RotationService } from './rotation.service';

@Resolver()
export class RotationResolver {
  constructor(private readonly rotation: RotationService) {}

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Query(() => GroupRotation, { description: "交流轮岗: a group's rotated teachers in a year, their backbone share, the quota and the gaps" })
  groupRotation(@Ctx() ctx: RequestContext, @IdArg('groupId') groupId: string, @Args('year', { type: () => Int }) year: number) {
    return this.rotation.groupRotation(ctx, groupId, year);
  }

  @Allow(Role.REGION_ADMIN, Role.GROUP_MANAGER)
  @Mutation(() => RotationQuota, {
    description: "Rotation quota for a year, for a group (its managers, region admins above it) or a region and its subtree (its admins); the group's own wins",
  })
  setRotationQuota(
    @Ctx() ctx: RequestContext,
    @IdArg('scopeId', { description: 'A school group id or a region id' }) scopeId: string,
    @Args('year', { type: () => Int }) year: number,
    @Args('minRotationRatio', { type: () => Float }) minRotationRatio: number,
    @Args('minBackboneRatio', { type: () => Float }) minBackboneRatio: number,
  ) {
    return this.rotation.setQuota(ctx, scopeId, year, minRotationRatio, minBackboneRatio);
  }
}
