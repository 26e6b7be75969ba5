/**
 * 县域义务教育优质均衡发展督导评估办法（教督〔2017〕6号）: the seven resource indicators (资源配置指标), their
 * standards per stage, a school's compliance and the county's 校际差异系数 (student-weighted coefficient of
 * variation). Pure functions: the service gathers the figures, these compute.
 */

export enum BalanceStage { PRIMARY = 'PRIMARY', JUNIOR = 'JUNIOR' }

export enum BalanceIndicator {
  QUALIFIED_TEACHERS = 'QUALIFIED_TEACHERS',
  BACKBONE_TEACHERS = 'BACKBONE_TEACHERS',
  PE_ARTS_TEACHERS = 'PE_ARTS_TEACHERS',
  BUILDING_AREA = 'BUILDING_AREA',
  SPORTS_AREA = 'SPORTS_AREA',
  EQUIPMENT_VALUE = 'EQUIPMENT_VALUE',
  MULTIMEDIA_ROOMS = 'MULTIMEDIA_ROOMS',
}

/** The indicators in the standard's order. */
export const INDICATORS: readonly BalanceIndicator[] = Object.values(BalanceIndicator);

/** The three indicators counted from teachers (the ones teacher moves change). */
export const TEACHER_INDICATORS: readonly BalanceIndicator[] = [BalanceIndicator.QUALIFIED_TEACHERS, BalanceIndicator.BACKBONE_TEACHERS, BalanceIndicator.PE_ARTS_TEACHERS];

interface Standard {
  /** per 100 students (每百名学生) or per student (生均) */
  per: 100 | 1;
  primary: number;
  junior: number;
}

export const STANDARDS: Record<BalanceIndicator, Standard> = {
  QUALIFIED_TEACHERS: { per: 100, primary: 4.2, junior: 5.3 },
  BACKBONE_TEACHERS: { per: 100, primary: 1.0, junior: 1.0 },
  PE_ARTS_TEACHERS: { per: 100, primary: 0.9, junior: 0.9 },
  BUILDING_AREA: { per: 1, primary: 4.5, junior: 5.8 },
  SPORTS_AREA: { per: 1, primary: 7.5, junior: 10.2 },
  EQUIPMENT_VALUE: { per: 1, primary: 2000, junior: 2500 },
  MULTIMEDIA_ROOMS: { per: 100, primary: 2.3, junior: 2.4 },
};

/** 校际差异系数 must not exceed this, on every indicator: 0.50 for primary, 0.45 for junior. */
export const COEFFICIENT_THRESHOLDS: Record<BalanceStage, number> = { PRIMARY: 0.5, JUNIOR: 0.45 };

/** A school complies with at least this many of the seven met … */
export const MET_AT_LEAST = 6;
/** … and every other one at least this share of its standard. */
export const REST_AT_LEAST = 0.85;

export const standardOf = (key: BalanceIndicator, stage: BalanceStage) => (stage === BalanceStage.PRIMARY ? STANDARDS[key].primary : STANDARDS[key].junior);

/** The counts and figures of one stage part of a school (a nine-year school has two parts). */
export interface PartFigures {
  students: number;
  /** counts of full-time teachers (专任教师) */
  qualified: number;
  backbone: number;
  peArts: number;
  /** facilities (a split school's share) */
  buildingArea: number;
  sportsArea: number;
  equipmentValue: number;
  multimediaRooms: number;
}

const AMOUNT: Record<BalanceIndicator, (f: PartFigures) => number> = {
  QUALIFIED_TEACHERS: (f) => f.qualified,
  BACKBONE_TEACHERS: (f) => f.backbone,
  PE_ARTS_TEACHERS: (f) => f.peArts,
  BUILDING_AREA: (f) => f.buildingArea,
  SPORTS_AREA: (f) => f.sportsArea,
  EQUIPMENT_VALUE: (f) => f.equipmentValue,
  MULTIMEDIA_ROOMS: (f) => f.multimediaRooms,
};

/** An indicator's value for a part: its amount per 100 students or per student (0 students: 0). */
export function indicatorValue(key: BalanceIndicator, f: PartFigures): number {
  return f.students > 0 ? (AMOUNT[key](f) * STANDARDS[key].per) / f.students : 0;
}

export interface SchoolCompliance {
  values: { key: BalanceIndicator; value: number; standard: number; meets: boolean }[];
  met: number;
  complies: boolean;
}

/** Meets at least 6 of the 7, and the one left (if any) is at least 85% of its standard. */
export function compliance(stage: BalanceStage, f: PartFigures): SchoolCompliance {
  const values = INDICATORS.map((key) => {
    const value = indicatorValue(key, f);
    const standard = standardOf(key, stage);
    return { key, value, standard, meets: value >= standard };
  });
  const met = values.filter((v) => v.meets).length;
  const complies = met >= MET_AT_LEAST && values.every((v) => v.meets || v.value >= REST_AT_LEAST * v.standard);
  return { values, met, complies };
}

export interface Coefficient {
  /** X̄ = Σ PᵢXᵢ / P: the county value */
  mean: number;
  /** S = √(Σ Pᵢ (Xᵢ − X̄)² / P) */
  deviation: number;
  /** CV = S / X̄; null when X̄ is 0 (no amount anywhere) or there are no students */
  coefficient: number | null;
  /** each school's share of Σ Pᵢ (Xᵢ − X̄)²: how much it pulls the coefficient up */
  shares: number[];
}

/** The student-weighted coefficient of variation of values Xᵢ with weights Pᵢ (students). */
export function weightedCoefficient(points: readonly { students: number; value: number }[]): Coefficient {
  const P = points.reduce((s, p) => s + p.students, 0);
  if (P <= 0) return { mean: 0, deviation: 0, coefficient: null, shares: points.map(() => 0) };
  const mean = points.reduce((s, p) => s + p.students * p.value, 0) / P;
  const squares = points.map((p) => p.students * (p.value - mean) ** 2);
  const total = squares.reduce((s, x) => s + x, 0);
  const deviation = Math.sqrt(total / P);
  return { mean, deviation, coefficient: mean > 0 ? deviation / mean : null, shares: squares.map((x) => (total > 0 ? x / total : 0)) };
}
