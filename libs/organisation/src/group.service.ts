import { Injectable } from '@nestjs/common';
import { activeMemberSchoolSql, activeMembershipSql } from './access/scope-rules';
import { In, IsNull } from 'typeorm';
import {
  badInput,
  conflict,
  EventBus,
  notFound,
  paginate,
  TransactionService,
  type PageArgs,
  type RequestContext,
} from '#app/core';
import { AccessService } from './access.service';
import { AddGroupMemberInput, CreateSchoolGroupInput, SchoolGroupFilter } from './dto/group.input';
import { GroupMembership } from './entities/group-membership.entity';
import { DEFAULT_MENTOR_CAPACITY, SchoolGroup } from './entities/school-group.entity';
import { School } from './entities/school.entity';
import { GroupKind, GroupStatus, MemberRole } from './enums';
import { byId, groupedBy } from '#app/core';
import { escapeLike } from './school.service';
import { writeGroups, writeMemberships, type GroupRow, type MembershipRow } from './organisation-rows';

@Injectable()
export class GroupService {
  constructor(
    private readonly tx: TransactionService,
    private readonly access: AccessService,
    private readonly events: EventBus,
  ) {}

  async create(ctx: RequestContext, input: CreateSchoolGroupInput): Promise<SchoolGroup> {
    if (input.mode && input.kind !== GroupKind.CONSORTIUM) throw badInput('mode', 'Only a consortium (CONSORTIUM) has a mode');
    const foundedOn = input.foundedOn ?? ctx.today();
    if (foundedOn > ctx.today()) throw badInput('foundedOn', 'foundedOn cannot be in the future');
    return this.tx.run(ctx, async (tx) => {
      await this.access.requireRegions(tx, [input.regionId]);
      const lead = await tx.em.findOneBy(School, { id: input.leadSchoolId });
      if (!lead) throw notFound('School', input.leadSchoolId);
      await this.requireInRegion(tx, input.kind, input.regionId, lead, 'leadSchoolId');
      const row: GroupRow = {
        id: tx.newId('school_group'),
        name: input.name,
        kind: input.kind,
        mode: input.mode ?? null,
        regionId: input.regionId,
        leadSchoolId: lead.id,
        level: input.level ?? null,
        foundedOn,
        status: GroupStatus.ACTIVE,
        mentorCapacity: DEFAULT_MENTOR_CAPACITY,
        createdAt: tx.now(),
      };
      await writeGroups(tx.em, [row]);
      const group = tx.em.create(SchoolGroup, row);
      const { id: groupId, regionId, kind, mode, level } = group;
      await this.events.publish(tx, 'organisation.group.created', { groupId, regionId, kind, mode, level, foundedOn });
      // The lead school is a member (role LEAD) from the moment the group exists.
      await this.insertMembership(tx, group, lead.id, MemberRole.LEAD, null, foundedOn);
      return group;
    });
  }

  async addMember(ctx: RequestContext, input: AddGroupMemberInput): Promise<GroupMembership> {
    const joinedOn = input.joinedOn ?? ctx.today();
    if (joinedOn > ctx.today()) throw badInput('joinedOn', 'joinedOn cannot be in the future');
    return this.tx.run(ctx, async (tx) => {
      await this.access.requireGroups(tx, 'members', [input.groupId]);
      // Lock the group row: concurrent adds to one group serialise; the unique indexes catch the rest.
      const group = await tx.em.findOne(SchoolGroup, { where: { id: input.groupId }, lock: { mode: 'pessimistic_write' } });
      if (!group) throw notFound('School group', input.groupId);
      if (group.status !== GroupStatus.ACTIVE) throw conflict('This group is dissolved');
      if (joinedOn < group.foundedOn) throw badInput('joinedOn', `joinedOn is before the group was founded (${group.foundedOn})`);
      const school = await tx.em.findOneBy(School, { id: input.schoolId });
      if (!school) throw notFound('School', input.schoolId);
      await this.requireInRegion(tx, group.kind, group.regionId, school, 'schoolId');
      return this.insertMembership(tx, group, school.id, MemberRole.MEMBER, input.pairing, joinedOn);
    });
  }

  async removeMember(ctx: RequestContext, groupId: string, schoolId: string, leftOn?: string | null): Promise<GroupMembership> {
    const on = leftOn ?? ctx.today();
    if (on > ctx.today()) throw badInput('leftOn', 'leftOn cannot be in the future');
    return this.tx.run(ctx, async (tx) => {
      await this.access.requireGroups(tx, 'members', [groupId]);
      const membership = await tx.em.findOne(GroupMembership, {
        where: { groupId, schoolId, leftOn: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!membership) throw notFound('Active membership of this school in this group');
      if (membership.role === MemberRole.LEAD) throw conflict('The lead school cannot leave its group; appoint another lead first');
      if (on < membership.joinedOn) throw badInput('leftOn', `leftOn is before the school joined (${membership.joinedOn})`);
      membership.leftOn = on;
      const saved = await tx.em.save(membership);
      await this.events.publish(tx, 'organisation.membership.removed', { groupId, schoolId, kind: membership.groupKind, on });
      return saved;
    });
  }

  async list(ctx: RequestContext, filter: SchoolGroupFilter = {}, page: PageArgs) {
    const qb = ctx.em.createQueryBuilder(SchoolGroup, 'g');
    if (filter.regionId) qb.innerJoin('region', 'r', 'r.id = g.region_id AND r.path @> ARRAY[:regionId]::uuid[]', { regionId: filter.regionId });
    if (filter.kind) qb.andWhere('g.kind = :kind', { kind: filter.kind });
    if (filter.mode) qb.andWhere('g.mode = :mode', { mode: filter.mode });
    if (filter.schoolId) {
      qb.andWhere(activeMemberSchoolSql(':schoolId::uuid', 'g.id'), {
        schoolId: filter.schoolId,
      });
    }
    if (filter.search) qb.andWhere(`g.name ILIKE :search ESCAPE '\\'`, { search: `%${escapeLike(filter.search)}%` });
    return paginate(qb, page, { columns: ['g.name', 'g.id'], values: (g) => [g.name, g.id] });
  }

  load(ctx: RequestContext, id: string): Promise<SchoolGroup | null> {
    return byId(ctx, SchoolGroup, 'group').load(id);
  }

  /** Members of a group, lead first; former members too when includeFormer. Batched across groups. */
  members(ctx: RequestContext, groupId: string, includeFormer = false): Promise<GroupMembership[]> {
    return groupedBy<GroupMembership>(
      ctx,
      `members:${includeFormer}`,
      (ids) =>
        ctx.em.find(GroupMembership, {
          where: { groupId: In(ids), ...(includeFormer ? {} : { leftOn: IsNull() }) },
          order: { role: 'ASC', joinedOn: 'ASC', id: 'ASC' },
        }),
      (m) => m.groupId,
    ).load(groupId);
  }

  /** Active memberships of a school (its groups). Batched across schools. */
  membershipsOfSchool(ctx: RequestContext, schoolId: string, includeFormer = false): Promise<GroupMembership[]> {
    return groupedBy<GroupMembership>(
      ctx,
      includeFormer ? 'membershipsOfSchoolAll' : 'membershipsOfSchool',
      (ids) => ctx.em.find(GroupMembership, { where: { schoolId: In(ids), ...(includeFormer ? {} : { leftOn: IsNull() }) }, order: { joinedOn: 'ASC' } }),
      (m) => m.schoolId,
    ).load(schoolId);
  }

  /** A school joins only groups of its region subtree; an ALLIANCE may cross regions. */
  private async requireInRegion(ctx: RequestContext, kind: GroupKind, regionId: string, school: School, field: string) {
    if (kind === GroupKind.ALLIANCE) return;
    const [{ inside }] = await ctx.em.query(
      `SELECT EXISTS (SELECT 1 FROM region r WHERE r.id = $1 AND r.path @> ARRAY[$2]::uuid[]) AS inside`,
      [school.regionId, regionId],
    );
    if (!inside) throw badInput(field, `${school.name} is not in the group's region; only an alliance (ALLIANCE) may cross regions`);
  }

  private async insertMembership(
    ctx: RequestContext,
    group: SchoolGroup,
    schoolId: string,
    role: MemberRole,
    pairing: GroupMembership['pairing'],
    joinedOn: string,
  ): Promise<GroupMembership> {
    const current = await ctx.em.findOneBy(GroupMembership, { groupId: group.id, schoolId, leftOn: IsNull() });
    if (current) throw conflict('This school is already a member of this group', { groupId: group.id, schoolId });
    // History must not overlap: a school re-joins a group, or joins another consortium, only after it left.
    const [earlier] = await ctx.em.query(
      `SELECT g.name, m.left_on FROM group_membership m JOIN school_group g ON g.id = m.group_id
        WHERE m.school_id = $1 AND m.left_on > $3 AND (m.group_id = $2 OR ($4 AND m.group_kind = 'CONSORTIUM'))
        ORDER BY m.left_on DESC LIMIT 1`,
      [schoolId, group.id, joinedOn, group.kind === GroupKind.CONSORTIUM],
    );
    if (earlier) {
      throw badInput('joinedOn', `The school was still in ${earlier.name} until ${earlier.left_on}: joinedOn must be on or after that day`);
    }
    if (group.kind === GroupKind.CONSORTIUM) {
      const rows: { id: string; name: string }[] = await ctx.em.query(
        `SELECT g.id, g.name FROM group_membership m JOIN school_group g ON g.id = m.group_id
          WHERE m.school_id = $1 AND ${activeMembershipSql('m')} AND m.group_kind = 'CONSORTIUM'`,
        [schoolId],
      );
      if (rows.length) {
        throw conflict(`This school is already in the consortium ${rows[0].name}; a school is in at most one active consortium`, {
          currentConsortiumId: rows[0].id,
          currentConsortiumName: rows[0].name,
        });
      }
    }
    try {
      // Savepoint-free: the unique indexes are the last line against a concurrent insert.
      const row: MembershipRow = { id: ctx.newId('group_membership'), groupId: group.id, schoolId, groupKind: group.kind, role, pairing, joinedOn, leftOn: null, createdAt: ctx.now() };
      await writeMemberships(ctx.em, [row]);
      const saved = ctx.em.create(GroupMembership, row);
      await this.events.publish(ctx, 'organisation.membership.added', { groupId: group.id, schoolId, kind: group.kind, on: joinedOn });
      return saved;
    } catch (err: any) {
      if (err?.code === '23505' && String(err.constraint).includes('one_consortium')) {
        throw conflict('This school joined another consortium at the same moment; a school is in at most one active consortium');
      }
      if (err?.code === '23505') throw conflict('This school is already a member of this group');
      throw err;
    }
  }
}
