import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar, DateTimeScalar } from '#app/core';
import { ConsortiumMode, GroupKind, GroupLevel, GroupStatus } from '../enums';

/** How many active apprentices a mentor may have in a group unless its managers set another number. */
export const DEFAULT_MENTOR_CAPACITY = 3;

/** 办学共同体: an education group, county consortium, alliance, school district or community. */
@ObjectType({ description: '办学共同体 collaboration body: a lead school with member schools' })
@Entity('school_group')
export class SchoolGroup {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field() @Column({ type: 'varchar', length: 100 }) name: string;
  @Field(() => GroupKind) @Column({ type: 'varchar', length: 20 }) kind: GroupKind;
  @Field(() => ConsortiumMode, { nullable: true, description: 'Consortia only' }) @Column({ type: 'varchar', length: 20, nullable: true }) mode: ConsortiumMode | null;
  @Field(() => ID) @Column({ name: 'region_id', type: 'uuid' }) regionId: string;
  @Field(() => ID) @Column({ name: 'lead_school_id', type: 'uuid' }) leadSchoolId: string;
  @Field(() => GroupLevel, { nullable: true }) @Column({ type: 'varchar', length: 30, nullable: true }) level: GroupLevel | null;
  @Field(() => DateScalar) @Column({ name: 'founded_on', type: 'date' }) foundedOn: string;
  @Field(() => GroupStatus) @Column({ type: 'varchar', length: 12, default: GroupStatus.ACTIVE }) status: GroupStatus;
  @Field(() => Int, { description: 'How many active apprentices a mentor may have in this group (default 3)' })
  @Column({ name: 'mentor_capacity', type: 'int', default: DEFAULT_MENTOR_CAPACITY })
  mentorCapacity: number;
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
