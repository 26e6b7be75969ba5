import { Injectable, type OnModuleInit } from '@nestjs/common';
import { chinaDayStart, EventBus, type DomainEvent, type DomainEventType, type RequestContext } from '#app/core';
import { Directory } from '#app/organisation';
import { ResearchSessions } from '#app/research';
import { NotificationKind } from './enums';
import { NotificationJobs } from './notification-jobs';
import { invitedTeachers, recipients } from './recipients';
import { NotificationsService } from './notifications.service';

/** A fact recorded at an instant this far behind the wall clock is history being played (an import, the demo): nobody is told. */
const PLAYED_HISTORY_MS = 60 * 60_000;
const HOUR = 3600_000;
/** Session reminders: how long before the start, and their kind. */
export const SESSION_REMINDERS = [
  { label: '24h', before: 24 * HOUR, kind: NotificationKind.SESSION_REMINDER_24H },
  { label: '1h', before: HOUR, kind: NotificationKind.SESSION_REMINDER_1H },
] as const;
/** An exchange's notice goes out at 08:00 China time on its first day. */
const EXCHANGE_NOTICE_MINUTES = 8 * 60;

/**
 * Who is told what, as in-transaction handlers of the owning contexts' domain events: the notifications (and the
 * jobs for later ones) commit or roll back with the fact.
 * - research.session.scheduled: the invited teachers (by name, and of the invited schools) — now, and 24 h and 1 h
 *   before the start (jobs keyed by session and start, see NotificationJobs);
 * - research.session.rescheduled: the invited teachers, and new reminders for the new start;
 * - mentoring.pair.requested: the side who must answer (read once they answered: mentoring.pair.answered);
 * - lesson-prep.plan.decided: the plan's authors (returned from review, or published);
 * - activity.exchange.recorded: the exchanged teacher, on the first day (a job).
 * Only teachers with an account hear anything; the actor is never told about their own act.
 */
@Injectable()
export class NotificationRules implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly notifications: NotificationsService,
    private readonly jobs: NotificationJobs,
  ) {}

  onModuleInit() {
    this.on('research.session.scheduled', async (tx, e) => {
      if (e.endsAt.getTime() <= e.at.getTime()) return; // a past session recorded: nothing to attend
      const users = await recipients(tx, await invitedTeachers(tx, e.invitedSchoolIds, e.invitedTeacherIds), e.actorUserId);
      const payload = { sessionId: e.sessionId, title: e.title, startsAt: e.startsAt.toISOString(), endsAt: e.endsAt.toISOString(), mode: e.mode };
      await this.notifications.notify(tx, users, NotificationKind.SESSION_INVITED, payload);
      await this.reminders(tx, e.sessionId, e.startsAt, e.at);
    });
    // moved: the invitees are told, and the reminders follow (those keyed by the old start are skipped when due)
    this.on('research.session.rescheduled', async (tx, e) => {
      const s = (await ResearchSessions.noticeFacts(tx, [e.sessionId])).get(e.sessionId);
      if (!s) return;
      const users = await recipients(tx, await invitedTeachers(tx, s.invitedSchoolIds, s.invitedTeacherIds), e.actorUserId);
      const payload = { sessionId: s.id, title: s.title, startsAt: e.startsAt.toISOString(), endsAt: e.endsAt.toISOString(), before: e.before.startsAt.toISOString() };
      await this.notifications.notify(tx, users, NotificationKind.SESSION_RESCHEDULED, payload);
      await this.reminders(tx, e.sessionId, e.startsAt, e.at);
    });
    this.on('mentoring.pair.requested', async (tx, e) => {
      const users = await recipients(tx, [e.answererTeacherId], e.actorUserId);
      if (!users.length) return;
      const names = await Directory.teachers(tx, [e.mentorTeacherId, e.apprenticeTeacherId]);
      await this.notifications.notify(tx, users, NotificationKind.MENTORING_REQUESTED, {
        pairId: e.pairId,
        subject: e.subject,
        mentorName: names.get(e.mentorTeacherId)?.name ?? null,
        apprenticeName: names.get(e.apprenticeTeacherId)?.name ?? null,
        proposedBy: e.proposedBy,
        answererRole: e.answererTeacherId === e.mentorTeacherId ? 'MENTOR' : 'APPRENTICE',
      });
    });
    // answered: the request no longer awaits the answerer, so its notification counts as read
    this.events.inTransaction('mentoring.pair.answered', (tx, e) => (e.actorUserId ? this.notifications.markAbout(tx, e.actorUserId, NotificationKind.MENTORING_REQUESTED, 'pairId', e.pairId) : Promise.resolve()));
    this.on('lesson-prep.plan.decided', async (tx, e) => {
      const users = await recipients(tx, e.authorTeacherIds, e.actorUserId);
      const kind = e.decision === 'RETURNED' ? NotificationKind.PLAN_RETURNED : NotificationKind.PLAN_PUBLISHED;
      await this.notifications.notify(tx, users, kind, { planId: e.planId, title: e.title, version: e.version, note: e.note });
    });
    this.on('activity.exchange.recorded', async (tx, e) => {
      const firstDay = chinaDayStart(e.startsOn);
      if (firstDay.getTime() + 24 * HOUR <= e.at.getTime()) return; // it started on an earlier day
      const schools = await Directory.schoolNames(tx, [e.fromSchoolId, e.toSchoolId]);
      await this.jobs.add(tx, NotificationKind.EXCHANGE_STARTING, chinaDayStart(e.startsOn, EXCHANGE_NOTICE_MINUTES), `exchange-start:${e.exchangeId}:${e.startsOn}`, {
        exchangeId: e.exchangeId,
        teacherId: e.teacherId,
        exchangeKind: e.exchangeKind,
        startsOn: e.startsOn,
        fromSchoolName: schools.get(e.fromSchoolId) ?? null,
        toSchoolName: schools.get(e.toSchoolId) ?? null,
      });
    });
  }

  /** The 24 h and 1 h reminders of a session starting at `startsAt`, those still to come at `now`. */
  private async reminders(tx: RequestContext, sessionId: string, startsAt: Date, now: Date) {
    for (const r of SESSION_REMINDERS) {
      const dueAt = new Date(startsAt.getTime() - r.before);
      if (dueAt.getTime() <= now.getTime()) continue; // too late for this reminder: the invitation says it
      await this.jobs.add(tx, r.kind, dueAt, `session-reminder:${r.label}:${sessionId}:${startsAt.toISOString()}`, { sessionId, startsAt: startsAt.toISOString() });
    }
  }

  private on<T extends DomainEventType>(type: T, handler: (tx: RequestContext, e: DomainEvent<T>) => Promise<void>) {
    this.events.inTransaction(type, async (tx, e) => {
      if (Date.now() - e.at.getTime() > PLAYED_HISTORY_MS) return;
      await handler(tx, e);
    });
  }
}
