import { badInput } from '#app/core';
import { SessionMode } from './enums';

interface Details {
  subject?: string | null;
  grade?: string | null;
  location?: string | null;
  meetingUrl?: string | null;
}

/**
 * A session's subject, grade, place and meeting link as stored, checked against its mode: a meeting link is for an
 * ONLINE or HYBRID session (http or https), a place for an ONSITE or HYBRID one. Blank texts are no value.
 */
export function sessionDetails(input: Details, mode: SessionMode): Required<{ [K in keyof Details]: string | null }> {
  const text = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
  const d = { subject: text(input.subject), grade: text(input.grade), location: text(input.location), meetingUrl: text(input.meetingUrl) };
  if (d.meetingUrl && mode === SessionMode.ONSITE) throw badInput('meetingUrl', { zh: '线下（ONSITE）活动没有会议链接（请改为线上 ONLINE 或混合 HYBRID）', en: 'An ONSITE session has no meeting link (make it ONLINE or HYBRID)' });
  if (d.meetingUrl && !/^https?:\/\/[^\s]+$/i.test(d.meetingUrl)) throw badInput('meetingUrl', { zh: '会议链接须以 http:// 或 https:// 开头', en: 'The meeting link starts with http:// or https://' });
  if (d.location && mode === SessionMode.ONLINE) throw badInput('location', { zh: '线上（ONLINE）活动没有地点（请改为线下 ONSITE 或混合 HYBRID）', en: 'An ONLINE session has no place (make it ONSITE or HYBRID)' });
  return d;
}

const MAX_SESSION_HOURS = 12;

/** A session's times: the end after the start, at most MAX_SESSION_HOURS apart (schedule and update alike). */
export function checkSessionTimes(startsAt: Date, endsAt: Date): void {
  if (endsAt <= startsAt) throw badInput('endsAt', { zh: '结束时间须晚于开始时间', en: 'endsAt must be after startsAt' });
  if (endsAt.getTime() - startsAt.getTime() > MAX_SESSION_HOURS * 3600_000) throw badInput('endsAt', { zh: `一次教研活动最长 ${MAX_SESSION_HOURS} 小时`, en: `A session lasts at most ${MAX_SESSION_HOURS} hours` });
}
