import { WebSocketGateway, type OnGatewayConnection, type OnGatewayDisconnect } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { Allow, AUTHENTICATED, LIVE_NAMESPACE, LiveConnections, type LiveConnection } from '#app/core';
import type { Notification } from './entities/notification.entity';
import { NotificationDelivery } from './notification-delivery';
import { notificationLink, renderNotification } from './notification-text';

/** The wire shape of a notification on socket.io: the GraphQL fields, with title and body in zh-CN and en. */
export const notificationDto = (n: Notification) => {
  const zh = renderNotification(n.kind, n.payload, 'zh-CN');
  const en = renderNotification(n.kind, n.payload, 'en');
  return {
    id: n.id,
    kind: n.kind,
    payload: n.payload,
    link: notificationLink(n.kind, n.payload),
    title: zh.title,
    body: zh.body,
    titleEn: en.title,
    bodyEn: en.body,
    createdAt: n.createdAt instanceof Date ? n.createdAt.toISOString() : n.createdAt,
    readAt: n.readAt instanceof Date ? n.readAt.toISOString() : n.readAt,
  };
};

/**
 * server → client `notification` on /live: every socket of a signed-in user gets that user's new notifications,
 * from the moment it connects (what came before is in the `notifications` query). Nothing is pushed once the
 * socket's sign-in has ended (LiveConnections closes it).
 */
@Allow(AUTHENTICATED) // every socket is authenticated at the handshake (LiveGateway)
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class NotificationsGateway implements OnGatewayConnection, OnGatewayDisconnect {
  constructor(
    private readonly delivery: NotificationDelivery,
    private readonly connections: LiveConnections,
  ) {}

  handleConnection(socket: Socket) {
    const conn = socket.data.conn as LiveConnection | undefined;
    if (!conn || socket.disconnected) return;
    socket.data.stopNotifications = this.delivery.attach(conn.userId, (n) => {
      try {
        this.connections.assertOpen(conn);
      } catch {
        return;
      }
      socket.emit('notification', notificationDto(n));
    });
  }

  handleDisconnect(socket: Socket) {
    (socket.data.stopNotifications as (() => void) | undefined)?.();
  }
}
