import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Allow, AUTHENTICATED, Ctx, PageArgs, type RequestContext } from '#app/core';
import { Notification } from './entities/notification.entity';
import { MarkNotificationsReadPayload, NotificationConnection } from './models';
import { NotificationDelivery } from './notification-delivery';
import { notificationLink, renderNotification } from './notification-text';
import { NotificationsService } from './notifications.service';

const LOCALE = { nullable: true, defaultValue: 'zh-CN', description: "'zh-CN' (default) or 'en'" } as const;

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly delivery: NotificationDelivery,
  ) {}

  @Allow(AUTHENTICATED)
  @Query(() => NotificationConnection, { description: 'Your notifications, newest first, with the unread count' })
  async notifications(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args('unreadOnly', { nullable: true }) unreadOnly?: boolean) {
    const [list, unreadCount] = await Promise.all([this.service.list(ctx, page, unreadOnly ?? false), this.service.unreadCount(ctx)]);
    return { ...list, unreadCount };
  }

  @Allow(AUTHENTICATED)
  @Mutation(() => MarkNotificationsReadPayload, { description: 'Marks your notifications among the ids read; ids of others are left alone' })
  async markNotificationsRead(@Ctx() ctx: RequestContext, @Args('ids', { type: () => [ID] }) ids: string[]) {
    const notifications = await this.service.markRead(ctx, ids);
    return { notifications, unreadCount: await this.service.unreadCount(ctx) };
  }

  @Allow(AUTHENTICATED)
  @Subscription(() => Notification, { description: 'Your new notifications, live (what came before: the notifications query)', resolve: (n: Notification) => n })
  notificationAdded(@Ctx() ctx: RequestContext) {
    return this.delivery.stream(ctx.user.accountId);
  }

  @ResolveField(() => String)
  title(@Parent() n: Notification, @Args('locale', LOCALE) locale: string) {
    return renderNotification(n.kind, n.payload, locale).title;
  }

  @ResolveField(() => String)
  body(@Parent() n: Notification, @Args('locale', LOCALE) locale: string) {
    return renderNotification(n.kind, n.payload, locale).body;
  }

  @ResolveField(() => String, { nullable: true, description: "The web app's page it is about (/sessions/:id, /plans/:id, /mentoring, /exchanges)" })
  link(@Parent() n: Notification) {
    return notificationLink(n.kind, n.payload);
  }

  @ResolveField(() => Boolean)
  read(@Parent() n: Notification) {
    return n.readAt !== null;
  }
}
