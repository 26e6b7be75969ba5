/** The activity counters of groupActivitySummary and regionActivitySummary, in display order (labels in messages). */
export const GROUP_METRICS = [
  'researchSessions',
  'teacherParticipations',
  'studentActivities',
  'studentParticipants',
  'mentoringPairsFormed',
  'mentoringPairsActive',
  'mentoringPairsCompleted',
  'teacherExchanges',
  'exchangedTeachers',
  'lessonPlansPublished',
  'lessonPlanAdoptions',
] as const;

export type GroupMetric = (typeof GROUP_METRICS)[number];
export const metricKey = (m: string) => `metric.${m}` as 'metric.researchSessions';
