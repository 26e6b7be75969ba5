/** Which kinds each role may import (the server checks the same; the page only hides what would be refused). */
export const KINDS_BY_ROLE: Record<string, string[]> = {
  PLATFORM_ADMIN: ['schools', 'teachers', 'memberships', 'sessions', 'mentoring-pairs', 'exchanges', 'school-facilities'],
  REGION_ADMIN: ['schools', 'teachers', 'memberships', 'sessions', 'mentoring-pairs', 'exchanges', 'school-facilities'],
  GROUP_MANAGER: ['memberships', 'sessions', 'mentoring-pairs', 'exchanges'],
  SCHOOL_ADMIN: ['teachers', 'school-facilities'],
};

export const canImport = (role: string | undefined) => !!role && !!KINDS_BY_ROLE[role];
