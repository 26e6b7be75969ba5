import { Attendance, ResearchSession, ResearchSessionSchool, ResearchSessionTeacher, SessionMinutesVersion } from './entities/research-session.entity';
import { SessionEvent } from './entities/session-event.entity';

export * from './enums';
export * from './entities/research-session.entity';
export * from './entities/session-event.entity';
export * from './research.service';
export * from './session-events.service';
export * from './session-plan-links';
export * from './research-sessions';
export * from './research.module';

export const RESEARCH_ENTITIES = [ResearchSession, ResearchSessionSchool, ResearchSessionTeacher, Attendance, SessionEvent, SessionMinutesVersion];
export * from './presence.service';
export * from './research-rows';
