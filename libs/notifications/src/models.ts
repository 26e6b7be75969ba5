import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '#app/core';
import { Notification } from './entities/notification.entity';

@ObjectType()
export class NotificationConnection extends Connection(Notification) {
  @Field(() => Int, { description: "The caller's unread notifications, over all pages (whatever unreadOnly says)" }) unreadCount: number;
}

@ObjectType({ description: 'What markNotificationsRead changed' })
export class MarkNotificationsReadPayload {
  @Field(() => [Notification], { description: "The caller's notifications among the ids, now read; other ids are left alone and not listed" })
  notifications: Notification[];
  @Field(() => Int, { description: 'The unread notifications left' }) unreadCount: number;
}
