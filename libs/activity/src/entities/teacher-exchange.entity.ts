import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar, DateTimeScalar } from '#app/core';
import { ExchangeKind } from '../enums';

/** 交流轮岗 / 走教送教 / 支教: a teacher of one member school works at another for [startsOn, endsOn]. */
@ObjectType({ description: '教师交流 teacher exchange: a teacher works at another school of the group for a period' })
@Entity('teacher_exchange')
export class TeacherExchange {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'group_id', type: 'uuid' }) groupId: string;
  @Field(() => ID) @Column({ name: 'teacher_id', type: 'uuid' }) teacherId: string;
  @Field(() => ID, { description: 'The school the teacher works at (and stays on the staff of)' }) @Column({ name: 'from_school_id', type: 'uuid' }) fromSchoolId: string;
  @Field(() => ID, { description: 'The school the teacher goes to' }) @Column({ name: 'to_school_id', type: 'uuid' }) toSchoolId: string;
  @Field(() => ExchangeKind) @Column({ type: 'varchar', length: 12 }) kind: ExchangeKind;
  @Field(() => DateScalar, { description: 'First day at the other school' }) @Column({ name: 'starts_on', type: 'date' }) startsOn: string;
  @Field(() => DateScalar, { nullable: true, description: 'Last day at the other school; null while open-ended' })
  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 1000, nullable: true }) note: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => DateTimeScalar) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
