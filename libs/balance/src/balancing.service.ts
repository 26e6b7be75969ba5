import { Injectable } from '@nestjs/common';
import { badInput, labelOf, TransactionService, type RequestContext } from '#app/core';
import { ExchangeKind, ExchangeService } from '#app/activity';
import { Directory } from '#app/organisation';
import { BalanceService } from './balance.service';
import { CreateBalancingExchangesInput } from './dto/balancing.input';
import { BalancingCoefficient, BalancingMove, BalancingPlan } from './models';
import { coefficientIn, planMoves } from './plan-moves';
import { computeReport } from './report';
import { BalanceStage, COEFFICIENT_THRESHOLDS, TEACHER_INDICATORS } from './standard';

export const MAX_SUGGESTED_MOVES = 50;
/** maxMoves when none is given. */
export const DEFAULT_SUGGESTED_MOVES = 10;

/**
 * suggestBalancingRotations: the moves of planMoves (plan-moves.ts), within a group both schools are active members
 * of unless acrossGroups, each with the coefficient it lowers and by how much; createBalancingExchanges makes them
 * 交流轮岗 in one action.
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
    const planned = planMoves(inputs.records, teachers, maxMoves, acrossGroups ? () => true : (a, b) => common(a, b) !== null);
    const after = computeReport(inputs.records, teachers);
    // each move's effect on its coefficient, the moves applied one after another
    const replay = inputs.teachers.map((t) => ({ ...t }));
    const byId = new Map(replay.map((t) => [t.id, t]));
    const schools = new Map(inputs.schools.map((s) => [s.id, s]));
    const people = await Directory.teachers(ctx, planned.map((p) => p.teacher.id));
    let last = before;
    const moves = planned.map((p): BalancingMove => {
      const cvBefore = coefficientIn(last, p.stage, p.indicator);
      byId.get(p.teacher.id)!.schoolId = p.to;
      last = computeReport(inputs.records, replay);
      const cvAfter = coefficientIn(last, p.stage, p.indicator);
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
        const [b, a] = [coefficientIn(before, stage, key), coefficientIn(after, stage, key)];
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

const fmt = (x: number | null) => (x === null ? '—' : x.toFixed(3));
