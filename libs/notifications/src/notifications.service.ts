import { Injectable } from '@nestjs/common';
import { badInput, isUuid, LiveBus, paginate, type PageArgs, type RequestContext } from '#app/core';
import { Notification } from './entities/notification.entity';
import type { NotificationKind } from './enums';

/** Bus channel: "these notifications were stored" ({ n: [[userId, notificationId], …] }), pointers only. */
export const NOTIFICATION_CHANNEL = 'notification';
/** Pointers per bus message (a Postgres NOTIFY payload holds at most 8000 bytes). */
const POINTERS_PER_MESSAGE = 50;
export const MAX_MARK_IDS = 200;

export interface NotificationNotice {
  n: [string, string][];
}

/**
 * Stores notifications and answers their recipients. A notification is a row first (so an offline user sees it
 * later), then, once its transaction committed, a pointer on the LiveBus: every instance pushes it to that user's
 * sockets and subscriptions (NotificationDelivery). Only the recipient ever reads or marks a notification.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly bus: LiveBus) {}

  /** In the caller's transaction: one notification of `kind` for each account; announced once it commits. */
  async notify(tx: RequestContext, userIds: readonly string[], kind: NotificationKind, payload: Record<string, unknown>): Promise<string[]> {
    const users = [...new Set(userIds)];
    if (!users.length) return [];
    const rows: { id: string; user_id: string }[] = await tx.em.query(
      `INSERT INTO notification (id, user_id, kind, payload, created_at)
       SELECT gen_random_uuid(), u, $2, $3::jsonb, $4 FROM unnest($1::uuid[]) AS u RETURNING id, user_id`,
      [users, kind, JSON.stringify(payload), tx.now()],
    );
    const pointers = rows.map((r) => [r.user_id, r.id] as [string, string]);
    tx.afterCommit.push(async () => {
      for (let i = 0; i < pointers.length; i += POINTERS_PER_MESSAGE) {
        await this.bus.publish(NOTIFICATION_CHANNEL, { n: pointers.slice(i, i + POINTERS_PER_MESSAGE) } satisfies NotificationNotice);
      }
    });
    return rows.map((r) => r.id);
  }

  /** The caller's notifications, newest first. */
  list(ctx: RequestContext, page: PageArgs, unreadOnly = false) {
    const qb = ctx.em.createQueryBuilder(Notification, 'n').where('n.user_id = :me', { me: ctx.user.accountId });
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return paginate(qb, page, { columns: ['n.created_at', 'n.id'], values: (n) => [n.createdAt.toISOString(), n.id], descending: true });
  }

  async unreadCount(ctx: RequestContext): Promise<number> {
    const [row] = await ctx.em.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [ctx.user.accountId]);
    return row.n;
  }

  /**
   * Marks the caller's own notifications among `ids` read (once: a second call keeps the first time). Ids of other
   * users' notifications are answered like unknown ids: not touched, not returned, not told apart.
   */
  async markRead(ctx: RequestContext, ids: readonly string[]): Promise<Notification[]> {
    if (ids.length > MAX_MARK_IDS) throw badInput('ids', { zh: `一次最多标记 ${MAX_MARK_IDS} 条通知`, en: `Mark at most ${MAX_MARK_IDS} notifications at once` });
    const bad = ids.findIndex((id) => !isUuid(id));
    if (bad >= 0) throw badInput(`ids.${bad}`, { zh: '「ids」须为通知的 ID（UUID）', en: 'ids must be notification ids (UUID)' });
    const me = ctx.user.accountId;
    const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
    await ctx.em.query(`UPDATE notification SET read_at = $3 WHERE id = ANY($1::uuid[]) AND user_id = $2 AND read_at IS NULL`, [wanted, me, ctx.now()]);
    return ctx.em
      .createQueryBuilder(Notification, 'n')
      .where('n.id = ANY(:ids::uuid[]) AND n.user_id = :me', { ids: wanted, me })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .getMany();
  }

  /** In the caller's transaction: marks the user's unread notifications of `kind` about `payload[key] = value` read. */
  async markAbout(tx: RequestContext, userId: string, kind: NotificationKind, key: string, value: string): Promise<void> {
    await tx.em.query(`UPDATE notification SET read_at = $5 WHERE user_id = $1 AND kind = $2 AND payload->>$3 = $4 AND read_at IS NULL`, [userId, kind, key, value, tx.now()]);
  }

  /** Notifications by id, oldest first (what a delivery pushes). */
  byIds(ctx: RequestContext, ids: readonly string[]): Promise<Notification[]> {
    if (!ids.length) return Promise.resolve([]);
    return ctx.em.createQueryBuilder(Notification, 'n').where('n.id = ANY(:ids::uuid[])', { ids: [...ids] }).orderBy('n.created_at', 'ASC').addOrderBy('n.id', 'ASC').getMany();
  }
}
