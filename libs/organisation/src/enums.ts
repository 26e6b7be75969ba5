import { registerLabelledEnums } from '#app/core';

/** Enum values are English; zh-CN and en labels are in the descriptions and in the `labels` query. */
export enum RegionLevel { PROVINCE = 'PROVINCE', CITY = 'CITY', COUNTY = 'COUNTY' }
export enum SchoolStage { PRIMARY = 'PRIMARY', JUNIOR = 'JUNIOR', NINE_YEAR = 'NINE_YEAR', TWELVE_YEAR = 'TWELVE_YEAR', SENIOR = 'SENIOR', TEACHING_POINT = 'TEACHING_POINT' }
export enum SchoolLocale { URBAN = 'URBAN', TOWNSHIP = 'TOWNSHIP', RURAL = 'RURAL' }
export enum GroupKind { EDUCATION_GROUP = 'EDUCATION_GROUP', CONSORTIUM = 'CONSORTIUM', ALLIANCE = 'ALLIANCE', SCHOOL_DISTRICT = 'SCHOOL_DISTRICT', COMMUNITY = 'COMMUNITY' }
export enum ConsortiumMode { FUSED = 'FUSED', CO_BUILT = 'CO_BUILT', FUSED_AND_CO_BUILT = 'FUSED_AND_CO_BUILT' }
export enum GroupLevel {
  PROVINCIAL_DEMONSTRATION = 'PROVINCIAL_DEMONSTRATION',
  PROVINCIAL_PILOT = 'PROVINCIAL_PILOT',
  MUNICIPAL_DEMONSTRATION = 'MUNICIPAL_DEMONSTRATION',
  MUNICIPAL_PILOT = 'MUNICIPAL_PILOT',
  COUNTY_PILOT = 'COUNTY_PILOT',
}
/** The modes of a co-built consortium (共建型), which alone may cross regions (跨区域共建型教联体). */
export const CO_BUILT_MODES: readonly ConsortiumMode[] = [ConsortiumMode.CO_BUILT, ConsortiumMode.FUSED_AND_CO_BUILT];
export enum GroupStatus { ACTIVE = 'ACTIVE', DISSOLVED = 'DISSOLVED' }
export enum MemberRole { LEAD = 'LEAD', MEMBER = 'MEMBER' }
export enum Pairing { STRONG_WEAK = 'STRONG_WEAK', STRONG_NEW = 'STRONG_NEW', STRONG_RURAL = 'STRONG_RURAL', STRONG_SUBURBAN = 'STRONG_SUBURBAN', OTHER = 'OTHER' }
export enum TeacherTitle {
  SENIOR_PROFESSOR = 'SENIOR_PROFESSOR',
  SENIOR = 'SENIOR',
  FIRST_GRADE = 'FIRST_GRADE',
  SECOND_GRADE = 'SECOND_GRADE',
  THIRD_GRADE = 'THIRD_GRADE',
  UNRANKED = 'UNRANKED',
}
export enum TeacherHonour {
  FAMOUS_TEACHER = 'FAMOUS_TEACHER',
  SUBJECT_LEADER = 'SUBJECT_LEADER',
  BACKBONE = 'BACKBONE',
  EXCELLENT_TEACHER = 'EXCELLENT_TEACHER',
  NEW_TEACHER = 'NEW_TEACHER',
}
/** 最高学历: a teacher's highest education. */
export enum EducationLevel {
  SECONDARY = 'SECONDARY',
  JUNIOR_COLLEGE = 'JUNIOR_COLLEGE',
  BACHELOR = 'BACHELOR',
  MASTER = 'MASTER',
  DOCTOR = 'DOCTOR',
}
/** 骨干教师级别: the level that named a teacher a backbone teacher (县级 and up counts for 优质均衡). */
export enum BackboneLevel { COUNTY = 'COUNTY', CITY = 'CITY', PROVINCE = 'PROVINCE', NATIONAL = 'NATIONAL' }
/** Honours that make a teacher a backbone teacher (at county level when no level is recorded). */
export const BACKBONE_HONOURS: readonly TeacherHonour[] = [TeacherHonour.FAMOUS_TEACHER, TeacherHonour.SUBJECT_LEADER, TeacherHonour.BACKBONE];

/** Display labels, [zh-CN, en], served by the `labels` query and used in CSV exports. */
const LABELS: Record<string, Record<string, [string, string]>> = {
  RegionLevel: { PROVINCE: ['省', 'Province'], CITY: ['市', 'City'], COUNTY: ['县（区）', 'County'] },
  SchoolStage: {
    PRIMARY: ['小学', 'Primary school'],
    JUNIOR: ['初中', 'Junior secondary'],
    NINE_YEAR: ['九年一贯制学校', 'Nine-year school'],
    TWELVE_YEAR: ['十二年一贯制学校', 'Twelve-year school'],
    SENIOR: ['高中', 'Senior secondary'],
    TEACHING_POINT: ['教学点', 'Teaching point'],
  },
  SchoolLocale: { URBAN: ['城区', 'Urban'], TOWNSHIP: ['镇区', 'Township'], RURAL: ['乡村', 'Rural'] },
  GroupKind: {
    EDUCATION_GROUP: ['教育集团', 'Education group'],
    CONSORTIUM: ['县域教联体', 'County consortium'],
    ALLIANCE: ['学校联盟', 'School alliance'],
    SCHOOL_DISTRICT: ['学区（大学区）', 'School district'],
    COMMUNITY: ['发展共同体', 'Development community'],
  },
  ConsortiumMode: { FUSED: ['融合型', 'Fused'], CO_BUILT: ['共建型', 'Co-built'], FUSED_AND_CO_BUILT: ['融合+共建型', 'Fused and co-built'] },
  GroupLevel: {
    PROVINCIAL_DEMONSTRATION: ['省级示范', 'Provincial demonstration'],
    PROVINCIAL_PILOT: ['省级试点', 'Provincial pilot'],
    MUNICIPAL_DEMONSTRATION: ['市级示范', 'Municipal demonstration'],
    MUNICIPAL_PILOT: ['市级试点', 'Municipal pilot'],
    COUNTY_PILOT: ['县级试点', 'County pilot'],
  },
  GroupStatus: { ACTIVE: ['运行中', 'Active'], DISSOLVED: ['已撤销', 'Dissolved'] },
  MemberRole: { LEAD: ['牵头校', 'Lead school'], MEMBER: ['成员校', 'Member school'] },
  Pairing: {
    STRONG_WEAK: ['优质校+薄弱校', 'Strong with weak'],
    STRONG_NEW: ['优质校+新建校', 'Strong with new'],
    STRONG_RURAL: ['优质校+乡村学校', 'Strong with rural'],
    STRONG_SUBURBAN: ['优质校+城郊学校', 'Strong with suburban'],
    OTHER: ['其他', 'Other'],
  },
  TeacherTitle: {
    SENIOR_PROFESSOR: ['正高级教师', 'Senior professor'],
    SENIOR: ['高级教师', 'Senior teacher'],
    FIRST_GRADE: ['一级教师', 'First-grade teacher'],
    SECOND_GRADE: ['二级教师', 'Second-grade teacher'],
    THIRD_GRADE: ['三级教师', 'Third-grade teacher'],
    UNRANKED: ['未定级', 'Unranked'],
  },
  TeacherHonour: {
    FAMOUS_TEACHER: ['名师', 'Famous teacher'],
    SUBJECT_LEADER: ['学科带头人', 'Subject leader'],
    BACKBONE: ['骨干教师', 'Backbone teacher'],
    EXCELLENT_TEACHER: ['优秀教师', 'Excellent teacher'],
    NEW_TEACHER: ['新教师', 'New teacher'],
  },
  EducationLevel: {
    SECONDARY: ['中专及以下', 'Secondary or below'],
    JUNIOR_COLLEGE: ['专科', 'Junior college'],
    BACHELOR: ['本科', "Bachelor's degree"],
    MASTER: ['硕士研究生', "Master's degree"],
    DOCTOR: ['博士研究生', 'Doctorate'],
  },
  BackboneLevel: { COUNTY: ['县级', 'County'], CITY: ['市级', 'City'], PROVINCE: ['省级', 'Province'], NATIONAL: ['国家级', 'National'] },
};

registerLabelledEnums(
  { RegionLevel, SchoolStage, SchoolLocale, GroupKind, ConsortiumMode, GroupLevel, GroupStatus, MemberRole, Pairing, TeacherTitle, TeacherHonour, EducationLevel, BackboneLevel },
  LABELS,
);

/** Compulsory education (义务教育) is every stage but SENIOR: the one definition, in JS and as SQL. */
export const isCompulsoryStage = (stage: SchoolStage) => stage !== SchoolStage.SENIOR;
export const COMPULSORY_STAGES = Object.values(SchoolStage).filter(isCompulsoryStage);
/** SQL: the school's stage (a column expression) is a compulsory one. */
export const compulsoryStageSql = (stage: string) => `${stage} IN (${COMPULSORY_STAGES.map((s) => `'${s}'`).join(', ')})`;
