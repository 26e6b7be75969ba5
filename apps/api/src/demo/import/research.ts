import type { EntityManager } from 'typeorm';
import { insertRows } from '#app/core';
import { ResearchPlan } from '../plans/research';

export async function insertResearch(em: EntityManager, r: ResearchPlan): Promise<void> {
  await insertRows(
    em,
    'research_session',
    [
      ['id', 'uuid'], ['group_id', 'uuid'], ['host_school_id', 'uuid'], ['title', 'varchar'], ['topic', 'varchar'], ['type', 'varchar'], ['mode', 'varchar'], ['status', 'varchar'],
      ['starts_at', 'timestamptz'], ['ends_at', 'timestamptz'], ['agenda', 'jsonb'], ['agenda_index', 'int'], ['minutes', 'text'], ['cancel_reason', 'varchar'],
      ['started_at', 'timestamptz'], ['ended_at', 'timestamptz'], ['cancelled_at', 'timestamptz'], ['last_seq', 'int'], ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
    r.sessions.map((s) => [
      s.id, s.groupId, s.hostSchoolId, s.title, s.topic, s.type, s.mode, s.status, s.startsAt, s.endsAt, JSON.stringify(s.agenda), null, s.minutes, s.cancelReason,
      s.startedAt, s.endedAt, s.cancelledAt, s.lastSeq, null, s.createdAt, s.updatedAt,
    ]),
  );
  await insertRows(em, 'research_session_school', [['id', 'uuid'], ['session_id', 'uuid'], ['school_id', 'uuid']], r.invitations.map((i) => [i.id, i.sessionId, i.schoolId]));
  await insertRows(
    em,
    'research_attendance',
    [['id', 'uuid'], ['session_id', 'uuid'], ['teacher_id', 'uuid'], ['school_id', 'uuid'], ['checked_in_at', 'timestamptz']],
    r.attendance.map((a) => [a.id, a.sessionId, a.teacherId, a.schoolId, a.checkedInAt]),
  );
  await insertRows(
    em,
    'session_event',
    [['session_id', 'uuid'], ['seq', 'int'], ['type', 'varchar'], ['actor_user_id', 'uuid'], ['actor_teacher_id', 'uuid'], ['payload', 'jsonb'], ['at', 'timestamptz']],
    r.events.map((e) => [e.sessionId, e.seq, e.type, null, e.actorTeacherId, e.payload, e.at]),
  );
}
