import type { ConsortiumWorld } from './consortium-world';
import type { TestApp } from './test-app';

export const NOTIFICATIONS = `query($first: Int, $after: String, $unreadOnly: Boolean) { notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
  totalCount unreadCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id kind payload title body titleEn: title(locale: "en") link read readAt createdAt } } } }`;

export const SCHEDULE_SESSION = `mutation($i: ScheduleResearchSessionInput!) { scheduleResearchSession(input: $i) { id startsAt } }`;

/** A session of the world's consortium, hosted by the lead school, starting `hours` from now. */
export const sessionIn = (w: ConsortiumWorld, hours: number, over: Record<string, unknown> = {}) => {
  const startsAt = new Date(Math.floor((Date.now() + hours * 3600_000) / 60_000) * 60_000);
  return {
    groupId: w.group.id,
    hostSchoolId: w.lead.id,
    title: '三年级数学“分数的意义”联合教研',
    type: 'JOINT_RESEARCH',
    mode: 'HYBRID',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    invitedSchoolIds: [w.member.id],
    ...over,
  };
};

export async function notificationsOf(t: TestApp, token: string, args: { first?: number; after?: string; unreadOnly?: boolean } = {}) {
  return (await t.ok(NOTIFICATIONS, args, token)).notifications;
}

/** Waits until `done()` holds (bounded). */
export async function waitFor(done: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
