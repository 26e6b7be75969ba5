import { LESSONS, RESEARCH_THEMES, SESSION_SUBJECTS, SUBJECT_THEMES } from '../demo-names';
import { SchoolStage, GroupKind, ConsortiumMode } from '#app/organisation';
import { ResearchSessionType, SessionMode, ResearchSessionStatus, SessionEventType } from '#app/research';
import { FEATURED_CONSORTIUM, Prng } from './kit';
import { GroupPlan } from './organisation';

/** Joint research sessions (联合教研活动): plan types and the pickers the session plan draws from. */


export interface AgendaItemPlan {
  title: string;
  durationMinutes: number;
  speaker: string | null;
}

export interface SessionPlan {
  id: string;
  groupId: string;
  hostSchoolId: string;
  title: string;
  topic: string;
  type: ResearchSessionType;
  mode: SessionMode;
  /** 学科 and 年级, when the session is about one subject (a lecture is not) */
  subject: string | null;
  grade: string | null;
  status: ResearchSessionStatus;
  startsAt: string;
  endsAt: string;
  agenda: AgendaItemPlan[];
  minutes: string | null;
  cancelReason: string | null;
  startedAt: string | null;
  endedAt: string | null;
  cancelledAt: string | null;
  lastSeq: number;
  createdAt: string;
  updatedAt: string;
}

export interface InvitationPlan {
  id: string;
  sessionId: string;
  schoolId: string;
}

export interface AttendancePlan {
  id: string;
  sessionId: string;
  teacherId: string;
  schoolId: string;
  checkedInAt: string;
}

export interface EventPlan {
  sessionId: string;
  seq: number;
  type: SessionEventType;
  actorTeacherId: string | null;
  payload: Record<string, unknown>;
  at: string;
}

export interface ResearchPlan {
  sessions: SessionPlan[];
  invitations: InvitationPlan[];
  attendance: AttendancePlan[];
  events: EventPlan[];
}

/**
 * Session types. Vacations (about a sixth of the sessions) have no lessons with pupils: research themes, lesson
 * preparation and lectures only. The term-time weights make up for that, so that overall the mix is about
 * JOINT_RESEARCH 35%, COLLECTIVE_PREP 25%, DEMO_LESSON 15%, SPECIAL_DELIVERY_CLASS 8%, FAMOUS_TEACHER_CLASS 7%,
 * FAMOUS_SCHOOL_ONLINE 5%, LECTURE 5%.
 */
export const SESSION_TYPE_WEIGHTS: ReadonlyArray<readonly [ResearchSessionType, number]> = [
  [ResearchSessionType.JOINT_RESEARCH, 34], [ResearchSessionType.COLLECTIVE_PREP, 21], [ResearchSessionType.DEMO_LESSON, 18], [ResearchSessionType.SPECIAL_DELIVERY_CLASS, 10], [ResearchSessionType.FAMOUS_TEACHER_CLASS, 8], [ResearchSessionType.FAMOUS_SCHOOL_ONLINE, 6], [ResearchSessionType.LECTURE, 3],
];
export const VACATION_TYPE_WEIGHTS: ReadonlyArray<readonly [ResearchSessionType, number]> = [[ResearchSessionType.JOINT_RESEARCH, 40], [ResearchSessionType.COLLECTIVE_PREP, 45], [ResearchSessionType.LECTURE, 15]];
/** 专递课堂 bring the subjects village schools lack teachers for. */
export const DELIVERY_SUBJECTS: ReadonlyArray<readonly [string, number]> = [['英语', 3], ['音乐', 2], ['美术', 2], ['科学', 2], ['数学', 1], ['语文', 1]];

export function gradeRange(stage: SchoolStage): [number, number] {
  if (stage === SchoolStage.JUNIOR || stage === SchoolStage.SENIOR) return [7, 9];
  if (stage === SchoolStage.NINE_YEAR) return [1, 9];
  return [1, 6];
}

export interface LessonPick {
  subject: string;
  grade: number;
  /** e.g. 《春》 or “一元一次方程”. */
  lesson: string;
}

export function pickLesson(rng: Prng, weights: ReadonlyArray<readonly [string, number]>, [minGrade, maxGrade]: [number, number], term: 1 | 2): LessonPick {
  const fits = ([grade, t]: readonly [number, number, string]) => grade >= minGrade && grade <= maxGrade && (t === 0 || t === term);
  let options = weights.filter(([s]) => (LESSONS[s] ?? []).some(fits));
  if (options.length === 0) options = SESSION_SUBJECTS.filter(([s]) => (LESSONS[s] ?? []).some(fits));
  const subject = rng.weighted(options);
  const [grade, , lesson] = rng.pick(LESSONS[subject].filter(fits));
  return { subject, grade, lesson };
}

export function pickTheme(rng: Prng, subject: string): string {
  const own = SUBJECT_THEMES[subject];
  return own && rng.chance(0.5) ? rng.pick(own) : rng.pick(RESEARCH_THEMES);
}

export function pickMode(rng: Prng, type: ResearchSessionType, group: GroupPlan): SessionMode {
  if (type === ResearchSessionType.SPECIAL_DELIVERY_CLASS || type === ResearchSessionType.FAMOUS_SCHOOL_ONLINE) return rng.chance(0.8) ? SessionMode.ONLINE : SessionMode.HYBRID;
  if (group.kind === GroupKind.ALLIANCE) return rng.weighted<SessionMode>([[SessionMode.ONLINE, 5], [SessionMode.HYBRID, 4], [SessionMode.ONSITE, 1]]);
  if (type === ResearchSessionType.LECTURE) return rng.weighted<SessionMode>([[SessionMode.ONSITE, 4], [SessionMode.HYBRID, 4], [SessionMode.ONLINE, 2]]);
  if (group.mode === ConsortiumMode.FUSED) return rng.weighted<SessionMode>([[SessionMode.ONSITE, 6], [SessionMode.HYBRID, 3], [SessionMode.ONLINE, 1]]);
  return rng.weighted<SessionMode>([[SessionMode.ONSITE, 45], [SessionMode.HYBRID, 35], [SessionMode.ONLINE, 20]]);
}

/** Sessions per month: more for fused consortia and the featured one, fewer for other kinds; few in vacation months. */
export function sessionsPerMonth(rng: Prng, group: GroupPlan, month: number): number {
  const featured = group.name === FEATURED_CONSORTIUM;
  if (month === 7 || month === 8 || month === 2) return featured ? 3 : 2;
  if (featured) return rng.int(5, 6);
  if (group.kind !== GroupKind.CONSORTIUM) return rng.int(2, 3);
  if (group.mode === ConsortiumMode.FUSED) return rng.int(4, 6);
  if (group.mode === ConsortiumMode.FUSED_AND_CO_BUILT) return rng.int(3, 5);
  return rng.int(3, 4);
}
