import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { badInput, conflict, forbidden, notFound, TransactionService, type RequestContext } from '#app/core';
import { AccessService } from './access.service';
import { CreateRegionInput } from './dto/region.input';
import { Region } from './entities/region.entity';
import { writeRegions, type RegionRow } from './organisation-rows';
import { RegionLevel } from './enums';
import { byId } from '#app/core';

const DEPTH: Record<RegionLevel, number> = { PROVINCE: 0, CITY: 1, COUNTY: 2 };

/** Region levels as a Chinese user reads them (error messages). */
const LEVEL_ZH: Record<RegionLevel, string> = { PROVINCE: '省级区域', CITY: '市级区域', COUNTY: '县级区域' };

@Injectable()
export class RegionService {
  constructor(private readonly tx: TransactionService, private readonly access: AccessService) {}

  async create(ctx: RequestContext, input: CreateRegionInput): Promise<Region> {
    return this.tx.run(ctx, async (tx) => {
      let path: string[] = [];
      if (input.parentId) {
        await this.access.requireRegions(tx, [input.parentId]);
        const parent = await tx.em.findOneByOrFail(Region, { id: input.parentId });
        if (DEPTH[input.level] <= DEPTH[parent.level]) {
          throw badInput('level', { zh: `${LEVEL_ZH[input.level]}不能隶属于${LEVEL_ZH[parent.level]}`, en: `A ${input.level} cannot sit under a ${parent.level}` });
        }
        path = parent.path;
      } else if (!tx.user.isPlatformAdmin) {
        throw forbidden({ zh: '只有平台管理员可以创建顶级区域', en: 'Only a platform admin creates top-level regions' });
      }
      if (input.code && (await tx.em.existsBy(Region, { code: input.code }))) {
        throw conflict({ zh: `行政区划代码 ${input.code} 已被使用`, en: `Region code ${input.code} is already used` });
      }
      const id = tx.newId('region');
      const row: RegionRow = { id, name: input.name, level: input.level, parentId: input.parentId ?? null, code: input.code ?? null, path: [...path, id], createdAt: tx.now() };
      await writeRegions(tx.em, [row]);
      return tx.em.create(Region, row);
    });
  }

  /** Children of a region, or the top-level regions. */
  async list(ctx: RequestContext, parentId?: string | null): Promise<Region[]> {
    if (parentId && !(await ctx.em.existsBy(Region, { id: parentId }))) throw notFound('Region', parentId);
    return ctx.em.find(Region, { where: { parentId: parentId ?? IsNull() }, order: { name: 'ASC', id: 'ASC' } });
  }

  load(ctx: RequestContext, id: string): Promise<Region | null> {
    return byId(ctx, Region, 'region').load(id);
  }
}
