import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '#app/core';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ResearchSessionStatus, ResearchSessionType, SessionMode } from '../enums';

@ObjectType({ description: 'An agenda item of a session' })
export class AgendaItem {
  @Field() title: string;
  @Field(() => Int, { nullable: true }) durationMinutes?: number | null;
  @Field(() => String, { nullable: true }) speaker?: string | null;
}

/** 联合教研活动: hosted by a school of a group for teachers of its member schools. */
@ObjectType({ description: '联合教研活动 joint research session' })
@Entity('research_session')
export class ResearchSession {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'group_id', type: 'uuid' }) groupId: string;
  @Field(() => ID) @Column({ name: 'host_school_id', type: 'uuid' }) hostSchoolId: string;
  @Field() @Column({ type: 'varchar', length: 200 }) title: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'varchar', length: 1000, nullable: true }) topic: string | null;
  @Field(() => ResearchSessionType) @Column({ type: 'varchar', length: 30 }) type: ResearchSessionType;
  @Field(() => SessionMode) @Column({ type: 'varchar', length: 10 }) mode: SessionMode;
  @Field(() => String, { nullable: true, description: 'The subject (学科, e.g. 语文), so teachers find their own sessions' }) @Column({ type: 'varchar', length: 20, nullable: true }) subject: string | null;
  @Field(() => String, { nullable: true, description: 'The grade (年级, e.g. 四年级)' }) @Column({ type: 'varchar', length: 20, nullable: true }) grade: string | null;
  @Field(() => String, { nullable: true, description: 'Where it takes place (ONSITE and HYBRID), e.g. 炎帝学校三楼录播室' }) @Column({ type: 'varchar', length: 200, nullable: true }) location: string | null;
  @Field(() => String, { nullable: true, description: 'The meeting link (ONLINE and HYBRID)' }) @Column({ name: 'meeting_url', type: 'varchar', length: 500, nullable: true }) meetingUrl: string | null;
  @Field(() => ResearchSessionStatus) @Column({ type: 'varchar', length: 10 }) status: ResearchSessionStatus;
  @Field(() => DateTimeScalar) @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Field(() => DateTimeScalar) @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt: Date;
  @Field(() => [AgendaItem]) @Column({ type: 'jsonb', default: () => "'[]'" }) agenda: AgendaItem[];
  @Field(() => Int, { nullable: true, description: 'Index of the agenda item under way, while live' })
  @Column({ name: 'agenda_index', type: 'int', nullable: true })
  agendaIndex: number | null;
  @Field(() => [ID], { description: 'Lesson plans discussed (linked once lesson preparation lands)' })
  @Column({ name: 'lesson_plan_ids', type: 'uuid', array: true, default: () => "'{}'" })
  lessonPlanIds: string[];
  @Field(() => String, { nullable: true, description: '会议纪要, set when the session ends' }) @Column({ type: 'text', nullable: true }) minutes: string | null;
  @Field(() => String, { nullable: true }) @Column({ name: 'cancel_reason', type: 'varchar', length: 1000, nullable: true }) cancelReason: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  /** The last event sequence number handed out: events are numbered 1, 2, 3... per session, without gaps. */
  @Field(() => Int, { description: 'Sequence number of the latest live event' }) @Column({ name: 'last_seq', type: 'int', default: 0 }) lastSeq: number;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity('research_session_school')
export class ResearchSessionSchool {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
}

@Entity('research_session_teacher')
export class ResearchSessionTeacher {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @Column({ name: 'teacher_id', type: 'uuid' }) teacherId: string;
}

/** A teacher's check-in (签到) at a session: once per session. */
@ObjectType({ description: '签到 attendance' })
@Entity('research_attendance')
export class Attendance {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @Field(() => ID) @Column({ name: 'teacher_id', type: 'uuid' }) teacherId: string;
  @Field(() => ID, { description: 'The school the teacher checked in for' }) @Column({ name: 'school_id', type: 'uuid' }) schoolId: string;
  @Field(() => DateTimeScalar) @Column({ name: 'checked_in_at', type: 'timestamptz', default: () => 'now()' }) checkedInAt: Date;
}

/** 会议纪要: every text a session's minutes had, the first written when it ended, then each correction. */
@ObjectType({ description: 'A version of the minutes: written when the session ended, or a later correction' })
@Entity('research_session_minutes')
export class SessionMinutesVersion {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId: string;
  @Field(() => Int) @PrimaryColumn({ type: 'int' }) version: number;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) minutes: string | null;
  @Column({ name: 'written_by', type: 'uuid', nullable: true }) writtenBy: string | null;
  @Field(() => DateTimeScalar) @Column({ name: 'written_at', type: 'timestamptz' }) writtenAt: Date;
}
