import type { ResearchService } from '#app/research';
import { ResearchSessionStatus } from '#app/research';
import { DOMAIN, demoId } from './kit';
import type { Actor } from './lesson-prep';
import { DemoPlan, TeacherPlan } from './organisation';
import { EventPlan, ResearchPlan } from './research';

type ScheduleInput = Parameters<ResearchService['schedule']>[1];

/** A session scheduled through ResearchService.schedule (steps/research.ts), with the ids of the rows it creates. */
export interface ScheduleStep {
  do: 'schedule';
  at: string;
  by: Actor;
  sessionId: string;
  /** the invitations' ids, in the order of input.invitedSchoolIds (the host school first) */
  invitationIds: string[];
  input: ScheduleInput;
}

const scheduled = (s: { status: ResearchSessionStatus }) => s.status === ResearchSessionStatus.SCHEDULED;

/**
 * The upcoming sessions (all the plan's SCHEDULED ones: they have no history yet), scheduled when the plan says
 * they were created, by a manager of their group: the featured consortium's by the demo manager, the others' by a
 * manager without an account. Every school the plan invites is invited, the host first.
 */
export function researchSteps(r: ResearchPlan, plan: DemoPlan): ScheduleStep[] {
  const manager = (groupId: string): Actor =>
    groupId === plan.refs.featuredGroupId ? { teacher: null, userId: demoId(`user:manager@${DOMAIN}`), manages: groupId } : { teacher: null, userId: null, manages: groupId };
  const invitationsOf = new Map<string, ResearchPlan['invitations']>();
  for (const i of r.invitations) invitationsOf.set(i.sessionId, [...(invitationsOf.get(i.sessionId) ?? []), i]);
  return r.sessions.filter(scheduled).map((s) => {
    const all = invitationsOf.get(s.id) ?? [];
    const invitations = [...all.filter((i) => i.schoolId === s.hostSchoolId), ...all.filter((i) => i.schoolId !== s.hostSchoolId)];
    return {
      do: 'schedule',
      at: s.createdAt,
      by: manager(s.groupId),
      sessionId: s.id,
      invitationIds: invitations.map((i) => i.id),
      input: {
        groupId: s.groupId,
        hostSchoolId: s.hostSchoolId,
        title: s.title,
        topic: s.topic,
        type: s.type,
        mode: s.mode,
        ...(s.subject ? { subject: s.subject } : {}),
        ...(s.grade ? { grade: s.grade } : {}),
        startsAt: new Date(s.startsAt),
        endsAt: new Date(s.endsAt),
        invitedSchoolIds: invitations.map((i) => i.schoolId),
        agenda: s.agenda.map((a) => ({ title: a.title, durationMinutes: a.durationMinutes, speaker: a.speaker ?? undefined })),
      },
    };
  });
}

/**
 * The sessions that have a history (ended or cancelled), with their invitations, check-ins and event log: the volume,
 * written in bulk (import/research.ts). They are checked here (checkResearchHistory), since no service sees them.
 */
export function researchHistory(r: ResearchPlan, teachers: readonly TeacherPlan[]): ResearchPlan {
  const past = new Set(r.sessions.filter((s) => !scheduled(s)).map((s) => s.id));
  const history = {
    sessions: r.sessions.filter((s) => past.has(s.id)),
    invitations: r.invitations.filter((i) => past.has(i.sessionId)),
    attendance: r.attendance.filter((a) => past.has(a.sessionId)),
    events: r.events.filter((e) => past.has(e.sessionId)),
  };
  checkResearchHistory(history, new Map(teachers.map((t) => [t.id, t])));
  return history;
}

/**
 * What ResearchService would have kept had the history been played (start, check-ins, notes, end or cancel), on
 * the bulk rows: check-ins once per teacher, by teachers of an invited school; the host invited; a session ending
 * after it starts, created before it starts or is cancelled; an event log numbered 1, 2, 3... in time order, and
 * only for sessions that started or were cancelled.
 */
function checkResearchHistory(r: ResearchPlan, teacherById: Map<string, TeacherPlan>): void {
  const invited = new Set(r.invitations.map((i) => `${i.sessionId}:${i.schoolId}`));
  const eventsOf = new Map<string, EventPlan[]>();
  for (const e of r.events) eventsOf.set(e.sessionId, [...(eventsOf.get(e.sessionId) ?? []), e]);
  const seen = new Set<string>();
  for (const a of r.attendance) {
    if (teacherById.get(a.teacherId)?.schoolId !== a.schoolId || !invited.has(`${a.sessionId}:${a.schoolId}`)) throw new Error('demo plan: check-in by a teacher not invited');
    if (seen.has(`${a.sessionId}:${a.teacherId}`)) throw new Error('demo plan: a teacher checked in twice');
    seen.add(`${a.sessionId}:${a.teacherId}`);
  }
  for (const s of r.sessions) {
    if (!invited.has(`${s.id}:${s.hostSchoolId}`)) throw new Error(`demo plan: host of ${s.title} not invited`);
    if (s.endsAt <= s.startsAt || s.createdAt >= (s.cancelledAt ?? s.startsAt)) throw new Error(`demo plan: bad times for ${s.title}`);
    if (s.title.length > 200) throw new Error(`demo plan: title too long: ${s.title}`);
    const list = eventsOf.get(s.id) ?? [];
    if (list.length !== s.lastSeq || list.length === 0 || list.some((e, i) => e.seq !== i + 1 || (i > 0 && e.at <= list[i - 1].at))) throw new Error(`demo plan: bad event log for ${s.title}`);
  }
}
