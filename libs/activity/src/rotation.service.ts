import { Injectable } from '@nestjs/common';
import { badInput, notFound, TransactionService, type RequestContext } from '#app/core';
import { AccessService, Directory, TeacherHonour } from '#app/organisation';
import { DEFAULT_ROTATION_QUOTA, ExchangeKind, RotationQuotaSource } from './enums';
import { GroupRotation, RotationQuota } from './models';

const checkYear = (year: number) => {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', { zh: '年份须在 2000 年至 2100 年之间', en: 'year must be between 2000 and 2100' });
};
const checkRatio = (field: string, v: number) => {
  if (!Number.isFinite(v) || v < 0 || v > 1) throw badInput(field, { zh: `「${field}」须为 0 到 1 之间的比例（如 0.1 表示 10%）`, en: `${field} is a share between 0 and 1 (e.g. 0.1 for 10%)` });
};

/**
 * 交流轮岗: each year a share of a group's eligible teachers should rotate (default at least 10%), and backbone
 * teachers (骨干教师) should make up a share of those who rotate (default at least 20%). Quotas are set per year
 * for a group, or for a region and then apply to every group of its subtree; the group's own quota wins, then the
 * nearest region's.
 */
@Injectable()
export class RotationService {
  constructor(
    private readonly tx: TransactionService,
    private readonly access: AccessService,
  ) {}

  async groupRotation(ctx: RequestContext, groupId: string, year: number): Promise<GroupRotation> {
    checkYear(year);
    await this.access.requireGroups(ctx, 'members', [groupId]);
    const [from, to] = [`${year}-01-01`, `${year}-12-31`];
    const rotatedIds: { teacher_id: string }[] = await ctx.em.query(
      `SELECT DISTINCT e.teacher_id FROM teacher_exchange e
        WHERE e.group_id = $1 AND e.kind = $4 AND e.starts_on <= $3::date AND (e.ends_on IS NULL OR e.ends_on >= $2::date)`,
      [groupId, from, to, ExchangeKind.ROTATION],
    );
    const rotated = await Directory.teachers(
      ctx,
      rotatedIds.map((r) => r.teacher_id),
    );
    const row = {
      eligible: await Directory.groupTeacherCount(ctx, groupId),
      rotated: rotated.size,
      backbone: [...rotated.values()].filter((t) => t.honours.includes(TeacherHonour.BACKBONE)).length,
    };
    const quota = await this.quotaFor(ctx, groupId, year);
    const rotationRatio = row.eligible ? row.rotated / row.eligible : 0;
    const backboneShare = row.rotated ? row.backbone / row.rotated : 0;
    return Object.assign(new GroupRotation(), {
      groupId,
      year,
      eligibleTeachers: row.eligible,
      rotatedTeachers: row.rotated,
      rotationRatio,
      backboneRotated: row.backbone,
      backboneShare,
      quota,
      rotationGap: quota.minRotationRatio - rotationRatio,
      backboneGap: quota.minBackboneRatio - backboneShare,
      // the 1e-9 keeps 0.1 × 30 at 3, not 4
      teachersToRotate: Math.max(0, Math.ceil(quota.minRotationRatio * row.eligible - 1e-9) - row.rotated),
    });
  }

  /** The group's quota for the year, else the nearest region's above the group, else the defaults. */
  private async quotaFor(ctx: RequestContext, groupId: string, year: number): Promise<RotationQuota> {
    const path = (await Directory.group(ctx, groupId))?.regionPath ?? [];
    const [q] = await ctx.em.query(
      `SELECT coalesce(q.group_id, q.region_id) AS scope_id, CASE WHEN q.group_id IS NULL THEN 'REGION' ELSE 'GROUP' END AS source,
              q.min_rotation_ratio, q.min_backbone_ratio
         FROM rotation_quota q
        WHERE q.year = $2 AND (q.group_id = $1 OR q.region_id = ANY($3::uuid[]))
        ORDER BY (q.group_id IS NOT NULL) DESC, array_position($3::uuid[], q.region_id) DESC LIMIT 1`,
      [groupId, year, path],
    );
    if (!q) return { scopeId: null, source: RotationQuotaSource.DEFAULT, year, ...DEFAULT_ROTATION_QUOTA };
    return { scopeId: q.scope_id, source: q.source, year, minRotationRatio: q.min_rotation_ratio, minBackboneRatio: q.min_backbone_ratio };
  }

  /** A group's managers and the region admins above it set the group's quota; region admins set their region's. */
  async setQuota(ctx: RequestContext, scopeId: string, year: number, minRotationRatio: number, minBackboneRatio: number): Promise<RotationQuota> {
    checkYear(year);
    checkRatio('minRotationRatio', minRotationRatio);
    checkRatio('minBackboneRatio', minBackboneRatio);
    return this.tx.run(ctx, async (tx) => {
      const group = !!(await Directory.group(tx, scopeId));
      if (!group && !(await Directory.regions(tx, [scopeId])).has(scopeId)) throw notFound('School group or region', scopeId);
      const scope = { source: group ? RotationQuotaSource.GROUP : RotationQuotaSource.REGION };
      if (group) await this.access.requireGroups(tx, 'members', [scopeId]);
      else await this.access.requireRegions(tx, [scopeId]);
      const column = group ? 'group_id' : 'region_id';
      // the id is the new row's (a quota set again keeps its row and id); the time is the call's (ctx.now())
      await tx.em.query(
        `INSERT INTO rotation_quota (id, ${column}, year, min_rotation_ratio, min_backbone_ratio, set_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (${column}, year) WHERE ${column} IS NOT NULL
         DO UPDATE SET min_rotation_ratio = EXCLUDED.min_rotation_ratio, min_backbone_ratio = EXCLUDED.min_backbone_ratio,
                       set_by = EXCLUDED.set_by, updated_at = EXCLUDED.updated_at`,
        [tx.newId('rotation_quota'), scopeId, year, minRotationRatio, minBackboneRatio, tx.user.userId, tx.now()],
      );
      return { scopeId, source: scope.source, year, minRotationRatio, minBackboneRatio };
    });
  }
}
