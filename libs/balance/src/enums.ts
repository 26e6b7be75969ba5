import { registerLabelledEnums } from '#app/core';
import { BalanceIndicator, BalanceStage } from './standard';

/** 学期: the autumn term opens a school year, the spring term ends it. */
export enum Term { AUTUMN = 'AUTUMN', SPRING = 'SPRING' }
/** Where a term's enrolment came from. */
export enum EnrolmentSource { EDIT = 'EDIT', IMPORT = 'IMPORT', SNAPSHOT = 'SNAPSHOT' }

registerLabelledEnums({ BalanceStage, BalanceIndicator, Term, EnrolmentSource }, {
  BalanceStage: { PRIMARY: ['小学', 'Primary'], JUNIOR: ['初中', 'Junior secondary'] },
  BalanceIndicator: {
    QUALIFIED_TEACHERS: ['每百名学生拥有高于规定学历教师数', 'Teachers above the required education per 100 students'],
    BACKBONE_TEACHERS: ['每百名学生拥有县级以上骨干教师数', 'County-level or higher backbone teachers per 100 students'],
    PE_ARTS_TEACHERS: ['每百名学生拥有体育、艺术专任教师数', 'PE and arts teachers per 100 students'],
    BUILDING_AREA: ['生均教学及辅助用房面积（㎡）', 'Teaching and auxiliary floor area per student (m²)'],
    SPORTS_AREA: ['生均体育运动场馆面积（㎡）', 'Sports ground area per student (m²)'],
    EQUIPMENT_VALUE: ['生均教学仪器设备值（元）', 'Teaching equipment value per student (yuan)'],
    MULTIMEDIA_ROOMS: ['每百名学生拥有网络多媒体教室数', 'Networked multimedia classrooms per 100 students'],
  },
  Term: { AUTUMN: ['秋季学期', 'Autumn term'], SPRING: ['春季学期', 'Spring term'] },
  EnrolmentSource: { EDIT: ['手工填报', 'Entered'], IMPORT: ['表格导入', 'Imported'], SNAPSHOT: ['年度快照', 'Yearly snapshot'] },
});
