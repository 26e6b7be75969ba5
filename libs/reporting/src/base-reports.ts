import type { EntityManager } from 'typeorm';
import { chinaDaySql } from '#app/core';
import { compulsoryStageSql } from '#app/organisation';

/**
 * The same figures as ReportsService, computed straight from the base tables. Not used by the API: the
 * property test compares the two, and bench:dashboards measures both side by side.
 */

export async function baseGroupActivity(em: EntityManager, groupId: string, from: string, to: string) {
  const sessions: { type: string; month: string; n: number }[] = await em.query(
    `SELECT type, to_char(${chinaDaySql('ended_at')}, 'YYYY-MM') AS month, count(*)::int AS n FROM research_session
      WHERE group_id = $1 AND status = 'ENDED' AND ${chinaDaySql('ended_at')} BETWEEN $2 AND $3 GROUP BY 1, 2`,
    [groupId, from, to],
  );
  const checkins: { school_id: string; month: string; n: number }[] = await em.query(
    `SELECT a.school_id, to_char(${chinaDaySql('rs.ended_at')}, 'YYYY-MM') AS month, count(*)::int AS n
       FROM research_session rs JOIN research_attendance a ON a.session_id = rs.id
      WHERE rs.group_id = $1 AND rs.status = 'ENDED' AND ${chinaDaySql('rs.ended_at')} BETWEEN $2 AND $3 GROUP BY 1, 2`,
    [groupId, from, to],
  );
  const perSchool: { school_id: string; n: number }[] = await em.query(
    `SELECT x.school_id, count(*)::int AS n FROM research_session rs JOIN research_session_school x ON x.session_id = rs.id
      WHERE rs.group_id = $1 AND rs.status = 'ENDED' AND ${chinaDaySql('rs.ended_at')} BETWEEN $2 AND $3 GROUP BY 1`,
    [groupId, from, to],
  );
  // teacher exchanges started in the period, by kind, to-school and month (each also counts one exchanged teacher)
  const exchanges: { kind: string; school_id: string; month: string; n: number }[] = await em.query(
    `SELECT kind, to_school_id AS school_id, to_char(starts_on, 'YYYY-MM') AS month, count(*)::int AS n FROM teacher_exchange
      WHERE group_id = $1 AND starts_on BETWEEN $2 AND $3 GROUP BY 1, 2, 3`,
    [groupId, from, to],
  );
  // student activities held in the period, by type and month, with their participants; and per participating school
  const activities: { type: string; month: string; n: number; participants: number }[] = await em.query(
    `SELECT type, to_char(held_on, 'YYYY-MM') AS month, count(*)::int AS n, sum(participant_count)::int AS participants FROM student_activity
      WHERE group_id = $1 AND held_on BETWEEN $2 AND $3 GROUP BY 1, 2`,
    [groupId, from, to],
  );
  const activitySchools: { school_id: string; n: number }[] = await em.query(
    `SELECT x.school_id, count(*)::int AS n FROM student_activity a JOIN student_activity_school x ON x.activity_id = a.id
      WHERE a.group_id = $1 AND a.held_on BETWEEN $2 AND $3 GROUP BY 1`,
    [groupId, from, to],
  );
  const total = (rows: { n: number }[]) => rows.reduce((a, r) => a + r.n, 0);
  return {
    sessions,
    checkins,
    perSchool,
    exchanges,
    activities,
    activitySchools,
    teacherExchanges: total(exchanges),
    exchangedTeachers: total(exchanges),
    studentActivities: total(activities),
    studentParticipants: activities.reduce((a, r) => a + r.participants, 0),
  };
}

export async function baseRegionCoverage(em: EntityManager, regionId: string, asOf: string) {
  const [row] = await em.query(
    `WITH s AS (
       SELECT s.*, EXISTS (SELECT 1 FROM group_membership m WHERE m.school_id = s.id AND m.group_kind = 'CONSORTIUM'
                             AND m.joined_on <= $2 AND (m.left_on IS NULL OR m.left_on > $2)) AS covered
         FROM school s JOIN region r ON r.id = s.region_id
        WHERE r.path @> ARRAY[$1]::uuid[] AND ${compulsoryStageSql('s.stage')})
     SELECT count(*)::int AS "compulsorySchools", coalesce(sum(student_count), 0)::int AS "compulsoryStudents",
            count(*) FILTER (WHERE covered)::int AS "coveredSchools", coalesce(sum(student_count) FILTER (WHERE covered), 0)::int AS "studentsCovered"
       FROM s`,
    [regionId, asOf],
  );
  const consortia: { mode: string; level: string | null; n: number }[] = await em.query(
    `SELECT coalesce(p.mode, '') AS mode, p.level, count(*)::int AS n FROM school_group g JOIN region r ON r.id = g.region_id
       JOIN LATERAL (SELECT p.mode, p.level FROM school_group_profile p WHERE p.group_id = g.id AND p.valid_from <= $2 ORDER BY p.valid_from DESC LIMIT 1) p ON true
      WHERE r.path @> ARRAY[$1]::uuid[] AND g.kind = 'CONSORTIUM' AND (g.dissolved_on IS NULL OR g.dissolved_on > $2) GROUP BY 1, 2`,
    [regionId, asOf],
  );
  return { ...row, consortia: consortia.reduce((a, c) => a + c.n, 0), consortiaRows: consortia };
}

export async function baseRegionActivity(em: EntityManager, regionId: string, from: string, to: string) {
  const [row] = await em.query(
    `SELECT (SELECT count(*) FROM research_session rs JOIN school_group g ON g.id = rs.group_id JOIN region r ON r.id = g.region_id
              WHERE r.path @> ARRAY[$1]::uuid[] AND rs.status = 'ENDED' AND ${chinaDaySql('rs.ended_at')} BETWEEN $2 AND $3)::int AS "researchSessions",
            (SELECT count(*) FROM research_session rs JOIN research_attendance a ON a.session_id = rs.id JOIN school_group g ON g.id = rs.group_id
               JOIN region r ON r.id = g.region_id
              WHERE r.path @> ARRAY[$1]::uuid[] AND rs.status = 'ENDED' AND ${chinaDaySql('rs.ended_at')} BETWEEN $2 AND $3)::int AS "teacherParticipations",
            (SELECT count(*) FROM school_group g JOIN region r ON r.id = g.region_id
              WHERE r.path @> ARRAY[$1]::uuid[] AND g.founded_on <= $3 AND (g.dissolved_on IS NULL OR g.dissolved_on > $3))::int AS groups,
            (SELECT count(*) FROM teacher_exchange e JOIN school_group g ON g.id = e.group_id JOIN region r ON r.id = g.region_id
              WHERE r.path @> ARRAY[$1]::uuid[] AND e.starts_on BETWEEN $2 AND $3)::int AS "teacherExchanges",
            (SELECT count(*) FROM student_activity a JOIN school_group g ON g.id = a.group_id JOIN region r ON r.id = g.region_id
              WHERE r.path @> ARRAY[$1]::uuid[] AND a.held_on BETWEEN $2 AND $3)::int AS "studentActivities",
            (SELECT coalesce(sum(a.participant_count), 0) FROM student_activity a JOIN school_group g ON g.id = a.group_id JOIN region r ON r.id = g.region_id
              WHERE r.path @> ARRAY[$1]::uuid[] AND a.held_on BETWEEN $2 AND $3)::int AS "studentParticipants"`,
    [regionId, from, to],
  );
  const exchangesByKind: { kind: string; n: number }[] = await em.query(
    `SELECT e.kind, count(*)::int AS n FROM teacher_exchange e JOIN school_group g ON g.id = e.group_id JOIN region r ON r.id = g.region_id
      WHERE r.path @> ARRAY[$1]::uuid[] AND e.starts_on BETWEEN $2 AND $3 GROUP BY 1`,
    [regionId, from, to],
  );
  // an exchange counts one exchanged teacher (a teacher on two exchanges in the period counts twice)
  return { ...row, exchangedTeachers: row.teacherExchanges, exchangesByKind };
}
