import { ResearchSessionStatus } from './enums';

/** A session's status as a Chinese user reads it (error messages). */
export const SESSION_STATUS_ZH: Record<ResearchSessionStatus, string> = {
  SCHEDULED: '未开始',
  LIVE: '进行中',
  ENDED: '已结束',
  CANCELLED: '已取消',
};
