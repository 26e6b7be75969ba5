import type { MentoringProposer } from './enums';

// Mentoring's domain events (see EventBus). `on` is the day (China time); apprenticeSchoolId the school counted.
export interface PairFact {
  pairId: string;
  groupId: string;
  apprenticeSchoolId: string;
  on: string;
}

declare module '../../core/src/events/event-bus' {
  interface DomainEventMap {
    /** A pair was PROPOSED: `answererTeacherId` is the side who must answer (the other side; the mentor when a manager proposed). */
    'mentoring.pair.requested': {
      pairId: string;
      groupId: string;
      subject: string;
      mentorTeacherId: string;
      apprenticeTeacherId: string;
      proposedBy: MentoringProposer;
      answererTeacherId: string;
    };
    /** The side who had to answer did (the actor): accepted (activation follows, if the mentor has room) or declined. */
    'mentoring.pair.answered': { pairId: string; groupId: string; accepted: boolean };
    'mentoring.pair.activated': PairFact;
    'mentoring.pair.completed': PairFact;
    /** wasActive: it had been ACTIVE (a dissolved proposal was never counted). */
    'mentoring.pair.dissolved': PairFact & { wasActive: boolean };
  }
}
