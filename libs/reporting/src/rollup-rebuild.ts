import type { EntityManager } from 'typeorm';
import { chinaDaySql } from '#app/core';
import { compulsoryStageSql } from '#app/organisation';
import { Metric, RECORDS_START } from './rollups/metrics';
import { bumpGroupRevisions, NO_SCHOOL } from './rollups/rollup.service';

/**
 * Recomputes every rollup from the base tables (after a bulk load such as the demo data or seed:scale, or
 * to repair). Live writes keep the rollups current by themselves. Schools count with their current facts.
 */
export async function rebuildRollups(em: EntityManager): Promise<number> {
  const upsert = `ON CONFLICT (scope, scope_id, day, metric, key, school_id) DO UPDATE SET value = activity_rollup.value + EXCLUDED.value`;
  await em.query(`DELETE FROM activity_rollup`);
  const statements = [
    // ended research sessions, by type: group totals and every ancestor region
    `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
     SELECT 'G', rs.group_id, '${NO_SCHOOL}', ${chinaDaySql('rs.ended_at')}, '${Metric.ResearchSessions}', rs.type, count(*)
       FROM research_session rs WHERE rs.status = 'ENDED' GROUP BY 2, 4, 6 ${upsert}`,
    `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
     SELECT 'S', rs.group_id, x.school_id, ${chinaDaySql('rs.ended_at')}, '${Metric.ResearchSessions}', '', count(*)
       FROM research_session rs JOIN research_session_school x ON x.session_id = rs.id WHERE rs.status = 'ENDED' GROUP BY 2, 3, 4 ${upsert}`,
    `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
     SELECT 'R', anc, '${NO_SCHOOL}', ${chinaDaySql('rs.ended_at')}, '${Metric.ResearchSessions}', rs.type, count(*)
       FROM research_session rs JOIN school_group g ON g.id = rs.group_id JOIN region r ON r.id = g.region_id, unnest(r.path) AS anc
      WHERE rs.status = 'ENDED' GROUP BY 2, 4, 6 ${upsert}`,
    // check-ins at ended sessions
    `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
     SELECT 'G', rs.group_id, '${NO_SCHOOL}', ${chinaDaySql('rs.ended_at')}, '${Metric.TeacherParticipations}', '', count(*)
       FROM research_session rs JOIN research_attendance a ON a.session_id = rs.id WHERE rs.status = 'ENDED' GROUP BY 2, 4 ${upsert}`,
    `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
     SELECT 'S', rs.group_id, a.school_id, ${chinaDaySql('rs.ended_at')}, '${Metric.TeacherParticipations}', '', count(*)
       FROM research_session rs JOIN research_attendance a ON a.session_id = rs.id WHERE rs.status = 'ENDED' GROUP BY 2, 3, 4 ${upsert}`,
    `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
     SELECT 'R', anc, '${NO_SCHOOL}', ${chinaDaySql('rs.ended_at')}, '${Metric.TeacherParticipations}', '', count(*)
       FROM research_session rs JOIN research_attendance a ON a.session_id = rs.id JOIN school_group g ON g.id = rs.group_id
            JOIN region r ON r.id = g.region_id, unnest(r.path) AS anc
      WHERE rs.status = 'ENDED' GROUP BY 2, 4 ${upsert}`,
    // groups by kind (+1 founded, −1 dissolved); consortia by mode and level from their profile history (+1 from the day
    // a profile holds, −1 from the next one or the dissolution)
    `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
     SELECT 'R', anc, '${NO_SCHOOL}', e.day, '${Metric.Groups}', g.kind, sum(e.sign)
       FROM school_group g JOIN region r ON r.id = g.region_id, unnest(r.path) AS anc, LATERAL (VALUES (g.founded_on, 1), (g.dissolved_on, -1)) AS e(day, sign)
      WHERE e.day IS NOT NULL GROUP BY 2, 4, 6 ${upsert}`,
    ...[
      [Metric.Consortia, `coalesce(p.mode, '')`],
      [Metric.ConsortiaByLevel, 'p.level'],
    ].map(
      ([metric, key]) => `WITH p AS (
         SELECT p.group_id, p.valid_from, p.mode, p.level, coalesce(lead(p.valid_from) OVER (PARTITION BY p.group_id ORDER BY p.valid_from), g.dissolved_on) AS until
           FROM school_group_profile p JOIN school_group g ON g.id = p.group_id WHERE g.kind = 'CONSORTIUM')
     INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
     SELECT 'R', anc, '${NO_SCHOOL}', e.day, '${metric}', ${key}, sum(e.sign)
       FROM p JOIN school_group g ON g.id = p.group_id JOIN region r ON r.id = g.region_id, unnest(r.path) AS anc,
            LATERAL (VALUES (p.valid_from, 1), (p.until, -1)) AS e(day, sign)
      WHERE e.day IS NOT NULL AND ${key} IS NOT NULL GROUP BY 2, 4, 6 ${upsert}`,
    ),
    // compulsory schools and students as they are now (dated at the start of the records)
    `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
     SELECT 'R', anc, '${NO_SCHOOL}', DATE '${RECORDS_START}', m.metric, '', sum(CASE WHEN m.metric = '${Metric.CompulsorySchools}' THEN 1 ELSE s.student_count END)
       FROM school s JOIN region r ON r.id = s.region_id, unnest(r.path) AS anc,
            (VALUES ('${Metric.CompulsorySchools}'), ('${Metric.CompulsoryStudents}')) AS m(metric)
      WHERE ${compulsoryStageSql('s.stage')} GROUP BY 2, 4, 5 ${upsert}`,
    // coverage: +1 on joining a consortium, −1 on leaving
    `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
     SELECT 'R', anc, '${NO_SCHOOL}', e.day, m.metric, '', sum(e.sign * CASE WHEN m.metric = '${Metric.CoveredSchools}' THEN 1 ELSE s.student_count END)
       FROM (SELECT school_id, joined_on AS day, 1 AS sign FROM group_membership WHERE group_kind = 'CONSORTIUM'
             UNION ALL SELECT school_id, left_on, -1 FROM group_membership WHERE group_kind = 'CONSORTIUM' AND left_on IS NOT NULL) e
       JOIN school s ON s.id = e.school_id JOIN region r ON r.id = s.region_id, unnest(r.path) AS anc,
            (VALUES ('${Metric.CoveredSchools}'), ('${Metric.CoveredStudents}')) AS m(metric)
      WHERE ${compulsoryStageSql('s.stage')} GROUP BY 2, 4, 5 ${upsert}`,
  ];
  // teacher exchanges (key = kind) and exchanged teachers, on the day they start: group, to-school, every ancestor region
  const exchangeMetrics = `(VALUES ('${Metric.TeacherExchanges}'), ('${Metric.ExchangedTeachers}')) AS m(metric)`;
  const exchangeKey = `CASE WHEN m.metric = '${Metric.TeacherExchanges}' THEN e.kind ELSE '' END`;
  statements.push(
    `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
     SELECT 'G', e.group_id, '${NO_SCHOOL}', e.starts_on, m.metric, ${exchangeKey}, count(*)
       FROM teacher_exchange e, ${exchangeMetrics} GROUP BY 2, 4, 5, 6 ${upsert}`,
    `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
     SELECT 'S', e.group_id, e.to_school_id, e.starts_on, m.metric, ${exchangeKey}, count(*)
       FROM teacher_exchange e, ${exchangeMetrics} GROUP BY 2, 3, 4, 5, 6 ${upsert}`,
    `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
     SELECT 'R', anc, '${NO_SCHOOL}', e.starts_on, m.metric, ${exchangeKey}, count(*)
       FROM teacher_exchange e JOIN school_group g ON g.id = e.group_id JOIN region r ON r.id = g.region_id, unnest(r.path) AS anc, ${exchangeMetrics}
      GROUP BY 2, 4, 5, 6 ${upsert}`,
  );
  // student activities (key = type) on the day held: group, each participating school, every ancestor region;
  // participants (no key) for the group and the regions only
  const activityMetrics = `(VALUES ('${Metric.StudentActivities}'), ('${Metric.StudentParticipants}')) AS m(metric)`;
  const activityKey = `CASE WHEN m.metric = '${Metric.StudentActivities}' THEN a.type ELSE '' END`;
  const activityValue = `sum(CASE WHEN m.metric = '${Metric.StudentActivities}' THEN 1 ELSE a.participant_count END)`;
  statements.push(
    `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
     SELECT 'G', a.group_id, '${NO_SCHOOL}', a.held_on, m.metric, ${activityKey}, ${activityValue}
       FROM student_activity a, ${activityMetrics} GROUP BY 2, 4, 5, 6 ${upsert}`,
    `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
     SELECT 'S', a.group_id, x.school_id, a.held_on, '${Metric.StudentActivities}', a.type, count(*)
       FROM student_activity a JOIN student_activity_school x ON x.activity_id = a.id GROUP BY 2, 3, 4, 6 ${upsert}`,
    `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
     SELECT 'R', anc, '${NO_SCHOOL}', a.held_on, m.metric, ${activityKey}, ${activityValue}
       FROM student_activity a JOIN school_group g ON g.id = a.group_id JOIN region r ON r.id = g.region_id, unnest(r.path) AS anc, ${activityMetrics}
      GROUP BY 2, 4, 5, 6 ${upsert}`,
  );
  // mentoring pairs: formed and completed (flows), active (stock: +1 when activated, −1 when ended), for the
  // group, the apprentice's school and every ancestor region
  for (const [scope, target, school, anc] of [
    ['G', 'p.group_id', `'${NO_SCHOOL}'::uuid`, ''],
    ['S', 'p.group_id', 't.school_id', ''],
    ['R', 'anc', `'${NO_SCHOOL}'::uuid`, ', unnest(r.path) AS anc'],
  ]) {
    const from = `FROM mentoring_pair p JOIN teacher t ON t.id = p.apprentice_teacher_id JOIN school_group g ON g.id = p.group_id JOIN region r ON r.id = g.region_id${anc}`;
    statements.push(
      `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
       SELECT '${scope}', e.target, e.school, e.day, e.metric, '', sum(e.delta)
         FROM (SELECT ${target} AS target, ${school} AS school, p.activated_on AS day, '${Metric.MentoringFormed}' AS metric, 1 AS delta ${from} WHERE p.activated_on IS NOT NULL
               UNION ALL SELECT ${target}, ${school}, p.activated_on, '${Metric.MentoringActive}', 1 ${from} WHERE p.activated_on IS NOT NULL
               UNION ALL SELECT ${target}, ${school}, p.ended_on, '${Metric.MentoringActive}', -1 ${from} WHERE p.activated_on IS NOT NULL AND p.ended_on IS NOT NULL
               UNION ALL SELECT ${target}, ${school}, p.ended_on, '${Metric.MentoringCompleted}', 1 ${from} WHERE p.status = 'COMPLETED') e
        GROUP BY 2, 3, 4, 5 ${upsert}`,
    );
  }
  // lesson preparation: teams (a stock, for regions, from the day formed); plans published (counted once, on their first
  // publication, for the main preparer's school) and adoptions (同上课, on the day taught, for the school that taught)
  statements.push(
    `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
     SELECT 'R', anc, '${NO_SCHOOL}', ${chinaDaySql('t.created_at')}, '${Metric.LessonPrepTeams}', '', count(*)
       FROM lesson_prep_team t JOIN school_group g ON g.id = t.group_id JOIN region r ON r.id = g.region_id, unnest(r.path) AS anc GROUP BY 2, 4 ${upsert}`,
  );
  const lessonFacts: [string, string][] = [
    [Metric.LessonPlansPublished, `SELECT group_id, school_id, ${chinaDaySql('first_published_at')} AS day FROM lesson_plan WHERE kind = 'TEAM' AND first_published_at IS NOT NULL`],
    [Metric.LessonPlanAdoptions, `SELECT group_id, school_id, taught_on AS day FROM lesson_plan_adoption`],
  ];
  for (const [metric, facts] of lessonFacts) {
    statements.push(
      `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
       SELECT 'G', x.group_id, '${NO_SCHOOL}', x.day, '${metric}', '', count(*) FROM (${facts}) x GROUP BY 2, 4 ${upsert}`,
      `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
       SELECT 'S', x.group_id, x.school_id, x.day, '${metric}', '', count(*) FROM (${facts}) x GROUP BY 2, 3, 4 ${upsert}`,
      `INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
       SELECT 'R', anc, '${NO_SCHOOL}', x.day, '${metric}', '', count(*)
         FROM (${facts}) x JOIN school_group g ON g.id = x.group_id JOIN region r ON r.id = g.region_id, unnest(r.path) AS anc GROUP BY 2, 4 ${upsert}`,
    );
  }
  // month copies of the group and region rows
  statements.push(`INSERT INTO activity_rollup (scope, scope_id, school_id, day, metric, key, value)
     SELECT lower(scope), scope_id, school_id, date_trunc('month', day)::date, metric, key, sum(value)
       FROM activity_rollup WHERE scope IN ('G', 'S', 'R') GROUP BY 1, 2, 3, 4, 5, 6 ${upsert}`);
  for (const sql of statements) await em.query(sql);
  await em.query(`DELETE FROM activity_rollup WHERE value = 0`);
  await bumpGroupRevisions(em, null); // every group's cached dashboard figures are stale
  const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM activity_rollup`);
  return n;
}
