import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeScalar, JSONScalar } from '#app/core';
import { SessionEventType } from '../enums';

/** A live event: stored first (numbered per session, no gaps), then delivered. */
@ObjectType({ description: 'A live event of a research session' })
@Entity('session_event')
export class SessionEvent {
  @Field(() => ID) @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @Field(() => Int) @PrimaryColumn({ type: 'int' }) seq: number;
  @Field(() => SessionEventType) @Column({ type: 'varchar', length: 30 }) type: SessionEventType;
  @Field(() => ID, { nullable: true }) @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId: string | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'actor_teacher_id', type: 'uuid', nullable: true }) actorTeacherId: string | null;
  @Field(() => JSONScalar, { description: 'Type-specific data, e.g. { text } for chat and notes, { name } for presence' })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;
  @Field(() => DateTimeScalar) @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
}
