import { SchoolStage } from '#app/organisation';
import { computeReport, type BalanceSchoolRecord, type BalanceTeacherRecord, type ComputedReport } from './report';
import { bestTransfers, squaresAt, type FlowSchool } from './rotations';
import { BalanceIndicator, BalanceStage, COEFFICIENT_THRESHOLDS, TEACHER_INDICATORS } from './standard';

/** One suggested move: a teacher from one school to another, for one coefficient. */
export interface PlannedMove {
  teacher: BalanceTeacherRecord;
  from: string;
  to: string;
  stage: BalanceStage;
  indicator: BalanceIndicator;
}

const HAS: Record<string, (t: BalanceTeacherRecord, stage: BalanceStage) => boolean> = {
  QUALIFIED_TEACHERS: (t, stage) => t.aboveRequired[stage],
  BACKBONE_TEACHERS: (t) => t.backbone,
  PE_ARTS_TEACHERS: (t) => t.peArts,
};
const FIGURE = { QUALIFIED_TEACHERS: 'qualified', BACKBONE_TEACHERS: 'backbone', PE_ARTS_TEACHERS: 'peArts' } as Record<BalanceIndicator, 'qualified' | 'backbone' | 'peArts'>;
const partOfTeacher = (t: BalanceTeacherRecord): BalanceStage | null =>
  t.stage === SchoolStage.PRIMARY || t.stage === SchoolStage.TEACHING_POINT ? BalanceStage.PRIMARY : t.stage === SchoolStage.JUNIOR ? BalanceStage.JUNIOR : null;
const mainSubject = (t: BalanceTeacherRecord) => t.subjects[0] ?? '';

/** How many of the other two teacher coefficients a teacher's move would also change. */
function others(t: BalanceTeacherRecord, key: BalanceIndicator, stage: BalanceStage): number {
  return TEACHER_INDICATORS.filter((k) => k !== key && HAS[k](t, stage)).length;
}

export const coefficientIn = (r: ComputedReport, stage: BalanceStage, key: BalanceIndicator) => r.stages.find((s) => s.stage === stage)!.indicators.find((i) => i.key === key)!.coefficient;

/** The teacher-based coefficients above their threshold, the furthest above first. */
const over = (r: ComputedReport) =>
  r.stages
    .flatMap((st) => st.indicators.filter((i) => TEACHER_INDICATORS.includes(i.key) && i.coefficient !== null && !i.holds).map((i) => ({ stage: st.stage, key: i.key, excess: i.coefficient! / i.threshold })))
    .sort((a, b) => b.excess - a.excess);

/**
 * The moves of suggestBalancingRotations, applied to `teachers` (their schoolId changed): for each teacher-based
 * coefficient above its threshold, the fewest moves that bring it under (or, within what is left of maxMoves, as low
 * as it goes), found exactly by a convex min-cost flow (rotations.ts). The coefficient that closes with the fewest
 * moves goes first, so a small maxMoves closes as many as it can; when none closes within what is left, the furthest
 * above. When every coefficient ends within its threshold, a move that a later one made unneeded is dropped (the
 * last first): the moves of one coefficient also change the others.
 * Constraints: a teacher moves once and only to a school with their stage; a school keeps a teacher of each (main)
 * subject it has; `allowed(from, to)`; only full-time teachers not already on an exchange move.
 */
export function planMoves(records: readonly BalanceSchoolRecord[], teachers: BalanceTeacherRecord[], maxMoves: number, allowed: (from: string, to: string) => boolean): PlannedMove[] {
  const byId = new Map(teachers.map((t) => [t.id, t]));
  const moved = new Set<string>();
  const planned: PlannedMove[] = [];
  const tried = new Set<string>();
  for (;;) {
    const open = over(computeReport(records, teachers)).filter((x) => !tried.has(`${x.stage} ${x.key}`));
    const budget = maxMoves - planned.length;
    if (!open.length || budget <= 0) break;
    // each open coefficient planned on a copy; the chosen one's moves are then made on `teachers`
    const trials = open.map((x) => {
      const copy = teachers.map((t) => ({ ...t }));
      const moves = movesFor(records, copy, new Set(moved), x.stage, x.key, budget, allowed);
      const c = coefficientIn(computeReport(records, copy), x.stage, x.key);
      return { x, moves, closes: c !== null && c <= COEFFICIENT_THRESHOLDS[x.stage] };
    });
    const next = trials.filter((c) => c.closes).sort((a, b) => a.moves.length - b.moves.length)[0] ?? trials[0];
    tried.add(`${next.x.stage} ${next.x.key}`);
    for (const m of next.moves) {
      const t = byId.get(m.teacher.id)!;
      t.schoolId = m.to;
      moved.add(t.id);
      planned.push({ ...m, teacher: t });
    }
  }
  if (!planned.length || over(computeReport(records, teachers)).length) return planned;
  // every coefficient within its threshold: drop what is no longer needed
  for (let i = planned.length - 1; i >= 0; i--) {
    const p = planned[i];
    p.teacher.schoolId = p.from;
    if (over(computeReport(records, teachers)).length) p.teacher.schoolId = p.to;
    else planned.splice(i, 1);
  }
  return planned;
}

/** The moves for one coefficient (exact for it, given the moves before), applied to `teachers`. */
function movesFor(
  records: readonly BalanceSchoolRecord[],
  teachers: BalanceTeacherRecord[],
  moved: Set<string>,
  stage: BalanceStage,
  key: BalanceIndicator,
  budget: number,
  allowed: (from: string, to: string) => boolean,
): PlannedMove[] {
  const report = computeReport(records, teachers);
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
  const out: PlannedMove[] = [];
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
