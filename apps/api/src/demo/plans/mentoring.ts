import { SchoolStage, TeacherTitle, TeacherHonour } from '#app/organisation';
import { MentoringStatus, MentoringProposer, MentoringActivityKind } from '#app/mentoring';
import { MENTORING_FROM, RECORDED_UNTIL, addDays, dayNumber, maxDay, randomDay, schoolDayFrom } from './calendar';
import { Prng } from './kit';
import { TeacherPlan } from './organisation';

/** 师徒结对 (mentoring pairs), 2024-09 to 2026-11: plan types and when a pair of each status happens. */

/** school_group.mentor_capacity: the demo keeps the default. */
export const MENTOR_CAPACITY = 3;


export interface MentoringPairPlan {
  id: string;
  groupId: string;
  mentorId: string;
  apprenticeId: string;
  subject: string;
  status: MentoringStatus;
  proposedBy: MentoringProposer;
  goals: string[];
  plannedEndOn: string | null;
  responseNote: string | null;
  activatedOn: string | null;
  endedOn: string | null;
  evaluation: string | null;
  dissolveReason: string | null;
  proposedOn: string;
  createdAt: string;
  updatedAt: string;
}

export interface MentoringActivityPlan {
  id: string;
  pairId: string;
  kind: MentoringActivityKind;
  occurredOn: string;
  durationMinutes: number;
  notes: string;
  loggedBy: string;
  createdAt: string;
}

export interface MentoringEvaluationPlan {
  id: string;
  pairId: string;
  period: string;
  scores: { goal: string; score: number }[];
  comment: string;
  createdAt: string;
}

export interface MentoringPlan {
  pairs: MentoringPairPlan[];
  activities: MentoringActivityPlan[];
  evaluations: MentoringEvaluationPlan[];
}

export const MENTOR_HONOURS: readonly TeacherHonour[] = [TeacherHonour.FAMOUS_TEACHER, TeacherHonour.SUBJECT_LEADER, TeacherHonour.BACKBONE];
export const isMentorGrade = (t: TeacherPlan) => t.yearsOfExperience >= 8 && t.honours.some((h) => MENTOR_HONOURS.includes(h));
export const isNewTeacher = (t: TeacherPlan) => t.honours.includes(TeacherHonour.NEW_TEACHER) || t.yearsOfExperience <= 3;
export const isYoungTeacher = (t: TeacherPlan) => !isNewTeacher(t) && t.yearsOfExperience <= 10 && !t.honours.some((h) => MENTOR_HONOURS.includes(h));
/** Young 骨干 learn from a 名师 too (名师工作室). */
export const isYoungBackbone = (t: TeacherPlan) => t.yearsOfExperience <= 7 && t.honours.includes(TeacherHonour.BACKBONE) && !t.honours.includes(TeacherHonour.FAMOUS_TEACHER) && !t.honours.includes(TeacherHonour.SUBJECT_LEADER);
/** Experienced teachers without an honour mentor now and then. */
export const isSeniorTeacher = (t: TeacherPlan) => t.yearsOfExperience >= 12 && (t.title === TeacherTitle.SENIOR || t.title === TeacherTitle.FIRST_GRADE);
/** Primary (incl. teaching points) and junior teachers pair within their level; nine-year schools have both. */
export const sameLevel = (a: TeacherPlan, b: TeacherPlan) => a.stage === b.stage || a.stage === SchoolStage.NINE_YEAR || b.stage === SchoolStage.NINE_YEAR;

export interface PairTimeline {
  proposedOn: string;
  activatedOn: string | null;
  endedOn: string | null;
  /** DECLINED: the day of the answer. */
  respondedOn: string | null;
}

/** When a pair in `status` was proposed, accepted and ended, none of it before `earliest`; null when it cannot fit. */
export function pairTimeline(rng: Prng, status: MentoringStatus, earliest: string): PairTimeline | null {
  const from = maxDay(earliest, MENTORING_FROM);
  const accepted = (proposedOn: string) => schoolDayFrom(addDays(proposedOn, rng.int(2, 14)));
  switch (status) {
    case MentoringStatus.PROPOSED: {
      // Recent requests, still waiting for an answer.
      const lo = maxDay(from, '2026-10-19');
      return lo > RECORDED_UNTIL ? null : { proposedOn: randomDay(rng, lo, RECORDED_UNTIL), activatedOn: null, endedOn: null, respondedOn: null };
    }
    case MentoringStatus.DECLINED: {
      if (from > '2026-10-31') return null;
      const proposedOn = randomDay(rng, from, '2026-10-31');
      return { proposedOn, activatedOn: null, endedOn: null, respondedOn: addDays(proposedOn, rng.int(1, 10)) };
    }
    case MentoringStatus.ACTIVE: {
      if (from > '2026-09-30') return null;
      const proposedOn = randomDay(rng, from, '2026-09-30');
      const activatedOn = accepted(proposedOn);
      return activatedOn > '2026-10-31' ? null : { proposedOn, activatedOn, endedOn: null, respondedOn: null };
    }
    case MentoringStatus.COMPLETED: {
      // Two-year plans begun in the 2024-2025 school year, completed at the end of a term.
      if (from > '2025-03-15') return null;
      const proposedOn = randomDay(rng, from, '2025-03-15');
      const activatedOn = accepted(proposedOn);
      const ends = ['2026-01-23', '2026-07-03'].filter((e) => dayNumber(e) - dayNumber(activatedOn) >= 400);
      return ends.length === 0 ? null : { proposedOn, activatedOn, endedOn: rng.pick(ends), respondedOn: null };
    }
    case MentoringStatus.DISSOLVED: {
      if (from > '2026-06-30') return null;
      const proposedOn = randomDay(rng, from, '2026-06-30');
      // Now and then dissolved before anyone answered.
      if (rng.chance(0.2)) return { proposedOn, activatedOn: null, endedOn: addDays(proposedOn, rng.int(5, 30)), respondedOn: null };
      const activatedOn = accepted(proposedOn);
      const room = dayNumber('2026-11-13') - dayNumber(activatedOn);
      if (room < 60) return null;
      return { proposedOn, activatedOn, endedOn: schoolDayFrom(addDays(activatedOn, rng.int(60, Math.min(420, room)))), respondedOn: null };
    }
  }
}

export const MENTORING_KIND_WEIGHTS: ReadonlyArray<readonly [MentoringActivityKind, number]> = [[MentoringActivityKind.MEETING, 28], [MentoringActivityKind.LESSON_OBSERVATION, 32], [MentoringActivityKind.FEEDBACK, 24], [MentoringActivityKind.DEMO_LESSON, 13], [MentoringActivityKind.OTHER, 3]];
export const PROPOSER_WEIGHTS: ReadonlyArray<readonly [MentoringProposer, number]> = [[MentoringProposer.APPRENTICE, 45], [MentoringProposer.MENTOR, 25], [MentoringProposer.MANAGER, 30]];
