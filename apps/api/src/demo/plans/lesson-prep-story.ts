import { DOMAIN, FEATURED_LEAD_SCHOOL, demoId } from './kit';
import { chinese4Story } from './lesson-prep-chinese4';
import { englishStory, juniorChineseStory } from './lesson-prep-junior-english';
import { math5Story } from './lesson-prep-math5';
import { PrepScript } from './lesson-prep-script';
import { Actor, LessonPrepScript, LessonResourcePlan, PlanText, PrepStory, prepFail, seniority } from './lesson-prep';
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
export function buildLessonPrepScript(plan: DemoPlan, ix: PlanIndex): LessonPrepScript {
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
  const rec = new PrepScript(as);
  const featured = plan.groups.find((g) => g.id === plan.refs.featuredGroupId)!;
  const manager: Actor = { teacher: null, userId: demoId(`user:manager@${DOMAIN}`), manages: featured.id };
  const text = (title: string, unit: string, objectives: string[], keyPoints: string[], content: string[], resources: LessonResourcePlan[] = []): PlanText => ({
    title,
    unit,
    objectives: objectives.join('\n'),
    keyPoints: keyPoints.join('\n'),
    content: content.join('\n'),
    resources,
  });
  const SMARTEDU = 'https://basic.smartedu.cn/syncClassroom';
  const story: PrepStory = { rec, plan, ix, group, pick, as, manager, userOf, text, SMARTEDU, featured, lead: FEATURED_LEAD_SCHOOL };
  math5Story(story);
  chinese4Story(story);
  juniorChineseStory(story);
  englishStory(story);
  return rec.out;
}
