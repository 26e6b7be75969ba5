import { Injectable } from '@nestjs/common';
import { TransactionService, type RequestContext } from '#app/core';
import { AccessService, Directory, School, SchoolStage } from '#app/organisation';
import { In } from 'typeorm';
import { BalanceService } from './balance.service';
import { SchoolEnrolment } from './entities/school-enrolment.entity';
import { EnrolmentSource, Term } from './enums';
import { EnrolmentSnapshot, ReturnedStudents, SchoolReturned, StudentsReturned } from './models';

/** The day a term starts: the autumn term on 1 September of its school year, the spring term on 1 March after. */
export const termStart = (year: number, term: Term) => (term === Term.AUTUMN ? `${year}-09-01` : `${year + 1}-03-01`);

/** Terms in the order they began. */
const byTermStart = (a: SchoolEnrolment, b: SchoolEnrolment) => (termStart(a.year, a.term) < termStart(b.year, b.term) ? -1 : 1);

/** The school's last term that began before `day` (or on it, with `orOn`), or null. */
const lastTermBefore = (terms: readonly SchoolEnrolment[], schoolId: string, day: string, orOn = false): SchoolEnrolment | null =>
  terms.filter((e) => e.schoolId === schoolId && (orOn ? termStart(e.year, e.term) <= day : termStart(e.year, e.term) < day)).sort(byTermStart).at(-1) ?? null;

/** Students counted by 优质均衡 and 回流: the compulsory parts. */
const compulsory = (e: SchoolEnrolment) => e.primaryStudents + e.juniorStudents;

/**
 * 在校生 over time: each school's students per term (entered, imported, or the yearly snapshot of its student count),
 * and the 回流 figure of the Suizhou report: how many students each consortium member school has gained since it
 * joined (三河小学 +70, 驼子校区 6 → 87), summed per county.
 */
@Injectable()
export class EnrolmentService {
  constructor(
    private readonly tx: TransactionService,
    private readonly access: AccessService,
    private readonly balance: BalanceService,
  ) {}

  /** A school's terms, oldest first: its staff admins, region admins above it, managers of a group it is an active member of. */
  async history(ctx: RequestContext, schoolId: string): Promise<SchoolEnrolment[]> {
    await this.access.requireSchools(ctx, 'records', [schoolId]);
    const rows = await ctx.em.find(SchoolEnrolment, { where: { schoolId } });
    return rows.sort(byTermStart);
  }

  /**
   * The yearly snapshot: each school of the region without an autumn enrolment for `year` gets its current student
   * count as one (a school of one stage part: in that part; a nine- or twelve-year school: split as its latest earlier
   * term was, or left out when it has none). Region admins.
   */
  async snapshot(ctx: RequestContext, regionId: string, year: number): Promise<EnrolmentSnapshot> {
    return this.tx.run(ctx, async (tx) => {
      await this.access.requireRegions(tx, [regionId]);
      const all = await Directory.schoolsInRegion(tx, regionId);
      const earlier = all.length ? await tx.em.find(SchoolEnrolment, { where: { schoolId: In(all.map((s) => s.id)) } }) : [];
      // the schools without an autumn term for the year
      const schools = all.filter((s) => !earlier.some((e) => e.schoolId === s.id && e.year === year && e.term === Term.AUTUMN));
      const rows: { schoolId: string; primary: number; junior: number; senior: number }[] = [];
      const skipped: School[] = [];
      for (const s of schools) {
        const n = s.studentCount;
        if (s.stage === SchoolStage.PRIMARY || s.stage === SchoolStage.TEACHING_POINT) rows.push({ schoolId: s.id, primary: n, junior: 0, senior: 0 });
        else if (s.stage === SchoolStage.JUNIOR) rows.push({ schoolId: s.id, primary: 0, junior: n, senior: 0 });
        else if (s.stage === SchoolStage.SENIOR) rows.push({ schoolId: s.id, primary: 0, junior: 0, senior: n });
        else {
          const last = lastTermBefore(earlier, s.id, termStart(year, Term.AUTUMN));
          const all = last ? last.primaryStudents + last.juniorStudents + last.seniorStudents : 0;
          if (!last || !all) {
            skipped.push(s);
            continue;
          }
          const primary = Math.round((n * last.primaryStudents) / all);
          const junior = Math.round((n * last.juniorStudents) / all);
          rows.push({ schoolId: s.id, primary, junior, senior: Math.max(0, n - primary - junior) });
        }
      }
      await this.balance.setEnrolments(
        tx,
        rows.map((r) => ({ schoolId: r.schoolId, year, term: Term.AUTUMN, primaryStudents: r.primary, juniorStudents: r.junior, seniorStudents: r.senior })),
        EnrolmentSource.SNAPSHOT,
      );
      return { year, recorded: rows.length, skipped };
    });
  }

  /**
   * 回流: for each active consortium member school in the region (not the lead school: it gives teachers, the member
   * schools get their pupils back), its compulsory students in the last term that began
   * by the day it joined, and in the last term that began by `asOf`; the change, summed per county. Region admins.
   */
  async returned(ctx: RequestContext, regionId: string, asOf: string): Promise<StudentsReturned> {
    await this.access.requireRegions(ctx, [regionId]);
    const members = await Directory.consortiumMembers(ctx, regionId, asOf);
    const ids = [...new Set(members.map((m) => m.schoolId))];
    const [school, regionById, terms] = await Promise.all([
      Directory.schools(ctx, ids),
      Directory.regionsById(ctx, members.map((m) => m.regionId)),
      ids.length ? ctx.em.find(SchoolEnrolment, { where: { schoolId: In(ids) } }) : Promise.resolve([]),
    ]);
    const regions = [...regionById.values()];
    const rows = members
      .map((m): SchoolReturned => {
        const before = lastTermBefore(terms, m.schoolId, m.joinedOn, true);
        const now = lastTermBefore(terms, m.schoolId, asOf, true);
        const change = before && now && now !== before ? compulsory(now) - compulsory(before) : before && now ? 0 : null;
        return {
          school: school.get(m.schoolId)!,
          groupId: m.groupId,
          joinedOn: m.joinedOn,
          before: before ? compulsory(before) : null,
          beforeTerm: before ? { year: before.year, term: before.term } : null,
          now: now ? compulsory(now) : null,
          nowTerm: now ? { year: now.year, term: now.term } : null,
          change,
        };
      })
      .sort((a, b) => (b.change ?? -Infinity) - (a.change ?? -Infinity) || (a.school.name < b.school.name ? -1 : 1));
    const counties = regions
      .map((r): ReturnedStudents => {
        const mine = rows.filter((x) => x.school.regionId === r.id && x.change !== null);
        return { region: r, change: mine.reduce((s, x) => s + x.change!, 0), schools: mine.length };
      })
      .sort((a, b) => b.change - a.change || (a.region.name < b.region.name ? -1 : 1));
    return Object.assign(new StudentsReturned(), { regionId, asOf, total: counties.reduce((s, c) => s + c.change, 0), counties, schools: rows });
  }
}
