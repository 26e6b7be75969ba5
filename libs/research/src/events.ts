import type { ResearchSessionType, SessionMode } from './enums';

// Joint research's domain events (see EventBus).
declare module '../../core/src/events/event-bus' {
  interface DomainEventMap {
    /** A session ENDED, with what it counts: the schools invited and the check-ins per school. */
    'research.session.ended': {
      sessionId: string;
      groupId: string;
      sessionType: ResearchSessionType;
      endedAt: Date;
      invitedSchoolIds: string[];
      checkinsBySchool: { schoolId: string; n: number }[];
    };
    /** A session was SCHEDULED, with whom it invites: the schools (their teachers; the host included) and teachers by name. */
    'research.session.scheduled': {
      sessionId: string;
      groupId: string;
      title: string;
      sessionType: ResearchSessionType;
      mode: SessionMode;
      startsAt: Date;
      endsAt: Date;
      invitedSchoolIds: string[];
      invitedTeacherIds: string[];
    };
    /** A SCHEDULED session moved (改期): its reminders follow the new time. */
    'research.session.rescheduled': { sessionId: string; groupId: string; startsAt: Date; endsAt: Date; before: { startsAt: Date; endsAt: Date } };
    /** An event was appended to a session's log (number `seq`): every instance is told once it has committed. */
    'research.session.logged': { sessionId: string; seq: number };
  }
}
