import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DateScalar, DateTimeScalar } from '#app/core';
import { LessonPlanKind, LessonPlanSection, LessonPlanStatus } from '../enums';

/** 集体备课团队: teachers of the group's member schools, one subject and grade, a leader. */
@ObjectType({ description: '集体备课团队 lesson preparation team' })
@Entity('lesson_prep_team')
export class LessonPrepTeam {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'group_id', type: 'uuid' }) groupId: string;
  @Field() @Column({ type: 'varchar', length: 100 }) name: string;
  @Field() @Column({ type: 'varchar', length: 20 }) subject: string;
  @Field({ description: 'e.g. 五年级' }) @Column({ type: 'varchar', length: 20 }) grade: string;
  @Field(() => ID) @Column({ name: 'leader_teacher_id', type: 'uuid' }) leaderTeacherId: string;
  @Field(() => ID, { nullable: true, description: 'A reviewer named by the group (besides the leader)' })
  @Column({ name: 'reviewer_teacher_id', type: 'uuid', nullable: true })
  reviewerTeacherId: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A membership of a team; removing a member closes it (history kept). */
@ObjectType({ description: 'A period of membership in a lesson preparation team' })
@Entity('lesson_prep_team_member')
export class LessonPrepTeamMember {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'team_id', type: 'uuid' }) teamId: string;
  @Field(() => ID) @Column({ name: 'teacher_id', type: 'uuid' }) teacherId: string;
  @Field(() => DateTimeScalar) @Column({ name: 'joined_at', type: 'timestamptz', default: () => 'now()' }) joinedAt: Date;
  @Field(() => DateTimeScalar, { nullable: true }) @Column({ name: 'left_at', type: 'timestamptz', nullable: true }) leftAt: Date | null;
  @Column({ name: 'added_by', type: 'uuid', nullable: true }) addedBy: string | null;
  @Column({ name: 'removed_by', type: 'uuid', nullable: true }) removedBy: string | null;
}

@ObjectType({ description: 'A teaching resource: a title and a link' })
export class LessonResource {
  @Field() title: string;
  @Field() url: string;
}

/** The editable part of a plan, kept in full in every revision. */
export interface PlanContent {
  title: string;
  unit: string | null;
  objectives: string | null;
  keyPoints: string | null;
  content: string;
  resources: LessonResource[];
}

/** 教案. Team plans go through review; adaptations (二次备课) are a teacher's own copy of a published version. */
@ObjectType({ description: '教案 lesson plan (a team plan, or a teacher’s adaptation 二次备课)' })
@Entity('lesson_plan')
export class LessonPlan implements PlanContent {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'group_id', type: 'uuid' }) groupId: string;
  @Field(() => LessonPlanKind) @Column({ type: 'varchar', length: 12 }) kind: LessonPlanKind;
  @Field(() => ID, { nullable: true }) @Column({ name: 'team_id', type: 'uuid', nullable: true }) teamId: string | null;
  @Field(() => ID, { nullable: true, description: 'The teacher who owns an adaptation' })
  @Column({ name: 'owner_teacher_id', type: 'uuid', nullable: true })
  ownerTeacherId: string | null;
  @Column({ name: 'source_plan_id', type: 'uuid', nullable: true }) sourcePlanId: string | null;
  @Column({ name: 'source_version', type: 'int', nullable: true }) sourceVersion: number | null;
  /** the main preparer's school when the plan was created (counted per school in the reports) */
  @Field(() => ID) @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'main_preparer_teacher_id', type: 'uuid' }) mainPreparerTeacherId: string;
  @Field() @Column({ type: 'varchar', length: 200 }) title: string;
  @Field() @Column({ type: 'varchar', length: 20 }) subject: string;
  @Field() @Column({ type: 'varchar', length: 20 }) grade: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 200, nullable: true }) unit: string | null;
  @Field(() => String, { nullable: true, description: '教学目标' }) @Column({ type: 'text', nullable: true }) objectives: string | null;
  @Field(() => String, { nullable: true, description: '教学重难点' }) @Column({ name: 'key_points', type: 'text', nullable: true }) keyPoints: string | null;
  @Field({ description: 'Markdown' }) @Column({ type: 'text' }) content: string;
  @Field(() => [LessonResource]) @Column({ type: 'jsonb', default: () => "'[]'" }) resources: LessonResource[];
  @Field(() => LessonPlanStatus) @Column({ type: 'varchar', length: 12 }) status: LessonPlanStatus;
  @Field(() => Int, { description: 'The current version; every change adds one and keeps a revision' }) @Column({ type: 'int', default: 1 }) version: number;
  @Field(() => Int, { nullable: true, description: 'The version teachers of the group read' })
  @Column({ name: 'published_version', type: 'int', nullable: true })
  publishedVersion: number | null;
  @Field(() => DateTimeScalar, { nullable: true }) @Column({ name: 'first_published_at', type: 'timestamptz', nullable: true }) firstPublishedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'The reviewer’s note (why it was returned, or on approval)' })
  @Column({ name: 'review_note', type: 'varchar', length: 2000, nullable: true })
  reviewNote: string | null;
  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true }) reviewedBy: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => DateTimeScalar) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** Every version of a plan, in full. */
@ObjectType({ description: 'A version of a lesson plan, with its full content' })
@Entity('lesson_plan_revision')
export class LessonPlanRevision implements PlanContent {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Field(() => Int) @PrimaryColumn({ type: 'int' }) version: number;
  @Field() @Column({ type: 'varchar', length: 200 }) title: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 200, nullable: true }) unit: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) objectives: string | null;
  @Field(() => String, { nullable: true }) @Column({ name: 'key_points', type: 'text', nullable: true }) keyPoints: string | null;
  @Field() @Column({ type: 'text' }) content: string;
  @Field(() => [LessonResource]) @Column({ type: 'jsonb', default: () => "'[]'" }) resources: LessonResource[];
  @Field(() => String, { nullable: true, description: 'What changed, in the author’s words' }) @Column({ type: 'varchar', length: 500, nullable: true }) note: string | null;
  @Column({ name: 'author_user_id', type: 'uuid', nullable: true }) authorUserId: string | null;
  @Column({ name: 'author_teacher_id', type: 'uuid', nullable: true }) authorTeacherId: string | null;
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When this version was published' })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
  @Column({ name: 'search_vector', type: 'tsvector', select: false }) searchVector: string;
}

@ObjectType({ description: 'Where a comment points' })
export class CommentAnchor {
  @Field(() => LessonPlanSection) section: LessonPlanSection;
  @Field(() => Int, { nullable: true, description: 'First line of the content (1-based)' }) fromLine?: number | null;
  @Field(() => Int, { nullable: true, description: 'Last line of the content (inclusive)' }) toLine?: number | null;
}

@ObjectType({ description: 'A comment on a version of a plan, or a reply to one' })
@Entity('lesson_plan_comment')
export class LessonPlanComment {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Field(() => Int) @Column({ type: 'int' }) version: number;
  @Field(() => ID, { nullable: true, description: 'The comment this replies to' }) @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId: string | null;
  @Field(() => CommentAnchor, { nullable: true }) @Column({ type: 'jsonb', nullable: true }) anchor: CommentAnchor | null;
  @Field() @Column({ type: 'varchar', length: 2000 }) text: string;
  @Column({ name: 'author_user_id', type: 'uuid' }) authorUserId: string;
  @Column({ name: 'author_teacher_id', type: 'uuid', nullable: true }) authorTeacherId: string | null;
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => DateTimeScalar, { nullable: true }) @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ name: 'resolved_by', type: 'uuid', nullable: true }) resolvedBy: string | null;
}

/** 同上课: a school taught the plan. */
@ObjectType({ description: '同上课 a school taught a published plan: when, by whom, with a reflection (教后反思)' })
@Entity('lesson_plan_adoption')
export class LessonPlanAdoption {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Field(() => Int, { description: 'The published version taught' }) @Column({ type: 'int' }) version: number;
  @Field(() => ID, { nullable: true, description: 'The teacher’s adaptation it was taught from, if any' })
  @Column({ name: 'adaptation_id', type: 'uuid', nullable: true })
  adaptationId: string | null;
  @Field(() => ID) @Column({ name: 'group_id', type: 'uuid' }) groupId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Column({ name: 'teacher_id', type: 'uuid' }) teacherId: string;
  @Field(() => DateScalar) @Column({ name: 'taught_on', type: 'date' }) taughtOn: string;
  @Field({ description: 'e.g. 五(2)班; empty when not given' }) @Column({ name: 'class_name', type: 'varchar', length: 50, default: '' }) className: string;
  @Field(() => String, { nullable: true, description: '教后反思' }) @Column({ type: 'text', nullable: true }) reflection: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
