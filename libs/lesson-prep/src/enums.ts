import { registerLabelledEnums } from '#app/core';

/** DRAFT → IN_REVIEW → APPROVED → PUBLISHED (→ ARCHIVED); review may return it to DRAFT; editing a published plan starts a new DRAFT round. */
export enum LessonPlanStatus { DRAFT = 'DRAFT', IN_REVIEW = 'IN_REVIEW', APPROVED = 'APPROVED', PUBLISHED = 'PUBLISHED', ARCHIVED = 'ARCHIVED' }
/** A team's plan, or a teacher's personal adaptation (二次备课) of a published version. */
export enum LessonPlanKind { TEAM = 'TEAM', ADAPTATION = 'ADAPTATION' }
/** Where a comment points: a part of the plan (and, for the content, a line range). */
export enum LessonPlanSection { TITLE = 'TITLE', UNIT = 'UNIT', OBJECTIVES = 'OBJECTIVES', KEY_POINTS = 'KEY_POINTS', CONTENT = 'CONTENT', RESOURCES = 'RESOURCES' }
export enum LessonPlanEventType {
  PLAN_UPDATED = 'PLAN_UPDATED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  COMMENT_ADDED = 'COMMENT_ADDED',
  COMMENT_RESOLVED = 'COMMENT_RESOLVED',
  ADOPTION_RECORDED = 'ADOPTION_RECORDED',
}
export enum DiffOp { EQUAL = 'EQUAL', ADDED = 'ADDED', REMOVED = 'REMOVED' }

registerLabelledEnums(
  { LessonPlanStatus, LessonPlanKind, LessonPlanSection, LessonPlanEventType, DiffOp },
  {
    LessonPlanStatus: {
      DRAFT: ['草稿', 'Draft'],
      IN_REVIEW: ['审核中', 'In review'],
      APPROVED: ['已审核', 'Approved'],
      PUBLISHED: ['已发布', 'Published'],
      ARCHIVED: ['已归档', 'Archived'],
    },
    LessonPlanKind: { TEAM: ['集体备课教案', 'Team plan'], ADAPTATION: ['二次备课', 'Personal adaptation'] },
    LessonPlanSection: {
      TITLE: ['课题', 'Title'],
      UNIT: ['单元', 'Unit'],
      OBJECTIVES: ['教学目标', 'Objectives'],
      KEY_POINTS: ['教学重难点', 'Key and difficult points'],
      CONTENT: ['教学过程', 'Content'],
      RESOURCES: ['教学资源', 'Resources'],
    },
    LessonPlanEventType: {
      PLAN_UPDATED: ['教案修改', 'Plan updated'],
      STATUS_CHANGED: ['状态变化', 'Status changed'],
      COMMENT_ADDED: ['新评论', 'Comment added'],
      COMMENT_RESOLVED: ['评论已解决', 'Comment resolved'],
      ADOPTION_RECORDED: ['使用记录', 'Adoption recorded'],
    },
    DiffOp: { EQUAL: ['未变', 'Unchanged'], ADDED: ['新增', 'Added'], REMOVED: ['删除', 'Removed'] },
  },
);
