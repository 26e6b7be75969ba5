import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chooseOption, submitDialog, type PageWatch } from '../support/browser';
import { demoWeb } from '../support/demo-web';
import type { TestApp } from '../support/test-app';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
const SESSIONS = `query($f: ResearchSessionFilter) { researchSessions(first: 20, filter: $f) { edges { node { id title startsAt status } } } }`;
const SESSION = `query($id: ID!) { researchSession(id: $id) { status attendance { teacher { id } school { id } } events(first: 100) { type actorTeacherId payload } } }`;
const PLAN = `query($id: ID!) { lessonPlan(id: $id) { id kind title content version adaptedFrom { version plan { id } } adoptions { adaptationId taughtOn className reflection teacher { id } school { id } } } }`;
const PAIRS = `query($f: MentoringPairFilter) { mentoringPairs(first: 50, filter: $f) { edges { node { id status subject activatedOn mentor { id name } apprentice { id name } } } } }`;
const PAIR = `query($id: ID!) { mentoringPair(id: $id) { activities { kind occurredOn notes loggedByTeacherId } } }`;

/**
 * A teacher's week in the browser, end to end (issue 14): 陈雨萱 (`teacher2@`), a new teacher at the rural member school
 * 三河小学, finds an upcoming research session she is invited to, waits on its page until the manager starts it, joins
 * the live room, chats and checks in; finds a published plan by a Chinese phrase, adapts it (二次备课) and records the
 * lesson she taught from it (同上课); logs a lesson observation and feedback for her mentoring pair. Every step is
 * checked through the API as well. What the demo may lack (an upcoming session for her, an active pair) is made
 * through the API first, as a manager would.
 */
describe('web app: a teacher’s week, end to end', () => {
  let web: Awaited<ReturnType<typeof demoWeb>>;
  let t: TestApp;
  let tokens: Record<string, string>;
  let w: PageWatch;
  let me: { id: string; name: string; subjects: string[]; school: { id: string; name: string } };
  let groupId: string;
  const nav = (name: string) => w.page.getByRole('menu').getByRole('link', { name, exact: true });

  beforeAll(async () => {
    web = await demoWeb(['manager', 'teacher', 'teacher2']);
    ({ t, tokens } = web);
    me = (await t.ok(`{ me { teacher { id name subjects school { id name } } } }`, {}, tokens.teacher2)).me.teacher;
    const roles = (await t.ok(`{ me { roles { role scopeId } } }`, {}, tokens.manager)).me.roles;
    groupId = roles.find((r: any) => r.role === 'GROUP_MANAGER').scopeId;
    w = await web.open('teacher2');
  }, 120_000);
  afterAll(async () => {
    await web?.stop();
  });

  /** The first upcoming session of the group she is invited to (on the page's first page); scheduled by the manager if the demo has none. */
  async function upcomingSession(): Promise<{ id: string; title: string }> {
    const listed = (await t.ok(SESSIONS, { f: { status: 'SCHEDULED', groupId } }, tokens.teacher2)).researchSessions.edges.map((e: any) => e.node);
    const ahead = listed.find((s: any) => Date.parse(s.startsAt) > Date.now());
    if (ahead) return ahead;
    const group = (await t.ok(`query($g: ID!) { schoolGroup(id: $g) { leadSchoolId } }`, { g: groupId }, tokens.manager)).schoolGroup;
    const day = addDays(today(), 1);
    const input = {
      groupId,
      hostSchoolId: group.leadSchoolId,
      title: '四年级语文“神话单元”城乡联合教研',
      topic: '乡村小班的朗读与复述',
      type: 'JOINT_RESEARCH',
      mode: 'HYBRID',
      startsAt: `${day}T01:00:00.000Z`,
      endsAt: `${day}T03:00:00.000Z`,
      invitedSchoolIds: [me.school.id],
      invitedTeacherIds: [me.id],
      agenda: [{ title: '说课', durationMinutes: 20, speaker: '周文华' }, { title: '评课议课' }],
    };
    return (await t.ok(`mutation($i: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $i) { id title } }`, { i: input }, tokens.manager)).scheduleResearchSession;
  }

  /** Her active mentoring pair; the manager proposes one with 周文华 and he accepts, if the demo has none. */
  async function activePair(): Promise<{ id: string; mentor: { id: string; name: string } }> {
    const mine = (await t.ok(PAIRS, { f: { teacherId: me.id, status: 'ACTIVE' } }, tokens.teacher2)).mentoringPairs.edges.map((e: any) => e.node);
    const pair = mine.find((p: any) => p.apprentice.id === me.id);
    if (pair) return pair;
    const mentor = (await t.ok(`{ me { teacher { id name subjects } } }`, {}, tokens.teacher)).me.teacher;
    const subject = me.subjects.find((s) => mentor.subjects.includes(s));
    expect(subject).toBeDefined();
    const input = { groupId, mentorTeacherId: mentor.id, apprenticeTeacherId: me.id, subject, goals: ['站稳讲台'] };
    const { id } = (await t.ok(`mutation($i: RequestMentorshipInput!) { requestMentorship(input: $i) { id } }`, { i: input }, tokens.manager)).requestMentorship;
    await t.ok(`mutation($id: ID!) { respondToMentorship(pairId: $id, accept: true) { status } }`, { id }, tokens.teacher);
    return { id, mentor };
  }

  it('finds an upcoming session she is invited to, joins its live room once the manager starts it, chats and checks in', async () => {
    const session = await upcomingSession();
    await w.page.goto(`${t.url}/`);
    await nav('教研活动').click();
    await w.page.waitForURL(/\/sessions/);
    await w.page.getByText('即将开始', { exact: true }).click();
    await w.page.getByRole('combobox', { name: '共同体' }).click();
    await w.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '随县炎帝学校教联体' }).first().click();
    await w.page.waitForURL(/status=SCHEDULED/);
    await w.page.waitForURL(/group=/);
    const link = w.page.getByRole('link', { name: session.title, exact: true });
    await link.waitFor();
    await w.shot('week-sessions-upcoming');
    await link.click();
    await w.page.getByRole('heading', { name: session.title }).waitFor();
    await w.page.getByText('待开始').first().waitFor();
    expect(await w.page.getByRole('button', { name: '签到' }).count()).toBe(0); // check-in opens when it starts
    expect(await w.page.getByRole('button', { name: '开始活动' }).count()).toBe(0); // a teacher does not run it
    await w.shot('week-session-scheduled');

    // the manager starts it (through the API): her page opens the room by itself, no reload
    await t.ok(`mutation($id: ID!) { startResearchSession(id: $id) { status } }`, { id: session.id }, tokens.manager);
    await w.page.locator('[data-testid=live-status][data-status=live]').waitFor({ timeout: 15_000 });
    const feed = w.page.getByTestId('live-feed');
    await feed.getByText(`${me.name} 进入`).waitFor();
    await w.page.getByTestId('participants').getByText(me.name).waitFor();

    const text = `我是三河小学的${me.name}，我们班只有十二个学生，朗读环节想请教分组的办法。`;
    await w.page.getByRole('textbox', { name: '发言' }).fill(text);
    await w.page.getByRole('button', { name: '发送' }).click();
    await feed.getByText(text).waitFor();
    expect(await w.page.getByRole('textbox', { name: '发言' }).inputValue()).toBe('');
    await w.page.getByRole('button', { name: '签到' }).click();
    await w.page.getByRole('button', { name: '已签到' }).waitFor();
    await feed.getByText(`${me.name} 签到`, { exact: true }).waitFor();
    await w.page.getByRole('cell', { name: me.name, exact: true }).waitFor(); // the attendance table
    await w.shot('week-live-room');

    const s = (await t.ok(SESSION, { id: session.id }, tokens.manager)).researchSession;
    expect(s.status).toBe('LIVE');
    expect(s.attendance).toContainEqual({ teacher: { id: me.id }, school: { id: me.school.id } });
    expect(s.events).toContainEqual(expect.objectContaining({ type: 'CHAT_MESSAGE', actorTeacherId: me.id, payload: expect.objectContaining({ text }) }));
    expect(s.events.filter((e: any) => e.type === 'CHECKED_IN' && e.payload.teacherId === me.id)).toHaveLength(1);
  }, 180_000);

  it('finds a published plan by a Chinese phrase, adapts it (二次备课) and records the lesson she taught (同上课)', async () => {
    await nav('集体备课').click();
    await w.page.waitForURL(/\/plans/);
    await w.page.getByPlaceholder('搜索课题或内容').fill('分数的意义');
    await w.page.getByRole('button', { name: '搜索' }).click();
    await w.page.waitForURL(/q=/);
    const found = w.page.getByRole('link', { name: '分数的意义', exact: true });
    await found.waitFor();
    await w.page.locator('.ant-spin-blur').waitFor({ state: 'detached' }); // the search's results, not the list's
    await w.shot('week-plans-search');
    await found.click();
    await w.page.getByRole('heading', { name: '分数的意义' }).waitFor();
    const sourceId = new URL(w.page.url()).pathname.split('/')[2];
    const source = (await t.ok(PLAN, { id: sourceId }, tokens.teacher2)).lessonPlan;

    // 二次备课: her own copy of the published version, then her changes for a small rural class
    await w.page.getByRole('button', { name: '二次备课' }).click();
    await w.page.waitForURL((u) => u.pathname.startsWith('/plans/') && !u.pathname.endsWith(sourceId));
    await w.page.getByText('二次备课自：').waitFor();
    const adaptationId = new URL(w.page.url()).pathname.split('/')[2];
    await w.page.getByRole('tab', { name: '修改' }).click();
    const content = w.page.getByRole('textbox', { name: '教学过程' });
    const mine = `${await content.inputValue()}\n\n## 小班调整（三河小学）\n全班 12 人分成 3 组，每组用一张纸条折出“单位1”。`;
    await content.fill(mine);
    await w.page.getByRole('textbox', { name: '修改说明' }).fill('按乡村小班调整小组活动');
    await w.page.getByRole('button', { name: '保存新版本' }).click();
    await w.page.getByText(/已保存为第 \d+ 版/).waitFor();
    await w.shot('week-adaptation-saved');
    const adaptation = (await t.ok(PLAN, { id: adaptationId }, tokens.teacher2)).lessonPlan;
    expect(adaptation).toMatchObject({ kind: 'ADAPTATION', content: mine, adaptedFrom: { plan: { id: sourceId } } });
    expect(adaptation.version).toBeGreaterThan(1);

    // 同上课: where (her school), when (yesterday), her class and reflection
    const taughtOn = addDays(today(), -1);
    await w.page.getByRole('tab', { name: /使用记录/ }).click();
    await w.page.getByRole('button', { name: '记录上课' }).click();
    const dialog = w.page.getByRole('dialog');
    const date = dialog.getByLabel('上课日期');
    await date.click();
    await date.fill(taughtOn);
    await date.press('Enter');
    await dialog.getByText('记录上课').first().click(); // closes the calendar
    await dialog.getByText(me.school.name).first().waitFor(); // where: her school, chosen already
    await dialog.getByLabel('班级（如 五(2)班）').fill('五(1)班');
    const reflection = '小组折纸后，学生能说出“把一个整体平均分”的意思；个别学生仍把“单位1”理解成一个物体。';
    await dialog.getByLabel('教后反思').fill(reflection);
    await submitDialog(w, '保存', '上课记录已保存', 'week-adoption-dialog');
    await w.page.getByRole('cell', { name: '五(1)班' }).waitFor();
    await w.page.getByRole('cell', { name: reflection }).waitFor();
    await w.shot('week-adoption-recorded');
    const adoptions = (await t.ok(PLAN, { id: sourceId }, tokens.teacher2)).lessonPlan.adoptions;
    expect(adoptions.length).toBe(source.adoptions.length + 1);
    expect(adoptions).toContainEqual({ adaptationId, taughtOn, className: '五(1)班', reflection, teacher: { id: me.id }, school: { id: me.school.id } });
  }, 180_000);

  it('logs a lesson observation and her feedback for her mentoring pair', async () => {
    const pair = await activePair();
    await nav('师徒结对').click();
    await w.page.waitForURL(/\/mentoring/);
    const card = w.page.getByTestId('pair').filter({ hasText: `${pair.mentor.name}（师傅）` }).filter({ hasText: '结对中' });
    await card.getByText('我是徒弟').waitFor();
    const log = async (kind: '听课' | '评课', notes: string) => {
      await card.getByRole('button', { name: '记录活动' }).click();
      const dialog = w.page.getByRole('dialog');
      await dialog.getByText('听课').waitFor(); // a lesson observation unless changed
      if (kind !== '听课') {
        // a click while the dialog still zooms in can land beside the moving dropdown: chooseOption picks again
        await chooseOption(w.page, dialog.getByLabel('类型'), kind, dialog.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: kind }).first(), { exact: true });
        await w.page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
      }
      await dialog.getByLabel('记录内容').fill(notes);
      await submitDialog(w, '保存', '活动已记录', kind === '评课' ? 'week-mentoring-feedback-dialog' : undefined);
      await card.getByText(notes).waitFor();
    };
    const observed = `听${pair.mentor.name}老师《分数的意义》：用折纸引出“单位1”，提问层层递进。`;
    const feedback = '反馈：我的课导入太长，师傅建议把复习压到三分钟，把时间留给小组操作。';
    await log('听课', observed);
    await log('评课', feedback);
    await w.shot('week-mentoring-logged');
    const activities = (await t.ok(PAIR, { id: pair.id }, tokens.teacher2)).mentoringPair.activities;
    expect(activities).toContainEqual({ kind: 'LESSON_OBSERVATION', occurredOn: today(), notes: observed, loggedByTeacherId: me.id });
    expect(activities).toContainEqual({ kind: 'FEEDBACK', occurredOn: today(), notes: feedback, loggedByTeacherId: me.id });
  }, 120_000);
});
