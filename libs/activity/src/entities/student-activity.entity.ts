import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar, DateTimeScalar } from '#app/core';
import { StudentActivityType } from '../enums';

/** 学生活动: a joint activity for students of several member schools of a group. */
@ObjectType({ description: '学生活动 joint student activity of member schools' })
@Entity('student_activity')
export class StudentActivity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'group_id', type: 'uuid' }) groupId: string;
  @Field() @Column({ type: 'varchar', length: 200 }) title: string;
  @Field(() => StudentActivityType) @Column({ type: 'varchar', length: 20 }) type: StudentActivityType;
  @Field(() => Int, { description: 'Students taking part, over all schools (人次)' }) @Column({ name: 'participant_count', type: 'int' }) participantCount: number;
  @Field(() => DateScalar) @Column({ name: 'held_on', type: 'date' }) heldOn: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 2000, nullable: true }) description: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A school taking part in a student activity. */
@Entity('student_activity_school')
export class StudentActivitySchool {
  @PrimaryColumn({ name: 'activity_id', type: 'uuid' }) activityId: string;
  @PrimaryColumn({ name: 'school_id', type: 'uuid' }) schoolId: string;
}
