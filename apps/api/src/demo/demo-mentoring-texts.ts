/** The mentoring story's words (师徒结对): goals, answers, log notes, evaluations, as schools write them. */

/** Goals (培养目标): the first one for every new teacher, then two or three of the others, and subject goals. */
export const MENTORING_FIRST_GOALS: readonly string[] = ['站稳讲台', '规范课堂常规与班级管理', '熟悉课程标准与教材体系'];
export const MENTORING_GOALS: readonly string[] = ['独立设计单元教学', '提升课堂提问的有效性', '做好分层作业设计', '上好一节县级公开课', '开展小课题研究', '形成个人教学风格'];
export const MENTORING_SUBJECT_GOALS: Readonly<Record<string, readonly string[]>> = {
  语文: ['提升朗读与识字教学能力', '上好习作指导课'],
  数学: ['讲清计算算理', '设计数学实践作业'],
  英语: ['上好自然拼读与绘本课', '提高课堂英语口语水平'],
  科学: ['规范开展分组实验'],
  物理: ['规范开展分组实验'],
  化学: ['规范开展分组实验'],
  体育: ['组织好大课间与体能训练'],
  音乐: ['上好合唱与欣赏课'],
  美术: ['开发乡土美术课程资源'],
};

/** What the answering side wrote when accepting, declining; why a pair was dissolved. */
export const MENTORING_ACCEPT_NOTES: readonly string[] = [
  '欢迎！先从每周互相听一节课开始。',
  '同意结对，开学第一周先一起制订学期带教计划。',
  '很高兴带你，我们每两周线上交流一次，每月到校听课一次。',
  '好的，先把本学期的教学进度表发给我。',
];
export const MENTORING_DECLINE_NOTES: readonly string[] = [
  '本学期承担毕业班教学任务，暂无余力带徒，建议下学期再申请。',
  '目前已带满三名徒弟，建议与本校骨干教师结对。',
  '本人下学期借调县教研室，无法保证听课时间，抱歉。',
  '学段差异较大，建议与同学段的骨干教师结对。',
  '本学期要外出参加省级培训，暂不能接收，建议改拜其他老师。',
];
export const MENTORING_DISSOLVE_REASONS: readonly string[] = [
  '徒弟调往外县',
  '徒弟转岗任教其他学科',
  '学校调整结对安排，改由本校骨干教师带教',
  '徒弟长期病假，双方商定解除结对',
  '双方学段不同，经协商解除，另行安排结对',
];
/** Dissolve reasons after which the apprentice takes no further pair. */
export const MENTORING_LEAVING_REASONS: readonly string[] = ['徒弟调往外县', '徒弟转岗任教其他学科'];

/** Notes on logged activities: {lesson} is a lesson (e.g. 三年级《燕子》), {mode} 到校 or 线上. */
export const MENTORING_NOTES: Readonly<Record<'MEETING' | 'LESSON_OBSERVATION_MENTOR' | 'LESSON_OBSERVATION_APPRENTICE' | 'FEEDBACK' | 'DEMO_LESSON' | 'OTHER' | 'VACATION', readonly string[]>> = {
  MEETING: [
    '师徒交流：商定本月听课安排，梳理{lesson}的教学目标和重难点。',
    '一起研读课程标准，讨论下一单元的整体设计思路。',
    '交流班级管理经验，针对后进生转化制订帮扶办法。',
    '师傅指导徒弟修改{lesson}教学设计，重点是问题链的设计。',
    '{mode}交流：分析单元检测成绩，找出共性错误，调整下阶段教学。',
    '讨论作业设计，把课后作业分为基础题和拓展题两层。',
    '徒弟汇报近期教学反思，师傅推荐阅读《给教师的建议》。',
  ],
  LESSON_OBSERVATION_MENTOR: [
    '徒弟{mode}听师傅执教{lesson}，记录导入和追问的方法。',
    '跟岗听课：师傅执教{lesson}，重点观察小组合作的组织。',
    '听师傅{lesson}一课，学习板书设计和课堂节奏的把握。',
  ],
  LESSON_OBSERVATION_APPRENTICE: [
    '师傅{mode}听徒弟执教{lesson}，课堂环节完整，时间分配还需调整。',
    '师傅{mode}听课{lesson}：教态自然，提问指向性还需加强。',
    '师傅推门听课{lesson}，学生参与度较高，练习反馈不够及时。',
  ],
  FEEDBACK: [
    '评课：{lesson}目标达成度较好，建议精简讲授，多留独立练习时间。',
    '评课：导入有趣味，但重点突破不够，下次试着用学生的错例来讲。',
    '评课：评价语言要具体，少用“很好”“不错”，多指出好在哪里。',
    '评课：板书可以更有结构，建议提前设计好板书。',
    '针对{lesson}的课堂实录逐段评议，徒弟修改教学设计后重上。',
  ],
  DEMO_LESSON: [
    '师傅执教示范课{lesson}，课后说课，讲解设计意图。',
    '师傅执教示范课{lesson}，徒弟同课异构后对比反思。',
    '示范课{lesson}：示范如何以问题串推进课堂。',
  ],
  OTHER: ['一起参加教联体联合教研活动，会后交流心得。', '共同整理本学期的教学资源包。'],
  VACATION: ['假期线上交流：通读新学期教材，制订学期教学计划。', '假期师徒交流：完成下学期第一单元的教学设计初稿。'],
};

/** Term evaluations: {goal} a goal of the pair, {next} another one, {obs} lessons observed, {fb} lessons discussed. */
export const MENTORING_EVALUATION_COMMENTS: readonly string[] = [
  '本学期听课{obs}节、评课{fb}次。徒弟在“{goal}”上进步明显，课堂组织更加从容；下学期重点在“{next}”上下功夫。',
  '师徒活动扎实，本学期共听课{obs}节。“{goal}”已基本达成，“{next}”还需在课例中反复打磨。',
  '徒弟虚心好学，能主动请教，本学期评课{fb}次、教学设计修改多稿。“{goal}”进步较大，“{next}”仍是短板。',
  '本学期双方按计划开展听课{obs}节、评课{fb}次，徒弟在“{goal}”方面有明显成长，期待在“{next}”上取得突破。',
];
/** Final evaluations of completed pairs: {name} the apprentice, {lesson} a lesson. */
export const MENTORING_COMPLETION_EVALUATIONS: readonly string[] = [
  '结对期满，经教联体考核准予出师。{name}老师已能独立设计单元教学，执教的{lesson}获县级优质课二等奖。',
  '两年来师徒听评课百余节，{name}老师课堂驾驭能力显著提升，已成为学校教研组的骨干力量，准予出师。',
  '{name}老师已站稳讲台并形成初步的教学风格，{lesson}一课在教联体联合教研中展示，获得好评，准予出师。',
  '考核合格，准予出师。{name}老师所带班级成绩稳步提升，下一步将作为青年骨干教师参与送教下乡。',
];
