import { rowWriter, type RowOf } from '#app/core';
import { Attendance, ResearchSession, ResearchSessionSchool, ResearchSessionTeacher, SessionMinutesVersion } from './entities/research-session.entity';
import { SessionEvent } from './entities/session-event.entity';

export type SessionRow = RowOf<ResearchSession, 'startsAt' | 'endsAt' | 'startedAt' | 'endedAt' | 'cancelledAt' | 'createdAt' | 'updatedAt'>;
export type AttendanceRow = RowOf<Attendance, 'checkedInAt'>;
export type SessionEventRow = RowOf<SessionEvent, 'at'>;

/** Research's row writers (see rowWriter), for ResearchService, SessionEventsService and bulk loads. */
export const writeSessions = rowWriter<SessionRow>('research_session', {
  id: 'uuid',
  groupId: 'uuid',
  hostSchoolId: 'uuid',
  title: 'varchar',
  topic: 'varchar',
  type: 'varchar',
  mode: 'varchar',
  subject: 'varchar',
  grade: 'varchar',
  location: 'varchar',
  meetingUrl: 'varchar',
  status: 'varchar',
  startsAt: 'timestamptz',
  endsAt: 'timestamptz',
  agenda: 'jsonb',
  agendaIndex: 'int',
  lessonPlanIds: 'uuid[]',
  minutes: 'text',
  cancelReason: 'varchar',
  startedAt: 'timestamptz',
  endedAt: 'timestamptz',
  cancelledAt: 'timestamptz',
  lastSeq: 'int',
  createdBy: 'uuid',
  createdAt: 'timestamptz',
  updatedAt: 'timestamptz',
});

export const writeInvitedSchools = rowWriter<ResearchSessionSchool>('research_session_school', { id: 'uuid', sessionId: 'uuid', schoolId: 'uuid' });
export const writeInvitedTeachers = rowWriter<ResearchSessionTeacher>('research_session_teacher', { id: 'uuid', sessionId: 'uuid', teacherId: 'uuid' });
export const writeAttendance = rowWriter<AttendanceRow>('research_attendance', { id: 'uuid', sessionId: 'uuid', teacherId: 'uuid', schoolId: 'uuid', checkedInAt: 'timestamptz' });

/** The session event log: SessionEventsService.append writes one event at the database's time; a bulk load, history at its own. */
export const writeSessionEvents = rowWriter<SessionEventRow>('session_event', {
  sessionId: 'uuid',
  seq: 'int',
  type: 'varchar',
  actorUserId: 'uuid',
  actorTeacherId: 'uuid',
  payload: 'jsonb',
  at: 'timestamptz',
});

export type MinutesRow = RowOf<SessionMinutesVersion, 'writtenAt'>;
/** The minutes' history: the text at the end, then each correction. */
export const writeMinutes = rowWriter<MinutesRow>('research_session_minutes', { sessionId: 'uuid', version: 'int', minutes: 'text', writtenBy: 'uuid', writtenAt: 'timestamptz' });
