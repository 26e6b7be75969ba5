import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { consortiumWorld, type ConsortiumWorld } from './support/consortium-world';
import { LiveClient, type LiveEvent } from './support/live-client';
import { ADAPT, ADD_MEMBER, COMMENT, CONTENT_V2, CREATE_PLAN, CREATE_TEAM, field, formTeam, PUBLISH, publishedPlan, REMOVE_MEMBER, REVIEW, SUBMIT, teamInput, UPDATE_PLAN } from './support/lesson-prep';
import { codeOf, TestApp } from './support/test-app';

/** Collective lesson preparation, live: plan events over graphql-ws, checked per event, into a linked session's room; archiving. */

describe('collective lesson preparation (集体备课): plan events, archive', () => {
  let t: TestApp;
  let w: ConsortiumWorld;
  let teamId: string;
  let planId: string;
  const sockets: LiveClient[] = [];
  const wsClients: Client[] = [];
  beforeAll(async () => {
    t = await TestApp.start();
    w = await consortiumWorld(t);
    // the story as lesson-prep-adaptations.e2e-spec.ts leaves it: version 6 published, the colleague not in the team
    teamId = await formTeam(t, w);
    const edits = [{ content: CONTENT_V2 }, { objectives: '理解单位“1”（修改）' }, { content: CONTENT_V2 + '\n板书：分数的意义' }, { unit: '第四单元' }, { content: CONTENT_V2 + '\n板书：分数的意义\n作业：课本第46页' }];
    planId = await publishedPlan(t, w, teamId, edits);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all(wsClients.map((c) => c.dispose()));
    await t?.stop();
  });

  describe('live', () => {
    const subscribe = (token: string, id: string) => {
      const client = createClient({ url: t.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
      wsClients.push(client);
      const got: any[] = [];
      const errors: any[] = [];
      client.subscribe(
        { query: `subscription($id: ID!) { lessonPlanEvents(planId: $id) { planId type version status commentId actorUserId } }`, variables: { id } },
        { next: (m) => (m.errors ? errors.push(m.errors) : got.push(m.data!.lessonPlanEvents)), error: (e) => errors.push(e), complete: () => undefined },
      );
      return { got, errors };
    };
    const until = async (what: () => boolean, label: string) => {
      for (let i = 0; i < 500 && !what(); i++) await new Promise((r) => setTimeout(r, 20));
      if (!what()) throw new Error(`timed out waiting for ${label}`);
    };
    /** Comments on the published version until the subscriber sees one: from then on, it is attached. */
    /**
     * Comments on the published version until the subscriber sees an event: from then on, it is attached. Every
     * subscriber of the plan gets these probes too, at its own pace (access is checked per event), so the
     * assertions below look at `seen(sub)`, the events other than probes.
     */
    const probes = new Set<string>();
    const attach = async (sub: { got: any[] }, token: string, version: number) => {
      for (let i = 0; i < 50 && !sub.got.length; i++) {
        probes.add((await t.ok(COMMENT, { i: { planId, version, text: `连接确认 ${i}` } }, token)).commentOnLessonPlan.id);
        await until(() => sub.got.length > 0, 'the first event').catch(() => undefined);
      }
      expect(sub.got.length).toBeGreaterThan(0);
    };
    const seen = (sub: { got: any[] }) => sub.got.filter((e) => !probes.has(e.commentId));

    it('streams plan changes: the team sees everything, readers what concerns published versions, outsiders nothing', async () => {
      const team = subscribe(w.preparer.token, planId);
      const reader = subscribe(w.reader.token, planId);
      await attach(team, w.preparer.token, 6);
      await attach(reader, w.reader.token, 6);

      const v = (await t.ok(UPDATE_PLAN, { id: planId, v: 6, i: { objectives: '理解分数的意义，会用分数表示' } }, w.leader.token)).updateLessonPlan.version;
      const c = (await t.ok(COMMENT, { i: { planId, version: v, text: '目标改得好' } }, w.preparer.token)).commentOnLessonPlan;
      await t.ok(SUBMIT, { id: planId }, w.preparer.token);
      await t.ok(REVIEW, { id: planId, ok: true }, w.leader.token);
      await t.ok(PUBLISH, { id: planId }, w.leader.token);
      await until(() => seen(team).length >= 5 && seen(reader).length >= 1, 'the events');
      expect(seen(team).map((e) => [e.type, e.version, e.status])).toEqual([
        ['PLAN_UPDATED', 7, 'DRAFT'],
        ['COMMENT_ADDED', 7, 'DRAFT'],
        ['STATUS_CHANGED', 7, 'IN_REVIEW'],
        ['STATUS_CHANGED', 7, 'APPROVED'],
        ['STATUS_CHANGED', 7, 'PUBLISHED'],
      ]);
      expect(seen(team)[0].actorUserId).toBe(w.leader.userId);
      expect(seen(team)[1].commentId).toBe(c.id);
      expect(seen(reader).map((e) => [e.type, e.version, e.status])).toEqual([['STATUS_CHANGED', 7, 'PUBLISHED']]);

      const outsider = subscribe(w.outsider.token, planId);
      await until(() => outsider.errors.length > 0, 'the refusal');
      expect(JSON.stringify(outsider.errors)).toContain('NOT_FOUND'); // hidden: answered like an unknown id
    });

    it('stops sending draft events to a member who left the team (access is checked per event)', async () => {
      await t.ok(ADD_MEMBER, { team: teamId, t: w.colleague.id }, w.leader.token);
      const sub = subscribe(w.colleague.token, planId);
      await attach(sub, w.colleague.token, 7);
      await t.ok(UPDATE_PLAN, { id: planId, v: 7, i: { unit: '第四单元 分数的意义和性质（修订）' } }, w.leader.token);
      await until(() => seen(sub).length >= 1, 'the draft event while a member');
      expect(seen(sub).map((e) => e.type)).toEqual(['PLAN_UPDATED']);
      await t.ok(REMOVE_MEMBER, { team: teamId, t: w.colleague.id }, w.leader.token);
      await t.ok(UPDATE_PLAN, { id: planId, v: 8, i: { unit: '第四单元 分数的意义和性质' } }, w.leader.token); // a draft event: no longer theirs
      await t.ok(COMMENT, { i: { planId, version: 7, text: '发布版的评论' } }, w.reader.token); // on the published version: still theirs
      await until(() => seen(sub).length >= 2, 'the published event');
      expect(seen(sub).map((e) => [e.type, e.version])).toEqual([
        ['PLAN_UPDATED', 8],
        ['COMMENT_ADDED', 9],
      ]);
    });

    it('reaches the room of a live collective-preparation session the plan is linked to', async () => {
      const session = {
        groupId: w.group.id,
        hostSchoolId: w.lead.id,
        title: '五年级数学集体备课：分数的意义',
        type: 'COLLECTIVE_PREP',
        mode: 'ONLINE',
        startsAt: '2027-03-02T06:00:00.000Z',
        endsAt: '2027-03-02T08:00:00.000Z',
        invitedSchoolIds: [w.member.id],
      };
      const SCHEDULE = `mutation($i: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $i) { id lessonPlans { id } } }`;
      const foreign = (await t.ok(CREATE_TEAM, { i: { ...teamInput(w), groupId: w.otherGroup.id, leaderTeacherId: w.farTeacher.id, memberTeacherIds: [] } }, w.otherManager.token)).createLessonPrepTeam;
      const foreignPlan = (await t.ok(CREATE_PLAN, { i: { teamId: foreign.id, title: '分数的意义', content: '广水' } }, w.farTeacher.token)).createLessonPlan;
      const bad = await t.gql(SCHEDULE, { i: { ...session, lessonPlanIds: [planId, foreignPlan.id] } }, w.manager.token);
      expect([codeOf(bad), field(bad)]).toEqual(['BAD_USER_INPUT', 'lessonPlanIds.1']);
      const s = (await t.ok(SCHEDULE, { i: { ...session, lessonPlanIds: [planId] } }, w.manager.token)).scheduleResearchSession;
      expect(s.lessonPlans).toEqual([{ id: planId }]);
      await t.ok(`mutation($id: ID!) { startResearchSession(id: $id) { status } }`, { id: s.id }, w.manager.token);

      const room = await LiveClient.connect(t.url, w.preparer.token);
      sockets.push(room);
      expect((await room.request('session:join', { sessionId: s.id, afterSeq: 0 })).ok).toBe(true);
      await t.ok(UPDATE_PLAN, { id: planId, v: 9, i: { keyPoints: '重点：分数的意义；难点：单位“1”的理解' } }, w.leader.token);
      const events = await room.waitFor((es) => es.some((e) => e.type === 'LESSON_PLAN_EVENT'));
      const e = events.find((x: LiveEvent) => x.type === 'LESSON_PLAN_EVENT')!;
      expect(e.payload).toMatchObject({ planId, event: 'PLAN_UPDATED', version: 10, status: 'DRAFT', title: '分数的意义' });
      // the event is in the session's log, in order with the rest
      const [logged] = await t.sql(`SELECT count(*)::int AS n FROM session_event WHERE session_id = $1 AND type = 'LESSON_PLAN_EVENT'`, [s.id]);
      expect(logged.n).toBe(1);
    });
  });

  describe('archive', () => {
    it('is for the leader or a group manager; an archived plan is read-only', async () => {
      expect(codeOf(await t.gql(`mutation($id: ID!) { archiveLessonPlan(id: $id) { status } }`, { id: planId }, w.preparer.token))).toBe('FORBIDDEN');
      expect((await t.ok(`mutation($id: ID!) { archiveLessonPlan(id: $id) { status } }`, { id: planId }, w.manager.token)).archiveLessonPlan.status).toBe('ARCHIVED');
      const frozen = await t.gql(UPDATE_PLAN, { id: planId, v: 10, i: { title: '归档后' } }, w.leader.token);
      expect(codeOf(frozen)).toBe('CONFLICT');
      expect(codeOf(await t.gql(ADAPT, { id: planId }, w.colleague.token))).toBe('CONFLICT');
      expect((await t.sql(`SELECT version FROM lesson_plan WHERE id = $1`, [planId]))[0].version).toBe(10);
    });
  });
});
