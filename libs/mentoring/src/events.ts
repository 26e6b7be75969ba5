// Mentoring's domain events (see EventBus). `on` is the day (China time); apprenticeSchoolId the school counted.
export interface PairFact {
  pairId: string;
  groupId: string;
  apprenticeSchoolId: string;
  on: string;
}

declare module '../../core/src/events/event-bus' {
  interface DomainEventMap {
    'mentoring.pair.activated': PairFact;
    'mentoring.pair.completed': PairFact;
    /** wasActive: it had been ACTIVE (a dissolved proposal was never counted). */
    'mentoring.pair.dissolved': PairFact & { wasActive: boolean };
  }
}
