import type { EntityManager } from 'typeorm';
import { insertRows } from '#app/core';
import { writeAttendance, writeInvitedSchools, writeSessions } from '#app/research';
import { ResearchPlan } from '../plans/research';

/**
 * The research history in bulk, through research's own row writers (no checks, no events: the rollups are rebuilt
 * after); the session events' log in one pass too (the service appends one event at a time, at the database's time).
 */
export async function insertResearch(em: EntityManager, r: ResearchPlan): Promise<void> {
  await writeSessions(em, r.sessions.map((s) => ({ ...s, agendaIndex: null, lessonPlanIds: [], createdBy: null })));
  await writeInvitedSchools(em, r.invitations);
  await writeAttendance(em, r.attendance);
  await insertRows(
    em,
    'session_event',
    [['session_id', 'uuid'], ['seq', 'int'], ['type', 'varchar'], ['actor_user_id', 'uuid'], ['actor_teacher_id', 'uuid'], ['payload', 'jsonb'], ['at', 'timestamptz']],
    r.events.map((e) => [e.sessionId, e.seq, e.type, null, e.actorTeacherId, e.payload, e.at]),
  );
}
