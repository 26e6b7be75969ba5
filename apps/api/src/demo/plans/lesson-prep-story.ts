import { changedFields } from '#app/lesson-prep';
import { LessonPlanStatus, LessonPlanKind } from '#app/lesson-prep';
import { ExchangePlan } from './activity';
import { DOMAIN, FEATURED_LEAD_SCHOOL, demoId } from './kit';
import { chinese4Story } from './lesson-prep-chinese4';
import { englishStory, juniorChineseStory } from './lesson-prep-junior-english';
import { math5Story } from './lesson-prep-math5';
import { LessonPrepRecorder } from './lesson-prep-recorder';
import { Actor, LessonPlanPlan, LessonPrepPlan, LessonResourcePlan, PlanText, PrepStory, prepFail, seniority } from './lesson-prep';
import { DemoPlan, TeacherPlan } from './organisation';
import { PlanIndex } from './plan-index';

/** Collective lesson preparation (集体备课): the story, chapter by chapter, and what it must show. */

/**
 * Four teams in three groups, each with its story:
 * - 随县炎帝学校教联体 (the featured consortium), 五年级数学: 《分数的意义》 prepared in the winter break, returned once by the
 *   reviewer, published, taught at five member schools, revised after their reflections (教后反思) and published again;
 *   one teacher's adaptation (二次备课) is of the first published version, another's of the second; this term's plans
 *   are published, approved, in review and in draft.
 * - 随县炎帝学校教联体, 四年级语文, led by 周文华 (teacher@) with 陈雨萱 (teacher2@): the comment threads (anchored to lines,
 *   a reply, a resolved one), a plan returned to draft with the reviewer's note, and a published plan being revised.
 * - 随县实验初级中学教联体, 七年级语文: last year's plan archived, this year's published, adapted by a new teacher.
 * - 曾都区实验小学教育集团, 三年级英语.
 */
export function buildLessonPrepPlan(plan: DemoPlan, ix: PlanIndex, exchanges: readonly ExchangePlan[]): LessonPrepPlan {
  const rec = new LessonPrepRecorder(ix, exchanges);
  const schoolByName = new Map(plan.schools.map((s) => [s.name, s]));
  const group = (name: string) => plan.groups.find((g) => g.name === name) ?? prepFail(`no group ${name}`);
  /** The most senior (or the least experienced) teacher of `subject` (their first subject) at a school, skipping `not`. */
  const pick = (schoolName: string, subject: string, which: 'senior' | 'junior', ...not: TeacherPlan[]): TeacherPlan => {
    const school = schoolByName.get(schoolName) ?? prepFail(`no school ${schoolName}`);
    const pool = (ix.teachersBySchool.get(school.id) ?? []).filter((t) => t.subjects[0] === subject && !not.includes(t));
    pool.sort((a, b) => seniority(b) - seniority(a) || (a.id < b.id ? -1 : 1));
    return (which === 'senior' ? pool[0] : pool[pool.length - 1]) ?? prepFail(`no ${subject} teacher at ${schoolName}`);
  };
  const userOf = new Map([
    [plan.refs.famousTeacherId, demoId(`user:teacher@${DOMAIN}`)],
    [plan.refs.newTeacherId, demoId(`user:teacher2@${DOMAIN}`)],
  ]);
  const as = (t: TeacherPlan): Actor => ({ teacher: t, userId: userOf.get(t.id) ?? null });
  const manager: Actor = { teacher: null, userId: demoId(`user:manager@${DOMAIN}`) };
  const text = (title: string, unit: string, objectives: string[], keyPoints: string[], content: string[], resources: LessonResourcePlan[] = []): PlanText => ({
    title,
    unit,
    objectives: objectives.join('\n'),
    keyPoints: keyPoints.join('\n'),
    content: content.join('\n'),
    resources,
  });
  const SMARTEDU = 'https://basic.smartedu.cn/syncClassroom';
  const featured = plan.groups.find((g) => g.id === plan.refs.featuredGroupId)!;
  const story: PrepStory = { rec, plan, ix, group, pick, as, manager, userOf, text, SMARTEDU, featured, lead: FEATURED_LEAD_SCHOOL };
  math5Story(story);
  chinese4Story(story);
  juniorChineseStory(story);
  englishStory(story);

  validateLessonPrep(rec.out);
  return rec.out;
}

/** What the demo must show, checked on the plan. */
export function validateLessonPrep(p: LessonPrepPlan): void {
  const team = p.plans.filter((x) => x.kind === LessonPlanKind.TEAM);
  for (const status of [LessonPlanStatus.DRAFT, LessonPlanStatus.IN_REVIEW, LessonPlanStatus.APPROVED, LessonPlanStatus.PUBLISHED, LessonPlanStatus.ARCHIVED] as const) {
    if (!team.some((x) => x.status === status)) prepFail(`no ${status} plan`);
  }
  for (const x of p.plans) {
    const revs = p.revisions.filter((r) => r.planId === x.id).sort((a, b) => a.version - b.version);
    if (revs.length !== x.version || revs.some((r, i) => r.version !== i + 1)) prepFail(`${x.title}: revisions`);
    const last = revs[revs.length - 1];
    if (changedFields(last, x).length) prepFail(`${x.title}: its text is not its last revision`);
    if (x.status === LessonPlanStatus.PUBLISHED && x.publishedVersion !== x.version) prepFail(`${x.title}: published, but not its current version`);
    if (x.publishedVersion !== null && !revs[x.publishedVersion - 1].publishedAt) prepFail(`${x.title}: published version without publishedAt`);
  }
  const adapted = p.plans.filter((x) => x.kind === LessonPlanKind.ADAPTATION);
  const source = (a: LessonPlanPlan) => p.plans.find((x) => x.id === a.sourcePlanId)!;
  if (adapted.length < 2 || !adapted.some((a) => source(a).publishedVersion! > a.sourceVersion!)) prepFail('adaptations, one of them behind its source');
  if (!p.comments.some((c) => c.anchor?.fromLine) || !p.comments.some((c) => c.parentId) || !p.comments.some((c) => c.resolvedAt)) prepFail('comment threads');
  if (!team.some((x) => x.status === LessonPlanStatus.DRAFT && x.reviewNote)) prepFail('a plan returned to draft with a note');
  const published = team.find((x) => x.status === LessonPlanStatus.PUBLISHED && x.content.includes('分数的意义'));
  if (!published || new Set(p.adoptions.filter((a) => a.planId === published.id).map((a) => a.schoolId)).size < 4) prepFail('《分数的意义》 taught at several member schools');
}
