import type { INestApplicationContext } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdentityService } from '#app/identity';
import { ReportsService } from '#app/reporting';
import { chinaInstant } from '../plans/calendar';
import { DOMAIN, demoId } from '../plans/kit';
import type { DemoPlan } from '../plans/organisation';
import { playSteps } from './play';
import { DemoPrincipals } from './principals';

/**
 * The coverage targets the story tells (Suizhou, 2024): the city's 70% by the end of 2024 and 80% by the end of 2025
 * (which carries forward to its counties in later years), and 随县's own 70% for 2026, each set by that region's
 * education bureau (the demo's city and county accounts).
 */
export function demoCoverageTargets(plan: DemoPlan): { regionId: string; year: number; ratio: number; setAt: string; by: string }[] {
  return [
    { regionId: plan.refs.cityId, year: 2024, ratio: 0.7, setAt: chinaInstant('2024-01-15', 10 * 60), by: `city@${DOMAIN}` },
    { regionId: plan.refs.cityId, year: 2025, ratio: 0.8, setAt: chinaInstant('2025-01-10', 10 * 60), by: `city@${DOMAIN}` },
    { regionId: plan.refs.mainCountyId, year: 2026, ratio: 0.7, setAt: chinaInstant('2026-01-12', 10 * 60), by: `bureau@${DOMAIN}` },
  ];
}

/** Sets them through ReportsService at their instants, as the bureau's demo account (or, its email being someone else's, as a bureau without one). */
export async function playCoverageTargets(app: INestApplicationContext, em: EntityManager, plan: DemoPlan): Promise<ReturnType<typeof demoCoverageTargets>> {
  const reports = app.get(ReportsService);
  const targets = demoCoverageTargets(plan);
  const steps = targets.map((t) => ({ ...t, at: t.setAt, by: { teacher: null, userId: demoId(`user:${t.by}`), administers: t.regionId } }));
  await playSteps(em, new DemoPrincipals(app.get(IdentityService), em), 'coverage targets', steps, (t) => `${t.year} for ${t.regionId} by ${t.by.userId}`, async (ctx, _ids, t) => {
    await reports.setCoverageTarget(ctx, t.regionId, t.year, t.ratio);
  });
  return targets;
}
