import { registerLabelledEnums } from '#app/core';

/** 交流轮岗 / 走教送教 / 支教: a teacher works at another school of the group for a period. */
export enum ExchangeKind { ROTATION = 'ROTATION', TRAVELING = 'TRAVELING', SUPPORT = 'SUPPORT' }
export enum StudentActivityType {
  SPORTS = 'SPORTS',
  ARTS = 'ARTS',
  SCIENCE = 'SCIENCE',
  READING = 'READING',
  LABOUR = 'LABOUR',
  STUDY_TRIP = 'STUDY_TRIP',
  CLUB = 'CLUB',
  OTHER = 'OTHER',
}
/** Where the rotation quota of a group and year comes from. */
export enum RotationQuotaSource { GROUP = 'GROUP', REGION = 'REGION', DEFAULT = 'DEFAULT' }

registerLabelledEnums({ ExchangeKind, StudentActivityType, RotationQuotaSource }, {
  ExchangeKind: {
    ROTATION: ['交流轮岗', 'Rotation'],
    TRAVELING: ['走教送教', 'Traveling teaching'],
    SUPPORT: ['支教', 'Teaching support'],
  },
  StudentActivityType: {
    SPORTS: ['体育活动', 'Sports'],
    ARTS: ['艺术活动', 'Arts'],
    SCIENCE: ['科技活动', 'Science'],
    READING: ['阅读活动', 'Reading'],
    LABOUR: ['劳动教育', 'Labour education'],
    STUDY_TRIP: ['研学旅行', 'Study trip'],
    CLUB: ['社团活动', 'Club'],
    OTHER: ['其他', 'Other'],
  },
  RotationQuotaSource: {
    GROUP: ['共同体设定', 'Set for the group'],
    REGION: ['教育局设定', 'Set by the region'],
    DEFAULT: ['默认值', 'Default'],
  },
});

/** Defaults when neither the group nor a region above it set a quota for the year. */
export const DEFAULT_ROTATION_QUOTA = { minRotationRatio: 0.1, minBackboneRatio: 0.2 };
