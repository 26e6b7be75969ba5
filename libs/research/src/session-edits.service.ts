import { Injectable } from '@nestjs/common';
import { assertSafeText, badInput, conflict, EventBus, notFound, TransactionService, type RequestContext } from '#app/core';
import { Directory, type Teacher } from '#app/organisation';
import { UpdateResearchSessionInput } from './dto/session.input';
import { ResearchSession, SessionMinutesVersion } from './entities/research-session.entity';
import { ResearchSessionStatus } from './enums';
import { SESSION_STATUS_ZH } from './status-names';
import { ResearchAccess } from './research-access';
import { writeMinutes } from './research-rows';
import { checkSessionTimes, sessionDetails } from './session-details';

const MAX_MINUTES = 20000;

/**
 * The everyday changes to a session by those who run it: before it starts, its time (改期), place, meeting link,
 * subject, grade, title and agenda; after it ended, corrections of its minutes (the history is kept). And who was
 * invited by name but did not check in.
 */
@Injectable()
export class SessionEditsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly access: ResearchAccess,
    private readonly events: EventBus,
  ) {}

  private async locked(tx: RequestContext, id: string): Promise<ResearchSession> {
    await this.access.require(tx, id, 'manage');
    const session = await tx.em.findOne(ResearchSession, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!session) throw notFound('Research session', id);
    return session;
  }

  /** Changes a SCHEDULED session; what the input leaves out stays. A new time is still to come. */
  update(ctx: RequestContext, input: UpdateResearchSessionInput): Promise<ResearchSession> {
    const { sessionId, agenda, startsAt, endsAt, ...rest } = input;
    if (!Object.values({ ...rest, agenda, startsAt, endsAt }).some((v) => v !== undefined)) throw badInput('sessionId', { zh: '没有需要修改的内容', en: 'Nothing to change' });
    return this.tx.run(ctx, async (tx) => {
      const s = await this.locked(tx, sessionId);
      if (s.status !== ResearchSessionStatus.SCHEDULED) throw conflict({ zh: `只有未开始的教研活动可以修改安排：该活动当前为“${SESSION_STATUS_ZH[s.status]}”状态`, en: `Only a session not yet started changes: this one is ${s.status}` }, { status: s.status });
      const before = { startsAt: s.startsAt, endsAt: s.endsAt };
      // a new start keeps the length unless a new end is given
      const start = startsAt ?? s.startsAt;
      const end = endsAt ?? (startsAt ? new Date(start.getTime() + (s.endsAt.getTime() - s.startsAt.getTime())) : s.endsAt);
      checkSessionTimes(start, end);
      if (startsAt && startsAt <= tx.now()) throw badInput('startsAt', { zh: '教研活动只能改到尚未到来的时间', en: 'A session is moved to a time still to come' });
      const mode = rest.mode ?? s.mode;
      const pick = <K extends 'subject' | 'grade' | 'location' | 'meetingUrl'>(k: K) => (rest[k] === undefined ? s[k] : rest[k]);
      Object.assign(s, sessionDetails({ subject: pick('subject'), grade: pick('grade'), location: pick('location'), meetingUrl: pick('meetingUrl') }, mode));
      if (rest.title !== undefined) s.title = rest.title;
      if (rest.topic !== undefined) s.topic = rest.topic?.trim() || null;
      if (agenda) s.agenda = agenda.map((a) => ({ title: a.title, durationMinutes: a.durationMinutes ?? null, speaker: a.speaker ?? null }));
      Object.assign(s, { mode, startsAt: start, endsAt: end, updatedAt: tx.now() });
      await tx.em.save(s);
      if (start.getTime() !== before.startsAt.getTime() || end.getTime() !== before.endsAt.getTime()) {
        await this.events.publish(tx, 'research.session.rescheduled', { sessionId: s.id, groupId: s.groupId, startsAt: start, endsAt: end, before });
      }
      return s;
    });
  }

  /** Replaces the minutes of an ENDED session; every earlier text stays in its history (minutesHistory). */
  correctMinutes(ctx: RequestContext, sessionId: string, minutes: string): Promise<ResearchSession> {
    if (!minutes?.trim()) throw badInput('minutes', { zh: '请填写更正后的活动纪要', en: 'Give the corrected minutes' });
    if (minutes.length > MAX_MINUTES) throw badInput('minutes', { zh: '活动纪要最多 20000 字', en: 'minutes are at most 20,000 characters' });
    assertSafeText('minutes', minutes);
    return this.tx.run(ctx, async (tx) => {
      const s = await this.locked(tx, sessionId);
      if (s.status !== ResearchSessionStatus.ENDED) throw conflict({ zh: `活动结束后才能更正纪要：该活动当前为“${SESSION_STATUS_ZH[s.status]}”状态`, en: `Minutes are corrected after the session ended: this one is ${s.status}` }, { status: s.status });
      if (s.minutes === minutes) throw badInput('minutes', { zh: '纪要内容与现有的相同', en: 'These are the minutes already' });
      const history = await this.history(tx, s);
      const rows = history.filter((h) => h.fromSession).map(({ fromSession: _, ...h }) => h);
      const next = history.length + 1;
      await writeMinutes(tx.em, [...rows, { sessionId, version: next, minutes, writtenBy: tx.user.userId, writtenAt: tx.now() }]);
      Object.assign(s, { minutes, updatedAt: tx.now() });
      await tx.em.save(s);
      return s;
    });
  }

  /** The minutes' versions, oldest first; the text written at the end is version 1 even before any correction. */
  async minutesHistory(ctx: RequestContext, session: ResearchSession): Promise<SessionMinutesVersion[]> {
    return (await this.history(ctx, session)).map(({ fromSession: _, ...h }) => Object.assign(new SessionMinutesVersion(), h));
  }

  private async history(ctx: RequestContext, s: ResearchSession) {
    const stored = await ctx.em.find(SessionMinutesVersion, { where: { sessionId: s.id }, order: { version: 'ASC' } });
    if (stored.length || s.status !== ResearchSessionStatus.ENDED) return stored.map((v) => ({ ...v, fromSession: false }));
    // no correction yet: the session's own minutes, as written when it ended
    return [{ sessionId: s.id, version: 1, minutes: s.minutes, writtenBy: null, writtenAt: s.endedAt!, fromSession: true }];
  }

  /** Teachers invited by name who did not check in (缺席), for those who run the session, once it started. */
  async absentees(ctx: RequestContext, session: ResearchSession): Promise<Teacher[]> {
    const a = await this.access.of(ctx, session.id);
    if (!a.manage || session.status === ResearchSessionStatus.SCHEDULED || session.status === ResearchSessionStatus.CANCELLED) return [];
    const rows: { teacher_id: string }[] = await ctx.em.query(
      `SELECT x.teacher_id FROM research_session_teacher x WHERE x.session_id = $1
          AND NOT EXISTS (SELECT 1 FROM research_attendance a WHERE a.session_id = x.session_id AND a.teacher_id = x.teacher_id)`,
      [session.id],
    );
    const teachers = await Directory.teachers(ctx, rows.map((r) => r.teacher_id));
    return [...teachers.values()].sort((x, y) => x.name.localeCompare(y.name, 'zh-CN'));
  }
}
