import type { EntityManager } from 'typeorm';
import { writeAttendance, writeInvitedSchools, writeSessionEvents, writeSessions } from '#app/research';
import { ResearchPlan } from '../plans/research';

/**
 * The research history in bulk (researchHistory: the sessions that ended or were cancelled), through research's own
 * row writers (no checks, no events: the rollups are rebuilt after); the session event log too, at the history's
 * own instants (SessionEventsService.append writes one event at a time, at the database's time).
 */
export async function insertResearch(em: EntityManager, r: ResearchPlan): Promise<void> {
  await writeSessions(em, r.sessions.map((s) => ({ location: null, meetingUrl: null, ...s, agendaIndex: null, lessonPlanIds: [], createdBy: null })));
  await writeInvitedSchools(em, r.invitations);
  await writeAttendance(em, r.attendance);
  await writeSessionEvents(em, r.events.map((e) => ({ ...e, actorUserId: null })));
}
