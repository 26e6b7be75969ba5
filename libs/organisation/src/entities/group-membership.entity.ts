import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateScalar } from '#app/core';
import { GroupKind, MemberRole, Pairing } from '../enums';

/** 成员校: history is kept, leaving sets leftOn and never deletes. */
@ObjectType({ description: '成员校 a school in a group, with history' })
@Entity('group_membership')
export class GroupMembership {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'group_id', type: 'uuid' }) groupId: string;
  @Field(() => ID) @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  /** Copied from the group so one partial unique index enforces "one active consortium per school". */
  @Column({ name: 'group_kind', type: 'varchar', length: 20 }) groupKind: GroupKind;
  @Field(() => MemberRole) @Column({ type: 'varchar', length: 10 }) role: MemberRole;
  @Field(() => Pairing, { nullable: true, description: 'How the member pairs with the lead school; null for the lead itself' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  pairing: Pairing | null;
  @Field(() => DateScalar) @Column({ name: 'joined_on', type: 'date' }) joinedOn: string;
  @Field(() => DateScalar, { nullable: true }) @Column({ name: 'left_on', type: 'date', nullable: true }) leftOn: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
