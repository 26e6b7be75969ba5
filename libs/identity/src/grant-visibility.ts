import { groupedBy, type RequestContext } from '#app/core';
import { inRegionsSql } from '#app/organisation';
import { RoleGrant } from './entities/user.entity';

/** The region a grant's scope lies in (aliases of visibleCondition's query). */
const GRANT_REGION = `(CASE g.role WHEN 'REGION_ADMIN' THEN g.scope_id WHEN 'GROUP_MANAGER' THEN sg.region_id ELSE s.region_id END)`;

/**
 * Whose role grants a caller sees (SQL condition on alias g, named params): their own; all of them for platform
 * admins; for region admins the grants whose scope lies in their region subtree (the region of a REGION_ADMIN grant,
 * the group's region of a GROUP_MANAGER grant, the school's region of a SCHOOL_ADMIN grant, the teacher's school's
 * region of a TEACHER grant); for school admins the SCHOOL_ADMIN grants of their school and the TEACHER grants of its
 * teachers. Group managers and teachers see no one else's. The scopes are organisation rows, read here in the same
 * query so a batch of users costs one statement.
 */
function visibleCondition(ctx: RequestContext) {
  const p = ctx.principal;
  // no principal: the only User outside a signed-in request is login's, i.e. the caller's own
  if (!p || p.isPlatformAdmin) return { sql: 'TRUE', params: {} };
  return {
    sql: `(g.user_id = :me OR EXISTS (
            SELECT 1 FROM app_user u
              LEFT JOIN teacher t ON g.role = 'TEACHER' AND t.id = u.teacher_id
              LEFT JOIN school_group sg ON g.role = 'GROUP_MANAGER' AND sg.id = g.scope_id
              LEFT JOIN school s ON s.id = (CASE g.role WHEN 'SCHOOL_ADMIN' THEN g.scope_id WHEN 'TEACHER' THEN t.school_id END)
             WHERE u.id = g.user_id AND (${inRegionsSql(GRANT_REGION, ':regions::uuid[]')} OR s.id = ANY(:schools::uuid[]))))`,
    params: { me: p.userId, regions: p.regionIds, schools: p.schoolIds },
  };
}

/** A user's active role grants that the caller may see (others get an empty list); one query per batch of users. */
export function visibleGrants(ctx: RequestContext, userId: string): Promise<RoleGrant[]> {
  return groupedBy<RoleGrant>(
    ctx,
    'visibleGrants',
    (ids) => {
      const visible = visibleCondition(ctx);
      return ctx.em
        .createQueryBuilder(RoleGrant, 'g')
        .where('g.user_id = ANY(:ids::uuid[]) AND g.revoked_at IS NULL', { ids })
        .andWhere(visible.sql, visible.params)
        .orderBy('g.created_at', 'ASC')
        .getMany();
    },
    (g) => g.userId,
  ).load(userId);
}
