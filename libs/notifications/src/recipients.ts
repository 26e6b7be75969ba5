import type { RequestContext } from '#app/core';
import { Accounts } from '#app/identity';
import { Directory } from '#app/organisation';

/** The accounts of these teachers, but not the one who did it (nobody is told what they did themselves). */
export async function recipients(tx: RequestContext, teacherIds: readonly string[], actorUserId: string | null = null): Promise<string[]> {
  const accounts = await Accounts.ofTeachers(tx, teacherIds);
  return [...new Set(accounts.map((a) => a.userId))].filter((u) => u !== actorUserId);
}

/** Who an invitation reaches: the teachers invited by name and those working now at an invited school. */
export async function invitedTeachers(tx: RequestContext, schoolIds: readonly string[], teacherIds: readonly string[]): Promise<string[]> {
  return [...new Set([...teacherIds, ...(await Directory.teacherIdsAtSchools(tx, schoolIds))])];
}
