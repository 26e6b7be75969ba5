import { Injectable } from '@nestjs/common';
import { badInput, labelOf, TransactionService, type RequestContext } from '#app/core';
import { ExchangeKind, ExchangeService } from '#app/activity';
import { Directory, SchoolStage } from '#app/organisation';
import { BalanceService, type BalanceInputs } from './balance.service';
import { CreateBalancingExchangesInput } from './dto/balancing.input';
import { BalancingCoefficient, BalancingMove, BalancingPlan } from './models';
import { computeReport, type BalanceTeacherRecord, type ComputedReport } from './report';
import { bestTransfers, squaresAt, type FlowSchool } from './rotations';
import { BalanceIndicator, BalanceStage, COEFFICIENT_THRESHOLDS, TEACHER_INDICATORS } from './standard';

export const MAX_SUGGESTED_MOVES = 50;

const HAS: Record<string, (t: BalanceTeacherRecord, stage: BalanceStage) => boolean> = {
  QUALIFIED_TEACHERS: (t, stage) => t.aboveRequired[stage],
  BACKBONE_TEACHERS: (t) => t.backbone,
  PE_ARTS_TEACHERS: (t) => t.peArts,
};
const partOfTeacher = (t: BalanceTeacherRecord): BalanceStage | null =>
  t.stage === SchoolStage.PRIMARY || t.stage === SchoolStage.TEACHING_POINT ? BalanceStage.PRIMARY : t.stage === SchoolStage.JUNIOR ? BalanceStage.JUNIOR : null;
const mainSubject = (t: BalanceTeacherRecord) => t.subjects[0] ?? '';

interface Planned {
  teacher: BalanceTeacherRecord;
  from: string;
  to: string;
  stage: BalanceStage;
  indicator: BalanceIndicator;
}

/**
 * suggestBalancingRotations: for each teacher-based coefficient above its threshold, the fewest moves that bring it
 * under (or, within what is left of maxMoves, as low as it goes), found exactly by a convex min-cost flow
 * (rotations.ts); then the teachers who make those moves. The coefficient that closes with the fewest moves goes
 * first, so a small maxMoves closes as many as it can; when none closes within what is left, the furthest above.
 * Constraints: a teacher moves once and only to a school with their stage; a school keeps a teacher of each (main)
 * subject it has; moves stay within a group both schools are active members of, unless acrossGroups; only full-time
 * teachers not already on an exchange move.
 */
@Injectable()
export class BalancingService {
  constructor(
    private readonly balance: BalanceService,
    private readonly exchanges: ExchangeService,
    private readonly tx: TransactionService,
  ) {}

  async suggest(ctx: RequestContext, regionId: string, year: number, maxMoves: number, acrossGroups: boolean, asOf?: string | null): Promise<BalancingPlan> {
    if (!Number.isInteger(maxMoves) || maxMoves < 1 || maxMoves > MAX_SUGGESTED_MOVES)
      throw badInput('maxMoves', { zh: `调整人数须为 1 至 ${MAX_SUGGESTED_MOVES} 之间的整数`, en: `maxMoves is a whole number from 1 to ${MAX_SUGGESTED_MOVES}` });
    const inputs = await this.balance.inputs(ctx, regionId, year, asOf);
    const groups = await Directory.activeGroupsOf(ctx, inputs.records.map((s) => s.id));
    const common = (a: string, b: string) => [...(groups.get(a) ?? [])].filter((g) => groups.get(b)?.has(g)).sort()[0] ?? null;
    const teachers = inputs.teachers.map((t) => ({ ...t }));
    const before = computeReport(inputs.records, teachers);
    const moved = new Set<string>();
    const planned: Planned[] = [];

    const over = (r: ComputedReport) =>
      r.stages
        .flatMap((st) => st.indicators.filter((i) => TEACHER_INDICATORS.includes(i.key) && i.coefficient !== null && !i.holds).map((i) => ({ stage: st.stage, key: i.key, excess: i.coefficient! / i.threshold })))
        .sort((a, b) => b.excess - a.excess);
    const coefficient = (r: ComputedReport, stage: BalanceStage, key: BalanceIndicator) => r.stages.find((s) => s.stage === stage)!.indicators.find((i) => i.key === key)!.coefficient;
    const allowed = acrossGroups ? () => true : (a: string, b: string) => common(a, b) !== null;
    const tried = new Set<string>();
    for (;;) {
      const open = over(computeReport(inputs.records, teachers)).filter((x) => !tried.has(`${x.stage} ${x.key}`));
      const budget = maxMoves - planned.length;
      if (!open.length || budget <= 0) break;
      // the one that closes with the fewest moves first, so a small budget closes as many as it can; when none closes
      // within the budget, the furthest above gets it, to come down as far as it goes
      const trials = open.map((x) => {
        const copy = teachers.map((t) => ({ ...t }));
        const n = this.movesFor(inputs, copy, new Set(moved), x.stage, x.key, budget, allowed).length;
        const c = coefficient(computeReport(inputs.records, copy), x.stage, x.key);
        return { x, n, closes: c !== null && c <= COEFFICIENT_THRESHOLDS[x.stage] };
      });
      const next = trials.filter((c) => c.closes).sort((a, b) => a.n - b.n)[0]?.x ?? open[0];
      tried.add(`${next.stage} ${next.key}`);
      planned.push(...this.movesFor(inputs, teachers, moved, next.stage, next.key, budget, allowed));
    }

    const after = computeReport(inputs.records, teachers);
    // each move's effect on its coefficient, the moves applied one after another
    const replay = inputs.teachers.map((t) => ({ ...t }));
    const byId = new Map(replay.map((t) => [t.id, t]));
    const schools = new Map(inputs.schools.map((s) => [s.id, s]));
    const people = await Directory.teachers(ctx, planned.map((p) => p.teacher.id));
    const moves = planned.map((p): BalancingMove => {
      const cvBefore = coefficient(computeReport(inputs.records, replay), p.stage, p.indicator);
      byId.get(p.teacher.id)!.schoolId = p.to;
      const cvAfter = coefficient(computeReport(inputs.records, replay), p.stage, p.indicator);
      const [from, to] = [schools.get(p.from)!, schools.get(p.to)!];
      const zh = `${labelOf('BalanceStage', p.stage, 'zh')}“${labelOf('BalanceIndicator', p.indicator, 'zh')}”校际差异系数 ${fmt(cvBefore)} → ${fmt(cvAfter)}（${from.name} → ${to.name}）`;
      const en = `${labelOf('BalanceStage', p.stage, 'en')} coefficient of “${labelOf('BalanceIndicator', p.indicator, 'en')}” ${fmt(cvBefore)} → ${fmt(cvAfter)} (${from.name} → ${to.name})`;
      return Object.assign(new BalancingMove(), {
        teacher: people.get(p.teacher.id)!,
        from,
        to,
        stage: p.stage,
        indicator: p.indicator,
        groupId: common(p.from, p.to),
        coefficientBefore: cvBefore,
        coefficientAfter: cvAfter,
        reason: ctx.lang === 'en' ? en : zh,
      });
    });
    const coefficients = [BalanceStage.PRIMARY, BalanceStage.JUNIOR].flatMap((stage) =>
      TEACHER_INDICATORS.map((key): BalancingCoefficient => {
        const [b, a] = [coefficient(before, stage, key), coefficient(after, stage, key)];
        const threshold = COEFFICIENT_THRESHOLDS[stage];
        return { stage, key, threshold, before: b, after: a, holdsBefore: b !== null && b <= threshold, holdsAfter: a !== null && a <= threshold };
      }),
    );
    return Object.assign(new BalancingPlan(), {
      regionId,
      year,
      asOf: inputs.asOf,
      maxMoves,
      acrossGroups,
      moves,
      coefficients,
      reachesThresholds: coefficients.every((c) => c.after === null || c.holdsAfter),
    });
  }

  /** The moves for one coefficient (exact for it, given the moves before), applied to `teachers`. */
  private movesFor(inputs: BalanceInputs, teachers: BalanceTeacherRecord[], moved: Set<string>, stage: BalanceStage, key: BalanceIndicator, budget: number, allowed: (from: string, to: string) => boolean): Planned[] {
    const report = computeReport(inputs.records, teachers);
    const parts = report.stages.find((s) => s.stage === stage)!.schools;
    const has = (t: BalanceTeacherRecord) => t.fullTime && HAS[key](t, stage);
    // who may leave each school: counted there, of this stage, with the attribute, full-time, not on an exchange, not moved
    const candidates = (schoolId: string) =>
      teachers
        .filter((t) => t.schoolId === schoolId && !moved.has(t.id) && !t.exchangeId && partOfTeacher(t) === stage && has(t))
        // the ones who change the fewest other coefficients first, then by name
        .sort((a, b) => others(a, key, stage) - others(b, key, stage) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subjects = (schoolId: string) => {
      const n = new Map<string, number>();
      for (const t of teachers) if (t.schoolId === schoolId && t.fullTime) n.set(mainSubject(t), (n.get(mainSubject(t)) ?? 0) + 1);
      return n;
    };
    const removable = (schoolId: string) => {
      const bySubject = new Map<string, number>();
      for (const t of candidates(schoolId)) bySubject.set(mainSubject(t), (bySubject.get(mainSubject(t)) ?? 0) + 1);
      const n = subjects(schoolId);
      return [...bySubject].reduce((sum, [s, c]) => sum + Math.min(c, (n.get(s) ?? 0) - 1), 0);
    };
    const flow: FlowSchool[] = parts.map((p) => ({ students: p.students, count: p.figures[FIGURE[key]], removable: removable(p.school.id) }));
    const goal = squaresAt(COEFFICIENT_THRESHOLDS[stage], flow) * (1 - 1e-12);
    const result = bestTransfers(flow, (i, j) => allowed(parts[i].school.id, parts[j].school.id), budget, goal);
    const out: Planned[] = [];
    for (const [i, j] of result.moves) {
      const from = parts[i].school.id;
      const n = subjects(from);
      const t = candidates(from).find((c) => (n.get(mainSubject(c)) ?? 0) > 1)!;
      t.schoolId = parts[j].school.id;
      moved.add(t.id);
      out.push({ teacher: t, from, to: t.schoolId, stage, indicator: key });
    }
    return out;
  }

  /** 交流轮岗 for each suggested move, under the group both schools share, in one transaction (all or none). */
  async createExchanges(ctx: RequestContext, input: CreateBalancingExchangesInput) {
    return this.tx.run(ctx, async (tx) => {
      const teachers = await Directory.teachers(tx, input.moves.map((m) => m.teacherId));
      const out = [];
      for (const [i, m] of input.moves.entries()) {
        const t = teachers.get(m.teacherId.toLowerCase());
        if (!t) throw badInput(`moves.${i}.teacherId`, { zh: '未找到该教师', en: 'No such teacher' });
        out.push(
          await this.exchanges.record(tx, { groupId: m.groupId, teacherId: t.id, fromSchoolId: t.schoolId, toSchoolId: m.toSchoolId, kind: ExchangeKind.ROTATION, startsOn: input.startsOn, endsOn: input.endsOn ?? undefined, note: input.note ?? '优质均衡调整建议' }),
        );
      }
      return out;
    });
  }

}

const FIGURE = { QUALIFIED_TEACHERS: 'qualified', BACKBONE_TEACHERS: 'backbone', PE_ARTS_TEACHERS: 'peArts' } as Record<BalanceIndicator, 'qualified' | 'backbone' | 'peArts'>;

/** How many of the other two teacher coefficients a teacher's move would also change. */
function others(t: BalanceTeacherRecord, key: BalanceIndicator, stage: BalanceStage): number {
  return TEACHER_INDICATORS.filter((k) => k !== key && HAS[k](t, stage)).length;
}

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(3));
