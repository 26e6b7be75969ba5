/** The notification bell's strings, zh-CN first, then en; merged into the app's catalogs. */
export const notificationsZh = {
  'notifications.open': '通知',
  'notifications.openUnread': '通知（{n} 条未读）',
  'notifications.title': '通知',
  'notifications.empty': '暂无通知',
  'notifications.markAll': '全部标为已读',
  'notifications.unread': '未读',
  'notifications.more': '加载更多',
};

export type NotificationsKey = keyof typeof notificationsZh;

export const notificationsEn: Record<NotificationsKey, string> = {
  'notifications.open': 'Notifications',
  'notifications.openUnread': 'Notifications ({n} unread)',
  'notifications.title': 'Notifications',
  'notifications.empty': 'No notifications',
  'notifications.markAll': 'Mark all read',
  'notifications.unread': 'Unread',
  'notifications.more': 'Load more',
};
