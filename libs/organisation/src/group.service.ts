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
  type SelectedField,
  type RawJson,
} from '#app/core';
import { AccessService } from './access.service';
import { AddGroupMemberInput, CreateSchoolGroupInput, SchoolGroupFilter, UpdateSchoolGroupInput } from './dto/group.input';
import { GroupMembership } from './entities/group-membership.entity';
import { DEFAULT_MENTOR_CAPACITY, SchoolGroup, SchoolGroupProfile } from './entities/school-group.entity';
import { School } from './entities/school.entity';
import { CO_BUILT_MODES, GroupKind, GroupStatus, MemberRole } from './enums';
import { byId, groupedBy } from '#app/core';
import { escapeLike } from './school.service';
import { GROUP_NODE, GROUP_PAGE } from './directory-lookahead';
import { writeGroupProfiles, writeGroups, writeMemberships, type GroupRow, type MembershipRow } from './organisation-rows';

@Injectable()
export class GroupService {
  constructor(
    private readonly tx: TransactionService,
    private readonly access: AccessService,
    private readonly events: EventBus,
  ) {}

  async create(ctx: RequestContext, input: CreateSchoolGroupInput): Promise<SchoolGroup> {
    if (input.mode && input.kind !== GroupKind.CONSORTIUM) throw badInput('mode', { zh: '只有教联体（CONSORTIUM）才有模式', en: 'Only a consortium (CONSORTIUM) has a mode' });
    const foundedOn = input.foundedOn ?? ctx.today();
    if (foundedOn > ctx.today()) throw badInput('foundedOn', { zh: '成立日期不能晚于今天', en: 'foundedOn cannot be in the future' });
    const crossRegion = input.crossRegion ?? false;
    if (crossRegion && !(input.kind === GroupKind.CONSORTIUM && input.mode && CO_BUILT_MODES.includes(input.mode))) {
      throw badInput('crossRegion', { zh: '只有共建型教联体（模式为 CO_BUILT 或 FUSED_AND_CO_BUILT）可以跨区域', en: 'Only a co-built consortium (mode CO_BUILT or FUSED_AND_CO_BUILT) may cross regions' });
    }
    return this.tx.run(ctx, async (tx) => {
      await this.access.requireRegions(tx, [input.regionId]);
      const lead = await tx.em.findOneBy(School, { id: input.leadSchoolId });
      if (!lead) throw notFound('School', input.leadSchoolId);
      await this.requireInRegion(tx, { kind: input.kind, crossRegion: false }, input.regionId, lead, 'leadSchoolId');
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
        dissolvedOn: null,
        crossRegion,
        mentorCapacity: DEFAULT_MENTOR_CAPACITY,
        createdAt: tx.now(),
      };
      await writeGroups(tx.em, [row]);
      await writeGroupProfiles(tx.em, [{ groupId: row.id, validFrom: foundedOn, mode: row.mode, level: row.level, changedBy: tx.user.userId, createdAt: tx.now() }]);
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
    if (joinedOn > ctx.today()) throw badInput('joinedOn', { zh: '加入日期不能晚于今天', en: 'joinedOn cannot be in the future' });
    return this.tx.run(ctx, async (tx) => {
      await this.access.requireGroups(tx, 'members', [input.groupId]);
      // Lock the group row: concurrent adds to one group serialise; the unique indexes catch the rest.
      const group = await tx.em.findOne(SchoolGroup, { where: { id: input.groupId }, lock: { mode: 'pessimistic_write' } });
      if (!group) throw notFound('School group', input.groupId);
      if (group.status !== GroupStatus.ACTIVE) throw conflict({ zh: '该共同体已解散', en: 'This group is dissolved' });
      if (joinedOn < group.foundedOn) throw badInput('joinedOn', { zh: `加入日期早于共同体成立日期（${group.foundedOn}）`, en: `joinedOn is before the group was founded (${group.foundedOn})` });
      const school = await tx.em.findOneBy(School, { id: input.schoolId });
      if (!school) throw notFound('School', input.schoolId);
      await this.requireInRegion(tx, group, group.regionId, school, 'schoolId');
      return this.insertMembership(tx, group, school.id, MemberRole.MEMBER, input.pairing, joinedOn);
    });
  }

  async removeMember(ctx: RequestContext, groupId: string, schoolId: string, leftOn?: string | null): Promise<GroupMembership> {
    const on = leftOn ?? ctx.today();
    if (on > ctx.today()) throw badInput('leftOn', { zh: '退出日期不能晚于今天', en: 'leftOn cannot be in the future' });
    return this.tx.run(ctx, async (tx) => {
      await this.access.requireGroups(tx, 'members', [groupId]);
      const membership = await tx.em.findOne(GroupMembership, {
        where: { groupId, schoolId, leftOn: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!membership) throw notFound('Active membership of this school in this group');
      if (membership.role === MemberRole.LEAD) throw conflict({ zh: '牵头校不能退出共同体，请先指定新的牵头校', en: 'The lead school cannot leave its group; appoint another lead first' });
      if (on < membership.joinedOn) throw badInput('leftOn', { zh: `退出日期早于该校加入日期（${membership.joinedOn}）`, en: `leftOn is before the school joined (${membership.joinedOn})` });
      membership.leftOn = on;
      await tx.em.update(GroupMembership, { id: membership.id }, { leftOn: on }); // one UPDATE: save would read the row again
      await this.events.publish(tx, 'organisation.membership.removed', { groupId, schoolId, kind: membership.groupKind, on });
      return membership;
    });
  }

  /**
   * Renames a group, changes its mode or level from `effectiveOn` (a new row of its profile history; reports count
   * levels as of a date), or dissolves it on `effectiveOn` (every membership ends that day; rows stay as history).
   */
  async update(ctx: RequestContext, input: UpdateSchoolGroupInput): Promise<SchoolGroup> {
    const on = input.effectiveOn ?? ctx.today();
    if (on > ctx.today()) throw badInput('effectiveOn', { zh: '生效日期不能晚于今天', en: 'effectiveOn cannot be in the future' });
    const profileChange = input.mode !== undefined || input.level !== undefined;
    if (input.dissolve && (profileChange || input.name !== undefined)) throw badInput('dissolve', { zh: '解散共同体时请勿同时修改其他内容', en: 'Dissolve a group on its own, without other changes' });
    if (!input.dissolve && !profileChange && input.name === undefined) throw badInput('groupId', { zh: '没有需要修改的内容：请提供名称、模式、级别或解散', en: 'Nothing to change: give name, mode, level or dissolve' });
    if (input.mode === null) throw badInput('mode', { zh: '教联体必须有模式，请选择其他模式', en: 'A consortium keeps a mode; give another one' });
    return this.tx.run(ctx, async (tx) => {
      await this.access.requireGroups(tx, 'manage', [input.groupId]);
      const group = await tx.em.findOne(SchoolGroup, { where: { id: input.groupId }, lock: { mode: 'pessimistic_write' } });
      if (!group) throw notFound('School group', input.groupId);
      if (group.status !== GroupStatus.ACTIVE) throw conflict({ zh: '该共同体已解散', en: 'This group is dissolved' });
      if (input.name !== undefined) group.name = input.name;
      if (profileChange) await this.changeProfile(tx, group, input, on);
      if (input.dissolve) await this.dissolve(tx, group, on);
      await tx.em.save(group);
      return group;
    });
  }

  /** The group's mode and level from each day on, oldest first. Batched across groups. */
  profiles(ctx: RequestContext, groupId: string): Promise<SchoolGroupProfile[]> {
    return groupedBy<SchoolGroupProfile>(
      ctx,
      'groupProfiles',
      (ids) => ctx.em.find(SchoolGroupProfile, { where: { groupId: In(ids) }, order: { validFrom: 'ASC' } }),
      (p) => p.groupId,
    ).load(groupId);
  }

  private async changeProfile(tx: RequestContext, group: SchoolGroup, input: UpdateSchoolGroupInput, on: string) {
    if (input.mode !== undefined && group.kind !== GroupKind.CONSORTIUM) throw badInput('mode', { zh: '只有教联体（CONSORTIUM）才有模式', en: 'Only a consortium (CONSORTIUM) has a mode' });
    const mode = input.mode ?? group.mode;
    if (group.crossRegion && !(mode && CO_BUILT_MODES.includes(mode))) throw badInput('mode', { zh: '跨区域教联体须保持共建模式（CO_BUILT 或 FUSED_AND_CO_BUILT）', en: 'A cross-region consortium stays co-built (CO_BUILT or FUSED_AND_CO_BUILT)' });
    const before = { mode: group.mode, level: group.level };
    const after = { mode, level: input.level === undefined ? group.level : input.level };
    if (before.mode === after.mode && before.level === after.level) return;
    if (on < group.foundedOn) throw badInput('effectiveOn', { zh: `生效日期早于共同体成立日期（${group.foundedOn}）`, en: `effectiveOn is before the group was founded (${group.foundedOn})` });
    const latest = await tx.em.findOne(SchoolGroupProfile, { where: { groupId: group.id }, order: { validFrom: 'DESC' } });
    if (latest && on < latest.validFrom) throw badInput('effectiveOn', { zh: `模式或级别最近一次于 ${latest.validFrom} 变更，生效日期不能早于该日`, en: `The mode or level last changed on ${latest.validFrom}: effectiveOn must be on or after that day` });
    // A second change on the same day replaces that day's row.
    await tx.em.delete(SchoolGroupProfile, { groupId: group.id, validFrom: on });
    await writeGroupProfiles(tx.em, [{ groupId: group.id, validFrom: on, ...after, changedBy: tx.user.userId, createdAt: tx.now() }]);
    Object.assign(group, after);
    await this.events.publish(tx, 'organisation.group.profileChanged', { groupId: group.id, regionId: group.regionId, kind: group.kind, before, after, on });
  }

  private async dissolve(tx: RequestContext, group: SchoolGroup, on: string) {
    const [{ last }] = await tx.em.query(
      `SELECT greatest(max(joined_on), max(left_on), (SELECT max(valid_from) FROM school_group_profile WHERE group_id = $1))::text AS last FROM group_membership WHERE group_id = $1`,
      [group.id],
    );
    if (last && on < last) throw badInput('effectiveOn', { zh: `该共同体的记录已到 ${last}，只能在该日或之后解散`, en: `The group's history reaches ${last}: it can be dissolved on that day or later` });
    const ending = await tx.em.find(GroupMembership, { where: { groupId: group.id, leftOn: IsNull() }, order: { joinedOn: 'ASC', id: 'ASC' } });
    for (const m of ending) {
      m.leftOn = on;
      await tx.em.update(GroupMembership, { id: m.id }, { leftOn: on });
      await this.events.publish(tx, 'organisation.membership.removed', { groupId: group.id, schoolId: m.schoolId, kind: m.groupKind, on });
    }
    group.status = GroupStatus.DISSOLVED;
    group.dissolvedOn = on;
    const { id: groupId, regionId, kind, mode, level } = group;
    await this.events.publish(tx, 'organisation.group.dissolved', { groupId, regionId, kind, mode, level, on });
  }

  /** `fields`: the selection below the list, read in the same statement when it can be (directory-lookahead.ts). */
  async list(ctx: RequestContext, filter: SchoolGroupFilter = {}, page: PageArgs, fields?: SelectedField[] | null) {
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
    return paginate(qb, page, { columns: ['g.name', 'g.id'], values: (g) => [g.name, g.id] }, GROUP_PAGE.reader(ctx.em, fields));
  }

  load(ctx: RequestContext, id: string): Promise<SchoolGroup | null> {
    return byId(ctx, SchoolGroup, 'group').load(id);
  }

  /**
   * One group with the selection below it read in one statement when it can be (directory-lookahead.ts; RawJson for
   * a raw answer), else load.
   */
  async loadWith(ctx: RequestContext, id: string, fields: SelectedField[] | null): Promise<SchoolGroup | RawJson | null> {
    const read = await GROUP_NODE.read<SchoolGroup>(ctx.em, id, fields);
    return read === undefined ? this.load(ctx, id) : read;
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
      (ids) => ctx.em.find(GroupMembership, { where: { schoolId: In(ids), ...(includeFormer ? {} : { leftOn: IsNull() }) }, order: { joinedOn: 'ASC', id: 'ASC' } }),
      (m) => m.schoolId,
    ).load(schoolId);
  }

  /** A school joins only groups of its region subtree; an ALLIANCE and a cross-region co-built consortium may cross regions. */
  private async requireInRegion(ctx: RequestContext, group: Pick<SchoolGroup, 'kind' | 'crossRegion'>, regionId: string, school: School, field: string) {
    if (group.kind === GroupKind.ALLIANCE || group.crossRegion) return;
    const [{ inside }] = await ctx.em.query(
      `SELECT EXISTS (SELECT 1 FROM region r WHERE r.id = $1 AND r.path @> ARRAY[$2]::uuid[]) AS inside`,
      [school.regionId, regionId],
    );
    if (!inside) throw badInput(field, { zh: `${school.name} 不在该共同体所在区域，只有联盟（ALLIANCE）可以跨区域`, en: `${school.name} is not in the group's region; only an alliance (ALLIANCE) may cross regions` });
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
    if (current) throw conflict({ zh: '该校已是本共同体的成员校', en: 'This school is already a member of this group' }, { groupId: group.id, schoolId });
    // History must not overlap: a school re-joins a group, or joins another consortium, only after it left.
    const [earlier] = await ctx.em.query(
      `SELECT g.name, m.left_on FROM group_membership m JOIN school_group g ON g.id = m.group_id
        WHERE m.school_id = $1 AND m.left_on > $3 AND (m.group_id = $2 OR ($4 AND m.group_kind = 'CONSORTIUM'))
        ORDER BY m.left_on DESC LIMIT 1`,
      [schoolId, group.id, joinedOn, group.kind === GroupKind.CONSORTIUM],
    );
    if (earlier) {
      throw badInput('joinedOn', { zh: `该校至 ${earlier.left_on} 仍在 ${earlier.name}，加入日期不能早于该日`, en: `The school was still in ${earlier.name} until ${earlier.left_on}: joinedOn must be on or after that day` });
    }
    if (group.kind === GroupKind.CONSORTIUM) {
      const rows: { id: string; name: string }[] = await ctx.em.query(
        `SELECT g.id, g.name FROM group_membership m JOIN school_group g ON g.id = m.group_id
          WHERE m.school_id = $1 AND ${activeMembershipSql('m')} AND m.group_kind = 'CONSORTIUM'`,
        [schoolId],
      );
      if (rows.length) {
        throw conflict({ zh: `该校已加入教联体 ${rows[0].name}，一所学校同时最多加入一个教联体`, en: `This school is already in the consortium ${rows[0].name}; a school is in at most one active consortium` }, {
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
        throw conflict({ zh: '该校同时加入了另一个教联体，一所学校同时最多加入一个教联体', en: 'This school joined another consortium at the same moment; a school is in at most one active consortium' });
      }
      if (err?.code === '23505') throw conflict({ zh: '该校已是本共同体的成员校', en: 'This school is already a member of this group' });
      throw err;
    }
  }
}
