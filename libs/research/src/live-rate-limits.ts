import { AppError, ErrorCode, type RequestContext } from '#app/core';
import { SessionEventType } from './enums';

/**
 * What one user may write into live sessions, across all instances and all their connections, counted from
 * the event log itself (so every instance sees the same count). Documented in the README's security section.
 */
export const LIVE_RATE_LIMITS = {
  /** chat messages and notes */
  text: { events: 10, seconds: 10, types: [SessionEventType.CHAT_MESSAGE, SessionEventType.NOTE_POSTED], what: 'messages', whatZh: '消息' },
  /** raising and lowering a hand */
  hand: { events: 6, seconds: 10, types: [SessionEventType.HAND_RAISED, SessionEventType.HAND_LOWERED], what: 'hand signals', whatZh: '举手操作' },
  /** entering a room (each entry writes PARTICIPANT_JOINED, each exit PARTICIPANT_LEFT) */
  join: { events: 10, seconds: 60, types: [SessionEventType.PARTICIPANT_JOINED], what: 'room entries', whatZh: '进入房间' },
} as const;

export type LiveRateLimit = keyof typeof LIVE_RATE_LIMITS;

/**
 * Refuses with RATE_LIMITED (and retryAfterSeconds) when the caller has written `kind`'s events as often as
 * allowed in the window. Runs in the transaction that would write the event, under a per-user advisory lock,
 * so concurrent requests of one user are counted one after the other.
 */
export async function enforceLiveRateLimit(tx: RequestContext, kind: LiveRateLimit): Promise<void> {
  const limit = LIVE_RATE_LIMITS[kind];
  await tx.em.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 727100))`, [tx.user.userId]);
  const [{ n, oldest }] = await tx.em.query(
    `SELECT count(*)::int AS n, min(at) AS oldest FROM session_event
      WHERE actor_user_id = $1 AND type = ANY($2::text[]) AND at > now() - make_interval(secs => $3)`,
    [tx.user.userId, limit.types, limit.seconds],
  );
  if (n < limit.events) return;
  const retryAfter = Math.max(1, Math.ceil(limit.seconds - (Date.now() - new Date(oldest).getTime()) / 1000));
  throw new AppError(ErrorCode.RATE_LIMITED, {
      zh: `${limit.whatZh}过于频繁：每 ${limit.seconds} 秒最多 ${limit.events} 次，请 ${retryAfter} 秒后再试`,
      en: `Too many ${limit.what}: at most ${limit.events} per ${limit.seconds} s; try again in ${retryAfter} s`,
    }, undefined, {
    retryAfterSeconds: retryAfter,
  });
}
