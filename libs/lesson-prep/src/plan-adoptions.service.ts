import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  badInput,
  chinaDay,
  chinaDaySql,
  conflict,
  forbidden,
  groupedBy,
  paginate,
  EventBus,
  TransactionService,
  type PageArgs,
  type RequestContext,
} from '#app/core';
import { Exchanges } from '#app/activity';
import { AccessService, Directory } from '#app/organisation';
import { LessonPlanAdoptionFilter, RecordAdoptionInput } from './dto/lesson-prep.input';
import { LessonPlan, LessonPlanAdoption } from './entities/lesson-prep.entity';
import { LessonPlanEventType, LessonPlanKind } from './enums';
import { LessonPrepAccess } from './lesson-prep-access';
import { PlanEventsService } from './plan-events.service';

/** 同上课: a member school taught a published plan (which school, when, by whom), counted on the day it was taught. */
@Injectable()
export class PlanAdoptionsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly domainEvents: EventBus,
    private readonly access: LessonPrepAccess,
    private readonly groups: AccessService,
    private readonly events: PlanEventsService,
  ) {}

  recordAdoption(ctx: RequestContext, input: RecordAdoptionInput): Promise<LessonPlanAdoption> {
    if (input.taughtOn > ctx.today()) throw badInput('taughtOn', { zh: '授课日期不能晚于今天', en: 'taughtOn cannot be in the future' });
    return this.tx.run(ctx, async (tx) => {
      const a = await this.access.requirePlan(tx, input.planId, 'read');
      let source = a.plan;
      let adaptationId: string | null = null;
      if (source.kind === LessonPlanKind.ADAPTATION) {
        adaptationId = source.id;
        source = await tx.em.findOneByOrFail(LessonPlan, { id: source.sourcePlanId! });
      }
      if (source.publishedVersion === null || !source.firstPublishedAt) throw badInput('planId', { zh: '只有已发布的教案才能登记授课', en: 'Only published plans are taught and recorded' });
      if (input.taughtOn < chinaDay(source.firstPublishedAt)) throw badInput('taughtOn', { zh: `该教案于 ${chinaDay(source.firstPublishedAt)} 发布，授课日期不能早于此日`, en: `The plan was published on ${chinaDay(source.firstPublishedAt)}` });
      if (!(await this.groups.activeMemberSchools(tx, source.groupId, [input.schoolId])).has(input.schoolId)) throw badInput('schoolId', { zh: '该校不是此教案所属共同体的在册成员校', en: 'The school is not an active member of the plan’s group' });
      // a teacher of the school that day (transfers count from their date), or one on an exchange there (交流轮岗, 支教, 走教)
      const there =
        (await Directory.schoolOn(tx, input.teacherId, input.taughtOn)) === input.schoolId || (await Exchanges.atSchoolOn(tx, input.teacherId, input.schoolId, input.taughtOn));
      if (!there) throw badInput('teacherId', { zh: '该教师当天既不在这所学校任教，也未在此交流轮岗', en: 'The teacher neither taught at this school that day nor was on an exchange there' });
      const p = tx.user;
      const allowed = p.teacherId === input.teacherId || p.schoolIds.includes(input.schoolId) || (await this.groups.managesGroup(tx, source.groupId));
      if (!allowed) throw forbidden({ zh: '只有授课教师、其所在学校管理员或共同体管理员可以登记授课', en: 'The teacher, their school’s admins or the group managers record a lesson' });
      // the version taught: an adaptation's copied version, or the team's version published by that day
      let version = adaptationId ? a.plan.sourceVersion! : source.publishedVersion;
      if (!adaptationId) {
        const [inForce] = await tx.em.query(
          `SELECT max(version) AS v FROM lesson_plan_revision WHERE plan_id = $1 AND published_at IS NOT NULL AND ${chinaDaySql('published_at')} <= $2`,
          [source.id, input.taughtOn],
        );
        version = inForce?.v ?? version;
      }
      const rows: { id: string }[] = await tx.em.query(
        `INSERT INTO lesson_plan_adoption (id, plan_id, version, adaptation_id, group_id, school_id, teacher_id, taught_on, class_name, reflection, recorded_by, created_at)
         VALUES ($11, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $12) ON CONFLICT DO NOTHING RETURNING id`,
        [source.id, version, adaptationId, source.groupId, input.schoolId, input.teacherId, input.taughtOn, input.className ?? '', input.reflection ?? null, p.userId, tx.newId('lesson_plan_adoption'), tx.now()],
      );
      if (!rows.length) throw conflict({ zh: '该节课已登记过（同一教案、教师、日期和班级）', en: 'This lesson is already recorded (same plan, teacher, day and class)' });
      // counted on the day it was taught: group total, the school's row, every ancestor region
      await this.domainEvents.publish(tx, 'lesson-prep.adoption.recorded', { adoptionId: rows[0].id, planId: source.id, groupId: source.groupId, schoolId: input.schoolId, taughtOn: input.taughtOn });
      await this.events.emit(tx, source, LessonPlanEventType.ADOPTION_RECORDED, { published: true });
      return tx.em.findOneByOrFail(LessonPlanAdoption, { id: rows[0].id });
    });
  }

  /** The lessons taught from a plan (batched): a team plan's, or those taught from a teacher's adaptation (二次备课). */
  planAdoptions(ctx: RequestContext, plan: Pick<LessonPlan, 'id' | 'kind'>): Promise<LessonPlanAdoption[]> {
    const column = plan.kind === LessonPlanKind.ADAPTATION ? 'adaptationId' : 'planId';
    return groupedBy<LessonPlanAdoption>(
      ctx,
      `lessonPlanAdoptions.${column}`,
      (ids) => ctx.em.find(LessonPlanAdoption, { where: { [column]: In(ids) }, order: { taughtOn: 'ASC', createdAt: 'ASC' } }),
      (x) => x[column]!,
    ).load(plan.id);
  }

  async adoptions(ctx: RequestContext, filter: LessonPlanAdoptionFilter = {}, page: PageArgs) {
    if (filter.from && filter.to && filter.from > filter.to) throw badInput('filter.to', { zh: '结束日期不能早于开始日期', en: 'to must not be before from' });
    const read = this.access.readCondition(ctx);
    const qb = ctx.em.createQueryBuilder(LessonPlanAdoption, 'a').where(`EXISTS (SELECT 1 FROM lesson_plan p WHERE p.id = a.plan_id AND ${read.sql})`, read.params);
    if (filter.planId) qb.andWhere('a.plan_id = :planId', { planId: filter.planId });
    if (filter.groupId) qb.andWhere('a.group_id = :groupId', { groupId: filter.groupId });
    if (filter.schoolId) qb.andWhere('a.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.teacherId) qb.andWhere('a.teacher_id = :teacherId', { teacherId: filter.teacherId });
    if (filter.from) qb.andWhere('a.taught_on >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.taught_on <= :to', { to: filter.to });
    return paginate(qb, page, { columns: ['a.taught_on', 'a.id'], values: (x) => [x.taughtOn, x.id], descending: true });
  }
}
