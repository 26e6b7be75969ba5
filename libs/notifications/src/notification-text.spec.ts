import { describe, expect, it } from '@jest/globals';
import '#app/activity'; // registers the exchange kinds' labels, as the app does
import { NotificationKind } from './enums';
import { notificationLink, notificationLocale, renderNotification } from './notification-text';

const PAYLOADS: Record<NotificationKind, Record<string, unknown>> = {
  SESSION_INVITED: { sessionId: 's1', title: '联合教研', startsAt: '2026-12-01T01:00:00.000Z' },
  SESSION_REMINDER_24H: { sessionId: 's1', title: '联合教研', startsAt: '2026-12-01T01:00:00.000Z' },
  SESSION_REMINDER_1H: { sessionId: 's1', title: '联合教研', startsAt: '2026-12-01T01:00:00.000Z' },
  SESSION_RESCHEDULED: { sessionId: 's1', title: '联合教研', startsAt: '2026-12-02T06:30:00.000Z', before: '2026-12-01T01:00:00.000Z' },
  MENTORING_REQUESTED: { pairId: 'p1', subject: '数学', mentorName: '周文华', apprenticeName: '陈雨萱', answererRole: 'APPRENTICE' },
  PLAN_RETURNED: { planId: 'l1', title: '分数的意义', version: 3, note: null },
  PLAN_PUBLISHED: { planId: 'l1', title: '分数的意义', version: 3 },
  EXCHANGE_STARTING: { exchangeId: 'e1', exchangeKind: 'TRAVELING', startsOn: '2026-12-01', toSchoolName: '三河小学' },
};

describe('notification texts', () => {
  it.each(Object.values(NotificationKind))('%s reads in zh-CN and en, with nothing left blank, and links to its page', (kind) => {
    for (const locale of ['zh-CN', 'en']) {
      const { title, body } = renderNotification(kind, PAYLOADS[kind], locale);
      expect(title.length).toBeGreaterThan(0);
      expect(`${title} ${body}`).not.toMatch(/undefined|null|NaN/);
    }
    expect(notificationLink(kind, PAYLOADS[kind])).toMatch(/^\/(sessions\/s1|plans\/l1|mentoring|exchanges)$/);
  });

  it('shows times in China time', () => {
    expect(renderNotification(NotificationKind.SESSION_REMINDER_1H, PAYLOADS.SESSION_REMINDER_1H, 'zh-CN').body).toBe('12月1日 09:00 开始');
    expect(renderNotification(NotificationKind.SESSION_INVITED, PAYLOADS.SESSION_INVITED, 'en').body).toBe('Starts 1 Dec 09:00');
    expect(renderNotification(NotificationKind.EXCHANGE_STARTING, PAYLOADS.EXCHANGE_STARTING, 'zh-CN')).toEqual({ title: '走教送教今天开始', body: '12月1日 起到 三河小学 走教送教' });
    expect(renderNotification(NotificationKind.MENTORING_REQUESTED, PAYLOADS.MENTORING_REQUESTED, 'en').body).toBe('周文华 invites you to be their apprentice (数学)');
  });

  it('says when a session moved from and to', () => {
    expect(renderNotification(NotificationKind.SESSION_RESCHEDULED, PAYLOADS.SESSION_RESCHEDULED, 'zh-CN').body).toBe('改为 12月2日 14:30 开始（原定 12月1日 09:00）');
  });

  it('takes English for en-* and Chinese otherwise', () => {
    expect([notificationLocale('en-US'), notificationLocale('EN'), notificationLocale('zh'), notificationLocale(undefined), notificationLocale('fr')]).toEqual(['en', 'en', 'zh-CN', 'zh-CN', 'zh-CN']);
  });
});
