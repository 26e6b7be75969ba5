/** What the report tests share: the dashboards' queries and China-time dates relative to today. */

/** The date in China n days ago. */
export const daysAgo = (n: number) => new Date(Date.now() - n * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);

export const GROUP_Q = `query($g: ID!, $f: Date!, $t: Date!) { groupActivitySummary(groupId: $g, from: $f, to: $t) {
  researchSessions teacherParticipations researchSessionsByType { key count } mentoringPairsActive mentoringPairsFormed mentoringPairsCompleted
  lessonPlansPublished lessonPlanAdoptions
  bySchool { school { id } researchSessions teacherParticipations lessonPlansPublished lessonPlanAdoptions } byMonth { month researchSessions teacherParticipations mentoringPairsActive } } }`;
export const COVERAGE_Q = `query($r: ID!, $a: Date) { regionCoverage(regionId: $r, asOf: $a) {
  asOf compulsorySchools coveredSchools ratio compulsoryStudents studentsCovered consortia consortiaByMode { key count } consortiaByLevel { key count }
  target { year ratio regionId } gap uncoveredSchools(first: 100) { totalCount edges { node { id } } } } }`;
export const REGION_Q = `query($r: ID!, $f: Date!, $t: Date!) { regionActivitySummary(regionId: $r, from: $f, to: $t) {
  groups groupsByKind { key count } researchSessions researchSessionsByType { key count } teacherParticipations lessonPrepTeams lessonPlansPublished lessonPlanAdoptions } }`;
