import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar, JSONScalar } from '#app/core';
import { NotificationKind } from '../enums';

/** Something a user is told, stored so they see it after being offline. Only its recipient reads it. */
@ObjectType({ description: 'An in-app notification of the signed-in user' })
@Entity('notification')
export class Notification {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Field(() => NotificationKind) @Column({ type: 'varchar', length: 40 }) kind: NotificationKind;
  @Field(() => JSONScalar, { description: 'The ids and names it is about, e.g. { sessionId, title, startsAt } or { planId, title }' })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, any>;
  @Field(() => DateTimeScalar) @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the user marked it read; null while unread' })
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}

/** A notification due later (a session reminder, an exchange's start day), done once by whichever instance claims it. */
@Entity('notification_job')
export class NotificationJob {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 40 }) kind: NotificationKind;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ type: 'text', unique: true }) key: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) payload: Record<string, any>;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true }) doneAt: Date | null;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
}
