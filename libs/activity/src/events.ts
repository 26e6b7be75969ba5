import type { ExchangeKind, StudentActivityType } from './enums';

// The activity context's domain events (see EventBus).
declare module '../../core/src/events/event-bus' {
  interface DomainEventMap {
    'activity.student-activity.recorded': {
      activityId: string;
      groupId: string;
      activityType: StudentActivityType;
      heldOn: string;
      participantCount: number;
      schoolIds: string[];
    };
    'activity.exchange.recorded': { exchangeId: string; groupId: string; teacherId: string; exchangeKind: ExchangeKind; fromSchoolId: string; toSchoolId: string; startsOn: string };
  }
}
