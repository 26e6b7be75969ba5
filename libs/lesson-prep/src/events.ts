import type { LessonPlanEventType, LessonPlanStatus } from './enums';

// Lesson preparation's domain events (see EventBus).
declare module '../../core/src/events/event-bus' {
  interface DomainEventMap {
    'lesson-prep.team.formed': { teamId: string; groupId: string; on: string };
    /** first: its first publication (the one that counts, on the day of publishedAt). */
    'lesson-prep.plan.published': { planId: string; groupId: string; schoolId: string; publishedAt: Date; first: boolean };
    /** A plan was returned from review (with the reviewer's note) or published: its authors are told. */
    'lesson-prep.plan.decided': { planId: string; groupId: string; title: string; version: number; decision: 'RETURNED' | 'PUBLISHED'; note: string | null; authorTeacherIds: string[] };
    'lesson-prep.adoption.recorded': { adoptionId: string; planId: string; groupId: string; schoolId: string; taughtOn: string };
    /** Anything that happened to a plan, for its live subscribers and the live sessions it is linked to. */
    'lesson-prep.plan.changed': {
      planId: string;
      /** a team's plan (集体备课), which live collective-preparation sessions may be linked to; not an adaptation */
      teamPlan: boolean;
      title: string;
      change: LessonPlanEventType;
      version: number;
      status: LessonPlanStatus;
      commentId: string | null;
      /** visible to readers of the published version (not only the team) */
      published: boolean;
    };
  }
}
