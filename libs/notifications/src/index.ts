import { Notification, NotificationJob } from './entities/notification.entity';

export * from './enums';
export * from './entities/notification.entity';
export * from './notification-text';
export * from './notifications.service';
export * from './notification-jobs';
export * from './notification-scheduler';
export * from './notification-delivery';
export * from './notifications.module';

export const NOTIFICATION_ENTITIES = [Notification, NotificationJob];
