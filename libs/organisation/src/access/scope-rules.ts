/**
 * The organisation's scope rules, each written once as an SQL fragment (STYLE habit 11). Every context builds its
 * checks (`require...(ids)`, one query for a set of ids) and its list filters from these, so the two cannot drift.
 * Arguments are SQL expressions: a column (`g.id`), a placeholder (`$3::uuid[]`, `:regions::uuid[]`).
 * Platform admins are let through by the caller (they see everything; no fragment mentions them).
 * Inner aliases start with `_` so they never shadow the caller's.
 */

/** The membership row (alias) is active: the school joined and has not left; history rows keep `left_on`. */
export const activeMembershipSql = (m: string) => `${m}.left_on IS NULL`;

/** The principal manages the group: a region admin of its region or an ancestor, or its group manager. */
export const managesGroupSql = (group: string, regions: string, groups: string) =>
  `(${group} = ANY(${groups}) OR EXISTS (SELECT 1 FROM school_group _mg JOIN region _mr ON _mr.id = _mg.region_id WHERE _mg.id = ${group} AND _mr.path && ${regions}))`;

/** The region is one of `regions` or below one of them (a region admin's subtree). */
export const inRegionsSql = (region: string, regions: string) => `EXISTS (SELECT 1 FROM region _rr WHERE _rr.id = ${region} AND _rr.path && ${regions})`;

/** The school is an active member school of the group (joined, not left). */
export const activeMemberSchoolSql = (school: string, group: string) =>
  `EXISTS (SELECT 1 FROM group_membership _am WHERE _am.group_id = ${group} AND _am.school_id = ${school} AND ${activeMembershipSql('_am')})`;

/** The school was a member school of the group on `day` (joined by then, not yet left): history at its own dates. */
export const memberSchoolOnSql = (school: string, group: string, day: string) =>
  `EXISTS (SELECT 1 FROM group_membership _md WHERE _md.group_id = ${group} AND _md.school_id = ${school} AND _md.joined_on <= ${day} AND (_md.left_on IS NULL OR _md.left_on > ${day}))`;

/** The teacher teaches now at an active member school of the group (group rights follow the teacher's current school). */
export const teachesInGroupSql = (teacher: string, group: string) =>
  `EXISTS (SELECT 1 FROM teacher _tt JOIN group_membership _tm ON _tm.school_id = _tt.school_id AND ${activeMembershipSql('_tm')} WHERE _tt.id = ${teacher} AND _tm.group_id = ${group})`;

/** The school the teacher works at now (NULL for no such teacher). */
export const schoolOfTeacherSql = (teacher: string) => `(SELECT _ts.school_id FROM teacher _ts WHERE _ts.id = ${teacher})`;

/**
 * The teacher works now at `school`: a school expression (`x.school_id`), or `ANY(<uuid[]>)` for one of several.
 * Never NULL (false for no such teacher).
 */
export const teachesAtSql = (teacher: string, school: string) => `EXISTS (SELECT 1 FROM teacher _ta WHERE _ta.id = ${teacher} AND _ta.school_id = ${school})`;

/**
 * The principal belongs to the group through a school: an admin of one of `schools`, or the teacher `teacher`,
 * at an active member school of it.
 */
export const ofMemberSchoolSql = (group: string, schools: string, teacher: string) =>
  `EXISTS (SELECT 1 FROM group_membership _om WHERE _om.group_id = ${group} AND ${activeMembershipSql('_om')}
            AND (_om.school_id = ANY(${schools}) OR _om.school_id = ${schoolOfTeacherSql(teacher)}))`;

/** Stands for "no teacher profile" in a uuid placeholder, so `= :me` is never true for a user without one. */
export const NO_TEACHER = '00000000-0000-0000-0000-000000000000';
