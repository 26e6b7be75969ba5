import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { DateTimeScalar } from '#app/core';
import { EnrolmentSource, Term } from '../enums';

/** 在校生数: a school's students in one term, by stage part (a nine-year school has primary and junior students). */
@ObjectType({ description: '在校生数: students of a school in one term, by stage' })
@Entity('school_enrolment')
export class SchoolEnrolment {
  @Field(() => ID) @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Field(() => Int, { description: 'The school year, by the year it starts in' }) @PrimaryColumn({ type: 'int' }) year: number;
  @Field(() => Term) @PrimaryColumn({ type: 'varchar', length: 6 }) term: Term;
  @Field(() => Int, { description: '小学部 students' }) @Column({ name: 'primary_students', type: 'int' }) primaryStudents: number;
  @Field(() => Int, { description: '初中部 students' }) @Column({ name: 'junior_students', type: 'int' }) juniorStudents: number;
  @Field(() => Int, { description: '高中部 students (left out of 优质均衡)' }) @Column({ name: 'senior_students', type: 'int' }) seniorStudents: number;
  @Field(() => EnrolmentSource) @Column({ type: 'varchar', length: 8 }) source: EnrolmentSource;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @Field(() => DateTimeScalar) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
