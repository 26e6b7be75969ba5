/**
 * Name lists for the demo data (seed-demo.ts). Data only: Chinese names, places and subjects.
 * The seed picks from these with a seeded PRNG, so changing a list changes the generated data.
 */

/** Common surnames, with weights roughly following their frequency (Hubei adds 余, 熊, 程, 万, 肖, 彭). */
export const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['王', 10], ['李', 10], ['张', 9], ['刘', 8], ['陈', 7], ['杨', 5], ['黄', 4], ['赵', 4], ['周', 3], ['吴', 3],
  ['徐', 3], ['孙', 2], ['马', 2], ['胡', 3], ['朱', 2], ['郭', 2], ['何', 2], ['罗', 2], ['高', 2], ['林', 2],
  ['余', 2], ['熊', 2], ['程', 1], ['万', 1], ['肖', 1], ['彭', 1], ['邓', 1], ['蔡', 1], ['谢', 1], ['冯', 1],
];

/**
 * Given names in three generations, so that a teacher's name fits their age: `classic` for teachers
 * born in the 1960s-70s, `common` for any age, `modern` for the youngest teachers.
 */
export interface GivenNames {
  classic: readonly string[];
  common: readonly string[];
  modern: readonly string[];
}

export const GIVEN_NAMES_FEMALE: GivenNames = {
  classic: ['秀兰', '桂英', '玉梅', '红梅', '秋菊', '冬梅', '金凤', '凤英', '翠萍', '素芬', '淑华', '淑珍', '兰芳', '艳华', '春梅', '桂芳', '秀英', '玉兰', '桂兰', '秀珍'],
  common: [
    '芳', '娟', '敏', '静', '丽', '艳', '婷', '霞', '玲', '燕', '红', '慧', '雪', '琳', '莉', '萍', '倩', '洁', '颖', '蓉',
    '春燕', '丽华', '晓燕', '海燕', '雪梅', '美玲', '晓丽', '慧敏', '婷婷', '文静', '文娟', '小芳', '亚楠', '丹丹', '莉莉', '晶晶',
    '丽娟', '丽萍', '晓红', '晓梅', '雅琴', '晓琳', '媛媛', '倩倩', '惠君', '露', '璐', '菲', '岚', '晓雯',
  ],
  modern: ['雨萱', '思琪', '佳怡', '梦瑶', '静怡', '欣怡', '雅婷', '诗涵', '紫涵', '若曦', '欣悦', '梓萱', '一诺', '心怡', '嘉欣', '佳佳', '瑶', '子涵', '语桐', '可欣'],
};

export const GIVEN_NAMES_MALE: GivenNames = {
  classic: ['建华', '国庆', '建国', '建军', '卫东', '红兵', '德胜', '国平', '新民', '庆华', '立新', '光明', '先锋', '永红', '汉生', '荆生', '德华', '泽民', '长江', '学文'],
  common: [
    '伟', '强', '军', '磊', '勇', '涛', '斌', '超', '明', '杰', '浩', '鹏', '辉', '刚', '平', '波', '亮', '峰', '锋', '毅',
    '志强', '海涛', '志刚', '永强', '文华', '文斌', '晓东', '晓峰', '明辉', '振华', '春雷', '少华', '世杰', '云飞', '志远', '兴旺',
  ],
  modern: ['俊杰', '子豪', '宇航', '浩然', '博文', '家豪', '天宇', '思远', '泽宇', '一鸣', '嘉豪', '子轩', '浩宇', '梓涵', '皓轩', '宇轩', '俊熙', '明轩', '奕辰', '睿哲'],
};

/** Subjects taken in turn, so that core subjects come first even at small schools. */
export const SUBJECT_ROTATION = {
  PRIMARY: ['语文', '数学', '英语', '语文', '数学', '体育', '科学', '音乐', '美术', '道德与法治', '信息科技', '语文', '数学', '英语', '体育', '语文'],
  JUNIOR: ['语文', '数学', '英语', '物理', '化学', '生物', '历史', '地理', '道德与法治', '体育', '语文', '数学', '英语', '音乐', '美术', '信息科技'],
  NINE_YEAR: ['语文', '数学', '英语', '语文', '数学', '物理', '科学', '道德与法治', '体育', '化学', '历史', '音乐', '美术', '生物', '地理', '信息科技', '英语'],
  SENIOR: ['语文', '数学', '英语', '物理', '化学', '生物', '思想政治', '历史', '地理', '体育与健康', '信息技术', '数学', '英语'],
} as const;

/** Small village schools and teaching points: one teacher covers several subjects (包班). */
export const SMALL_SCHOOL_SUBJECTS: readonly (readonly string[])[] = [
  ['语文', '道德与法治'],
  ['数学', '科学'],
  ['英语', '音乐'],
  ['语文', '美术'],
  ['数学', '体育'],
  ['数学', '信息科技'],
  ['语文', '音乐'],
];
export const TEACHING_POINT_SUBJECTS: readonly (readonly string[])[] = [
  ['语文', '道德与法治', '音乐'],
  ['数学', '科学', '体育'],
  ['语文', '美术'],
  ['数学', '英语'],
];

/** Mobile prefixes for generated phone numbers. */
export const PHONE_PREFIXES: readonly string[] = ['138', '139', '135', '137', '150', '152', '158', '159', '186', '187', '188', '133', '153', '177', '180', '181', '189', '199'];

/**
 * Towns of 随县 outside the county seat, each with its central school(s), village primary schools
 * and teaching points (教学点). `nineYear`: the town has one 中心学校 (nine-year) instead of a
 * 中心小学 plus an 初级中学.
 */
export interface TownSpec {
  town: string;
  nineYear: boolean;
  villages: readonly string[];
  points: readonly string[];
}
export const SUIXIAN_TOWNS: readonly TownSpec[] = [
  { town: '高城镇', nineYear: false, villages: ['土门', '金屯'], points: ['宋家湾', '石鼓'] },
  { town: '殷店镇', nineYear: false, villages: ['黄家湾', '长岭'], points: ['二道河', '陈家湾'] },
  { town: '草店镇', nineYear: true, villages: ['义和', '桃园'], points: ['鲍店'] },
  { town: '小林镇', nineYear: false, villages: ['兴隆', '青苔'], points: ['金桥'] },
  { town: '淮河镇', nineYear: true, villages: ['柏树湾'], points: ['鹰子岩', '龙潭'] },
  { town: '万和镇', nineYear: false, villages: ['铁城', '乌金'], points: ['石门', '田河'] },
  { town: '尚市镇', nineYear: false, villages: ['店子', '夹河'], points: ['茶店', '拐子湾'] },
  { town: '唐县镇', nineYear: false, villages: ['仁和', '七里', '河店'], points: ['唐王店'] },
  { town: '吴山镇', nineYear: true, villages: ['中和', '青龙'], points: ['二房湾'] },
  { town: '新街镇', nineYear: false, villages: ['黄金', '梅丘'], points: ['新桥'] },
  { town: '安居镇', nineYear: false, villages: ['太和', '双寺'], points: ['雷公店', '羊子山'] },
  { town: '环潭镇', nineYear: false, villages: ['鸡鸣', '刘店', '联合'], points: ['三合'] },
  { town: '洪山镇', nineYear: true, villages: ['许家畈', '双门'], points: ['琵琶湾', '杨家棚'] },
  { town: '三里岗镇', nineYear: false, villages: ['吉祥寺', '尚店'], points: ['马鞍山'] },
  { town: '柳林镇', nineYear: true, villages: ['双店'], points: ['天井', '石家湾'] },
  { town: '均川镇', nineYear: false, villages: ['金台', '乐城'], points: ['江家河', '熊家湾'] },
  { town: '长岗镇', nineYear: true, villages: ['油榨'], points: ['西冲', '九口冲'] },
];

// ---------------------------------------------------------------------------------------------
// Joint research sessions (联合教研活动)

/** Grade names, index = grade (1-6 primary, 7-9 junior). */
export const GRADE_NAMES: readonly string[] = ['', '一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级'];

/**
 * Lessons by subject: [grade, term, lesson]. Term 1 = 上册 (autumn), 2 = 下册 (spring), 0 = either.
 * Texts in 《》, units and topics in “”, roughly following the 统编 / 人教 / 教科 textbooks.
 */
export const LESSONS: Readonly<Record<string, ReadonlyArray<readonly [number, 0 | 1 | 2, string]>>> = {
  语文: [
    [1, 1, '《秋天》'], [1, 1, '《小小的船》'], [1, 1, '《比尾巴》'], [1, 2, '《四个太阳》'], [1, 2, '《小公鸡和小鸭子》'],
    [2, 1, '《小蝌蚪找妈妈》'], [2, 1, '《坐井观天》'], [2, 1, '《雾在哪里》'], [2, 2, '《找春天》'], [2, 2, '《雷雨》'],
    [3, 1, '《搭船的鸟》'], [3, 1, '《秋天的雨》'], [3, 1, '《富饶的西沙群岛》'], [3, 2, '《燕子》'], [3, 2, '《荷花》'], [3, 2, '《赵州桥》'],
    [4, 1, '《观潮》'], [4, 1, '《爬山虎的脚》'], [4, 1, '《精卫填海》'], [4, 2, '《乡下人家》'], [4, 2, '《猫》'], [4, 2, '《母鸡》'],
    [5, 1, '《白鹭》'], [5, 1, '《落花生》'], [5, 1, '《圆明园的毁灭》'], [5, 2, '《草船借箭》'], [5, 2, '《威尼斯的小艇》'], [5, 2, '《祖父的园子》'],
    [6, 1, '《草原》'], [6, 1, '《桥》'], [6, 1, '《少年闰土》'], [6, 2, '《北京的春节》'], [6, 2, '《腊八粥》'], [6, 2, '《匆匆》'],
    [7, 1, '《春》'], [7, 1, '《济南的冬天》'], [7, 1, '《秋天的怀念》'], [7, 1, '《从百草园到三味书屋》'], [7, 2, '《邓稼先》'], [7, 2, '《紫藤萝瀑布》'], [7, 2, '《木兰诗》'],
    [8, 1, '《背影》'], [8, 1, '《藤野先生》'], [8, 1, '《苏州园林》'], [8, 2, '《桃花源记》'], [8, 2, '《社戏》'], [8, 2, '《大自然的语言》'],
    [9, 1, '《沁园春·雪》'], [9, 1, '《故乡》'], [9, 1, '《岳阳楼记》'], [9, 2, '《孔乙己》'], [9, 2, '《变色龙》'], [9, 2, '《鱼我所欲也》'],
  ],
  数学: [
    [1, 1, '“认识图形”'], [1, 1, '“20以内的进位加法”'], [1, 2, '“20以内的退位减法”'], [1, 2, '“100以内数的认识”'],
    [2, 1, '“表内乘法”'], [2, 1, '“认识时间”'], [2, 2, '“表内除法”'], [2, 2, '“有余数的除法”'],
    [3, 1, '“分数的初步认识”'], [3, 1, '“长方形和正方形”'], [3, 2, '“面积”'], [3, 2, '“两位数乘两位数”'],
    [4, 1, '“大数的认识”'], [4, 1, '“平行四边形和梯形”'], [4, 2, '“运算定律”'], [4, 2, '“小数的意义和性质”'], [4, 2, '“三角形”'],
    [5, 1, '“小数乘法”'], [5, 1, '“简易方程”'], [5, 1, '“多边形的面积”'], [5, 2, '“分数的意义”'], [5, 2, '“长方体和正方体”'],
    [6, 1, '“圆的面积”'], [6, 1, '“百分数”'], [6, 1, '“比的意义”'], [6, 2, '“圆柱与圆锥”'], [6, 2, '“比例”'], [6, 2, '“鸽巢问题”'],
    [7, 1, '“有理数的加法”'], [7, 1, '“一元一次方程”'], [7, 2, '“相交线与平行线”'], [7, 2, '“二元一次方程组”'],
    [8, 1, '“全等三角形”'], [8, 1, '“轴对称”'], [8, 2, '“勾股定理”'], [8, 2, '“一次函数”'],
    [9, 1, '“二次函数的图象和性质”'], [9, 1, '“圆周角”'], [9, 2, '“相似三角形”'], [9, 2, '“锐角三角函数”'],
  ],
  英语: [
    [3, 1, '“字母与自然拼读”'], [3, 2, '“Animals 主题绘本”'], [4, 1, '“My classroom”'], [4, 2, '“Weather”'],
    [5, 1, '“What would you like?”'], [5, 2, '“My favourite season”'], [6, 1, '“How do you go to school?”'], [6, 2, '“Last weekend”'],
    [7, 1, '“My name’s Gina”'], [7, 2, '“Can you play the guitar?”'], [8, 1, '“Where did you go on vacation?”'], [8, 2, '“What were you doing when the rainstorm came?”'],
    [9, 1, '“How can we become good learners?”'], [9, 2, '“Sad movies make me cry”'],
  ],
  科学: [
    [3, 1, '“水的三态变化”'], [3, 1, '“空气占据空间吗”'], [3, 2, '“植物的生长变化”'], [3, 2, '“动物的一生”'],
    [4, 1, '“声音的产生”'], [4, 1, '“天气”'], [4, 2, '“电路”'], [4, 2, '“岩石与土壤”'],
    [5, 1, '“光的传播”'], [5, 1, '“地球表面的变化”'], [5, 2, '“船的研究”'], [5, 2, '“热”'],
    [6, 1, '“工具与技术”'], [6, 1, '“地球的运动”'], [6, 2, '“月相变化”'], [6, 2, '“物质的变化”'],
  ],
  物理: [
    [8, 1, '“光的折射”'], [8, 1, '“声音的产生与传播”'], [8, 2, '“浮力”'], [8, 2, '“压强”'],
    [9, 1, '“欧姆定律”'], [9, 1, '“电流和电路”'], [9, 2, '“电功率”'], [9, 2, '“电与磁”'],
  ],
  化学: [[9, 1, '“质量守恒定律”'], [9, 1, '“二氧化碳的实验室制取”'], [9, 2, '“酸和碱的中和反应”'], [9, 2, '“金属的化学性质”']],
  生物: [[7, 1, '“练习使用显微镜”'], [7, 1, '“绿色植物的光合作用”'], [7, 2, '“人体的呼吸”'], [8, 1, '“动物的运动”'], [8, 2, '“植物的生殖”']],
  历史: [[7, 1, '“秦统一中国”'], [7, 2, '“隋朝的统一与灭亡”'], [8, 1, '“辛亥革命”'], [8, 2, '“中华人民共和国成立”'], [9, 1, '“古代埃及”'], [9, 2, '“第二次工业革命”']],
  地理: [[7, 1, '“地球的运动”'], [7, 2, '“东南亚”'], [8, 1, '“中国的地形”'], [8, 2, '“北方地区”']],
  道德与法治: [[3, 0, '“我们的班级”'], [5, 1, '“传统美德 源远流长”'], [6, 1, '“宪法是根本法”'], [7, 1, '“少年有梦”'], [7, 2, '“青春的情绪”'], [8, 1, '“网络生活新空间”'], [9, 1, '“富强与创新”']],
  体育: [[2, 0, '“跳绳”'], [4, 0, '“立定跳远”'], [5, 0, '“篮球运球”'], [7, 0, '“耐久跑”'], [8, 0, '“足球脚内侧传球”']],
  音乐: [[3, 0, '《编钟古乐》欣赏'], [5, 0, '《茉莉花》'], [6, 0, '《我和你》'], [7, 0, '《黄河大合唱》欣赏']],
  美术: [[3, 0, '“剪纸中的吉祥图案”'], [4, 0, '“水墨游戏”'], [5, 0, '“版画”'], [7, 0, '“色彩的情感”']],
  信息科技: [[3, 0, '“键盘与输入”'], [5, 0, '“图形化编程”'], [7, 0, '“数据与编码”'], [8, 0, '“物联网初探”']],
};

/** How often each subject is the subject of a session. */
export const SESSION_SUBJECTS: ReadonlyArray<readonly [string, number]> = [
  ['语文', 22], ['数学', 22], ['英语', 13], ['科学', 6], ['物理', 5], ['化学', 3], ['生物', 2], ['历史', 2], ['地理', 2],
  ['道德与法治', 4], ['体育', 4], ['音乐', 4], ['美术', 4], ['信息科技', 3],
];

/** Research themes (教研主题): for every subject, and some by subject. */
export const RESEARCH_THEMES: readonly string[] = [
  '大单元教学设计', '作业设计与评价', '课堂提问的有效性', '分层作业设计', '跨学科主题学习', '小组合作学习', '教学评一致性', '情境教学', '单元整体教学', '课堂观察与评价',
];
export const SUBJECT_THEMES: Readonly<Record<string, readonly string[]>> = {
  语文: ['整本书阅读', '习作教学', '古诗词教学', '口语交际', '群文阅读'],
  数学: ['计算教学', '图形与几何', '数学思维可视化', '数学实践作业'],
  英语: ['绘本阅读', '自然拼读', '读写结合', '听说教学'],
  科学: ['实验教学', '探究式学习'],
  物理: ['实验教学', '探究式学习'],
  化学: ['实验教学'],
  体育: ['大课间活动', '体能训练'],
  音乐: ['编钟文化进课堂', '合唱教学'],
  美术: ['乡土美术资源开发'],
  信息科技: ['编程教学'],
};

/** 专题讲座 topics. */
export const LECTURE_TOPICS: readonly string[] = [
  '“双减”背景下的作业设计与实施',
  '新课标背景下的大单元教学设计',
  '人工智能赋能课堂教学',
  '乡村小规模学校复式教学策略',
  '“教学评一致性”的课堂实践',
  '班主任工作与家校共育',
  '青年教师专业成长路径',
  '课堂观察与评课技术',
  '跨学科主题学习的设计与实施',
  '学生心理健康教育与危机干预',
  '教师数字素养提升',
  '县域教联体“强校带弱校”的实践与思考',
];

/** Notes teachers post during a session (NOTE_POSTED): watching a lesson, preparing lessons, at a talk or discussion. */
export const SESSION_NOTES = {
  lesson: [
    '导入环节用生活情境引出问题，学生兴趣很高',
    '小组合作分工明确，建议增加汇报展示的时间',
    '板书设计清晰，重点突出',
    '建议练习环节增加分层题目，照顾学困生',
    '乡村校学生发言积极，互动效果好',
    '本节课时间分配合理，目标达成度高',
    '可以借助实物演示帮助学生理解',
    '教师评价语言可以更具体一些',
    '追问很有层次，学生的思维被打开了',
    '学生自主探究的时间还可以再多一些',
    '直播信号稳定，成员校画面和声音都很清晰',
  ],
  prep: [
    '建议作业部分增加分层设计',
    '教学目标的表述可以更具体、可检测',
    '第二课时的课件由我们学校负责',
    '重难点的突破方法可以再讨论一下',
    '共案先发到群里，各校结合学情二次备课',
    '建议把单元检测题一起统一命制',
  ],
  talk: [
    '案例贴近我们乡村学校的实际，很受启发',
    '建议把讲座课件发到教联体群里',
    '我们学校准备先在一个年级试点',
    '希望下次能结合具体课例再深入讲讲',
    '作业总量控制这一点，我们学校可以马上落实',
  ],
} as const;
/** Notes for particular subjects, added to the lesson notes. */
export const SUBJECT_NOTES: Readonly<Record<string, readonly string[]>> = {
  语文: ['朗读指导很细致，值得我们学习'],
  英语: ['全英文课堂指令，学生听得懂、跟得上'],
  科学: ['我们学校缺少实验器材，希望能借用牵头校的器材'],
  物理: ['演示实验现象明显，学生分组实验还可以更充分'],
  化学: ['实验安全规范讲得很到位'],
};

/** Consensus and next steps for the minutes (会议纪要). */
export const MINUTES_CONSENSUS: readonly string[] = [
  '以学定教，精简讲授时间，保证学生独立练习',
  '作业分层设计，基础题全员过关，拓展题自主选做',
  '单元教学目标要前后贯通，避免课时之间割裂',
  '重视课堂生成，提问后给学生足够的思考时间',
  '统一单元检测的命题标准，质量分析数据共享',
  '各校教研组每周固定半天开展校本教研',
];
/** Consensus for subjects with experiments. */
export const LAB_CONSENSUS = '实验课坚持学生分组动手，器材不足的学校借助专递课堂补足';
export const MINUTES_NEXT_STEPS: readonly string[] = [
  '各成员校两周内完成二次备课并上传教案',
  '下月由成员校轮流承办，开展课堂展示',
  '整理本次课例资源，纳入教联体资源库',
  '薄弱学科教师到牵头校跟岗学习一周',
  '牵头校名师下月到成员校送教',
  '青年教师撰写听课反思，下次活动交流',
];

/** Reasons for cancelling a session, by season. */
export const CANCEL_REASONS_SUMMER: readonly string[] = ['暴雨预警，改期举行', '强对流天气，道路积水，改期举行', '高温预警，活动延期'];
export const CANCEL_REASONS_WINTER: readonly string[] = ['寒潮大雪，道路结冰，改期举行', '流感高发，暂停集中活动，改期举行'];
export const CANCEL_REASONS_ANY: readonly string[] = [
  '与全县教学视导时间冲突，改期举行',
  '主讲教师外出参加省级培训，改期举行',
  '县教育局统一安排质量检测，活动延期',
  '网络线路检修，线上活动改期',
];

// ---------------------------------------------------------------------------------------------
// Mentoring pairs (师徒结对)

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

// ---------------------------------------------------------------------------------------------
// Teacher exchanges and student activities

/** Notes on exchanges: {subject}, {grade} (e.g. 五年级), {school} the school the teacher goes to. */
export const EXCHANGE_NOTES: Readonly<Record<'ROTATION_OUT' | 'ROTATION_IN' | 'TRAVELING' | 'SUPPORT', readonly string[]>> = {
  ROTATION_OUT: [
    '交流轮岗，任教{grade}{subject}，并指导{school}{subject}教研组开展校本教研。',
    '骨干教师交流轮岗，担任{grade}{subject}教学，每周开设一节示范课。',
    '交流轮岗，任教{grade}{subject}兼班主任。',
  ],
  ROTATION_IN: ['到{school}跟岗学习，任教{grade}{subject}，参加牵头校教研组活动。', '青年教师到{school}交流轮岗，跟岗学习{subject}教学与班级管理。'],
  TRAVELING: ['走教：每周二、周四到{school}上{subject}课。', '送教下乡：到{school}开展{subject}示范教学和听评课。', '走教{subject}，补足{school}{subject}课程的开课缺口。'],
  SUPPORT: ['到{school}支教，任教{grade}{subject}。', '城区教师下乡支教，承担{school}{grade}{subject}教学。'],
};

/**
 * Student activities by type: [title, months it fits (empty: any)]. {group} the group's short name,
 * {kind} 教联体 / 教育集团 / 联盟 / 大学区, {year} e.g. 2025.
 */
export const STUDENT_ACTIVITIES: Readonly<Record<string, ReadonlyArray<readonly [string, readonly number[]]>>> = {
  SPORTS: [
    ['{group}{year}年秋季田径运动会', [10, 11]], ['{group}校园足球联赛', [4, 5, 10, 11]], ['城乡学生趣味运动会', [4, 5, 9, 10, 11]],
    ['跳绳踢毽比赛', [3, 4, 11, 12]], ['乒乓球友谊赛', [3, 5, 6, 9, 12]], ['{group}{year}年春季运动会', [4, 5]],
  ],
  ARTS: [
    ['乡村少年宫书法展', []], ['“童心向党”合唱比赛', [5, 6, 9, 10]], ['师生书画作品联展', [12, 1, 5]], ['编钟古乐进校园展演', [3, 4, 5, 10, 11]],
    ['“六一”文艺汇演', [5, 6]], ['迎新年文艺汇演', [12, 1]], ['经典诵读与课本剧展演', [4, 5, 11, 12]],
  ],
  SCIENCE: [
    ['{group}{year}年科技节', [5, 10, 11]], ['“小小科学家”实验展示', []], ['青少年科技创新大赛选拔', [3, 4, 10]], ['航模与机器人体验日', [4, 5, 9, 10, 11]],
    ['科普进乡村：天文观测夜', [9, 10, 12]], ['编程与人工智能体验营', [7, 8]],
  ],
  READING: [
    ['“书香{kind}”读书分享会', [4, 9, 10, 11]], ['共读一本书：《草房子》', [3, 4, 11]], ['汉字听写大会', [5, 6, 11, 12]], ['城乡学生诗词大会', [3, 4, 5, 10, 12]],
    ['世界读书日主题阅读活动', [4]], ['暑期阅读打卡分享', [7, 8]], ['寒假阅读成果展', [2, 3]],
  ],
  LABOUR: [
    ['“开心农场”春播劳动实践', [3, 4]], ['香菇种植劳动实践', [3, 4, 10, 11]], ['茶园采茶劳动体验', [4, 5]], ['秋收劳动周', [9, 10, 11]],
    ['校园植树节活动', [3]], ['家务劳动技能大赛', [5, 11, 12]],
  ],
  STUDY_TRIP: [
    ['研学旅行：走进炎帝故里', [4, 5, 9, 10, 11]], ['研学旅行：随州市博物馆看曾侯乙编钟', []], ['研学旅行：大洪山自然研学', [4, 5, 10]],
    ['研学旅行：擂鼓墩古墓群', [3, 4, 10, 11]], ['研学旅行：三潭风景区生态考察', [5, 9, 10]], ['研学旅行：淮河源头探源', [4, 5, 10]], ['暑期研学夏令营', [7, 8]],
  ],
  CLUB: [
    ['城乡少年宫社团联合展示', [5, 6, 12]], ['围棋社团交流赛', []], ['剪纸社团作品展', [1, 2, 12]], ['城乡少先队“手拉手”交流', [5, 6, 10]], ['足球社团联合训练营', [7, 8]],
  ],
  OTHER: [['城乡学生结对交流日', [3, 4, 9, 10, 11]], ['心理健康主题活动周', [5, 11]], ['“平安校园”安全教育活动', [3, 9]], ['“我的中国梦”主题演讲比赛', [10, 12]]],
};
