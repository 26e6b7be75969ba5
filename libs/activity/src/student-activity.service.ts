import { Injectable } from '@nestjs/common';
import { AccessService } from '#app/organisation';
import { In } from 'typeorm';
import { badInput, EventBus, paginate, TransactionService, type PageArgs, type RequestContext } from '#app/core';
import { ActivityAccess } from './activity-access';
import { RecordStudentActivityInput, StudentActivityFilter } from './dto/student-activity.input';
import { StudentActivity, StudentActivitySchool } from './entities/student-activity.entity';
import { writeStudentActivities, writeStudentActivitySchools, type StudentActivityRow } from './activity-rows';

/**
 * Joint student activities of a group's member schools. Counted in the rollups on heldOn: the activity (key = type)
 * for the group, every region above it and each school that took part; its participants for the group and the
 * regions only (how they split between schools is not recorded).
 */
@Injectable()
export class StudentActivityService {
  constructor(
    private readonly tx: TransactionService,
    private readonly access: ActivityAccess,
    private readonly orgAccess: AccessService,
    private readonly events: EventBus,
  ) {}

  async record(ctx: RequestContext, input: RecordStudentActivityInput): Promise<StudentActivity> {
    if (input.heldOn < '2000-01-01' || input.heldOn > '2100-12-31') throw badInput('heldOn', { zh: '活动日期须在 2000 年至 2100 年之间', en: 'heldOn must be between 2000 and 2100' });
    const schoolIds = [...new Set(input.schoolIds.map((id) => id.toLowerCase()))];
    return this.tx.run(ctx, async (tx) => {
      await this.access.requireManager(tx, input.groupId, null, { zh: "只有共同体管理员和上级区域管理员可以登记学生活动", en: "Only the group's managers and the region admins above it record its student activities" });
      const memberIds = await this.orgAccess.activeMemberSchools(tx, input.groupId, schoolIds);
      const outsider = schoolIds.find((id) => !memberIds.has(id));
      if (outsider) throw badInput('schoolIds', { zh: `学校 ${outsider} 不是本共同体的在册成员校`, en: `School ${outsider} is not an active member of the group` });
      const row: StudentActivityRow = {
        id: tx.newId('student_activity'),
        groupId: input.groupId,
        title: input.title,
        type: input.type,
        participantCount: input.participantCount,
        heldOn: input.heldOn,
        description: input.description ?? null,
        createdBy: tx.user.userId,
        createdAt: tx.now(),
      };
      await writeStudentActivities(tx.em, [row]);
      const activity = tx.em.create(StudentActivity, row);
      await writeStudentActivitySchools(tx.em, schoolIds.map((schoolId) => ({ activityId: activity.id, schoolId })));
      await this.events.publish(tx, 'activity.student-activity.recorded', {
        activityId: activity.id,
        groupId: activity.groupId,
        activityType: activity.type,
        heldOn: activity.heldOn,
        participantCount: activity.participantCount,
        schoolIds,
      });
      return activity;
    });
  }

  async list(ctx: RequestContext, filter: StudentActivityFilter = {}, page: PageArgs) {
    const scope = this.access.activitiesViewable(ctx);
    const qb = ctx.em.createQueryBuilder(StudentActivity, 'a').where(scope.sql, scope.params);
    if (filter.groupId) qb.andWhere('a.group_id = :groupId', { groupId: filter.groupId });
    if (filter.schoolId) {
      qb.andWhere('EXISTS (SELECT 1 FROM student_activity_school z WHERE z.activity_id = a.id AND z.school_id = :schoolId)', { schoolId: filter.schoolId });
    }
    if (filter.type) qb.andWhere('a.type = :type', { type: filter.type });
    if (filter.from) qb.andWhere('a.held_on >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.held_on <= :to', { to: filter.to });
    return paginate(qb, page, { columns: ['a.held_on', 'a.id'], values: (a) => [a.heldOn, a.id] });
  }

  /** The schools that took part; batched per request. */
  schoolIds(ctx: RequestContext, activityId: string): Promise<string[]> {
    return ctx
      .loader<string, string[]>('studentActivitySchools', async (ids) => {
        const rows = await ctx.em.find(StudentActivitySchool, { where: { activityId: In([...ids]) } });
        return ids.map((id) => rows.filter((r) => r.activityId === id).map((r) => r.schoolId));
      })
      .load(activityId);
  }

}
