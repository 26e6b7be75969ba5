import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  badInput,
  conflict,
  forbidden,
  EventBus,
  groupedBy,
  notFound,
  paginate,
  TransactionService,
  type Msg,
  type PageArgs,
  type RequestContext,
} from '#app/core';
import { AccessService, Directory, managesGroupSql, NO_TEACHER, SchoolGroup, teachesAtSql } from '#app/organisation';
import { EvaluateMentoringPairInput, LogMentoringActivityInput, MentoringPairFilter, RequestMentorshipInput } from './dto/mentoring.input';
import { MentoringActivity, MentoringEvaluation, MentoringPair } from './entities/mentoring.entity';
import { MentoringProposer, MentoringStatus } from './enums';
import { MENTORING_STATUS_ZH } from './status-names';
import type { PairFact } from './events';
import { writeActivities, writeEvaluations, writePairs, type ActivityRow, type EvaluationRow, type PairRow } from './mentoring-rows';

const plusYears = (day: string, n: number) => `${Number(day.slice(0, 4)) + n}${day.slice(4)}`.replace(/-02-29$/, '-02-28');

/** The placeholders holding the caller's platform admin flag, regions (admin of), groups (manager of), schools (admin of), teacher. */
interface Slots {
  admin: string;
  regions: string;
  groups: string;
  schools: string;
  teacher: string;
}

/** Sees the pair (alias mp): the group's managers and region admins above it, the two teachers, their schools' admins. */
const pairViewSql = (s: Slots) =>
  `(${s.admin} OR ${managesGroupSql('mp.group_id', s.regions, s.groups)} OR mp.mentor_teacher_id = ${s.teacher} OR mp.apprentice_teacher_id = ${s.teacher}
    OR ${teachesAtSql('mp.mentor_teacher_id', `ANY(${s.schools})`)} OR ${teachesAtSql('mp.apprentice_teacher_id', `ANY(${s.schools})`)})`;

interface PairAccess {
  manager: boolean;
  side: 'MENTOR' | 'APPRENTICE' | null;
  view: boolean;
}

/**
 * 师徒结对. PROPOSED (by the apprentice, the mentor or a group manager) → ACTIVE or DECLINED (answered by the
 * other side; by the mentor when a manager proposed) → COMPLETED (with an evaluation) or DISSOLVED (with a
 * reason). A mentor has at most the group's mentor capacity of ACTIVE apprentices: acceptances for one mentor
 * are serialised on the mentor's row, so concurrent acceptances cannot overfill it.
 */
@Injectable()
export class MentoringService {
  constructor(
    private readonly tx: TransactionService,
    private readonly events: EventBus,
    private readonly access: AccessService,
  ) {}

  /** Managers of a group: platform admins, region admins above it, its group managers. */
  isManager(ctx: RequestContext, groupId: string): Promise<boolean> {
    return this.access.managesGroup(ctx, groupId);
  }

  private scope(ctx: RequestContext) {
    const p = ctx.user;
    return { admin: p.isPlatformAdmin, regions: p.regionIds, groups: p.groupIds, schools: p.schoolIds, me: p.teacherId ?? NO_TEACHER };
  }

  /** The caller's access to the pair, from the same rule as the list filter (one query). */
  private async pairAccess(ctx: RequestContext, pair: MentoringPair): Promise<PairAccess> {
    const p = ctx.user;
    const s = this.scope(ctx);
    const [row] = await ctx.em.query(
      `SELECT ${managesGroupSql('mp.group_id', '$3::uuid[]', '$4::uuid[]')} AS manager,
              ${pairViewSql({ admin: '$2::boolean', regions: '$3::uuid[]', groups: '$4::uuid[]', schools: '$5::uuid[]', teacher: '$6::uuid' })} AS view
         FROM mentoring_pair mp WHERE mp.id = $1`,
      [pair.id, s.admin, s.regions, s.groups, s.schools, s.me],
    );
    const side = p.teacherId === pair.mentorTeacherId ? 'MENTOR' : p.teacherId === pair.apprenticeTeacherId ? 'APPRENTICE' : null;
    return { manager: p.isPlatformAdmin || row.manager, side, view: row.view };
  }

  private async lockedPair(tx: RequestContext, id: string): Promise<{ pair: MentoringPair; access: PairAccess }> {
    const pair = await tx.em.findOne(MentoringPair, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!pair) throw notFound('Mentoring pair', id);
    const access = await this.pairAccess(tx, pair);
    // a pair the caller cannot see answers like an unknown id: no telling that it exists
    if (!access.view) throw notFound('Mentoring pair', id);
    return { pair, access };
  }

  /**
   * Writes `changes` to a pair loaded (and locked) in this transaction: one UPDATE (TypeORM's save would read the row
   * again first), with the request clock's time as updated_at (the column's default would write the wall clock).
   */
  private async write(tx: RequestContext, pair: MentoringPair, changes: Partial<Pick<MentoringPair, 'status' | 'responseNote' | 'activatedOn' | 'plannedEndOn' | 'endedOn' | 'evaluation' | 'dissolveReason'>>): Promise<MentoringPair> {
    const row = { ...changes, updatedAt: tx.now() };
    await tx.em.update(MentoringPair, { id: pair.id }, row);
    return Object.assign(pair, row);
  }

  private requireStatus(pair: MentoringPair, allowed: MentoringStatus[], action: Msg) {
    if (!allowed.includes(pair.status)) throw conflict({ zh: `无法${action.zh}：该师徒结对当前为“${MENTORING_STATUS_ZH[pair.status]}”状态`, en: `Cannot ${action.en}: the pair is ${pair.status}` }, { status: pair.status });
  }

  /** Teachers at active member schools of the group, with the school's role and pairing. */
  private members(ctx: RequestContext, groupId: string, teacherIds: string[]) {
    return this.access.groupTeachers(ctx, groupId, teacherIds);
  }

  async request(ctx: RequestContext, input: RequestMentorshipInput): Promise<MentoringPair> {
    if (input.mentorTeacherId === input.apprenticeTeacherId) throw badInput('apprenticeTeacherId', { zh: '教师不能与自己结对', en: 'A teacher cannot mentor themselves' });
    if (input.plannedEndOn && input.plannedEndOn <= ctx.today()) throw badInput('plannedEndOn', { zh: '计划结束日期须晚于今天', en: 'plannedEndOn must be in the future' });
    return this.tx.run(ctx, async (tx) => {
      const group = await Directory.group(tx, input.groupId);
      if (!group) throw notFound('School group', input.groupId);
      const p = tx.user;
      const proposer =
        p.teacherId === input.apprenticeTeacherId
          ? MentoringProposer.APPRENTICE
          : p.teacherId === input.mentorTeacherId
            ? MentoringProposer.MENTOR
            : (await this.isManager(tx, group.id))
              ? MentoringProposer.MANAGER
              : null;
      if (!proposer) throw forbidden({ zh: '只有徒弟、师傅或共同体管理员可以发起师徒结对', en: 'Only the apprentice, the mentor or a manager of the group proposes a pair' });
      const members = await this.members(tx, group.id, [input.mentorTeacherId, input.apprenticeTeacherId]);
      if (!members.has(input.mentorTeacherId)) throw badInput('mentorTeacherId', { zh: '师傅不在本共同体的在册成员校任教', en: 'The mentor does not teach at an active member school of the group' });
      if (!members.has(input.apprenticeTeacherId)) throw badInput('apprenticeTeacherId', { zh: '徒弟不在本共同体的在册成员校任教', en: 'The apprentice does not teach at an active member school of the group' });
      const mentor = (await Directory.teacher(tx, input.mentorTeacherId))!;
      if (!mentor.subjects.includes(input.subject)) throw badInput('subject', { zh: `${mentor.name} 不任教${input.subject}`, en: `${mentor.name} does not teach ${input.subject}` });
      const open = await tx.em.findOne(MentoringPair, {
        where: { mentorTeacherId: input.mentorTeacherId, apprenticeTeacherId: input.apprenticeTeacherId, subject: input.subject, status: In([MentoringStatus.PROPOSED, MentoringStatus.ACTIVE]) },
      });
      if (open) throw conflict({ zh: `这两位教师在${input.subject}学科已有“${MENTORING_STATUS_ZH[open.status]}”的师徒结对`, en: `These two already have a ${open.status} pair for ${input.subject}` }, { pairId: open.id });
      const now = tx.now();
      const row: PairRow = {
        id: tx.newId('mentoring_pair'),
        groupId: group.id,
        mentorTeacherId: input.mentorTeacherId,
        apprenticeTeacherId: input.apprenticeTeacherId,
        subject: input.subject,
        status: MentoringStatus.PROPOSED,
        proposedBy: proposer,
        proposedByUser: p.userId,
        goals: input.goals ?? [],
        plannedEndOn: input.plannedEndOn ?? null,
        responseNote: null,
        activatedOn: null,
        endedOn: null,
        evaluation: null,
        dissolveReason: null,
        createdAt: now,
        updatedAt: now,
      };
      try {
        await writePairs(tx.em, [row]);
      } catch (err: any) {
        if (err?.code === '23505') throw conflict({ zh: `这两位教师在${input.subject}学科已有未结束的师徒结对`, en: `These two already have an open pair for ${input.subject}` });
        throw err;
      }
      await this.events.publish(tx, 'mentoring.pair.requested', {
        pairId: row.id,
        groupId: row.groupId,
        subject: row.subject,
        mentorTeacherId: row.mentorTeacherId,
        apprenticeTeacherId: row.apprenticeTeacherId,
        proposedBy: proposer,
        answererTeacherId: proposer === MentoringProposer.MENTOR ? row.apprenticeTeacherId : row.mentorTeacherId,
      });
      return tx.em.create(MentoringPair, row);
    });
  }

  respond(ctx: RequestContext, pairId: string, accept: boolean, note?: string | null): Promise<MentoringPair> {
    if (note && note.length > 1000) throw badInput('note', { zh: '备注最多 1000 字', en: 'note is at most 1,000 characters' });
    return this.tx.run(ctx, async (tx) => {
      const { pair, access } = await this.lockedPair(tx, pairId);
      this.requireStatus(pair, [MentoringStatus.PROPOSED], { zh: '答复', en: 'respond' });
      const answerer = pair.proposedBy === MentoringProposer.MENTOR ? 'APPRENTICE' : 'MENTOR';
      if (access.side !== answerer) throw forbidden(answerer === 'MENTOR' ? { zh: '此申请由师傅答复', en: 'The mentor answers this request' } : { zh: '此邀请由徒弟答复', en: 'The apprentice answers this invitation' });
      const responseNote = note ?? null;
      await this.events.publish(tx, 'mentoring.pair.answered', { pairId: pair.id, groupId: pair.groupId, accepted: accept });
      if (!accept) return this.write(tx, pair, { responseNote, status: MentoringStatus.DECLINED });
      // Serialise acceptances per mentor: the capacity check and the activation are one step.
      const { name } = (await Directory.teacher(tx, pair.mentorTeacherId, { lock: true }))!;
      const { mentorCapacity: capacity } = (await Directory.group(tx, pair.groupId))!;
      const active = (await this.activeApprentices(tx, pair.groupId, [pair.mentorTeacherId])).get(pair.mentorTeacherId) ?? 0;
      if (active >= capacity) throw conflict({ zh: `${name} 在本共同体已带 ${active} 名徒弟（上限 ${capacity} 名）`, en: `${name} already mentors ${active} apprentice(s) in this group (capacity ${capacity})` }, { capacity, active });
      const today = tx.today();
      const saved = await this.write(tx, pair, { responseNote, status: MentoringStatus.ACTIVE, activatedOn: today, plannedEndOn: pair.plannedEndOn ?? plusYears(today, 3) });
      await this.events.publish(tx, 'mentoring.pair.activated', await this.fact(tx, pair, today));
      return saved;
    });
  }

  complete(ctx: RequestContext, pairId: string, evaluation: string): Promise<MentoringPair> {
    if (!evaluation?.trim()) throw badInput('evaluation', { zh: '请填写结业评价', en: 'Give a final evaluation' });
    if (evaluation.length > 5000) throw badInput('evaluation', { zh: '评价最多 5000 字', en: 'evaluation is at most 5,000 characters' });
    return this.tx.run(ctx, async (tx) => {
      const { pair, access } = await this.lockedPair(tx, pairId);
      if (!access.manager && access.side !== 'MENTOR') throw forbidden({ zh: '只有师傅或共同体管理员可以办理结业', en: 'The mentor or a group manager completes a pair' });
      this.requireStatus(pair, [MentoringStatus.ACTIVE], { zh: '结业', en: 'complete' });
      const today = tx.today();
      const saved = await this.write(tx, pair, { status: MentoringStatus.COMPLETED, endedOn: today, evaluation });
      await this.events.publish(tx, 'mentoring.pair.completed', await this.fact(tx, pair, today));
      return saved;
    });
  }

  dissolve(ctx: RequestContext, pairId: string, reason: string): Promise<MentoringPair> {
    if (!reason?.trim()) throw badInput('reason', { zh: '请填写原因', en: 'Give a reason' });
    if (reason.length > 1000) throw badInput('reason', { zh: '原因最多 1000 字', en: 'reason is at most 1,000 characters' });
    return this.tx.run(ctx, async (tx) => {
      const { pair, access } = await this.lockedPair(tx, pairId);
      if (!access.manager && !access.side) throw forbidden({ zh: '只有师徒双方或共同体管理员可以解除结对', en: 'Either side or a group manager dissolves a pair' });
      this.requireStatus(pair, [MentoringStatus.PROPOSED, MentoringStatus.ACTIVE], { zh: '解除', en: 'dissolve' });
      const wasActive = pair.status === MentoringStatus.ACTIVE;
      const today = tx.today();
      const saved = await this.write(tx, pair, { status: MentoringStatus.DISSOLVED, endedOn: today, dissolveReason: reason });
      await this.events.publish(tx, 'mentoring.pair.dissolved', { ...(await this.fact(tx, pair, today)), wasActive });
      return saved;
    });
  }

  logActivity(ctx: RequestContext, input: LogMentoringActivityInput): Promise<MentoringActivity> {
    if (input.occurredOn > ctx.today()) throw badInput('occurredOn', { zh: '活动日期不能晚于今天', en: 'occurredOn cannot be in the future' });
    return this.tx.run(ctx, async (tx) => {
      const { pair, access } = await this.lockedPair(tx, input.pairId);
      if (!access.side) throw forbidden({ zh: '只有师傅或徒弟可以记录带教活动', en: 'The mentor or the apprentice logs their activities' });
      this.requireStatus(pair, [MentoringStatus.ACTIVE], { zh: '记录活动', en: 'log an activity' });
      if (pair.activatedOn && input.occurredOn < pair.activatedOn) throw badInput('occurredOn', { zh: `该师徒结对始于 ${pair.activatedOn}，活动日期不能早于此日`, en: `The pair started on ${pair.activatedOn}` });
      const row: ActivityRow = {
        id: tx.newId('mentoring_activity'),
        pairId: pair.id,
        kind: input.kind,
        occurredOn: input.occurredOn,
        durationMinutes: input.durationMinutes ?? null,
        notes: input.notes ?? null,
        loggedByTeacherId: tx.user.teacherId!,
        createdAt: tx.now(),
      };
      await writeActivities(tx.em, [row]);
      return tx.em.create(MentoringActivity, row);
    });
  }

  evaluate(ctx: RequestContext, input: EvaluateMentoringPairInput): Promise<MentoringEvaluation> {
    return this.tx.run(ctx, async (tx) => {
      const { pair, access } = await this.lockedPair(tx, input.pairId);
      if (!access.manager && access.side !== 'MENTOR') throw forbidden({ zh: '只有师傅或共同体管理员可以进行评价', en: 'The mentor or a group manager evaluates a pair' });
      this.requireStatus(pair, [MentoringStatus.ACTIVE, MentoringStatus.COMPLETED], { zh: '评价', en: 'evaluate' });
      const unknown = pair.goals.length ? input.scores.findIndex((s) => !pair.goals.includes(s.goal)) : -1;
      if (unknown >= 0) throw badInput(`scores.${unknown}.goal`, { zh: `“${input.scores[unknown].goal}”不是该师徒结对的目标（${pair.goals.join('、')}）`, en: `"${input.scores[unknown].goal}" is not a goal of this pair (${pair.goals.join('、')})` });
      const twice = input.scores.findIndex((s, i) => input.scores.findIndex((x) => x.goal === s.goal) !== i);
      if (twice >= 0) throw badInput(`scores.${twice}.goal`, { zh: '每个目标只能评分一次', en: 'Each goal is scored once' });
      if (await tx.em.existsBy(MentoringEvaluation, { pairId: pair.id, period: input.period })) throw conflict({ zh: `该师徒结对已有 ${input.period} 的评价`, en: `This pair is already evaluated for ${input.period}` });
      const row: EvaluationRow = {
        id: tx.newId('mentoring_evaluation'),
        pairId: pair.id,
        period: input.period,
        scores: input.scores.map((s) => ({ goal: s.goal, score: s.score })),
        comment: input.comment ?? null,
        evaluatedBy: tx.user.userId,
        createdAt: tx.now(),
      };
      await writeEvaluations(tx.em, [row]);
      return tx.em.create(MentoringEvaluation, row);
    });
  }

  async setCapacity(ctx: RequestContext, groupId: string, capacity: number): Promise<SchoolGroup> {
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 20) throw badInput('capacity', { zh: '带徒上限须为 1 至 20 之间的整数', en: 'capacity is a whole number from 1 to 20' });
    return this.tx.run(ctx, async (tx) => {
      if (!(await this.isManager(tx, groupId))) throw forbidden({ zh: '只有共同体管理员和上级区域管理员可以修改其设置', en: 'Only the group managers and region admins above it change its settings' });
      return Directory.setMentorCapacity(tx, groupId, capacity);
    });
  }

  /** Pairs the caller may see (alias mp), the one rule of the list and of a single pair. */
  private visible(ctx: RequestContext) {
    const qb = ctx.em.createQueryBuilder(MentoringPair, 'mp');
    return qb.where(pairViewSql({ admin: ':admin::boolean', regions: ':regions::uuid[]', groups: ':groups::uuid[]', schools: ':schools::uuid[]', teacher: ':me::uuid' }), this.scope(ctx));
  }

  /** One pair, for those who see it in the list; null otherwise (no telling that it exists). */
  get(ctx: RequestContext, id: string): Promise<MentoringPair | null> {
    return this.visible(ctx).andWhere('mp.id = :id', { id }).getOne();
  }

  async list(ctx: RequestContext, filter: MentoringPairFilter = {}, page: PageArgs) {
    const qb = this.visible(ctx);
    if (filter.groupId) qb.andWhere('mp.group_id = :groupId', { groupId: filter.groupId });
    if (filter.teacherId) qb.andWhere('(mp.mentor_teacher_id = :t OR mp.apprentice_teacher_id = :t)', { t: filter.teacherId });
    if (filter.status) qb.andWhere('mp.status = :status', { status: filter.status });
    return paginate(qb, page, { columns: ["date_trunc('milliseconds', mp.created_at)", 'mp.id'], values: (x) => [x.createdAt.toISOString(), x.id] });
  }

  /** The pair's activities, batched; notes only for the pair themselves (managers see counts and kinds). */
  async activities(ctx: RequestContext, pair: MentoringPair): Promise<MentoringActivity[]> {
    const rows = await groupedBy<MentoringActivity>(
      ctx,
      'mentoringActivities',
      (ids) => ctx.em.find(MentoringActivity, { where: { pairId: In(ids) }, order: { occurredOn: 'ASC', createdAt: 'ASC' } }),
      (a) => a.pairId,
    ).load(pair.id);
    const mine = ctx.principal?.teacherId === pair.mentorTeacherId || ctx.principal?.teacherId === pair.apprenticeTeacherId;
    return mine ? rows : rows.map((a) => ({ ...a, notes: null }));
  }

  evaluations(ctx: RequestContext, pairId: string): Promise<MentoringEvaluation[]> {
    return groupedBy<MentoringEvaluation>(
      ctx,
      'mentoringEvaluations',
      (ids) => ctx.em.find(MentoringEvaluation, { where: { pairId: In(ids) }, order: { period: 'ASC' } }),
      (e) => e.pairId,
    ).load(pairId);
  }

  /** How many ACTIVE apprentices each of the mentors has in the group (mentors without any are left out). */
  async activeApprentices(ctx: RequestContext, groupId: string, mentorIds: string[]): Promise<Map<string, number>> {
    const rows: { mentor: string; n: number }[] = await ctx.em.query(
      `SELECT mentor_teacher_id AS mentor, count(*)::int AS n FROM mentoring_pair WHERE group_id = $1 AND mentor_teacher_id = ANY($2::uuid[]) AND status = $3 GROUP BY 1`,
      [groupId, mentorIds, MentoringStatus.ACTIVE],
    );
    return new Map(rows.map((r) => [r.mentor, r.n]));
  }

  /** A pair's fact on `on`: the apprentice's school is the one it is counted for. */
  private async fact(tx: RequestContext, pair: MentoringPair, on: string): Promise<PairFact> {
    const { schoolId } = (await Directory.teacher(tx, pair.apprenticeTeacherId))!;
    return { pairId: pair.id, groupId: pair.groupId, apprenticeSchoolId: schoolId, on };
  }
}
