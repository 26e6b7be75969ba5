import type { Grant } from './me';

/** Region ids from a region up to the root, from a `region { id parent { id parent { … } } }` selection. */
export function ancestorsOf(region: { id: string; parent?: unknown } | null | undefined): string[] {
  const ids: string[] = [];
  for (let r = region as { id: string; parent?: unknown } | null | undefined; r; r = r.parent as typeof r) ids.push(r.id);
  return ids;
}

/**
 * What the active role may do with a group, as the server decides it (the server checks again): manage its
 * members (platform admins, region admins above it, its managers); see its activity (those, and school admins).
 */
export function groupRights(active: Grant | null, groupId: string, regionAncestors: string[]) {
  const manage =
    active?.role === 'PLATFORM_ADMIN' ||
    (active?.role === 'GROUP_MANAGER' && active.scopeId === groupId) ||
    (active?.role === 'REGION_ADMIN' && !!active.scopeId && regionAncestors.includes(active.scopeId));
  return { manage, activity: manage || active?.role === 'SCHOOL_ADMIN' };
}

/**
 * Which of the group-work pages the active role opens (the server checks every operation again):
 * - `mentoring`: a teacher their own pairs; managers (platform admins, region admins, group managers) a group's pairs,
 *   suggestions and the mentor capacity;
 * - `groupWork` (/exchanges, /activities): managers, and school admins for what concerns their school;
 * - `recordActivity`, `rotation`: managers only.
 */
export function workRights(active: Grant | null, isTeacher: boolean) {
  const role = active?.role;
  const manager = role === 'PLATFORM_ADMIN' || role === 'REGION_ADMIN' || role === 'GROUP_MANAGER';
  return {
    manager,
    mentoring: manager || (isTeacher && (!active || role === 'TEACHER')),
    groupWork: manager || role === 'SCHOOL_ADMIN',
    recordActivity: manager,
    rotation: manager,
  };
}
