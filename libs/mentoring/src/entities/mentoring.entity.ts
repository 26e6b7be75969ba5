import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar, DateTimeScalar } from '#app/core';
import { MentoringActivityKind, MentoringProposer, MentoringStatus } from '../enums';

/** 师徒结对: a mentor and an apprentice of one group, for one subject. */
@ObjectType({ description: '师徒结对 mentoring pair' })
@Entity('mentoring_pair')
export class MentoringPair {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'group_id', type: 'uuid' }) groupId: string;
  @Field(() => ID) @Column({ name: 'mentor_teacher_id', type: 'uuid' }) mentorTeacherId: string;
  @Field(() => ID) @Column({ name: 'apprentice_teacher_id', type: 'uuid' }) apprenticeTeacherId: string;
  @Field() @Column({ type: 'varchar', length: 20 }) subject: string;
  @Field(() => MentoringStatus) @Column({ type: 'varchar', length: 12 }) status: MentoringStatus;
  @Field(() => MentoringProposer) @Column({ name: 'proposed_by', type: 'varchar', length: 12 }) proposedBy: MentoringProposer;
  @Column({ name: 'proposed_by_user', type: 'uuid', nullable: true }) proposedByUser: string | null;
  @Field(() => [String], { description: 'Goals of the plan (培养目标)' }) @Column({ type: 'varchar', length: 200, array: true, default: () => "'{}'" }) goals: string[];
  @Field(() => DateScalar, { nullable: true, description: 'Planned end (default three years after the start)' }) @Column({ name: 'planned_end_on', type: 'date', nullable: true }) plannedEndOn: string | null;
  @Field(() => String, { nullable: true }) @Column({ name: 'response_note', type: 'varchar', length: 1000, nullable: true }) responseNote: string | null;
  @Field(() => DateScalar, { nullable: true }) @Column({ name: 'activated_on', type: 'date', nullable: true }) activatedOn: string | null;
  @Field(() => DateScalar, { nullable: true }) @Column({ name: 'ended_on', type: 'date', nullable: true }) endedOn: string | null;
  @Field(() => String, { nullable: true, description: 'Final evaluation (COMPLETED)' }) @Column({ type: 'text', nullable: true }) evaluation: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was dissolved (DISSOLVED)' }) @Column({ name: 'dissolve_reason', type: 'varchar', length: 1000, nullable: true }) dissolveReason: string | null;
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** 听课 / 评课 / 师徒交流: logged by either side. */
@ObjectType({ description: 'A logged mentoring activity; notes only for the pair themselves' })
@Entity('mentoring_activity')
export class MentoringActivity {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'pair_id', type: 'uuid' }) pairId: string;
  @Field(() => MentoringActivityKind) @Column({ type: 'varchar', length: 20 }) kind: MentoringActivityKind;
  @Field(() => DateScalar) @Column({ name: 'occurred_on', type: 'date' }) occurredOn: string;
  @Field(() => Int, { nullable: true }) @Column({ name: 'duration_minutes', type: 'int', nullable: true }) durationMinutes: number | null;
  /** exposed through a field resolver: null for anyone but the mentor and the apprentice */
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Field(() => ID) @Column({ name: 'logged_by_teacher_id', type: 'uuid' }) loggedByTeacherId: string;
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@ObjectType()
export class GoalScore {
  @Field() goal: string;
  @Field(() => Int, { description: '1 to 5' }) score: number;
}

/** A periodic evaluation (e.g. each term): a score per goal and a comment. */
@ObjectType({ description: 'A periodic evaluation of a mentoring pair' })
@Entity('mentoring_evaluation')
export class MentoringEvaluation {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'pair_id', type: 'uuid' }) pairId: string;
  @Field({ description: 'e.g. 2025-2026-1 (school year and term)' }) @Column({ type: 'varchar', length: 20 }) period: string;
  @Field(() => [GoalScore]) @Column({ type: 'jsonb' }) scores: GoalScore[];
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 2000, nullable: true }) comment: string | null;
  @Column({ name: 'evaluated_by', type: 'uuid', nullable: true }) evaluatedBy: string | null;
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
