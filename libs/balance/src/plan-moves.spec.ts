import { describe, expect, it } from '@jest/globals';
import { SchoolStage } from '#app/organisation';
import { coefficientIn, planMoves } from './plan-moves';
import { computeReport, type BalanceSchoolRecord, type BalanceTeacherRecord } from './report';
import { BalanceIndicator, BalanceStage } from './standard';

/**
 * Three primary schools of 100 students each. 甲 has 4 backbone teachers (数学, above the required education), 6
 * more above it (语文) and one more 数学 teacher; 乙 and 丙 have 3 above it (语文) and no backbone teacher.
 * 骨干 (4, 0, 0): CV 1.414, two moves bring it to (2, 1, 1), 0.354. 高学历 (10, 3, 3): CV 0.619, one move to
 * (9, 4, 3), 0.492. 高学历 closes with the fewest moves, so it goes first (a 语文 teacher, who changes no other
 * coefficient); the two backbone teachers who then move are above the required education too, and with them 高学历
 * is (8, 4, 4), 0.354, without the first move: it is dropped.
 */
const school = (id: string): BalanceSchoolRecord => ({
  id,
  name: id,
  stage: SchoolStage.PRIMARY,
  enrolment: { primary: 100, junior: 0, senior: 0 },
  studentCount: 100,
  facilities: { buildingArea: 600, sportsArea: 900, equipmentValue: 250_000, multimediaRooms: 3 },
});
const teacher = (id: string, schoolId: string, subject: string, qualified: boolean, backbone: boolean): BalanceTeacherRecord => ({
  id,
  name: id,
  schoolId,
  stage: SchoolStage.PRIMARY,
  subjects: [subject],
  fullTime: true,
  aboveRequired: { PRIMARY: qualified, JUNIOR: false },
  backbone,
  peArts: false,
  exchangeId: null,
});
const records = ['甲', '乙', '丙'].map(school);
const county = (): BalanceTeacherRecord[] => [
  ...[1, 2, 3, 4].map((i) => teacher(`甲骨干${i}`, '甲', '数学', true, true)),
  ...[1, 2, 3, 4, 5, 6].map((i) => teacher(`甲语文${i}`, '甲', '语文', true, false)),
  teacher('甲数学', '甲', '数学', false, false),
  ...['乙', '丙'].flatMap((s) => [1, 2, 3].map((i) => teacher(`${s}语文${i}`, s, '语文', true, false))),
];
const cv = (teachers: BalanceTeacherRecord[], key: BalanceIndicator) => coefficientIn(computeReport(records, teachers), BalanceStage.PRIMARY, key);

describe('planMoves', () => {
  it('takes the coefficient that closes with the fewest moves first', () => {
    const teachers = county();
    expect(cv(teachers, BalanceIndicator.BACKBONE_TEACHERS)).toBeCloseTo(Math.SQRT2, 9);
    expect(cv(teachers, BalanceIndicator.QUALIFIED_TEACHERS)).toBeCloseTo(0.6187, 4);
    const moves = planMoves(records, teachers, 1, () => true);
    expect(moves.map((m) => [m.teacher.id, m.from, m.indicator])).toEqual([['甲语文1', '甲', BalanceIndicator.QUALIFIED_TEACHERS]]);
    expect(cv(teachers, BalanceIndicator.QUALIFIED_TEACHERS)).toBeCloseTo(Math.sqrt(62 / 9) / (16 / 3), 9); // (9, 4, 3): 0.492
  });

  it('drops a move that the moves for a later coefficient made unneeded', () => {
    const teachers = county();
    const moves = planMoves(records, teachers, 10, () => true);
    expect(moves.map((m) => [m.teacher.id, m.from, m.to, m.indicator])).toEqual([
      ['甲骨干1', '甲', expect.stringMatching(/^[乙丙]$/), BalanceIndicator.BACKBONE_TEACHERS],
      ['甲骨干2', '甲', expect.stringMatching(/^[乙丙]$/), BalanceIndicator.BACKBONE_TEACHERS],
    ]);
    expect(moves[0].to).not.toBe(moves[1].to);
    // the teachers as the plan leaves them: the 语文 teacher's move undone, both coefficients within 0.50
    expect(teachers.find((t) => t.id === '甲语文1')!.schoolId).toBe('甲');
    expect(cv(teachers, BalanceIndicator.BACKBONE_TEACHERS)).toBeCloseTo(Math.sqrt(2 / 9) / (4 / 3), 9); // (2, 1, 1): 0.354
    expect(cv(teachers, BalanceIndicator.QUALIFIED_TEACHERS)).toBeCloseTo(Math.sqrt(32 / 9) / (16 / 3), 9); // (8, 4, 4): 0.354
  });
});
