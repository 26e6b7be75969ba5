import { CHINA_UTC_OFFSET_MINUTES, labelOf } from '#app/core';
import { NotificationKind } from './enums';

export type NotificationLocale = 'zh-CN' | 'en';

/** 'zh-CN' unless the caller asks for English ('en', 'en-US', …). */
export const notificationLocale = (locale?: string | null): NotificationLocale => (locale?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN');

/** A time as people in China read it: "12月1日 09:00" / "1 Dec 09:00". */
function chinaTime(iso: string | undefined, locale: NotificationLocale): string {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + CHINA_UTC_OFFSET_MINUTES * 60_000);
  const hm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  if (locale === 'en') return `${d.getUTCDate()} ${d.toLocaleString('en', { month: 'short', timeZone: 'UTC' })} ${hm}`;
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hm}`;
}

const day = (iso: string | undefined, locale: NotificationLocale) => chinaTime(iso ? `${iso}T00:00:00+08:00` : undefined, locale).split(' ')[0];

type Text = { title: string; body: string };
type Render = (p: Record<string, any>, locale: NotificationLocale) => Text;

const zh = (locale: NotificationLocale) => locale === 'zh-CN';

/** Title and body of each kind, in zh-CN and en, from the payload only (names as they were when it was sent). */
const RENDER: Record<NotificationKind, Render> = {
  [NotificationKind.SESSION_INVITED]: (p, l) =>
    zh(l)
      ? { title: `邀请您参加教研活动：${p.title}`, body: `${chinaTime(p.startsAt, l)} 开始` }
      : { title: `You are invited to a session: ${p.title}`, body: `Starts ${chinaTime(p.startsAt, l)}` },
  [NotificationKind.SESSION_REMINDER_24H]: (p, l) =>
    zh(l)
      ? { title: `明天此时开始：${p.title}`, body: `${chinaTime(p.startsAt, l)} 开始，还有 24 小时` }
      : { title: `Tomorrow at this time: ${p.title}`, body: `Starts ${chinaTime(p.startsAt, l)}, in 24 hours` },
  [NotificationKind.SESSION_REMINDER_1H]: (p, l) =>
    zh(l)
      ? { title: `1 小时后开始：${p.title}`, body: `${chinaTime(p.startsAt, l)} 开始` }
      : { title: `Starting in 1 hour: ${p.title}`, body: `Starts ${chinaTime(p.startsAt, l)}` },
  [NotificationKind.SESSION_RESCHEDULED]: (p, l) =>
    zh(l)
      ? { title: `教研活动改期：${p.title}`, body: `改为 ${chinaTime(p.startsAt, l)} 开始（原定 ${chinaTime(p.before, l)}）` }
      : { title: `Session moved: ${p.title}`, body: `Now starts ${chinaTime(p.startsAt, l)} (was ${chinaTime(p.before, l)})` },
  [NotificationKind.MENTORING_REQUESTED]: (p, l) => {
    const other = p.answererRole === 'MENTOR' ? p.apprenticeName : p.mentorName;
    if (zh(l)) return { title: `师徒结对请求待您回复`, body: p.answererRole === 'MENTOR' ? `${other} 希望拜您为师（${p.subject}）` : `${other} 邀请您结为师徒（${p.subject}）` };
    return { title: 'A mentoring request awaits your answer', body: p.answererRole === 'MENTOR' ? `${other} asks you to mentor them (${p.subject})` : `${other} invites you to be their apprentice (${p.subject})` };
  },
  [NotificationKind.PLAN_RETURNED]: (p, l) =>
    zh(l)
      ? { title: `教案被退回修改：${p.title}`, body: p.note ? `审核意见：${p.note}` : '请根据审核意见修改后重新提交' }
      : { title: `Lesson plan returned: ${p.title}`, body: p.note ? `Reviewer's note: ${p.note}` : 'Revise it and submit it again' },
  [NotificationKind.PLAN_PUBLISHED]: (p, l) =>
    zh(l) ? { title: `教案已发布：${p.title}`, body: `第 ${p.version} 版已发布，成员校可以使用` } : { title: `Lesson plan published: ${p.title}`, body: `Version ${p.version} is published for the member schools` },
  [NotificationKind.EXCHANGE_STARTING]: (p, l) => {
    const kind = labelOf('ExchangeKind', p.exchangeKind, zh(l) ? 'zh' : 'en');
    return zh(l)
      ? { title: `${kind}今天开始`, body: `${day(p.startsOn, l)} 起到 ${p.toSchoolName} ${kind}` }
      : { title: `Your ${kind.toLowerCase()} starts today`, body: `At ${p.toSchoolName} from ${day(p.startsOn, l)}` };
  },
};

export const renderNotification = (kind: NotificationKind, payload: Record<string, any>, locale?: string | null): Text => RENDER[kind](payload ?? {}, notificationLocale(locale));

/** The web app's page for it. */
export function notificationLink(kind: NotificationKind, p: Record<string, any>): string | null {
  if (p.sessionId) return `/sessions/${p.sessionId}`;
  if (p.planId) return `/plans/${p.planId}`;
  if (kind === NotificationKind.MENTORING_REQUESTED) return '/mentoring';
  if (kind === NotificationKind.EXCHANGE_STARTING) return '/exchanges';
  return null;
}
