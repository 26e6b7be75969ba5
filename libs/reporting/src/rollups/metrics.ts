/**
 * The counters in activity_rollup. Flows are summed over a period; stocks are deltas summed over all days
 * up to a date. Scopes: G = a group's totals, S = a group's row per member school, R = every ancestor region;
 * g, s and r are the same per month (day = the 1st).
 * Written by the projection of domain events (rollup-projection.ts); what each figure means is in metric-registry.ts.
 */
export const Metric = {
  /** flow · G key=session type, S, R key=session type: sessions that ENDED that day */
  ResearchSessions: 'research_sessions',
  /** flow · G, S (by the teacher's school), R: check-ins at sessions that ended that day */
  TeacherParticipations: 'teacher_participations',
  /** stock · R: compulsory schools in an active consortium */
  CoveredSchools: 'covered_schools',
  /** stock · R: their students */
  CoveredStudents: 'covered_students',
  /** stock · R: compulsory schools */
  CompulsorySchools: 'compulsory_schools',
  /** stock · R: their students */
  CompulsoryStudents: 'compulsory_students',
  /** stock · R key=group kind: active groups (founded on that day) */
  Groups: 'groups',
  /** stock · R key=consortium mode */
  Consortia: 'consortia',
  /** stock · R key=group level (consortia only) */
  ConsortiaByLevel: 'consortia_level',
  StudentActivities: 'student_activities',
  StudentParticipants: 'student_participants',
  MentoringFormed: 'mentoring_formed',
  /** stock */
  MentoringActive: 'mentoring_active',
  MentoringCompleted: 'mentoring_completed',
  /** flow, key = exchange kind */
  TeacherExchanges: 'teacher_exchanges',
  ExchangedTeachers: 'exchanged_teachers',
  LessonPlansPublished: 'lesson_plans_published',
  LessonPlanAdoptions: 'lesson_plan_adoptions',
  /** stock */
  LessonPrepTeams: 'lesson_prep_teams',
} as const;


/** Compulsory totals describe the schools as they are now: they are dated at the start of the records. */
export const RECORDS_START = '2000-01-01';
