import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar, DateTimeScalar } from '#app/core';
import { BackboneLevel, EducationLevel, SchoolStage, TeacherHonour, TeacherTitle } from '../enums';

/** A teacher's profile at one school at a time; transfers keep history in teacher_assignment. */
@ObjectType({ description: '教师' })
@Entity('teacher')
export class Teacher {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field() @Column({ type: 'varchar', length: 50 }) name: string;
  @Field(() => ID) @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Field(() => String, { nullable: true, description: '教职工号: the staff number of the county records, unique where given' })
  @Column({ name: 'staff_no', type: 'varchar', length: 30, nullable: true })
  staffNo: string | null;
  @Field(() => [String], { description: 'e.g. 语文, 数学, 英语' }) @Column({ type: 'varchar', length: 20, array: true }) subjects: string[];
  @Field(() => SchoolStage) @Column({ type: 'varchar', length: 16 }) stage: SchoolStage;
  @Field(() => TeacherTitle, { nullable: true, description: '职称' }) @Column({ type: 'varchar', length: 20, nullable: true }) title: TeacherTitle | null;
  @Field(() => Int) @Column({ name: 'years_of_experience', type: 'int' }) yearsOfExperience: number;
  @Field(() => [TeacherHonour]) @Column({ type: 'varchar', length: 20, array: true, default: () => "'{}'" }) honours: TeacherHonour[];
  @Field(() => EducationLevel, { nullable: true, description: '最高学历; null when not recorded (the teacher then counts as not above the required level)' })
  @Column({ name: 'education_level', type: 'varchar', length: 16, nullable: true })
  educationLevel: EducationLevel | null;
  @Field(() => BackboneLevel, { nullable: true, description: '骨干教师级别; null when not a backbone teacher (名师, 学科带头人 and 骨干 honours count as county level)' })
  @Column({ name: 'backbone_level', type: 'varchar', length: 10, nullable: true })
  backboneLevel: BackboneLevel | null;
  @Field({ description: '专任教师: full-time teaching staff (the 优质均衡 teacher indicators count only these)' })
  @Column({ name: 'full_time', type: 'boolean', default: true })
  fullTime: boolean;
  /** Contact data: resolved through TeacherFieldsResolver, null outside the caller's scope. */
  @Column({ type: 'varchar', length: 254, nullable: true }) email: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) phone: string | null;
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => DateTimeScalar) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** Which school a teacher worked at, and when (调动 history). */
@ObjectType({ description: 'A period of a teacher at a school' })
@Entity('teacher_assignment')
export class TeacherAssignment {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'teacher_id', type: 'uuid' }) teacherId: string;
  @Field(() => ID) @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Field(() => DateScalar) @Column({ name: 'from_date', type: 'date' }) fromDate: string;
  @Field(() => DateScalar, { nullable: true }) @Column({ name: 'to_date', type: 'date', nullable: true }) toDate: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
