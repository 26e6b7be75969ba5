import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { LiveBus, queueIterator, RequestContext } from '#app/core';
import type { Notification } from './entities/notification.entity';
import { NOTIFICATION_CHANNEL, NotificationsService, type NotificationNotice } from './notifications.service';

/** One receiver of a user's notifications on this instance: a socket, or a `notificationAdded` subscription. */
export type NotificationListener = (n: Notification) => void;

/**
 * Pushes stored notifications to this instance's listeners: on every pointer from the LiveBus (from any instance,
 * its own included) it reads, from the table, only the notifications of users who listen here. A pointer lost with
 * a dropped LISTEN connection is not replayed live: the notification is stored, and the list shows it.
 */
@Injectable()
export class NotificationDelivery implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('NotificationDelivery');
  private readonly listeners = new Map<string, Set<NotificationListener>>();
  private subscription?: Subscription;

  constructor(
    private readonly bus: LiveBus,
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit() {
    this.subscription = this.bus.on<NotificationNotice>(NOTIFICATION_CHANNEL).subscribe((m) => void this.deliver(m));
  }

  onModuleDestroy() {
    this.subscription?.unsubscribe();
  }

  attach(userId: string, listener: NotificationListener): () => void {
    if (!this.listeners.has(userId)) this.listeners.set(userId, new Set());
    this.listeners.get(userId)!.add(listener);
    return () => {
      const set = this.listeners.get(userId);
      set?.delete(listener);
      if (set && !set.size) this.listeners.delete(userId);
    };
  }

  /** A GraphQL subscription's stream of the user's new notifications. */
  stream(userId: string): AsyncIterableIterator<Notification> {
    return queueIterator<Notification>((push) => ({ stop: this.attach(userId, (n) => push([n])) }));
  }

  localListenerCount(): number {
    let n = 0;
    for (const s of this.listeners.values()) n += s.size;
    return n;
  }

  private async deliver(m: NotificationNotice) {
    const ids = (Array.isArray(m?.n) ? m.n : []).filter(([u]) => this.listeners.has(u)).map(([, id]) => id);
    if (!ids.length) return;
    try {
      const rows = await this.notifications.byIds(new RequestContext(this.dataSource.manager, null), ids);
      for (const n of rows) {
        for (const listener of this.listeners.get(n.userId) ?? []) {
          try {
            listener(n);
          } catch (err) {
            this.logger.warn(`delivery to a listener failed: ${(err as Error).message}`);
          }
        }
      }
    } catch (err) {
      this.logger.warn(`reading notifications to deliver failed: ${(err as Error).message}`);
    }
  }
}
