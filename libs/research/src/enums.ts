import { registerLabelledEnums } from '#app/core';

export enum ResearchSessionType {
  JOINT_RESEARCH = 'JOINT_RESEARCH',
  COLLECTIVE_PREP = 'COLLECTIVE_PREP',
  DEMO_LESSON = 'DEMO_LESSON',
  SPECIAL_DELIVERY_CLASS = 'SPECIAL_DELIVERY_CLASS',
  FAMOUS_TEACHER_CLASS = 'FAMOUS_TEACHER_CLASS',
  FAMOUS_SCHOOL_ONLINE = 'FAMOUS_SCHOOL_ONLINE',
  LECTURE = 'LECTURE',
}
export enum SessionMode { ONSITE = 'ONSITE', ONLINE = 'ONLINE', HYBRID = 'HYBRID' }
export enum ResearchSessionStatus { SCHEDULED = 'SCHEDULED', LIVE = 'LIVE', ENDED = 'ENDED', CANCELLED = 'CANCELLED' }

/** Every live event is first a row with this type, then a notification. */
export enum SessionEventType {
  SESSION_STARTED = 'SESSION_STARTED',
  SESSION_ENDED = 'SESSION_ENDED',
  SESSION_CANCELLED = 'SESSION_CANCELLED',
  PARTICIPANT_JOINED = 'PARTICIPANT_JOINED',
  PARTICIPANT_LEFT = 'PARTICIPANT_LEFT',
  CHECKED_IN = 'CHECKED_IN',
  NOTE_POSTED = 'NOTE_POSTED',
  CHAT_MESSAGE = 'CHAT_MESSAGE',
  HAND_RAISED = 'HAND_RAISED',
  HAND_LOWERED = 'HAND_LOWERED',
  AGENDA_ADVANCED = 'AGENDA_ADVANCED',
  /** a lesson plan linked to a live collective-preparation session changed (payload: planId, title, event, version, status) */
  LESSON_PLAN_EVENT = 'LESSON_PLAN_EVENT',
}

registerLabelledEnums({ ResearchSessionType, SessionMode, ResearchSessionStatus, SessionEventType }, {
  ResearchSessionType: {
    JOINT_RESEARCH: ['联合教研', 'Joint research'],
    COLLECTIVE_PREP: ['集体备课', 'Collective lesson preparation'],
    DEMO_LESSON: ['观摩课', 'Demonstration lesson'],
    SPECIAL_DELIVERY_CLASS: ['专递课堂', 'Special delivery class'],
    FAMOUS_TEACHER_CLASS: ['名师课堂', 'Famous teacher class'],
    FAMOUS_SCHOOL_ONLINE: ['名校网络课堂', 'Famous school online class'],
    LECTURE: ['专题讲座', 'Lecture'],
  },
  SessionMode: { ONSITE: ['线下', 'On site'], ONLINE: ['线上', 'Online'], HYBRID: ['线上线下结合', 'Hybrid'] },
  ResearchSessionStatus: { SCHEDULED: ['待开始', 'Scheduled'], LIVE: ['进行中', 'Live'], ENDED: ['已结束', 'Ended'], CANCELLED: ['已取消', 'Cancelled'] },
  SessionEventType: {
    SESSION_STARTED: ['活动开始', 'Session started'],
    SESSION_ENDED: ['活动结束', 'Session ended'],
    SESSION_CANCELLED: ['活动取消', 'Session cancelled'],
    PARTICIPANT_JOINED: ['进入', 'Participant joined'],
    PARTICIPANT_LEFT: ['离开', 'Participant left'],
    CHECKED_IN: ['签到', 'Checked in'],
    NOTE_POSTED: ['记录', 'Note posted'],
    CHAT_MESSAGE: ['聊天', 'Chat message'],
    HAND_RAISED: ['举手', 'Hand raised'],
    HAND_LOWERED: ['放下手', 'Hand lowered'],
    AGENDA_ADVANCED: ['议程推进', 'Agenda advanced'],
    LESSON_PLAN_EVENT: ['教案动态', 'Lesson plan changed'],
  },
});

