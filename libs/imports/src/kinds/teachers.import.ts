import { Injectable } from '@nestjs/common';
import { registerLabels, Role, type RequestContext } from '#app/core';
import { AccountsService, IdentityService } from '#app/identity';
import { CreateTeacherInput, NamedDirectory, TeacherService, type Teacher } from '#app/organisation';
import type { ColumnSpec, RowError } from '../columns';
import { cellError, duplicates, rowsWithSchool, inputErrors, type ImportKind, type ImportOutput, type RowPlan } from '../import-kind';

// the roles a teacher's login may get from the import (账号角色)
registerLabels('ImportLoginRole', { TEACHER: ['教师', 'Teacher'], SCHOOL_ADMIN: ['学校管理员', 'School admin'] });
registerLabels('ImportYesNo', { YES: ['是', 'Yes'], NO: ['否', 'No'] });
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?\d{6,20}$/;

const COLUMNS: ColumnSpec[] = [
  { key: 'name', zh: '姓名', en: 'Name', type: 'text', required: true, max: 50, example: '刘晓燕', help: '必填。' },
  { key: 'school', zh: '学校', en: 'School', type: 'text', required: true, max: 100, example: '随县厉山镇三河小学', help: '必填。您管辖范围内的学校名称。' },
  { key: 'region', zh: '所属区县', en: 'Region', type: 'text', max: 100, example: '随县', help: '选填。学校重名时用来区分。' },
  { key: 'staffNo', zh: '教职工号', en: 'Staff number', type: 'text', max: 30, example: '0421001', help: '选填，唯一。有教职工号时按它识别教师，否则按“姓名 + 学校”识别；再次导入时更新该教师。' },
  { key: 'subjects', zh: '任教学科', en: 'Subjects', type: 'list', required: true, max: 20, example: '数学、科学', help: '必填，多个学科用顿号或逗号分隔。' },
  { key: 'stage', zh: '学段', en: 'Stage', type: 'enum', enumName: 'SchoolStage', required: true, example: '小学', help: '必填：小学、初中、九年一贯制学校、十二年一贯制学校、高中、教学点。' },
  { key: 'title', zh: '职称', en: 'Title', type: 'enum', enumName: 'TeacherTitle', example: '一级教师', help: '选填：正高级教师、高级教师、一级教师、二级教师、三级教师、未定级。' },
  { key: 'yearsOfExperience', zh: '教龄', en: 'Years of experience', type: 'int', required: true, min: 0, max: 60, example: '12', help: '必填，整数（年）。' },
  { key: 'honours', zh: '荣誉', en: 'Honours', type: 'enums', enumName: 'TeacherHonour', example: '骨干教师', help: '选填，多个用顿号分隔：名师、学科带头人、骨干教师、优秀教师、新教师。' },
  { key: 'email', zh: '邮箱', en: 'Email', type: 'text', max: 254, example: '', help: '选填。' },
  { key: 'phone', zh: '手机号', en: 'Phone', type: 'text', max: 30, example: '', help: '选填。' },
  { key: 'login', zh: '登录账号', en: 'Login', type: 'text', max: 254, example: '', help: '选填：邮箱或手机号。填写后为尚无账号的教师发出邀请（一次性验证码，14 天内有效；服务器配置了邮件时同时发送邮件），导入结果中列出验证码。' },
  { key: 'loginRole', zh: '账号角色', en: 'Login role', type: 'enum', enumName: 'ImportLoginRole', example: '', help: '选填：教师（默认）或学校管理员（管理本校）。只在填写了“登录账号”时有效。' },
  { key: 'educationLevel', zh: '最高学历', en: 'Education', type: 'enum', enumName: 'EducationLevel', example: '本科', help: '选填：中专及以下、专科、本科、硕士研究生、博士研究生（优质均衡“高于规定学历”：小学专科及以上，初中本科及以上）。' },
  { key: 'backboneLevel', zh: '骨干教师级别', en: 'Backbone level', type: 'enum', enumName: 'BackboneLevel', example: '县级', help: '选填：县级、市级、省级、国家级。名师、学科带头人、骨干教师荣誉未填级别时按县级计。' },
  { key: 'fullTime', zh: '是否专任教师', en: 'Full-time teacher', type: 'enum', enumName: 'ImportYesNo', example: '是', help: '选填：是（默认）或否。优质均衡的教师指标只计专任教师。' },
];
const col = (key: string) => COLUMNS.find((c) => c.key === key)!;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** 教师: teachers by staff number, or by name within their school; written through TeacherService. */
@Injectable()
export class TeachersImport implements ImportKind {
  name = 'teachers';
  sheet = '教师';
  roles = [Role.REGION_ADMIN, Role.SCHOOL_ADMIN];
  columns = COLUMNS;

  constructor(
    private readonly teachers: TeacherService,
    private readonly accounts: AccountsService,
    private readonly identity: IdentityService,
  ) {}

  async plan(tx: RequestContext, rows: { row: number; values: Record<string, any> }[]) {
    const { ok, errors } = await rowsWithSchool(tx, rows, col('school'));
    for (const x of ok) errors.push(...(await inputErrors(CreateTeacherInput, this.input(x), x.row, (prop) => COLUMNS.find((c) => c.key === prop), x.values)));
    errors.push(
      ...duplicates(ok.filter((x) => x.values.staffNo), (x) => x.values.staffNo, (x, first) => cellError(col('staffNo'), x.row, x.values.staffNo, `与第 ${first.row} 行的教职工号相同`, `The same staff number as row ${first.row}`)),
      ...duplicates(ok.filter((x) => !x.values.staffNo), (x) => `${x.schoolId}\u0000${x.values.name}`, (x, first) =>
        cellError(col('name'), x.row, x.values.name, `与第 ${first.row} 行是同一学校的同名教师：请填写教职工号加以区分`, `The same name and school as row ${first.row}: give staff numbers`),
      ),
    );
    for (const x of ok) {
      const login = x.values.login as string | null;
      if (login && !EMAIL.test(login) && !PHONE.test(login)) errors.push(cellError(col('login'), x.row, login, '登录账号应为邮箱或手机号', 'A login is an email address or a phone number'));
      if (!login && x.values.loginRole) errors.push(cellError(col('loginRole'), x.row, x.values.loginRole, '填写了账号角色却没有登录账号', 'A login role without a login'));
    }
    errors.push(...duplicates(ok.filter((x) => x.values.login), (x) => String(x.values.login).toLowerCase(), (x, first) => cellError(col('login'), x.row, x.values.login, `与第 ${first.row} 行的登录账号相同`, `The same login as row ${first.row}`)));
    const byStaffNo = new Map((await NamedDirectory.teachersByStaffNo(tx, ok.filter((x) => x.values.staffNo).map((x) => x.values.staffNo))).map((t) => [t.staffNo!, t]));
    const byName = new Map<string, Teacher[]>();
    for (const t of await NamedDirectory.teachersNamedAt(tx, ok.filter((x) => !x.values.staffNo).map((x) => ({ schoolId: x.schoolId, name: x.values.name })))) {
      const k = `${t.schoolId}\u0000${t.name}`;
      byName.set(k, [...(byName.get(k) ?? []), t]);
    }
    const found = [...byStaffNo.values(), ...[...byName.values()].flat()];
    const withLogin = new Set(ok.some((x) => x.values.login) ? await this.identity.teachersWithAccounts(tx, found.map((t) => t.id)) : []);
    const plans: RowPlan[] = [];
    for (const x of ok) {
      const v = x.values;
      let t: Teacher | undefined;
      if (v.staffNo) {
        t = byStaffNo.get(v.staffNo);
        if (t && t.schoolId !== x.schoolId) {
          errors.push(cellError(col('staffNo'), x.row, v.staffNo, '该教职工号已属于另一所学校的教师：教师调动请在系统中办理调动', 'This staff number belongs to a teacher of another school: transfer the teacher instead'));
          continue;
        }
      } else {
        const same = byName.get(`${x.schoolId}\u0000${v.name}`) ?? [];
        if (same.length > 1) {
          errors.push(cellError(col('name'), x.row, v.name, `该校有 ${same.length} 位名为“${v.name}”的教师：请填写教职工号`, `${same.length} teachers of this school are named "${v.name}": give the staff number`));
          continue;
        }
        t = same[0];
      }
      const input = this.input(x);
      const invite = v.login ? (tt: RequestContext, out: ImportOutput, teacher: Teacher) => this.invite(tt, out, x.row, teacher, v.login, v.loginRole ?? Role.TEACHER) : null;
      if (!t) {
        plans.push({
          row: x.row,
          action: 'created',
          apply: async (tt, out) => {
            const created = await this.teachers.create(tt, input);
            if (invite) await invite(tt, out, created);
          },
        });
        continue;
      }
      const existing = t;
      // a login for a teacher who has none yet (one who has an account keeps it: a re-import changes nothing)
      const inviting = invite && !withLogin.has(existing.id) ? invite : null;
      // empty optional cells leave what is there
      const patch: Partial<CreateTeacherInput> = {};
      if (t.name !== v.name) patch.name = v.name;
      if (!sameSet(t.subjects, v.subjects)) patch.subjects = v.subjects;
      if (t.stage !== v.stage) patch.stage = v.stage;
      if (t.yearsOfExperience !== v.yearsOfExperience) patch.yearsOfExperience = v.yearsOfExperience;
      if (v.title && t.title !== v.title) patch.title = v.title;
      if (v.honours && !sameSet(t.honours, v.honours)) patch.honours = v.honours;
      if (v.email && t.email !== v.email) patch.email = v.email;
      if (v.phone && t.phone !== v.phone) patch.phone = v.phone;
      if (v.educationLevel && t.educationLevel !== v.educationLevel) patch.educationLevel = v.educationLevel;
      if (v.backboneLevel && t.backboneLevel !== v.backboneLevel) patch.backboneLevel = v.backboneLevel;
      if (v.fullTime && t.fullTime !== (v.fullTime === 'YES')) patch.fullTime = v.fullTime === 'YES';
      const changed = Object.keys(patch).length > 0;
      plans.push(
        changed || inviting
          ? {
              row: x.row,
              action: 'updated',
              apply: async (tt, out) => {
                const teacher = changed ? await this.teachers.update(tt, existing.id, patch) : existing;
                if (inviting) await inviting(tt, out, teacher);
              },
            }
          : { row: x.row, action: 'unchanged' },
      );
    }
    return { plans, errors };
  }

  /** Invites the teacher's login (AccountsService: the caller's scope, a free email or phone) with its role. */
  private async invite(tx: RequestContext, out: ImportOutput, row: number, teacher: Teacher, login: string, role: Role) {
    const account = EMAIL.test(login) ? { email: login } : { phone: login };
    const i = await this.accounts.invite(tx, { ...account, teacherId: teacher.id, role, ...(role === Role.SCHOOL_ADMIN ? { scopeId: teacher.schoolId } : {}) });
    out.invitations.push({ row, name: teacher.name, account: login, code: i.code, link: i.link, expiresAt: i.expiresAt, mailed: i.mailed });
  }

  private input(x: { values: Record<string, any>; schoolId: string }): CreateTeacherInput {
    const v = x.values;
    const input: CreateTeacherInput = { name: v.name, schoolId: x.schoolId, subjects: v.subjects, stage: v.stage, yearsOfExperience: v.yearsOfExperience };
    for (const k of ['title', 'honours', 'email', 'phone', 'staffNo', 'educationLevel', 'backboneLevel'] as const) if (v[k] !== null) (input as any)[k] = v[k];
    if (v.fullTime !== null) input.fullTime = v.fullTime === 'YES';
    return input;
  }
}
