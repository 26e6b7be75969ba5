import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
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
  @Field(() => DateScalar, { nullable: true, description: 'The day it was dissolved (撤销); its history stays' })
  @Column({ name: 'dissolved_on', type: 'date', nullable: true })
  dissolvedOn: string | null;
  @Field({ description: 'A cross-region co-built consortium (跨区域共建型教联体): its members may be schools of other regions, each counted in its own region' })
  @Column({ name: 'cross_region', type: 'boolean', default: false })
  crossRegion: boolean;
  @Field(() => Int, { description: 'How many active apprentices a mentor may have in this group (default 3)' })
  @Column({ name: 'mentor_capacity', type: 'int', default: DEFAULT_MENTOR_CAPACITY })
  mentorCapacity: number;
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A group's mode and level from a day on (its profile history; the group row holds the latest). */
@ObjectType({ description: "A group's mode and level from a day on (省级试点 → 省级示范 …)" })
@Entity('school_group_profile')
export class SchoolGroupProfile {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId: string;
  @Field(() => DateScalar) @PrimaryColumn({ name: 'valid_from', type: 'date' }) validFrom: string;
  @Field(() => ConsortiumMode, { nullable: true }) @Column({ type: 'varchar', length: 20, nullable: true }) mode: ConsortiumMode | null;
  @Field(() => GroupLevel, { nullable: true }) @Column({ type: 'varchar', length: 30, nullable: true }) level: GroupLevel | null;
  @Column({ name: 'changed_by', type: 'uuid', nullable: true }) changedBy: string | null;
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
