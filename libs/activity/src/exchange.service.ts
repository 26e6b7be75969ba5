import { Injectable } from '@nestjs/common';
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
import { AccessService, Directory, type Teacher } from '#app/organisation';
import { ActivityAccess } from './activity-access';
import { RecordTeacherExchangeInput, TeacherExchangeFilter } from './dto/exchange.input';
import { TeacherExchange } from './entities/teacher-exchange.entity';
import { writeExchanges, type ExchangeRow } from './activity-rows';

const MANAGE = { zh: "只有共同体管理员、上级区域管理员和教师所在学校的管理员可以登记交流轮岗", en: "Only the group's managers, the region admins above it and the teacher's school admins record its exchanges" };
const inRange = (d: string) => d >= '2000-01-01' && d <= '2100-12-31';

/**
 * Teacher exchanges. Periods are inclusive days [startsOn, endsOn]; endsOn null is open-ended. A teacher is on at
 * most one exchange on any day (checked under a lock on the teacher row; the database also keeps one open one).
 * Counted in the rollups on startsOn: the exchange by kind and the exchanged teacher, for the group, the
 * to-school and every region above the group.
 */
@Injectable()
export class ExchangeService {
  constructor(
    private readonly tx: TransactionService,
    private readonly access: ActivityAccess,
    private readonly orgAccess: AccessService,
    private readonly events: EventBus,
  ) {}

  async record(ctx: RequestContext, raw: RecordTeacherExchangeInput): Promise<TeacherExchange> {
    const lower = (id: string) => id.toLowerCase();
    const input = { ...raw, groupId: lower(raw.groupId), teacherId: lower(raw.teacherId), fromSchoolId: lower(raw.fromSchoolId), toSchoolId: lower(raw.toSchoolId) };
    if (!inRange(input.startsOn)) throw badInput('startsOn', { zh: '开始日期须在 2000 年至 2100 年之间', en: 'startsOn must be between 2000 and 2100' });
    if (input.endsOn && input.endsOn < input.startsOn) throw badInput('endsOn', { zh: '结束日期不能早于开始日期', en: 'endsOn must not be before startsOn' });
    if (input.endsOn && !inRange(input.endsOn)) throw badInput('endsOn', { zh: '结束日期须在 2000 年至 2100 年之间', en: 'endsOn must be between 2000 and 2100' });
    if (input.fromSchoolId === input.toSchoolId) throw badInput('toSchoolId', { zh: '交流须去往另一所学校：流入校（toSchoolId）不能与流出校（fromSchoolId）相同', en: 'The teacher goes to another school: toSchoolId must differ from fromSchoolId' });
    return this.tx.run(ctx, async (tx) => {
      await this.access.requireManager(tx, input.groupId, input.fromSchoolId, MANAGE);
      const memberIds = await this.orgAccess.activeMemberSchools(tx, input.groupId, [input.fromSchoolId, input.toSchoolId]);
      for (const field of ['fromSchoolId', 'toSchoolId'] as const) {
        if (!memberIds.has(input[field])) throw badInput(field, { zh: `学校 ${input[field]} 不是本共同体的在册成员校`, en: `School ${input[field]} is not an active member of the group` });
      }
      // The lock serialises exchanges of one teacher, so the overlap check below holds.
      const teacher = await Directory.teacher(tx, input.teacherId, { lock: true });
      if (!teacher) throw notFound('Teacher', input.teacherId);
      if (teacher.schoolId !== input.fromSchoolId) throw badInput('teacherId', { zh: `${teacher.name} 不在流出校（fromSchoolId）任教`, en: `${teacher.name} does not work at the from-school (fromSchoolId)` });
      await this.refuseOverlap(tx, teacher, input.startsOn, input.endsOn ?? null, null);
      const now = tx.now();
      const row: ExchangeRow = {
        id: tx.newId('teacher_exchange'),
        groupId: input.groupId,
        teacherId: teacher.id,
        fromSchoolId: input.fromSchoolId,
        toSchoolId: input.toSchoolId,
        kind: input.kind,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        note: input.note ?? null,
        createdBy: tx.user.userId,
        createdAt: now,
        updatedAt: now,
      };
      await writeExchanges(tx.em, [row]);
      const exchange = tx.em.create(TeacherExchange, row);
      const { id: exchangeId, groupId, teacherId, kind: exchangeKind, fromSchoolId, toSchoolId, startsOn } = exchange;
      await this.events.publish(tx, 'activity.exchange.recorded', { exchangeId, groupId, teacherId, exchangeKind, fromSchoolId, toSchoolId, startsOn });
      return exchange;
    });
  }

  /** Sets the last day of an exchange; on one that already has a last day, moves it (earlier, or later to extend it). */
  async end(ctx: RequestContext, id: string, endsOn: string): Promise<TeacherExchange> {
    if (!inRange(endsOn)) throw badInput('endsOn', { zh: '结束日期须在 2000 年至 2100 年之间', en: 'endsOn must be between 2000 and 2100' });
    return this.tx.run(ctx, async (tx) => {
      const exchange = await tx.em.findOne(TeacherExchange, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!exchange) throw notFound('Teacher exchange', id);
      await this.access.requireManager(tx, exchange.groupId, exchange.fromSchoolId, MANAGE);
      if (endsOn < exchange.startsOn) throw badInput('endsOn', { zh: `结束日期不能早于交流开始日期（${exchange.startsOn}）`, en: `endsOn must not be before the exchange starts (${exchange.startsOn})` });
      if (exchange.endsOn === endsOn) return exchange;
      const teacher = (await Directory.teacher(tx, exchange.teacherId, { lock: true }))!;
      await this.refuseOverlap(tx, teacher, exchange.startsOn, endsOn, exchange.id);
      exchange.endsOn = endsOn;
      return tx.em.save(exchange);
    });
  }

  private async refuseOverlap(tx: RequestContext, teacher: Teacher, startsOn: string, endsOn: string | null, except: string | null) {
    const [other] = await tx.em.query(
      `SELECT id, starts_on::text, ends_on::text FROM teacher_exchange
        WHERE teacher_id = $1 AND id IS DISTINCT FROM $4::uuid
          AND starts_on <= coalesce($3::date, 'infinity'::date) AND coalesce(ends_on, 'infinity'::date) >= $2::date
        ORDER BY starts_on LIMIT 1`,
      [teacher.id, startsOn, endsOn, except],
    );
    if (other) {
      const period = other.ends_on ? `${other.starts_on} – ${other.ends_on}` : `open-ended since ${other.starts_on}`;
      throw conflict({ zh: `${teacher.name} 在该期间（${period}）已有交流轮岗安排`, en: `${teacher.name} is already on an exchange in that period (${period})` }, { exchangeId: other.id });
    }
  }

  async list(ctx: RequestContext, filter: TeacherExchangeFilter = {}, page: PageArgs) {
    const scope = this.access.exchangesViewable(ctx);
    const qb = ctx.em.createQueryBuilder(TeacherExchange, 'e').where(scope.sql, scope.params);
    if (filter.groupId) qb.andWhere('e.group_id = :groupId', { groupId: filter.groupId });
    if (filter.schoolId) qb.andWhere('(e.from_school_id = :schoolId OR e.to_school_id = :schoolId)', { schoolId: filter.schoolId });
    if (filter.teacherId) qb.andWhere('e.teacher_id = :teacherId', { teacherId: filter.teacherId });
    if (filter.kind) qb.andWhere('e.kind = :kind', { kind: filter.kind });
    if (filter.from) qb.andWhere('(e.ends_on IS NULL OR e.ends_on >= :from)', { from: filter.from });
    if (filter.to) qb.andWhere('e.starts_on <= :to', { to: filter.to });
    return paginate(qb, page, { columns: ['e.starts_on', 'e.id'], values: (e) => [e.startsOn, e.id] });
  }

}
