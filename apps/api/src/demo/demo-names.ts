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
