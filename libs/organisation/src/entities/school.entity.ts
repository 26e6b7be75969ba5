import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '#app/core';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SchoolLocale, SchoolStage } from '../enums';

/** 学校 / 校区 / 教学点. A branch campus points at its main school until it becomes independent (独立建制). */
@ObjectType({ description: '学校 school, campus or teaching point' })
@Entity('school')
export class School {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field() @Column({ type: 'varchar', length: 100 }) name: string;
  @Field(() => ID) @Column({ name: 'region_id', type: 'uuid' }) regionId: string;
  @Field(() => SchoolStage) @Column({ type: 'varchar', length: 16 }) stage: SchoolStage;
  @Field(() => SchoolLocale) @Column({ type: 'varchar', length: 16 }) locale: SchoolLocale;
  @Field(() => Int) @Column({ name: 'student_count', type: 'int' }) studentCount: number;
  @Field(() => Int) @Column({ name: 'teacher_count', type: 'int' }) teacherCount: number;
  @Field(() => ID, { nullable: true }) @Column({ name: 'campus_of_id', type: 'uuid', nullable: true }) campusOfId: string | null;
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => DateTimeScalar) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
