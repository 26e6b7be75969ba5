import { Module } from '@nestjs/common';
import { NotificationDelivery } from './notification-delivery';
import { NotificationJobs } from './notification-jobs';
import { NotificationRules } from './notification-rules';
import { NotificationScheduler } from './notification-scheduler';
import { NotificationsGateway } from './notifications.gateway';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

/** In-app notifications: stored, delivered live (socket.io `notification`, subscription `notificationAdded`), and reminders by jobs. */
@Module({
  providers: [NotificationsService, NotificationJobs, NotificationRules, NotificationScheduler, NotificationDelivery, NotificationsGateway, NotificationsResolver],
  exports: [NotificationsService, NotificationScheduler, NotificationDelivery],
})
export class NotificationsModule {}
