import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { rebuildRollups } from '#app/reporting';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { insertAccounts } from './import/accounts';
import { insertStudentActivities } from './import/activity';
import { insertMentoringActivities } from './import/mentoring';
import { importOrganisation } from './import/organisation';
import { insertResearch } from './import/research';
import { buildExchangeActivityPlan } from './plans/activity';
import { activitySteps, bulkStudentActivities } from './plans/activity-steps';
import { chinaInstant } from './plans/calendar';
import { buildLessonPrepScript } from './plans/lesson-prep-story';
import { buildMentoringPlan } from './plans/mentoring-pairs';
import { mentoringSteps } from './plans/mentoring-steps';
import { DemoPlan, demoPlan } from './plans/organisation';
import { indexPlan } from './plans/plan-index';
import { buildResearchPlan } from './plans/research-sessions';
import { researchHistory, researchSteps } from './plans/research-steps';
import { playActivity } from './steps/activity';
import { playBalanceRecords } from './steps/balance';
import { playCoverageTargets } from './steps/coverage-targets';
import { playLessonPrep } from './steps/lesson-prep';
import { playMentoring } from './steps/mentoring';
import { playResearch } from './steps/research';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo-accounts';

/**
 * Demo data: 湖北省 > 随州市 with three counties (随县, 曾都区, 广水市), modelled on the Suizhou report
 * in domain-sources/004_*: about 150 schools, 17 county consortia (融合型 / 共建型 / 融合+共建型), an
 * education group, a cross-county alliance, a school district, ~1,100 teachers and demo accounts; 18 months of
 * joint research sessions (2025-05 to 2026-10, with check-ins and event logs) and a few upcoming ones; mentoring
 * pairs (师徒结对) with their activity logs and term evaluations, teacher exchanges (交流轮岗 / 走教送教 / 支教) and
 * joint student activities (2024-09 to 2026-11); collective lesson preparation (集体备课: teams, plans in every status
 * with their revisions, comments, review notes, adaptations 二次备课 and adoptions 同上课, 2025-09 to 2026-11); and the
 * dashboard rollups rebuilt from all of it.
 *
 * Deterministic (ids from hashes of stable keys, values from a seeded PRNG) and idempotent (one
 * transaction; nothing happens when the marker region already exists).
 */

export interface DemoSummary {
  created: boolean;
  regions: number;
  schools: number;
  groups: number;
  teachers: number;
  users: number;
  /** Joint research sessions (past and upcoming) and check-ins at them: set when this run loaded them. */
  sessions?: number;
  checkIns?: number;
  /** 师徒结对, teacher exchanges and student activities: set when this run loaded them. */
  mentoringPairs?: number;
  teacherExchanges?: number;
  studentActivities?: number;
  /** 集体备课: teams, lesson plans (team plans and adaptations) and adoptions (同上课): set when this run loaded them. */
  lessonPrepTeams?: number;
  lessonPlans?: number;
  lessonPlanAdoptions?: number;
}

/** Serialises concurrent seeders (two API instances starting at once). */
export const DEMO_SEED_LOCK = 727003;

/**
 * Loads the demo into the app's database: the bulk of the history by the importers (import/*), and the stories
 * played through the services as the demo's people (steps/*), at their own dates, with the demo's ids. Deterministic
 * and idempotent: a second run changes nothing and returns created:false.
 */
export async function seedDemo(app: INestApplicationContext, log: (line: string) => void = () => {}): Promise<DemoSummary> {
  const started = Date.now();
  const ds = app.get(DataSource);
  const plan = demoPlan();
  const summary = (created: boolean, users: number): DemoSummary => ({
    created,
    regions: plan.regions.length,
    schools: plan.schools.length,
    groups: plan.groups.length,
    teachers: plan.teachers.length,
    users,
  });

  return ds.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK]);
    const marker: unknown[] = await em.query('SELECT 1 FROM region WHERE id = $1', [plan.refs.provinceId]);
    if (marker.length > 0) {
      log('Demo data already present: nothing to do');
      return summary(false, DEMO_ACCOUNTS.length);
    }
    const clashes: { name: string; code: string }[] = await em.query('SELECT name, code FROM region WHERE code = ANY($1::varchar[])', [
      plan.regions.map((r) => r.code),
    ]);
    if (clashes.length > 0) {
      log(`Demo data skipped: regions with the demo codes exist already (${clashes.map((c) => `${c.name} ${c.code}`).join(', ')})`);
      return summary(false, 0);
    }

    await importOrganisation(app, em, plan, log);

    const users = await insertAccounts(app, em, plan, log);
    // Planned only when loading: tens of thousands of check-ins and events are not worth computing on every start.
    const research = buildResearchPlan(plan);
    await insertResearch(em, researchHistory(research, plan.teachers));
    await playResearch(app, em, researchSteps(research, plan));
    log(`Demo data: ${research.sessions.length} research sessions, ${research.attendance.length} check-ins, ${research.events.length} session events`);
    const ix = indexPlan(plan);
    const mentoring = buildMentoringPlan(plan, ix);
    await playMentoring(app, em, mentoringSteps(mentoring, plan, ix));
    await insertMentoringActivities(em, mentoring);
    log(`Demo data: ${mentoring.pairs.length} mentoring pairs, ${mentoring.activities.length} mentoring activities, ${mentoring.evaluations.length} evaluations`);
    const exchanges = buildExchangeActivityPlan(plan, ix);
    await playActivity(app, em, activitySteps(exchanges, plan));
    await insertStudentActivities(em, bulkStudentActivities(exchanges, plan));
    log(`Demo data: ${exchanges.exchanges.length} teacher exchanges, ${exchanges.activities.length} student activities`);
    const prep = buildLessonPrepScript(plan, ix);
    await playLessonPrep(app, em, prep);
    log(
      `Demo data: ${prep.teams.length} lesson preparation teams, ${prep.plans.length} lesson plans (${prep.plans.filter((x) => x.kind === 'ADAPTATION').length} adaptations), ` +
        `${prep.revisions} revisions, ${prep.comments.length} comments, ${prep.adoptions.length} adoptions, played in ${prep.steps.length} steps through the services`,
    );
    const targets = await playCoverageTargets(app, em, plan);
    log(`Demo data: coverage targets ${targets.map((t) => `${t.year} ${Math.round(t.ratio * 100)}%`).join(', ')}`);
    const balance = await playBalanceRecords(app, em, plan);
    log(`Demo data: 优质均衡 records, ${balance.enrolments} school terms of students and ${balance.facilities} school years of facilities`);
    // Last, so that the dashboards count everything above.
    const rollups = await rebuildRollups(em);
    log(`Demo data: dashboard rollups rebuilt (${rollups} rows)`);
    log(`Demo data loaded in ${Date.now() - started} ms: ${users} demo accounts (password ${DEMO_PASSWORD})`);
    return {
      ...summary(true, users),
      sessions: research.sessions.length,
      checkIns: research.attendance.length,
      mentoringPairs: mentoring.pairs.length,
      teacherExchanges: exchanges.exchanges.length,
      studentActivities: exchanges.activities.length,
      lessonPrepTeams: prep.teams.length,
      lessonPlans: prep.plans.length,
      lessonPlanAdoptions: prep.adoptions.length,
    };
  });
}
