import type { INestApplicationContext } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BalanceService, EnrolmentSource, Term } from '#app/balance';
import { IdentityService } from '#app/identity';
import { chinaInstant } from '../plans/calendar';
import { enrolmentPlan, facilitiesPlan } from '../plans/balance';
import type { DemoPlan } from '../plans/organisation';
import { playSteps } from './play';
import { DemoPrincipals } from './principals';

/**
 * The counties' 优质均衡 records, entered by each county's bureau when its schools report them: a term's students
 * in October (autumn) or March (spring), a year's facility figures later in October; one call per county and report.
 */
export async function playBalanceRecords(app: INestApplicationContext, em: EntityManager, plan: DemoPlan): Promise<{ enrolments: number; facilities: number }> {
  const balance = app.get(BalanceService);
  const enrolments = enrolmentPlan(plan);
  const facilities = facilitiesPlan(plan, enrolments);
  const counties = [...new Set(plan.schools.map((s) => s.regionId))];
  const by = (countyId: string) => ({ teacher: null, userId: null, administers: countyId });
  type Step = { at: string; by: ReturnType<typeof by>; what: string; run: (ctx: Parameters<Parameters<typeof playSteps>[5]>[0]) => Promise<unknown> };
  const steps: Step[] = [];
  for (const county of counties) {
    const years = [...new Set(enrolments.map((e) => e.year))];
    for (const year of years) {
      for (const term of [Term.AUTUMN, Term.SPRING]) {
        const rows = enrolments.filter((e) => e.countyId === county && e.year === year && e.term === term);
        if (!rows.length) continue;
        const at = term === Term.AUTUMN ? chinaInstant(`${year}-10-10`, 10 * 60) : chinaInstant(`${year + 1}-03-20`, 10 * 60);
        steps.push({ at, by: by(county), what: `${year} ${term} students of ${county}`, run: (ctx) => balance.setEnrolments(ctx, rows, EnrolmentSource.EDIT) });
      }
      const figures = facilities.filter((f) => f.countyId === county && f.year === year);
      if (figures.length) steps.push({ at: chinaInstant(`${year}-10-20`, 10 * 60), by: by(county), what: `${year} facilities of ${county}`, run: (ctx) => balance.setFacilities(ctx, figures) });
    }
  }
  await playSteps(em, new DemoPrincipals(app.get(IdentityService), em), '优质均衡 records', steps, (s) => s.what, async (ctx, _ids, s) => void (await s.run(ctx)));
  return { enrolments: enrolments.length, facilities: facilities.length };
}
