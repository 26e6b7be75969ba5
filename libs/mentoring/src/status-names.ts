import { MentoringStatus } from './enums';

/** A pair's status as a Chinese user reads it (error messages). */
export const MENTORING_STATUS_ZH: Record<MentoringStatus, string> = {
  PROPOSED: '待确认',
  ACTIVE: '进行中',
  DECLINED: '已拒绝',
  COMPLETED: '已结业',
  DISSOLVED: '已解除',
};
