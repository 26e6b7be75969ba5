import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { badInput, forbidden, schoolYearOf, TransactionService, type RequestContext } from '#app/core';
import { ExchangeKind, Exchanges } from '#app/activity';
import { AccessService, BACKBONE_HONOURS, Directory, EducationLevel, School, SchoolStage, type TeacherOnDay } from '#app/organisation';
import { SchoolEnrolmentInput, SchoolFacilitiesInput, type BalanceMoveInput, MIN_YEAR } from './dto/balance.input';
import { SchoolEnrolment } from './entities/school-enrolment.entity';
import { SchoolFacilities } from './entities/school-facilities.entity';
import { EnrolmentSource, Term } from './enums';
import { BalanceReport, BalanceSchool, BalanceStageReport } from './models';
import { computeReport, type BalanceSchoolRecord, type BalanceTeacherRecord, type ComputedReport } from './report';
import { BalanceStage } from './standard';

/** Main subjects that count for PE_ARTS_TEACHERS (体育, 艺术: 美术, 音乐). */
export const PE_ARTS_SUBJECTS: readonly string[] = ['体育', '体育与健康', '美术', '音乐', '艺术'];

const EDUCATION_RANK: Record<EducationLevel, number> = { SECONDARY: 0, JUNIOR_COLLEGE: 1, BACHELOR: 2, MASTER: 3, DOCTOR: 4 };
/** 高于规定学历: primary 专科 and up, junior 本科 and up. */
const ABOVE_REQUIRED: Record<BalanceStage, number> = { PRIMARY: EDUCATION_RANK.JUNIOR_COLLEGE, JUNIOR: EDUCATION_RANK.BACHELOR };

/** Everything a report is computed from, read once; simulations and the optimiser work on copies of `teachers`. */
export interface BalanceInputs {
  regionId: string;
  year: number;
  asOf: string;
  wholeRegion: boolean;
  schools: School[];
  records: BalanceSchoolRecord[];
  teachers: BalanceTeacherRecord[];
}

const MAX_MOVES = 500;
/** The exchanges whose teacher counts at the host school (走教 TRAVELING teachers stay at home). */
const HOSTED: readonly ExchangeKind[] = [ExchangeKind.ROTATION, ExchangeKind.SUPPORT];

@Injectable()
export class BalanceService {
  constructor(
    private readonly tx: TransactionService,
    private readonly access: AccessService,
  ) {}

  /** The day a report counts teachers on: asOf if given (inside the school year), else today in the current school year, else 30 September. */
  private reportDay(ctx: RequestContext, year: number, asOf?: string | null): string {
    const current = schoolYearOf(ctx.today());
    if (!Number.isInteger(year) || year < MIN_YEAR || year > current)
      throw badInput('year', { zh: `学年须为 ${MIN_YEAR} 至 ${current} 之间的年份（按学年开始的年份）`, en: `year is a school year from ${MIN_YEAR} to ${current} (the year it starts in)` });
    if (asOf) {
      if (schoolYearOf(asOf) !== year) throw badInput('asOf', { zh: `统计日期须在 ${year} 学年内（${year}-09-01 至 ${year + 1}-08-31）`, en: `asOf must be in the school year ${year} (${year}-09-01 to ${year + 1}-08-31)` });
      return asOf;
    }
    return year === current ? ctx.today() : `${year}-09-30`;
  }

  /** Reads what the report of a region's schools in a school year needs; FORBIDDEN outside the caller's scope. */
  async inputs(ctx: RequestContext, regionId: string, year: number, asOf?: string | null): Promise<BalanceInputs> {
    const day = this.reportDay(ctx, year, asOf);
    const wholeRegion = await this.access.managesRegion(ctx, regionId);
    const outside = forbidden({ zh: '该区域不在您的管理范围内', en: 'This region is outside your scope' });
    if (!wholeRegion && !ctx.user.groupIds.length) throw outside;
    // a group manager: the active member schools of their groups in the region
    const schools = await Directory.schoolsInRegion(ctx, regionId, { exceptStages: [SchoolStage.SENIOR], memberOf: wholeRegion ? undefined : ctx.user.groupIds });
    if (!wholeRegion && !schools.length) throw outside;
    const ids = schools.map((s) => s.id);
    const [enrolments, facilities, teachers] = await Promise.all([
      ctx.em.find(SchoolEnrolment, { where: { schoolId: In(ids), year } }),
      ctx.em.find(SchoolFacilities, { where: { schoolId: In(ids), year } }),
      this.teachersOn(ctx, ids, day),
    ]);
    const enrolmentOf = (id: string) => {
      const e = enrolments.find((x) => x.schoolId === id && x.term === Term.AUTUMN) ?? enrolments.find((x) => x.schoolId === id);
      return e ? { primary: e.primaryStudents, junior: e.juniorStudents, senior: e.seniorStudents } : null;
    };
    const records = schools.map((s): BalanceSchoolRecord => {
      const f = facilities.find((x) => x.schoolId === s.id);
      return {
        id: s.id,
        name: s.name,
        stage: s.stage,
        enrolment: enrolmentOf(s.id),
        studentCount: s.studentCount,
        facilities: f ? { buildingArea: f.buildingArea, sportsArea: f.sportsArea, equipmentValue: f.equipmentValue, multimediaRooms: f.multimediaRooms } : null,
      };
    });
    return { regionId, year, asOf: day, wholeRegion, schools, records, teachers };
  }

  /**
   * The teachers who count at these schools on `day`: where they work that day (Directory.teachersOn), or the host
   * school of a ROTATION or SUPPORT exchange running that day (Exchanges.runningOn); by id.
   */
  private async teachersOn(ctx: RequestContext, schoolIds: string[], day: string): Promise<BalanceTeacherRecord[]> {
    if (!schoolIds.length) return [];
    const home = await Directory.teachersOn(ctx, { schoolIds }, day);
    const running = await Exchanges.runningOn(ctx, day, HOSTED, { teacherIds: home.map((t) => t.id), toSchoolIds: schoolIds });
    const homeIds = new Set(home.map((t) => t.id));
    const visitors = await Directory.teachersOn(ctx, { ids: [...running.keys()].filter((id) => !homeIds.has(id)) }, day);
    const counted = new Set(schoolIds);
    return [...home, ...visitors]
      .map((t) => ({ t, schoolId: running.get(t.id)?.toSchoolId ?? t.schoolId, exchangeId: running.get(t.id)?.id ?? null }))
      .filter((x): x is { t: TeacherOnDay; schoolId: string; exchangeId: string | null } => x.schoolId !== null && counted.has(x.schoolId))
      .sort((a, b) => (a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0))
      .map(({ t, schoolId, exchangeId }) => {
        const rank = t.educationLevel ? EDUCATION_RANK[t.educationLevel] : -1;
        return {
          id: t.id,
          name: t.name,
          schoolId,
          stage: t.stage,
          subjects: t.subjects,
          fullTime: t.fullTime,
          aboveRequired: { PRIMARY: rank >= ABOVE_REQUIRED.PRIMARY, JUNIOR: rank >= ABOVE_REQUIRED.JUNIOR },
          backbone: t.backboneLevel !== null || t.honours.some((h) => BACKBONE_HONOURS.includes(h)),
          peArts: PE_ARTS_SUBJECTS.includes(t.subjects[0] ?? ''),
          exchangeId,
        };
      });
  }

  async report(ctx: RequestContext, regionId: string, year: number, asOf?: string | null): Promise<BalanceReport> {
    const inputs = await this.inputs(ctx, regionId, year, asOf);
    return this.toModel(inputs, computeReport(inputs.records, inputs.teachers));
  }

  /** The report as if each moved teacher counted at their move's school (nothing is written). */
  async simulate(ctx: RequestContext, regionId: string, year: number, moves: readonly BalanceMoveInput[], asOf?: string | null): Promise<BalanceReport> {
    const inputs = await this.inputs(ctx, regionId, year, asOf);
    return this.toModel(inputs, computeReport(inputs.records, applyMoves(inputs, moves)));
  }

  /** The same report for each of the `years` school years up to `year`, oldest first (years without schools still appear). */
  async history(ctx: RequestContext, regionId: string, year: number, years: number): Promise<BalanceReport[]> {
    if (!Number.isInteger(years) || years < 1 || years > 10) throw badInput('years', { zh: '年数须为 1 至 10 之间的整数', en: 'years is a whole number from 1 to 10' });
    const out: BalanceReport[] = [];
    for (let y = year - years + 1; y <= year; y++) if (y >= MIN_YEAR) out.push(await this.report(ctx, regionId, y));
    return out;
  }

  toModel(inputs: BalanceInputs, r: ComputedReport): BalanceReport {
    const school = new Map(inputs.schools.map((s) => [s.id, s]));
    return Object.assign(new BalanceReport(), {
      regionId: inputs.regionId,
      year: inputs.year,
      asOf: inputs.asOf,
      wholeRegion: inputs.wholeRegion,
      exchangesCounted: r.exchangesCounted,
      excluded: r.excluded.map((e) => ({ school: school.get(e.school.id)!, reason: e.reason, students: e.students })),
      stages: r.stages.map(
        (st): BalanceStageReport => ({
          stage: st.stage,
          students: st.students,
          compliantSchools: st.compliantSchools,
          holds: st.holds,
          indicators: st.indicators.map((i) => ({ ...i, pulls: i.pulls.map((p) => ({ school: school.get(p.part.school.id)!, share: p.share, value: p.value })) })),
          schools: st.schools.map(
            (p): BalanceSchool => ({
              school: school.get(p.school.id)!,
              students: p.students,
              teachers: p.teachers,
              values: p.values,
              met: p.met,
              complies: p.complies,
              missing: p.missing,
            }),
          ),
        }),
      ),
    });
  }

  async setFacilities(ctx: RequestContext, rows: readonly SchoolFacilitiesInput[]): Promise<SchoolFacilities[]> {
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const key = `${r.schoolId} ${r.year}`;
      if (seen.has(key)) throw badInput(`rows.${i}`, { zh: `第 ${i + 1} 行与前面的行是同一学校同一学年`, en: `Row ${i + 1} repeats a school and year given before` });
      seen.add(key);
    });
    if (!rows.length) return [];
    return this.tx.run(ctx, async (tx) => {
      await this.access.requireSchools(tx, 'staff', [...new Set(rows.map((r) => r.schoolId))]);
      await tx.em.query(
        `INSERT INTO school_facilities (school_id, year, building_area, sports_area, equipment_value, multimedia_rooms, updated_by, updated_at)
         SELECT u.*, $7::uuid, $8::timestamptz FROM unnest($1::uuid[], $2::int[], $3::numeric[], $4::numeric[], $5::numeric[], $6::int[]) AS u
         ON CONFLICT (school_id, year) DO UPDATE SET building_area = EXCLUDED.building_area, sports_area = EXCLUDED.sports_area,
           equipment_value = EXCLUDED.equipment_value, multimedia_rooms = EXCLUDED.multimedia_rooms, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
        [rows.map((r) => r.schoolId), rows.map((r) => r.year), rows.map((r) => r.buildingArea), rows.map((r) => r.sportsArea), rows.map((r) => r.equipmentValue), rows.map((r) => r.multimediaRooms), tx.user.userId, tx.now()],
      );
      const saved = await tx.em.find(SchoolFacilities, { where: rows.map((r) => ({ schoolId: r.schoolId, year: r.year })) });
      const key = (x: { schoolId: string; year: number }) => `${x.schoolId} ${x.year}`;
      const byKey = new Map(saved.map((s) => [key(s), s]));
      return rows.map((r) => byKey.get(key(r))!);
    });
  }

  /** What these schools have recorded: facility figures (every year) and autumn enrolments (for imports to compare). */
  async recorded(ctx: RequestContext, schoolIds: readonly string[]): Promise<{ facilities: SchoolFacilities[]; enrolments: SchoolEnrolment[] }> {
    if (!schoolIds.length) return { facilities: [], enrolments: [] };
    const ids = In([...new Set(schoolIds)]);
    const [facilities, enrolments] = await Promise.all([ctx.em.findBy(SchoolFacilities, { schoolId: ids }), ctx.em.findBy(SchoolEnrolment, { schoolId: ids, term: Term.AUTUMN })]);
    return { facilities, enrolments };
  }

  async setEnrolment(ctx: RequestContext, input: SchoolEnrolmentInput, source = EnrolmentSource.EDIT): Promise<SchoolEnrolment> {
    const [saved] = await this.setEnrolments(ctx, [input], source);
    return saved;
  }

  /** 在校生数 of many schools and terms at once (imports, the yearly snapshot): all rows or none. */
  async setEnrolments(ctx: RequestContext, rows: readonly SchoolEnrolmentInput[], source: EnrolmentSource): Promise<SchoolEnrolment[]> {
    if (!rows.length) return [];
    return this.tx.run(ctx, async (tx) => {
      const ids = [...new Set(rows.map((r) => r.schoolId))];
      await this.access.requireSchools(tx, 'staff', ids); // NOT_FOUND for a school that is not there
      await tx.em.query(
        `INSERT INTO school_enrolment (school_id, year, term, primary_students, junior_students, senior_students, source, updated_by, updated_at)
         SELECT u.*, $7, $8::uuid, $9::timestamptz FROM unnest($1::uuid[], $2::int[], $3::varchar[], $4::int[], $5::int[], $6::int[]) AS u
         ON CONFLICT (school_id, year, term) DO UPDATE SET primary_students = EXCLUDED.primary_students, junior_students = EXCLUDED.junior_students,
           senior_students = EXCLUDED.senior_students, source = EXCLUDED.source, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
        [rows.map((r) => r.schoolId), rows.map((r) => r.year), rows.map((r) => r.term), rows.map((r) => r.primaryStudents), rows.map((r) => r.juniorStudents), rows.map((r) => r.seniorStudents ?? 0), source, tx.user.userId, tx.now()],
      );
      const saved = await tx.em.find(SchoolEnrolment, { where: rows.map((r) => ({ schoolId: r.schoolId, year: r.year, term: r.term })) });
      const key = (x: { schoolId: string; year: number; term: string }) => `${x.schoolId} ${x.year} ${x.term}`;
      const byKey = new Map(saved.map((x) => [key(x), x]));
      return rows.map((r) => byKey.get(key(r))!);
    });
  }
}

/** The teachers with the moves applied; BAD_USER_INPUT (with the move's field) for a move the report cannot make. */
export function applyMoves(inputs: BalanceInputs, moves: readonly BalanceMoveInput[]): BalanceTeacherRecord[] {
  if (moves.length > MAX_MOVES) throw badInput('moves', { zh: `一次最多模拟 ${MAX_MOVES} 项调整`, en: `At most ${MAX_MOVES} moves at once` });
  const schools = new Set(inputs.records.map((s) => s.id));
  const teachers = new Map(inputs.teachers.map((t) => [t.id, { ...t }]));
  const moved = new Set<string>();
  moves.forEach((m, i) => {
    const t = teachers.get(m.teacherId);
    if (!t) throw badInput(`moves.${i}.teacherId`, { zh: '该教师不在本报告统计的学校中任教', en: 'This teacher does not count at a school of this report' });
    if (moved.has(m.teacherId)) throw badInput(`moves.${i}.teacherId`, { zh: '同一教师只能调整一次', en: 'A teacher can move only once' });
    if (!schools.has(m.toSchoolId)) throw badInput(`moves.${i}.toSchoolId`, { zh: '目标学校不在本报告的学校中', en: 'The school is not one of this report' });
    if (t.schoolId === m.toSchoolId) throw badInput(`moves.${i}.toSchoolId`, { zh: '该教师已在这所学校', en: 'The teacher already counts at this school' });
    moved.add(m.teacherId);
    t.schoolId = m.toSchoolId;
  });
  return [...teachers.values()];
}
