import { registerLabelledEnums } from '#app/core';

export enum MentoringStatus { PROPOSED = 'PROPOSED', ACTIVE = 'ACTIVE', DECLINED = 'DECLINED', COMPLETED = 'COMPLETED', DISSOLVED = 'DISSOLVED' }
export enum MentoringActivityKind { MEETING = 'MEETING', LESSON_OBSERVATION = 'LESSON_OBSERVATION', FEEDBACK = 'FEEDBACK', DEMO_LESSON = 'DEMO_LESSON', OTHER = 'OTHER' }
/** Who asked for the pair: the other side (or the mentor, when a manager proposed) answers. */
export enum MentoringProposer { APPRENTICE = 'APPRENTICE', MENTOR = 'MENTOR', MANAGER = 'MANAGER' }

registerLabelledEnums(
  { MentoringStatus, MentoringActivityKind, MentoringProposer },
  {
    MentoringStatus: {
      PROPOSED: ['待确认', 'Proposed'],
      ACTIVE: ['结对中', 'Active'],
      DECLINED: ['已婉拒', 'Declined'],
      COMPLETED: ['已出师', 'Completed'],
      DISSOLVED: ['已解除', 'Dissolved'],
    },
    MentoringActivityKind: {
      MEETING: ['师徒交流', 'Meeting'],
      LESSON_OBSERVATION: ['听课', 'Lesson observation'],
      FEEDBACK: ['评课', 'Feedback'],
      DEMO_LESSON: ['示范课', 'Demo lesson'],
      OTHER: ['其他', 'Other'],
    },
    MentoringProposer: { APPRENTICE: ['徒弟申请', 'Apprentice'], MENTOR: ['师傅邀请', 'Mentor'], MANAGER: ['管理员安排', 'Group manager'] },
  },
);
