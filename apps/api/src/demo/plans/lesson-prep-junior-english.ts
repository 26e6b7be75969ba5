import { PrepStory, edit } from './lesson-prep';

/** 随县实验初级中学教联体 · 七年级语文集体备课组: an archived plan, a published one, an adaptation. */
export function juniorChineseStory({ rec, plan, ix, group, pick, as, manager, userOf, text, SMARTEDU, featured, lead }: PrepStory): void {
  // ----- 随县实验初级中学教联体 · 七年级语文集体备课组 -----
  const juniorGroup = group('随县实验初级中学教联体');
  const jLead = '随县实验初级中学';
  const zhaoLeader = pick(jLead, '语文', 'senior');
  const jSecond = pick(jLead, '语文', 'senior', zhaoLeader);
  const xiaolin = pick('随县小林镇初级中学', '语文', 'senior');
  const yindian = pick('随县殷店镇初级中学', '语文', 'senior');
  const gaochengReviewer = pick('随县高城镇初级中学', '语文', 'senior');
  const gaocheng = pick('随县高城镇初级中学', '语文', 'junior', gaochengReviewer);
  const wanheNew = pick('随县万和镇初级中学', '语文', 'junior');
  const chinese7 = rec.team({
    group: juniorGroup,
    name: '七年级语文集体备课组',
    subject: '语文',
    grade: '七年级',
    formed: '2025-08-29 14:30',
    createdBy: null,
    leader: zhaoLeader,
    reviewer: gaochengReviewer,
    members: [
      [zhaoLeader, '2025-08-29 14:30'],
      [jSecond, '2025-08-29 14:30'],
      [xiaolin, '2025-08-29 14:30'],
      [yindian, '2025-08-29 14:30'],
      [gaocheng, '2025-08-29 14:30'],
      [wanheNew, '2026-09-07 16:00'],
    ],
  });
  const winter = rec.create(
    'chinese7:济南的冬天:2025',
    chinese7,
    '2025-09-08 16:00',
    as(xiaolin),
    text(
      '济南的冬天',
      '七年级上册 第一单元',
      ['1. 有感情地朗读课文，品味生动、准确的写景语言。', '2. 把握济南冬天“温晴”的特点。', '3. 体会作者对济南冬天的喜爱之情。'],
      ['- 重点：品味比喻、拟人等修辞的表达效果。', '- 难点：体会情景交融的写法。'],
      [
        '## 教学过程',
        '### 一、导入',
        '说说你印象中的冬天是什么样子的。',
        '',
        '### 二、整体感知',
        '济南的冬天有什么特点？找出文中的关键句。',
        '',
        '### 三、品读赏析',
        '1. 小山“摇篮”的比喻好在哪里？',
        '2. 读“水墨画”一段，体会作者的喜爱之情。',
        '',
        '### 四、拓展',
        '仿写一段家乡冬天的景色。',
      ],
    ),
  );
  rec.update(
    winter,
    '2025-09-10 19:00',
    as(zhaoLeader),
    (p) => ({ content: edit(p.content, [['### 四、拓展', '### 四、比较阅读\n与《春》对照，说说两篇文章写景方法的异同。\n\n### 五、拓展']]) }),
    '增加与《春》的比较阅读',
  );
  rec.submit(winter, '2025-09-10 19:10', as(zhaoLeader));
  rec.review(winter, '2025-09-11 08:00', as(gaochengReviewer), true, '同意。');
  rec.publish(winter, '2025-09-11 08:30', as(zhaoLeader));
  rec.adopt(winter, '2025-09-15', xiaolin, '七(1)班', '“摇篮”的比喻学生体会得比较好，仿写时间不够，改为课后作业。');
  rec.adopt(winter, '2025-09-16', yindian, '七(2)班', '比较阅读环节学生能说出《春》是动态描写、本文多用静态描写。');
  rec.adopt(winter, '2025-09-17', gaocheng, '七(3)班', '朗读指导还可以加强，学生读得比较平。');
  rec.archive(winter, '2026-08-31 17:30', as(zhaoLeader));

  const spring = rec.create(
    'chinese7:春',
    chinese7,
    '2026-08-25 09:00',
    as(jSecond),
    text(
      '春',
      '七年级上册 第一单元',
      ['1. 重视朗读，读出节奏、画面和情感。', '2. 品味课文生动形象的语言。', '3. 感受作者对春天的赞美之情。'],
      ['- 重点：有感情地朗读，品味语言。', '- 难点：理解“盼春、绘春、赞春”的结构和作者的情感。'],
      [
        '## 教学过程',
        '### 一、导入',
        '背诵一句描写春天的古诗，引出课题。',
        '',
        '### 二、整体感知',
        '默读课文，按“盼春、绘春、赞春”理清结构。',
        '',
        '### 三、品读“绘春”',
        '1. 作者描绘了哪几幅春景图？给每幅图取个名字。',
        '2. 找出你最喜欢的句子，说说好在哪里。',
        '',
        '### 四、朗读',
        '指导学生有感情地朗读全文。',
      ],
    ),
  );
  rec.update(
    spring,
    '2026-08-27 20:00',
    as(zhaoLeader),
    (p) => ({ content: edit(p.content, [['指导学生有感情地朗读全文。', '分三层指导朗读：读出节奏（停顿、重音）—读出画面（边读边想象）—读出情感（盼、绘、赞的语气变化）。']]) }),
    '朗读指导改为“读出节奏、读出画面、读出情感”三层',
  );
  rec.update(
    spring,
    '2026-08-28 15:30',
    as(gaocheng),
    (p) => ({ content: `${p.content}\n\n### 五、写作练习\n仿照“春草图”的写法，写一段家乡的春景，100字左右。` }),
    '补充课后写作练习：仿写一段家乡的春景',
  );
  rec.submit(spring, '2026-08-28 15:40', as(jSecond));
  rec.review(spring, '2026-08-31 09:00', as(gaochengReviewer), true, '三层朗读的设计清楚，同意发布。');
  rec.publish(spring, '2026-08-31 09:30', as(zhaoLeader));
  rec.adopt(spring, '2026-09-02', jSecond, '七(1)班', '三层朗读层次分明，学生读出了“盼春”的急切。');
  rec.adopt(spring, '2026-09-03', xiaolin, '七(2)班', '给春景图取名字的活动学生参与度高。');
  rec.adopt(spring, '2026-09-03', gaocheng, '七(4)班', '写作练习留到课后，第二天交上来的仿写质量不错。');
  rec.adopt(spring, '2026-09-04', yindian, '七(1)班', '品读句子时学生多停留在“用了比喻”，要引导说出表达效果。');
  const springZhao = rec.adapt('chinese7:春:二次备课:万和镇初级中学', spring, '2026-09-08 19:00', as(wanheNew));
  rec.update(
    springZhao,
    '2026-09-09 21:00',
    as(wanheNew),
    (p) => ({ content: edit(p.content, [['### 四、朗读', '### 四、朗读\n班上学生朗读基础弱，先听范读、再跟读，最后分组读。']]) }),
    '二次备课：增加范读和跟读',
  );
  rec.adopt(springZhao, '2026-09-10', wanheNew, '七(1)班', '第一次独立上这篇课文，范读和跟读之后学生敢读了；时间把握不好，写作练习没来得及布置。');

  const garden = rec.create(
    'chinese7:从百草园到三味书屋',
    chinese7,
    '2026-10-12 16:00',
    as(yindian),
    text(
      '从百草园到三味书屋',
      '七年级上册 第三单元',
      ['1. 理清文章思路，把握百草园和三味书屋两部分的内容。', '2. 品味百草园景物描写的语言。', '3. 体会作者对童年生活的怀念。'],
      ['- 重点：学习景物描写的方法。', '- 难点：理解两部分之间的联系和作者的情感。'],
      [
        '## 教学过程',
        '### 一、导入',
        '你的童年乐园在哪里？',
        '',
        '### 二、整体感知',
        '文章写了哪两个地方？分别写了哪些事？',
        '',
        '### 三、品读百草园',
        '1. 朗读“不必说……也不必说……单是……”一段，分析写景的顺序和感官描写。',
        '2. 雪地捕鸟一段用了哪些动词？',
        '',
        '### 四、总结',
        '作者对百草园和三味书屋的感情一样吗？',
      ],
    ),
  );
  rec.update(
    garden,
    '2026-10-14 20:30',
    as(zhaoLeader),
    (p) => ({
      content: edit(p.content, [['### 四、总结', '### 四、对比\n列表对比百草园和三味书屋：环境、活动、心情。\n\n### 五、总结']]),
    }),
    '增加百草园与三味书屋的对比表格',
  );
  rec.submit(garden, '2026-10-14 20:40', as(yindian));
  rec.review(garden, '2026-10-15 12:00', as(gaochengReviewer), true);
  rec.publish(garden, '2026-10-15 12:10', as(zhaoLeader));
  rec.adopt(garden, '2026-10-19', xiaolin, '七(2)班', '对比表格帮助学生理清了两部分的关系。');
  rec.adopt(garden, '2026-10-20', yindian, '七(1)班', '雪地捕鸟一段的动词分析效果好，学生能说出“扫、支、撒、系、拉”的准确。');

  const analects = rec.create(
    'chinese7:论语十二章',
    chinese7,
    '2026-11-10 16:20',
    as(gaocheng),
    text(
      '《论语》十二章',
      '七年级上册 第三单元',
      ['1. 积累文言词语，疏通文意。', '2. 理解孔子关于学习和修身的观点。', '3. 熟读成诵。'],
      ['- 重点：积累文言词语，理解文意。', '- 难点：联系实际理解孔子的学习观。'],
      ['## 教学过程', '### 一、导入', '介绍孔子和《论语》。', '', '### 二、诵读', '读准字音和节奏。', '', '### 三、理解', '分组借助注释翻译，交流难句。'],
    ),
  );
  rec.update(
    analects,
    '2026-11-17 21:10',
    as(wanheNew),
    (p) => ({ content: `${p.content}\n\n### 四、联系生活\n“学而时习之”：说说你是怎样复习的，举一个生活中的例子。` }),
    '补充“学而时习之”的生活化例子',
  );
}

/** 曾都区实验小学教育集团 · 三年级英语集体备课组. */
export function englishStory({ rec, plan, ix, group, pick, as, manager, userOf, text, SMARTEDU, featured, lead }: PrepStory): void {
  // ----- 曾都区实验小学教育集团 · 三年级英语集体备课组 -----
  const eduGroup = group('曾都区实验小学教育集团');
  const guoLeader = pick('曾都区编钟小学', '英语', 'senior');
  const leadEnglish = pick('曾都区实验小学', '英语', 'senior');
  const eastEnglish = pick('曾都区实验小学东城校区', '英语', 'senior');
  const hedianEnglish = pick('曾都区何店镇中心小学', '英语', 'senior');
  const fuheEnglish = pick('曾都区府河镇中心小学', '英语', 'senior');
  const english3 = rec.team({
    group: eduGroup,
    name: '三年级英语集体备课组',
    subject: '英语',
    grade: '三年级',
    formed: '2026-09-02 16:00',
    createdBy: null,
    leader: guoLeader,
    members: [
      [guoLeader, '2026-09-02 16:00'],
      [leadEnglish, '2026-09-02 16:00'],
      [eastEnglish, '2026-09-02 16:00'],
      [hedianEnglish, '2026-09-02 16:00'],
      [fuheEnglish, '2026-09-02 16:00'],
    ],
  });
  const animals = rec.create(
    'english3:Unit 3',
    english3,
    '2026-10-09 16:30',
    as(leadEnglish),
    text(
      'Unit 3 Amazing animals（Part A Let’s talk）',
      '三年级上册 Unit 3 Amazing animals',
      ['1. 能听懂、会说 What’s this? It’s a … 询问和介绍动物。', '2. 能认读 cat、dog、duck、pig 等动物单词。', '3. 愿意了解和保护动物。'],
      ['- 重点：句型 What’s this? It’s a …', '- 难点：a 与 an 的区分。'],
      [
        '## Teaching procedures',
        '### Step 1 Warm-up',
        'Sing the song “Old MacDonald had a farm”.',
        '',
        '### Step 2 Presentation',
        '1. 出示动物剪影，猜一猜：What’s this?',
        '2. 学习对话，跟读模仿语音语调。',
        '',
        '### Step 3 Practice',
        '两人一组用动物卡片问答。',
        '',
        '### Step 4 Homework',
        '给家人介绍三种动物。',
      ],
    ),
  );
  rec.update(
    animals,
    '2026-10-12 19:20',
    as(guoLeader),
    (p) => ({ content: edit(p.content, [['两人一组用动物卡片问答。', '1. 两人一组用动物卡片问答。\n2. TPR 游戏：老师说动物名称，学生做出动物的动作。']]) }),
    '增加 TPR 动作游戏',
  );
  rec.update(
    animals,
    '2026-10-13 20:00',
    as(eastEnglish),
    () => ({
      resources: [
        { title: '动物单词卡片（PDF）', url: SMARTEDU },
        { title: '歌曲 Old MacDonald had a farm', url: SMARTEDU },
      ],
    }),
    '补充动物卡片和歌曲资源',
  );
  rec.submit(animals, '2026-10-13 20:10', as(leadEnglish));
  rec.review(animals, '2026-10-14 12:30', as(guoLeader), true, '同意发布。');
  rec.publish(animals, '2026-10-14 12:35', as(guoLeader));
  rec.adopt(animals, '2026-10-19', guoLeader, '三(2)班', 'TPR 游戏把课堂气氛带动起来了，a 和 an 仍需专项练习。');
  rec.adopt(animals, '2026-10-20', eastEnglish, '三(1)班', '动物剪影猜一猜的导入效果好，学生开口率高。');
  rec.adopt(animals, '2026-10-21', hedianEnglish, '三(3)班', '乡镇学生词汇基础弱，跟读环节多留了5分钟。');
  rec.adopt(animals, '2026-10-22', leadEnglish, '三(1)班', '对话表演环节学生很投入，可以增加小组展示。');
  const plants = rec.create(
    'english3:Unit 4',
    english3,
    '2026-11-02 16:00',
    as(hedianEnglish),
    text(
      'Unit 4 Plants around us（Part A Let’s learn）',
      '三年级上册 Unit 4 Plants around us',
      ['1. 能听、说、认读 tree、flower、grass 等植物单词。', '2. 能用 I see … 描述身边的植物。'],
      ['- 重点：植物单词的认读。', '- 难点：flower 的发音。'],
      [
        '## Teaching procedures',
        '### Step 1 Warm-up',
        'Free talk: What can you see in our school?',
        '',
        '### Step 2 Presentation',
        '出示植物图片，学习单词。',
        '',
        '### Step 3 Practice',
        'I see … 句型接龙。',
      ],
    ),
  );
  rec.update(
    plants,
    '2026-11-04 19:00',
    as(guoLeader),
    (p) => ({ content: edit(p.content, [['出示植物图片，学习单词。', '带学生到校园里认识真实的植物，边看边学单词（雨天改用图片）。']]) }),
    'Let’s learn 部分改为实物教学',
  );
  rec.submit(plants, '2026-11-04 19:10', as(hedianEnglish));
  rec.review(plants, '2026-11-05 08:00', as(guoLeader), true);
  rec.publish(plants, '2026-11-05 08:05', as(guoLeader));
  rec.adopt(plants, '2026-11-09', hedianEnglish, '三(1)班', '在校园里上课，学生对 tree、flower 记得特别牢。');
  rec.adopt(plants, '2026-11-10', guoLeader, '三(2)班', '实物教学课堂纪律要提前约定，下次先分好小组。');
  const colours = rec.create(
    'english3:Unit 5',
    english3,
    '2026-11-12 16:30',
    as(eastEnglish),
    text(
      'Unit 5 The colourful world（Part A）',
      '三年级上册 Unit 5 The colourful world',
      ['1. 能听、说、认读 red、yellow、green、blue 等颜色单词。', '2. 能用 What colour is it? It’s … 问答颜色。'],
      ['- 重点：颜色单词和问答句型。', '- 难点：colour 的拼写。'],
      ['## Teaching procedures', '### Step 1 Warm-up', 'Sing a colour song.', '', '### Step 2 Presentation', '用彩色铅笔学习颜色单词。', '', '### Step 3 Practice', 'What colour is it? 猜颜色游戏。'],
    ),
  );
  rec.update(colours, '2026-11-16 20:00', as(guoLeader), (p) => ({ content: `${p.content}\n\n### Step 4 Homework\n画一幅彩色的画，用英语介绍它的颜色。` }), '补充作业设计');
  rec.submit(colours, '2026-11-17 08:00', as(eastEnglish));
}
