import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  assertSafeText,
  badInput,
  conflict,
  forbidden,
  groupedBy,
  notFound,
  paginate,
  chinaDay,
  chinaDayStart,
  EventBus,
  TransactionService,
  type Msg,
  type PageArgs,
  type RequestContext,
} from '#app/core';
import { IdentityService } from '#app/identity';
import { AccessService, Directory, escapeLike, GroupStatus, managesGroupSql } from '#app/organisation';
import { ResearchSessionFilter, ScheduleResearchSessionInput } from './dto/session.input';
import { Attendance, ResearchSession, ResearchSessionSchool, ResearchSessionTeacher } from './entities/research-session.entity';
import { SessionEvent } from './entities/session-event.entity';
import { ResearchSessionStatus, SessionEventType } from './enums';
import { SESSION_STATUS_ZH } from './status-names';
import { ResearchAccess } from './research-access';
import { enforceLiveRateLimit } from './live-rate-limits';
import { SessionEventsService } from './session-events.service';
import { SessionPlanLinks } from './session-plan-links';
import { checkSessionTimes, sessionDetails } from './session-details';
import { writeAttendance, writeInvitedSchools, writeInvitedTeachers, writeSessions, type SessionRow } from './research-rows';

export const MAX_TEXT = 2000;

@Injectable()
export class ResearchService {
  constructor(
    private readonly tx: TransactionService,
    private readonly access: ResearchAccess,
    private readonly orgAccess: AccessService,
    private readonly events: SessionEventsService,
    private readonly planLinks: SessionPlanLinks,
    private readonly identity: IdentityService,
    private readonly domainEvents: EventBus,
  ) {}

  async schedule(ctx: RequestContext, input: ScheduleResearchSessionInput): Promise<ResearchSession> {
    checkSessionTimes(input.startsAt, input.endsAt);
    const details = sessionDetails(input, input.mode);
    return this.tx.run(ctx, async (tx) => {
      const group = await Directory.group(tx, input.groupId);
      if (!group) throw notFound('School group', input.groupId);
      if (group.status !== GroupStatus.ACTIVE) throw conflict({ zh: '该共同体已解散', en: 'This group is dissolved' });
      const p = tx.user;
      const [{ allowed }] = await tx.em.query(
        `SELECT ($1 OR ${managesGroupSql('$2::uuid', '$3::uuid[]', '$4::uuid[]')} OR $5::uuid = ANY($6::uuid[])) AS allowed`,
        [p.isPlatformAdmin, group.id, p.regionIds, p.groupIds, input.hostSchoolId, p.schoolIds],
      );
      if (!allowed) throw forbidden({ zh: "只有共同体管理员和承办校管理员可以安排教研活动", en: "Only the group's managers and the host school's admins schedule its sessions" });
      const schoolIds = [...new Set([input.hostSchoolId, ...input.invitedSchoolIds])];
      // members on the session's day: today's members for what is still to come, the members of then for history
      const memberIds = await this.orgAccess.memberSchoolsOn(tx, group.id, schoolIds, chinaDay(input.startsAt));
      if (!memberIds.has(input.hostSchoolId)) throw badInput('hostSchoolId', { zh: '承办校须为本共同体的在册成员校', en: 'The host school must be an active member of the group' });
      const outsider = schoolIds.find((id) => !memberIds.has(id));
      if (outsider) throw badInput('invitedSchoolIds', { zh: `学校 ${outsider} 不是本共同体的在册成员校`, en: `School ${outsider} is not an active member of the group` });
      const teacherIds = [...new Set(input.invitedTeacherIds ?? [])];
      if (teacherIds.length) {
        const okIds = await this.orgAccess.groupTeachers(tx, group.id, teacherIds);
        const bad = teacherIds.find((id) => !okIds.has(id));
        if (bad) throw badInput('invitedTeacherIds', { zh: `教师 ${bad} 不在本共同体成员校任教`, en: `Teacher ${bad} does not teach at a member school of the group` });
      }
      const planIds = [...new Set(input.lessonPlanIds ?? [])];
      if (planIds.length) {
        const ok = await this.planLinks.linkable(tx, group.id, planIds);
        const bad = planIds.findIndex((id) => !ok.has(id));
        if (bad >= 0) throw badInput(`lessonPlanIds.${bad}`, { zh: `教案 ${planIds[bad]} 不是本共同体当前的集体教案`, en: `Lesson plan ${planIds[bad]} is not a current team plan of the group` });
      }
      const now = tx.now();
      const row: SessionRow = {
        id: tx.newId('research_session'),
        groupId: group.id,
        hostSchoolId: input.hostSchoolId,
        title: input.title,
        topic: input.topic ?? null,
        type: input.type,
        mode: input.mode,
        ...details,
        status: ResearchSessionStatus.SCHEDULED,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        agenda: (input.agenda ?? []).map((a) => ({ title: a.title, durationMinutes: a.durationMinutes ?? null, speaker: a.speaker ?? null })),
        agendaIndex: null,
        lessonPlanIds: planIds,
        minutes: null,
        cancelReason: null,
        startedAt: null,
        endedAt: null,
        cancelledAt: null,
        lastSeq: 0,
        createdBy: p.userId,
        createdAt: now,
        updatedAt: now,
      };
      await writeSessions(tx.em, [row]);
      const session = tx.em.create(ResearchSession, row);
      await writeInvitedSchools(tx.em, schoolIds.map((schoolId) => ({ id: tx.newId('research_session_school'), sessionId: session.id, schoolId })));
      await writeInvitedTeachers(tx.em, teacherIds.map((teacherId) => ({ id: tx.newId('research_session_teacher'), sessionId: session.id, teacherId })));
      await this.domainEvents.publish(tx, 'research.session.scheduled', {
        sessionId: session.id,
        groupId: group.id,
        title: row.title,
        sessionType: row.type,
        mode: row.mode,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        invitedSchoolIds: schoolIds,
        invitedTeacherIds: teacherIds,
      });
      return session;
    });
  }

  /** Loads and locks a session the caller may act on, in the caller's transaction. */
  private async locked(tx: RequestContext, id: string, need: 'view' | 'manage') {
    const access = await this.access.require(tx, id, need);
    const session = await tx.em.findOne(ResearchSession, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!session) throw notFound('Research session', id);
    return { session, access };
  }

  private requireStatus(session: ResearchSession, allowed: ResearchSessionStatus[], action: Msg) {
    if (!allowed.includes(session.status)) throw conflict({ zh: `无法${action.zh}：该教研活动当前为“${SESSION_STATUS_ZH[session.status]}”状态`, en: `Cannot ${action.en}: the session is ${session.status}` }, { status: session.status });
  }

  start(ctx: RequestContext, id: string): Promise<ResearchSession> {
    return this.tx.run(ctx, async (tx) => {
      const { session } = await this.locked(tx, id, 'manage');
      this.requireStatus(session, [ResearchSessionStatus.SCHEDULED], { zh: '开始', en: 'start' });
      session.status = ResearchSessionStatus.LIVE;
      session.startedAt = tx.now();
      session.agendaIndex = session.agenda.length ? 0 : null;
      await this.saveWithEvent(tx, session, SessionEventType.SESSION_STARTED, { agendaIndex: session.agendaIndex });
      return session;
    });
  }

  end(ctx: RequestContext, id: string, minutes?: string | null): Promise<ResearchSession> {
    if (minutes && minutes.length > 20000) throw badInput('minutes', { zh: '活动纪要最多 20000 字', en: 'minutes are at most 20,000 characters' });
    return this.tx.run(ctx, async (tx) => {
      const { session } = await this.locked(tx, id, 'manage');
      this.requireStatus(session, [ResearchSessionStatus.LIVE], { zh: '结束', en: 'end' });
      session.status = ResearchSessionStatus.ENDED;
      session.endedAt = tx.now();
      session.minutes = minutes ?? null;
      await this.saveWithEvent(tx, session, SessionEventType.SESSION_ENDED, { minutes: session.minutes });
      await this.publishEnded(tx, session);
      return session;
    });
  }

  cancel(ctx: RequestContext, id: string, reason: string): Promise<ResearchSession> {
    if (!reason?.trim()) throw badInput('reason', { zh: '请填写取消原因', en: 'Give a reason for cancelling' });
    if (reason.length > 1000) throw badInput('reason', { zh: '原因最多 1000 字', en: 'reason is at most 1,000 characters' });
    return this.tx.run(ctx, async (tx) => {
      const { session } = await this.locked(tx, id, 'manage');
      this.requireStatus(session, [ResearchSessionStatus.SCHEDULED, ResearchSessionStatus.LIVE], { zh: '取消', en: 'cancel' });
      session.status = ResearchSessionStatus.CANCELLED;
      session.cancelledAt = tx.now();
      session.cancelReason = reason;
      await this.saveWithEvent(tx, session, SessionEventType.SESSION_CANCELLED, { reason });
      return session;
    });
  }

  advanceAgenda(ctx: RequestContext, id: string, index?: number | null): Promise<ResearchSession> {
    return this.tx.run(ctx, async (tx) => {
      const { session } = await this.locked(tx, id, 'manage');
      this.requireStatus(session, [ResearchSessionStatus.LIVE], { zh: '推进议程', en: 'advance the agenda' });
      const next = index ?? (session.agendaIndex ?? -1) + 1;
      if (!Number.isInteger(next) || next < 0 || next >= session.agenda.length) {
        throw badInput('index', { zh: `议程共 ${session.agenda.length} 项（序号 0 至 ${session.agenda.length - 1}）`, en: `The agenda has ${session.agenda.length} items (0 to ${session.agenda.length - 1})` });
      }
      session.agendaIndex = next;
      await this.saveWithEvent(tx, session, SessionEventType.AGENDA_ADVANCED, { index: next, title: session.agenda[next].title });
      return session;
    });
  }

  checkIn(ctx: RequestContext, sessionId: string): Promise<Attendance> {
    return this.tx.run(ctx, async (tx) => {
      const { session, access } = await this.locked(tx, sessionId, 'view');
      if (!tx.user.teacherId || !access.invited) throw forbidden({ zh: '只有受邀教师可以签到', en: 'Only invited teachers check in' });
      if (session.status === ResearchSessionStatus.SCHEDULED) throw conflict({ zh: '活动开始后才能签到', en: 'Check-in opens when the session starts' });
      this.requireStatus(session, [ResearchSessionStatus.LIVE], { zh: '签到', en: 'check in' });
      if (await tx.em.existsBy(Attendance, { sessionId, teacherId: tx.user.teacherId })) throw conflict({ zh: '您已签到', en: 'You have already checked in' });
      return this.insertAttendance(tx, sessionId, tx.user.teacherId);
    });
  }

  /**
   * The session's managers record an invited teacher as present (a paper sign-in sheet, or history played at its
   * own time): while the session is live, once per teacher.
   */
  recordAttendance(ctx: RequestContext, sessionId: string, teacherId: string): Promise<Attendance> {
    return this.tx.run(ctx, async (tx) => {
      const { session } = await this.locked(tx, sessionId, 'manage');
      this.requireStatus(session, [ResearchSessionStatus.LIVE], { zh: '登记出席', en: 'record attendance' });
      if (!(await this.access.isInvited(tx, sessionId, teacherId))) throw badInput('teacherId', { zh: '只有受邀教师（受邀学校的教师或被点名邀请的教师）可以出席', en: 'Only invited teachers (of an invited school, or by name) attend' });
      if (await tx.em.existsBy(Attendance, { sessionId, teacherId })) throw conflict({ zh: '该教师已签到', en: 'This teacher has already checked in' });
      return this.insertAttendance(tx, sessionId, teacherId);
    });
  }

  private async insertAttendance(tx: RequestContext, sessionId: string, teacherId: string): Promise<Attendance> {
    const teacher = (await Directory.teacher(tx, teacherId))!;
    const row = { id: tx.newId('research_attendance'), sessionId, teacherId: teacher.id, schoolId: teacher.schoolId, checkedInAt: tx.now() };
    await writeAttendance(tx.em, [row]);
    const attendance = tx.em.create(Attendance, row);
    await this.events.append(tx, sessionId, SessionEventType.CHECKED_IN, { teacherId: teacher.id, name: teacher.name, schoolId: teacher.schoolId });
    return attendance;
  }

  /** Notes and chat: participants of a live session, size- and rate-limited per user across instances. */
  postText(ctx: RequestContext, sessionId: string, type: SessionEventType.NOTE_POSTED | SessionEventType.CHAT_MESSAGE, text: string): Promise<SessionEvent> {
    if (typeof text !== 'string' || !text.trim()) throw badInput('text', { zh: '内容不能为空', en: 'text must not be empty' });
    assertSafeText(text, 'text'); // socket.io text reaches no global pipe
    if (text.length > MAX_TEXT) throw badInput('text', { zh: `内容最多 ${MAX_TEXT} 字`, en: `text is at most ${MAX_TEXT} characters` });
    return this.tx.run(ctx, async (tx) => {
      const { session } = await this.locked(tx, sessionId, 'view');
      this.requireStatus(session, [ResearchSessionStatus.LIVE], { zh: '发言', en: 'post' });
      await enforceLiveRateLimit(tx, 'text');
      return this.events.append(tx, sessionId, type, { text, name: await this.displayName(tx) });
    });
  }

  hand(ctx: RequestContext, sessionId: string, raised: boolean): Promise<SessionEvent> {
    return this.tx.run(ctx, async (tx) => {
      const { session } = await this.locked(tx, sessionId, 'view');
      this.requireStatus(session, [ResearchSessionStatus.LIVE], raised ? { zh: '举手', en: 'raise a hand' } : { zh: '放下举手', en: 'lower a hand' });
      await enforceLiveRateLimit(tx, 'hand');
      return this.events.append(tx, sessionId, raised ? SessionEventType.HAND_RAISED : SessionEventType.HAND_LOWERED, { name: await this.displayName(tx) });
    });
  }

  async get(ctx: RequestContext, id: string): Promise<ResearchSession | null> {
    const session = await ctx.em.findOneBy(ResearchSession, { id });
    if (!session || !(await this.access.of(ctx, id)).view) return null; // hidden answers like unknown
    return session;
  }

  async list(ctx: RequestContext, filter: ResearchSessionFilter = {}, page: PageArgs) {
    const cond = this.access.viewableCondition(ctx, 1);
    const qb = ctx.em.createQueryBuilder(ResearchSession, 'rs');
    // the viewable condition uses positional parameters: inline them as named ones
    let sql = cond.sql;
    const params: Record<string, unknown> = {};
    cond.params.forEach((v, i) => {
      sql = sql.replaceAll(`$${i + 1}`, `:_scope${i}`);
      params[`_scope${i}`] = v;
    });
    qb.where(sql, params);
    if (filter.groupId) qb.andWhere('rs.group_id = :groupId', { groupId: filter.groupId });
    if (filter.schoolId) {
      qb.andWhere('(rs.host_school_id = :schoolId OR EXISTS (SELECT 1 FROM research_session_school z WHERE z.session_id = rs.id AND z.school_id = :schoolId))', {
        schoolId: filter.schoolId,
      });
    }
    if (filter.type) qb.andWhere('rs.type = :type', { type: filter.type });
    if (filter.subject) qb.andWhere('rs.subject = :subject', { subject: filter.subject });
    if (filter.grade) qb.andWhere('rs.grade = :grade', { grade: filter.grade });
    if (filter.search?.trim()) qb.andWhere(`(rs.title ILIKE :q ESCAPE '\\' OR rs.topic ILIKE :q ESCAPE '\\')`, { q: `%${escapeLike(filter.search.trim())}%` });
    if (filter.status) qb.andWhere('rs.status = :status', { status: filter.status });
    if (filter.from) qb.andWhere('rs.starts_at >= :from', { from: chinaDayStart(filter.from) });
    if (filter.to) qb.andWhere(`rs.starts_at < :to::timestamptz + interval '1 day'`, { to: chinaDayStart(filter.to) });
    return paginate(qb, page, { columns: ['rs.starts_at', 'rs.id'], values: (s) => [s.startsAt.toISOString(), s.id], descending: filter.newestFirst ?? false });
  }

  attendance(ctx: RequestContext, sessionId: string): Promise<Attendance[]> {
    return groupedBy<Attendance>(ctx, 'attendance', (ids) => ctx.em.find(Attendance, { where: { sessionId: In(ids) }, order: { checkedInAt: 'ASC' } }), (r) => r.sessionId).load(sessionId);
  }

  async invitedSchoolIds(ctx: RequestContext, sessionId: string): Promise<string[]> {
    const rows = await groupedBy<ResearchSessionSchool>(ctx, 'invitedSchools', (ids) => ctx.em.find(ResearchSessionSchool, { where: { sessionId: In(ids) } }), (r) => r.sessionId).load(sessionId);
    return rows.map((r) => r.schoolId);
  }

  async invitedTeacherIds(ctx: RequestContext, sessionId: string): Promise<string[]> {
    const rows = await groupedBy<ResearchSessionTeacher>(ctx, 'invitedTeachers', (ids) => ctx.em.find(ResearchSessionTeacher, { where: { sessionId: In(ids) } }), (r) => r.sessionId).load(sessionId);
    return rows.map((r) => r.teacherId);
  }

  /** An ended session's fact for the figures: the schools invited and the check-ins per school. */
  private async publishEnded(tx: RequestContext, session: ResearchSession) {
    const invited = await tx.em.find(ResearchSessionSchool, { where: { sessionId: session.id } });
    const checkins: { school_id: string; n: number }[] = await tx.em.query(
      `SELECT school_id, count(*)::int AS n FROM research_attendance WHERE session_id = $1 GROUP BY school_id`,
      [session.id],
    );
    await this.domainEvents.publish(tx, 'research.session.ended', {
      sessionId: session.id,
      groupId: session.groupId,
      sessionType: session.type,
      endedAt: session.endedAt!,
      invitedSchoolIds: invited.map((i) => i.schoolId),
      checkinsBySchool: checkins.map((r) => ({ schoolId: r.school_id, n: r.n })),
    });
  }

  private async saveWithEvent(tx: RequestContext, session: ResearchSession, type: SessionEventType, payload: Record<string, unknown>) {
    const event = await this.events.append(tx, session.id, type, payload);
    session.lastSeq = event.seq;
    await tx.em.save(session);
  }

  /** The caller's name as participants see it: the teacher's name, else the account's display name. */
  async displayName(tx: RequestContext): Promise<string> {
    const teacher = tx.user.teacherId ? await Directory.teacher(tx, tx.user.teacherId) : null;
    return teacher?.name ?? (await this.identity.me(tx)).displayName;
  }
}
