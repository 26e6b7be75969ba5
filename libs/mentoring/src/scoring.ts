/**
 * How well a teacher would mentor an apprentice in a subject: a transparent points table (README
 * "Mentoring and exchanges"). Deterministic; each point comes with a reason in Chinese and English.
 */
export interface TeacherFacts {
  id: string;
  name: string;
  schoolId: string;
  subjects: string[];
  stage: string;
  title: string | null;
  yearsOfExperience: number;
  honours: string[];
}
export interface MembershipFacts {
  role: 'LEAD' | 'MEMBER';
  pairing: string | null;
}
export interface Scored {
  score: number;
  reasons: string[];
}

export const POINTS = {
  sameStage: 20,
  relatedStage: 10,
  perYearOfExperience: 1,
  maxYears: 30,
  title: { SENIOR_PROFESSOR: 20, SENIOR: 15, FIRST_GRADE: 8, SECOND_GRADE: 3 } as Record<string, number>,
  honours: { FAMOUS_TEACHER: 25, SUBJECT_LEADER: 20, BACKBONE: 12, EXCELLENT_TEACHER: 6 } as Record<string, number>,
  strongerSchool: 20,
  crossSchool: 10,
  perFreePlace: 2,
};
const TITLE_ZH: Record<string, string> = { SENIOR_PROFESSOR: '正高级教师', SENIOR: '高级教师', FIRST_GRADE: '一级教师', SECOND_GRADE: '二级教师' };
const HONOUR_ZH: Record<string, string> = { FAMOUS_TEACHER: '名师', SUBJECT_LEADER: '学科带头人', BACKBONE: '骨干教师', EXCELLENT_TEACHER: '优秀教师' };
const PAIRING_ZH: Record<string, string> = { STRONG_WEAK: '薄弱校', STRONG_RURAL: '乡村学校', STRONG_NEW: '新建校', STRONG_SUBURBAN: '城郊学校' };
const NINE_YEAR_PARTS = new Set(['PRIMARY', 'JUNIOR', 'NINE_YEAR', 'TEACHING_POINT']);

/** null when `m` cannot mentor `a` in `subject` (same person, not their subject, not more experienced, no room). */
export function scoreMentor(m: TeacherFacts, a: TeacherFacts, subject: string, ms: MembershipFacts, as: MembershipFacts, freePlaces: number): Scored | null {
  if (m.id === a.id || !m.subjects.includes(subject) || freePlaces <= 0) return null;
  if (m.yearsOfExperience <= a.yearsOfExperience) return null;
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, reason: string) => {
    if (!points) return;
    score += points;
    reasons.push(`${reason} +${points}`);
  };
  reasons.push(`教${subject} teaches ${subject}`);
  if (m.stage === a.stage) add(POINTS.sameStage, '同学段 same stage');
  else if (NINE_YEAR_PARTS.has(m.stage) && NINE_YEAR_PARTS.has(a.stage) && (m.stage === 'NINE_YEAR' || a.stage === 'NINE_YEAR')) add(POINTS.relatedStage, '九年一贯 related stage');
  const years = Math.min(m.yearsOfExperience, POINTS.maxYears);
  add(years * POINTS.perYearOfExperience, `教龄${m.yearsOfExperience}年 ${m.yearsOfExperience} years of experience`);
  if (m.title && POINTS.title[m.title]) add(POINTS.title[m.title], `${TITLE_ZH[m.title]} ${m.title.toLowerCase().replace(/_/g, ' ')}`);
  for (const h of m.honours) if (POINTS.honours[h]) add(POINTS.honours[h], `${HONOUR_ZH[h]} ${h.toLowerCase().replace(/_/g, ' ')}`);
  if (ms.role === 'LEAD' && as.role === 'MEMBER' && as.pairing && PAIRING_ZH[as.pairing]) {
    add(POINTS.strongerSchool, `牵头校带${PAIRING_ZH[as.pairing]} lead school to ${as.pairing.replace('STRONG_', '').toLowerCase()} member`);
  }
  if (m.schoolId !== a.schoolId) add(POINTS.crossSchool, '跨校结对 cross-school');
  add(freePlaces * POINTS.perFreePlace, `还可带${freePlaces}名徒弟 ${freePlaces} free place(s)`);
  return { score, reasons };
}

/** Who needs a mentor: new teachers (新教师) and teachers in their first three years. */
export const isApprentice = (t: TeacherFacts) => t.honours.includes('NEW_TEACHER') || t.yearsOfExperience <= 3;
