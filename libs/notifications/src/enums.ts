import { registerLabelledEnums } from '#app/core';

/** What a notification is about; its payload carries the ids and names it is rendered from. */
export enum NotificationKind {
  SESSION_INVITED = 'SESSION_INVITED',
  SESSION_REMINDER_24H = 'SESSION_REMINDER_24H',
  SESSION_REMINDER_1H = 'SESSION_REMINDER_1H',
  SESSION_RESCHEDULED = 'SESSION_RESCHEDULED',
  MENTORING_REQUESTED = 'MENTORING_REQUESTED',
  PLAN_RETURNED = 'PLAN_RETURNED',
  PLAN_PUBLISHED = 'PLAN_PUBLISHED',
  EXCHANGE_STARTING = 'EXCHANGE_STARTING',
}

registerLabelledEnums(
  { NotificationKind },
  {
    NotificationKind: {
      SESSION_INVITED: ['教研活动邀请', 'Invited to a session'],
      SESSION_REMINDER_24H: ['活动提醒（24小时）', 'Session in 24 hours'],
      SESSION_REMINDER_1H: ['活动提醒（1小时）', 'Session in 1 hour'],
      SESSION_RESCHEDULED: ['教研活动改期', 'Session moved'],
      MENTORING_REQUESTED: ['师徒结对待回复', 'Mentoring request to answer'],
      PLAN_RETURNED: ['教案被退回', 'Lesson plan returned'],
      PLAN_PUBLISHED: ['教案已发布', 'Lesson plan published'],
      EXCHANGE_STARTING: ['交流轮岗开始', 'Exchange starting'],
    },
  },
);
