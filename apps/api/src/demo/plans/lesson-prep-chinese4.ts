import { LessonPlanSection } from '#app/lesson-prep';
import { FEATURED_RURAL_SCHOOL } from './kit';
import { PrepStory, edit, linesOf } from './lesson-prep';

/** 随县炎帝学校教联体 · 四年级语文集体备课组 (周文华, 陈雨萱): the comment threads and a plan returned with a note. */
export function chinese4Story({ rec, plan, ix, group, pick, as, manager, userOf, text, SMARTEDU, featured, lead }: PrepStory): void {
  // ----- 随县炎帝学校教联体 · 四年级语文集体备课组 (周文华, 陈雨萱) -----
  const zhou = ix.teacherById.get(plan.refs.famousTeacherId)!;
  const chen = ix.teacherById.get(plan.refs.newTeacherId)!;
  const wangReviewer = pick(lead, '语文', 'senior', zhou);
  const syChinese = pick('随县实验小学', '语文', 'senior');
  const ljChinese = pick('随县厉山镇雷家畈小学', '语文', 'senior');
  const shChinese = pick(FEATURED_RURAL_SCHOOL, '语文', 'junior', chen);
  const chinese4 = rec.team({
    group: featured,
    name: '四年级语文集体备课组',
    subject: '语文',
    grade: '四年级',
    formed: '2026-08-28 10:00',
    createdBy: manager.userId,
    leader: zhou,
    reviewer: wangReviewer,
    members: [
      [zhou, '2026-08-28 10:00'],
      [wangReviewer, '2026-08-28 10:00'],
      [syChinese, '2026-08-28 10:00'],
      [ljChinese, '2026-08-28 10:00'],
      [chen, '2026-08-28 10:00'],
      [shChinese, '2026-08-28 10:00'],
    ],
  });

  const tide = rec.create(
    'chinese4:观潮',
    chinese4,
    '2026-08-29 09:00',
    as(syChinese),
    text(
      '观潮',
      '四年级上册 第一单元',
      ['1. 认识“潮、称”等生字，会写“宽、阔”等字。', '2. 有感情地朗读课文，背诵第3、4自然段。', '3. 边读边想象画面，感受钱塘江大潮的雄伟壮观。'],
      ['- 重点：边读边想象画面，感受大潮的壮观。', '- 难点：体会作者按时间顺序描写大潮的方法。'],
      [
        '## 教学过程',
        '### 一、导入',
        '“八月十八潮，壮观天下无。”引出课题，板书“观潮”。',
        '',
        '### 二、初读课文',
        '1. 自由读课文，读准字音，读通句子。',
        '2. 默读思考：课文是按什么顺序写钱塘江大潮的？',
        '',
        '### 三、精读感悟',
        '1. 抓住“闷雷滚动”“白线”“水墙”“战马”等词语，想象大潮来时的画面。',
        '2. 指导朗读第3、4自然段。',
        '',
        '### 四、总结',
        '说一说你印象最深的画面。',
      ],
    ),
  );
  rec.update(
    tide,
    '2026-08-31 16:00',
    as(zhou),
    (p) => ({
      content: edit(p.content, [
        ['2. 指导朗读第3、4自然段。', '2. 朗读指导：按“潮来前、潮来时、潮头过后”三个层次读，读出由远及近、由静到动的变化。'],
      ]),
    }),
    '朗读指导改为“潮来前、潮来时、潮头过后”三个层次',
  );
  rec.update(
    tide,
    '2026-09-01 21:30',
    as(chen),
    () => ({ resources: [{ title: '钱塘江大潮视频（国家中小学智慧教育平台）', url: SMARTEDU }] }),
    '补充钱塘江大潮的视频资源',
  );
  rec.submit(tide, '2026-09-02 07:50', as(zhou));
  rec.review(tide, '2026-09-02 12:10', as(wangReviewer), true, '同意发布。');
  rec.publish(tide, '2026-09-02 12:30', as(zhou));
  const tideChen = rec.adapt('chinese4:观潮:二次备课:三河小学', tide, '2026-09-03 20:00', as(chen));
  rec.update(
    tideChen,
    '2026-09-04 21:30',
    as(chen),
    (p) => ({
      content: edit(p.content, [
        ['### 二、初读课文', '### 二、看一看\n班上的孩子都没见过大潮，先看3分钟钱塘江大潮视频，说说看到了什么、听到了什么。\n\n### 三、初读课文'],
        ['### 三、精读感悟', '### 四、精读感悟'],
        ['### 四、总结', '### 五、总结'],
        ['2. 朗读指导：', '2. 分小组朗读（每组读一个层次），再全班合作读。朗读指导：'],
      ]),
    }),
    '二次备课：学生没见过大潮，先看视频再读课文；朗读分小组进行',
  );
  rec.adopt(tide, '2026-09-07', syChinese, '四(2)班', '三个层次的朗读设计让学生读出了大潮由远及近的变化。');
  rec.adopt(tideChen, '2026-09-08', chen, '四年级', '先看视频再读，孩子们一下子就有了画面感。分小组朗读时有两个小组读得不齐，下次先练再展示。');
  rec.adopt(tide, '2026-09-08', ljChinese, '四(1)班', '背诵第3、4自然段时，借助板书的时间顺序，学生背得比较快。');
  rec.adopt(tide, '2026-09-09', zhou, '四(3)班', '“白线—水墙—战马”的比喻层层递进，可以让学生仿照写一写。');
  const tideNotice = rec.comment(tide, '2026-09-10 16:00', manager, 3, '《观潮》已有4所学校完成同上课，其余成员校请在9月18日前登记。');
  rec.comment(tide, '2026-09-10 17:20', as(zhou), 3, '收到，组内已提醒各校。', { replyTo: tideNotice });

  const pangu = rec.create(
    'chinese4:盘古开天地',
    chinese4,
    '2026-09-28 15:00',
    as(ljChinese),
    text(
      '盘古开天地',
      '四年级上册 第四单元 神话',
      ['1. 认识“劈、浊”等生字，会写“翻、浊”等字。', '2. 了解课文的起因、经过和结果，能按顺序讲述故事。', '3. 感受神话故事神奇的想象，体会盘古的献身精神。'],
      ['- 重点：按起因、经过、结果讲述故事。', '- 难点：感受神话中神奇的想象。'],
      [
        '## 教学过程',
        '### 一、导入',
        '你知道天地是怎么来的吗？古人对此有一个神奇的想象。',
        '',
        '### 二、初读课文',
        '1. 读准“劈、浊、缓缓”等字词。',
        '2. 理清脉络：天地混沌—开天辟地—顶天立地—化生万物。',
        '',
        '### 三、精读感悟',
        '1. 找出描写盘古动作的词语，感受开天辟地的艰难。',
        '2. 读第4自然段，说说盘古的身体变成了什么，体会神奇的想象。',
        '',
        '### 四、讲故事',
        '同桌互讲盘古开天地的故事。',
      ],
    ),
  );
  rec.update(
    pangu,
    '2026-09-30 10:30',
    as(zhou),
    (p) => ({
      content: edit(p.content, [
        ['你知道天地是怎么来的吗？古人对此有一个神奇的想象。', '出示“混沌”的图片，直接揭题。'],
        ['同桌互讲盘古开天地的故事。', '借助“天地混沌—开天辟地—顶天立地—化生万物”四个词语，同桌互讲故事，再请两名学生上台讲。'],
      ]),
    }),
    '精简导入，给讲故事环节提供支架',
  );
  rec.submit(pangu, '2026-09-30 11:00', as(ljChinese));
  rec.review(pangu, '2026-10-08 09:00', as(wangReviewer), true);
  rec.publish(pangu, '2026-10-08 09:10', as(zhou));
  rec.adopt(pangu, '2026-10-13', ljChinese, '四(1)班', '四个词语的支架很好用，多数学生能完整地讲出故事。');
  rec.adopt(pangu, '2026-10-14', syChinese, '四(2)班', '学生对“化生万物”的想象很感兴趣，可以延伸到续编故事。');
  rec.adopt(pangu, '2026-10-15', shChinese, '四年级', '乡村孩子讲故事比较紧张，上台讲的环节时间不够，建议改为看图讲。');
  rec.update(
    pangu,
    '2026-10-27 19:00',
    as(ljChinese),
    (p) => ({
      content: edit(p.content, [['借助“天地混沌—开天辟地—顶天立地—化生万物”四个词语，同桌互讲故事，再请两名学生上台讲。', '出示四幅插图，看图讲故事：先同桌互讲，再请两名学生上台讲。']]),
    }),
    '根据同上课的反思：讲故事改为看图讲，降低难度',
  );

  const rise = rec.create(
    'chinese4:为中华之崛起而读书',
    chinese4,
    '2026-11-09 16:00',
    as(zhou),
    text(
      '为中华之崛起而读书',
      '四年级上册 第七单元',
      ['1. 认识“崛、晰”等生字，理解“中华不振”等词语的意思。', '2. 把握课文主要内容，了解周恩来立志的经过。', '3. 体会少年周恩来的远大志向，说说自己为什么读书。'],
      ['- 重点：了解周恩来立下“为中华之崛起而读书”志向的经过。', '- 难点：理解少年周恩来立志的原因。'],
      [
        '## 教学过程',
        '### 一、导入',
        '出示周恩来的照片，说说你了解的周恩来。',
        '',
        '### 二、初读课文',
        '1. 读准字音，读通句子。',
        '2. 课文写了哪几件事？用小标题概括。',
        '',
        '### 三、精读感悟',
        '1. 读伯父的话，理解“中华不振”。',
        '2. 读租界里的见闻，说说周恩来看到了什么、想到了什么。',
        '3. 读修身课上的对话，体会“为中华之崛起而读书”的分量。',
        '',
        '### 四、联系自己',
        '我们为什么读书？写一写自己的想法。',
      ],
    ),
  );
  rec.update(
    rise,
    '2026-11-11 20:40',
    as(wangReviewer),
    (p) => ({
      content: edit(p.content, [['1. 读伯父的话，理解“中华不振”。', '1. 读伯父的话，理解“中华不振”。\n   补充时代背景：二十世纪初的中国，外国列强在中国的土地上划定租界。']]),
    }),
    '补充时代背景资料',
  );
  const riseLines = rec.comment(rise, '2026-11-12 19:30', as(chen), 2, '这两行的时代背景，对乡村四年级的学生有点难，能不能配一段三分钟左右的视频或几张老照片？', {
    anchor: linesOf(rise.content, '1. 读伯父的话', '补充时代背景'),
  });
  rec.comment(rise, '2026-11-12 21:05', as(zhou), 2, '好建议，我在下一版里加上老照片和一段纪录片片段，你看看合不合适。', { replyTo: riseLines });
  rec.update(
    rise,
    '2026-11-13 20:15',
    as(zhou),
    (p) => ({
      content: edit(p.content, [['外国列强在中国的土地上划定租界。', '外国列强在中国的土地上划定租界。\n   出示三张老照片和一段2分钟的纪录片片段，帮助学生理解“中华不振”。']]),
      resources: [{ title: '纪录片片段：少年周恩来（国家中小学智慧教育平台）', url: SMARTEDU }],
    }),
    '按陈雨萱老师的建议补充老照片和纪录片片段',
  );
  rec.resolve(rise, riseLines, '2026-11-13 21:00', as(chen));
  rec.comment(rise, '2026-11-14 08:20', as(chen), 3, '教学目标第3条“说说自己为什么读书”，能不能改成课后写一段话？课堂上时间可能不够。', { anchor: { section: LessonPlanSection.OBJECTIVES } });
  rec.submit(rise, '2026-11-16 07:40', as(zhou));

  const wangrong = rec.create(
    'chinese4:王戎不取道旁李',
    chinese4,
    '2026-11-12 20:30',
    as(chen),
    text(
      '王戎不取道旁李',
      '四年级上册 第八单元',
      ['1. 认识“戎、尝”等生字，会写“戎、尝、诸”等字。', '2. 正确、流利地朗读课文，背诵课文。', '3. 借助注释理解课文意思，用自己的话讲讲这个故事。', '4. 学习王戎善于观察、善于推理的品质。'],
      [
        '- 重点：借助注释理解课文意思。',
        '- 重点：正确、流利地朗读课文并背诵。',
        '- 难点：理解王戎的推理过程。',
        '- 难点：用自己的话讲故事。',
        '- 难点：体会文言文的语言特点。',
      ],
      [
        '## 教学过程',
        '### 一、导入',
        '出示“世说新语”，介绍这本书。',
        '',
        '### 二、读通课文',
        '1. 教师范读，学生跟读。',
        '2. 自由读，读准“尝、竞、折”的字音。',
        '',
        '### 三、理解课文',
        '1. 对照注释，说说每句话的意思。',
        '2. 王戎为什么不去摘李子？',
        '',
        '### 四、背诵',
        '练习背诵课文。',
      ],
    ),
  );
  const wangKey = rec.comment(wangrong, '2026-11-13 21:10', as(zhou), 1, '重难点写得太多了，文言文的第一课时抓住“读通、读懂”就够了，其他的放到第二课时。', {
    anchor: { section: LessonPlanSection.KEY_POINTS },
  });
  rec.comment(wangrong, '2026-11-13 21:40', as(chen), 1, '好的师傅，我精简一下，朗读这块我再想想怎么设计。', { replyTo: wangKey });
  rec.update(
    wangrong,
    '2026-11-16 20:50',
    as(chen),
    (p) => ({
      keyPoints: '- 重点：正确、流利地朗读课文，读出停顿。\n- 难点：借助注释理解课文意思，讲清王戎是怎样推断的。',
      content: edit(p.content, [['2. 自由读，读准“尝、竞、折”的字音。', '2. 自由读，读准“尝、竞、折”的字音。\n3. 划分朗读节奏：王戎/七岁，尝/与诸小儿/游。看/道边李树/多子/折枝。']]),
    }),
    '按师傅的意见精简重难点，增加朗读节奏划分',
  );
  rec.resolve(wangrong, wangKey, '2026-11-16 21:00', as(zhou));
  rec.submit(wangrong, '2026-11-17 07:30', as(chen));
  rec.review(
    wangrong,
    '2026-11-18 12:20',
    as(wangReviewer),
    false,
    '朗读节奏的设计很好。请在“理解课文”部分补充“借助注释理解句意”的学法指导，课后练习再加一道“说说王戎是怎样推断的”，修改后再提交。',
  );
}
