import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, List, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useNotifications } from './useNotifications';

const when = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' }).format(new Date(iso));

/** The bell in the header: the unread count, and the list (newest first, unread in bold); a click opens what it is about. */
export function NotificationBell() {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const { items, unread, hasMore, more, markRead } = useNotifications();
  const label = unread ? t('notifications.openUnread', { n: unread }) : t('notifications.open');
  return (
    <>
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined style={{ fontSize: 18 }} />} aria-label={label} onClick={() => setOpen(true)} />
      </Badge>
      <Drawer
        title={t('notifications.title')}
        open={open}
        onClose={() => setOpen(false)}
        size="default"
        extra={
          <Button size="small" disabled={!unread} onClick={() => void markRead(items.filter((n) => !n.read).map((n) => n.id))}>
            {t('notifications.markAll')}
          </Button>
        }
      >
        <List
          locale={{ emptyText: t('notifications.empty') }}
          dataSource={items}
          loadMore={hasMore ? <Button type="link" block onClick={more}>{t('notifications.more')}</Button> : null}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: n.link ? 'pointer' : 'default', background: n.read ? undefined : '#f0f7ff', paddingInline: 8 }}
              onClick={() => {
                if (!n.read) void markRead([n.id]);
                if (n.link) {
                  setOpen(false);
                  navigate(n.link);
                }
              }}
            >
              <List.Item.Meta
                title={
                  <Typography.Text strong={!n.read}>
                    {n.link ? <a href={n.link} onClick={(e) => e.preventDefault()}>{n.title}</a> : n.title}
                  </Typography.Text>
                }
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {when(n.createdAt, lang)}
                      {n.read ? '' : ` · ${t('notifications.unread')}`}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}
