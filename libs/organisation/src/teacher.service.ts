import { Injectable } from '@nestjs/common';
import { activeMemberSchoolSql } from './access/scope-rules';
import { In, IsNull } from 'typeorm';
import { AppError, badInput, ErrorCode, EventBus, notFound, paginate, TransactionService, type PageArgs, type RequestContext } from '#app/core';
import { AccessService } from './access.service';
import { CreateTeacherInput, TeacherFilter, UpdateTeacherInput } from './dto/teacher.input';
import { Teacher, TeacherAssignment } from './entities/teacher.entity';
import { byId, groupedBy } from '#app/core';
import { escapeLike } from './school.service';
import { writeAssignments, writeTeachers, type TeacherRow } from './organisation-rows';

@Injectable()
export class TeacherService {
  constructor(
    private readonly tx: TransactionService,
    private readonly access: AccessService,
    private readonly events: EventBus,
  ) {}

  async create(ctx: RequestContext, input: CreateTeacherInput): Promise<Teacher> {
    return this.tx.run(ctx, async (tx) => {
      await this.access.requireSchools(tx, 'staff', [input.schoolId]);
      await this.requireFreeStaffNo(tx, input.staffNo);
      const now = tx.now();
      const row: TeacherRow = {
        id: tx.newId('teacher'),
        name: input.name,
        schoolId: input.schoolId,
        subjects: [...new Set(input.subjects)],
        stage: input.stage,
        title: input.title ?? null,
        yearsOfExperience: input.yearsOfExperience,
        honours: [...new Set(input.honours ?? [])],
        educationLevel: input.educationLevel ?? null,
        backboneLevel: input.backboneLevel ?? null,
        fullTime: input.fullTime ?? true,
        email: input.email ?? null,
        phone: input.phone ?? null,
        staffNo: input.staffNo ?? null,
        createdAt: now,
        updatedAt: now,
      };
      await writeTeachers(tx.em, [row]);
      await writeAssignments(tx.em, [{ id: tx.newId('teacher_assignment'), teacherId: row.id, schoolId: row.schoolId, fromDate: tx.today(), toDate: null, createdAt: now }]);
      return tx.em.create(Teacher, row);
    });
  }

  /** Corrects a teacher's profile at their school (not the school: that is `transfer`); the school's staff may. */
  async update(ctx: RequestContext, id: string, patch: Partial<Omit<CreateTeacherInput, 'schoolId'>> | UpdateTeacherInput): Promise<Teacher> {
    return this.tx.run(ctx, async (tx) => {
      const teacher = await tx.em.findOne(Teacher, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!teacher) throw notFound('Teacher', id);
      await this.access.requireSchools(tx, 'staff', [teacher.schoolId]);
      if ('staffNo' in patch && patch.staffNo !== undefined && patch.staffNo !== teacher.staffNo) await this.requireFreeStaffNo(tx, patch.staffNo);
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) (teacher as any)[k] = k === 'subjects' || k === 'honours' ? [...new Set(v as string[])] : v;
      return tx.em.save(teacher);
    });
  }

  private async requireFreeStaffNo(tx: RequestContext, staffNo: string | undefined | null) {
    if (staffNo && (await tx.em.existsBy(Teacher, { staffNo }))) throw new AppError(ErrorCode.CONFLICT, { zh: `教职工号 ${staffNo} 已被其他教师使用`, en: `Another teacher has staff number ${staffNo}` }, 'staffNo');
  }

  /** A teacher belongs to one school at a time: close the current assignment, open the next. */
  async transfer(ctx: RequestContext, teacherId: string, toSchoolId: string, on?: string | null): Promise<Teacher> {
    const date = on ?? ctx.today();
    if (date > ctx.today()) throw badInput('on', { zh: '调动日期不能晚于今天', en: 'A transfer cannot be dated in the future' });
    return this.tx.run(ctx, async (tx) => {
      const teacher = await tx.em.findOne(Teacher, { where: { id: teacherId }, lock: { mode: 'pessimistic_write' } });
      if (!teacher) throw notFound('Teacher', teacherId);
      if (teacher.schoolId === toSchoolId) throw badInput('toSchoolId', { zh: '该教师已在这所学校任教', en: 'The teacher already works at this school' });
      // Both ends must be in the caller's scope: the school that lets the teacher go and the one that takes them.
      await this.access.requireSchools(tx, 'manage', [teacher.schoolId, toSchoolId]);
      const current = await tx.em.findOneBy(TeacherAssignment, { teacherId, toDate: IsNull() });
      if (current && date < current.fromDate) throw badInput('on', { zh: `调动日期早于该教师调入现任学校的日期（${current.fromDate}）`, en: `The transfer date is before the teacher joined the current school (${current.fromDate})` });
      if (current) {
        current.toDate = date;
        await tx.em.save(current);
      }
      await writeAssignments(tx.em, [{ id: tx.newId('teacher_assignment'), teacherId, schoolId: toSchoolId, fromDate: date, toDate: null, createdAt: tx.now() }]);
      const from = teacher.schoolId;
      teacher.schoolId = toSchoolId;
      const saved = await tx.em.save(teacher);
      await this.events.publish(tx, 'organisation.teacher.transferred', { teacherId, fromSchoolId: from, toSchoolId, on: date });
      return saved;
    });
  }

  async list(ctx: RequestContext, filter: TeacherFilter = {}, page: PageArgs) {
    const qb = ctx.em.createQueryBuilder(Teacher, 't');
    if (filter.schoolId) qb.andWhere('t.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter.groupId) {
      qb.andWhere(activeMemberSchoolSql('t.school_id', ':groupId::uuid'), {
        groupId: filter.groupId,
      });
    }
    if (filter.subject) qb.andWhere(':subject = ANY(t.subjects)', { subject: filter.subject });
    if (filter.search) qb.andWhere(`t.name ILIKE :search ESCAPE '\\'`, { search: `%${escapeLike(filter.search)}%` });
    return paginate(qb, page, { columns: ['t.name', 't.id'], values: (t) => [t.name, t.id] });
  }

  load(ctx: RequestContext, id: string): Promise<Teacher | null> {
    return byId(ctx, Teacher, 'teacher').load(id);
  }

  assignments(ctx: RequestContext, teacherId: string): Promise<TeacherAssignment[]> {
    return groupedBy<TeacherAssignment>(
      ctx,
      'assignments',
      (ids) => ctx.em.find(TeacherAssignment, { where: { teacherId: In(ids) }, order: { fromDate: 'ASC', createdAt: 'ASC' } }),
      (a) => a.teacherId,
    ).load(teacherId);
  }

  /** Whether the caller may see this teacher's email and phone; batched per request. */
  contactVisible(ctx: RequestContext, teacherId: string): Promise<boolean> {
    return ctx
      .loader<string, boolean>('teacherContact', async (ids) => {
        const visible = await this.access.visibleTeacherContacts(ctx, ids);
        return ids.map((id) => visible.has(id));
      })
      .load(teacherId);
  }
}
