import { Injectable } from '@nestjs/common';
import { badInput, EventBus, notFound, paginate, TransactionService, type PageArgs, type RequestContext, type SelectedField } from '#app/core';
import { SCHOOL_PAGE } from './directory-lookahead';
import { AccessService } from './access.service';
import { CreateSchoolInput, SchoolFilter, UpdateSchoolInput } from './dto/school.input';
import { School } from './entities/school.entity';
import { writeSchools, type SchoolRow } from './organisation-rows';
import { byId } from '#app/core';
import type { SchoolFacts } from './events';

const facts = ({ id, regionId, stage, studentCount }: SchoolFacts): SchoolFacts => ({ id, regionId, stage, studentCount });

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

@Injectable()
export class SchoolService {
  constructor(
    private readonly tx: TransactionService,
    private readonly access: AccessService,
    private readonly events: EventBus,
  ) {}

  async create(ctx: RequestContext, input: CreateSchoolInput): Promise<School> {
    return this.tx.run(ctx, async (tx) => {
      await this.access.requireRegions(tx, [input.regionId]);
      if (input.campusOfId) await this.access.requireSchools(tx, 'manage', [input.campusOfId]);
      const now = tx.now();
      const { name, regionId, stage, locale, studentCount, teacherCount } = input;
      const row: SchoolRow = { id: tx.newId('school'), name, regionId, stage, locale, studentCount, teacherCount, campusOfId: input.campusOfId ?? null, createdAt: now, updatedAt: now };
      await writeSchools(tx.em, [row]);
      const school = tx.em.create(School, row);
      await this.events.publish(tx, 'organisation.school.created', { school: facts(school) });
      return school;
    });
  }

  async update(ctx: RequestContext, id: string, input: UpdateSchoolInput): Promise<School> {
    return this.tx.run(ctx, async (tx) => {
      // A school admin may correct its own school's facts; moving it or its campus link is the bureau's call.
      const structural = input.regionId !== undefined || input.campusOfId !== undefined;
      await this.access.requireSchools(tx, structural ? 'manage' : 'staff', [id]);
      const school = await tx.em.findOne(School, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!school) throw notFound('School', id);
      if (input.regionId) await this.access.requireRegions(tx, [input.regionId]);
      if (input.campusOfId) {
        if (input.campusOfId === id) throw badInput('campusOfId', { zh: '学校不能是自己的校区', en: 'A school cannot be a campus of itself' });
        await this.access.requireSchools(tx, 'manage', [input.campusOfId]);
      }
      const before = { ...school };
      for (const [k, v] of Object.entries(input)) {
        if (v !== undefined && !(k !== 'campusOfId' && v === null)) (school as any)[k] = v;
      }
      const saved = await tx.em.save(school);
      await this.events.publish(tx, 'organisation.school.changed', { before: facts(before), after: facts(saved) });
      return saved;
    });
  }

  /** `fields`: the selection below the list, read in the same statement when it can be (directory-lookahead.ts). */
  async list(ctx: RequestContext, filter: SchoolFilter = {}, page: PageArgs, fields?: SelectedField[] | null) {
    const qb = ctx.em.createQueryBuilder(School, 's');
    if (filter.regionId) qb.innerJoin('region', 'r', 'r.id = s.region_id AND r.path @> ARRAY[:regionId]::uuid[]', { regionId: filter.regionId });
    if (filter.stage) qb.andWhere('s.stage = :stage', { stage: filter.stage });
    if (filter.locale) qb.andWhere('s.locale = :locale', { locale: filter.locale });
    if (filter.search) qb.andWhere(`s.name ILIKE :search ESCAPE '\\'`, { search: `%${escapeLike(filter.search)}%` });
    return paginate(qb, page, { columns: ['s.name', 's.id'], values: (s) => [s.name, s.id] }, SCHOOL_PAGE.reader(ctx.em, fields));
  }

  load(ctx: RequestContext, id: string): Promise<School | null> {
    return byId(ctx, School, 'school').load(id);
  }
}
