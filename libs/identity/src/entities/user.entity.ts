import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar, Role } from '#app/core';

/** A login. The password hash has no @Field: it is never part of the API. */
@ObjectType()
@Entity('app_user')
export class User {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  /** Exposed through IdentityResolver.email: only to the user and to admins. */
  @Column({ type: 'varchar', length: 254, nullable: true }) email: string | null;
  /** A login by phone (unique where given); exposed like the email. */
  @Column({ type: 'varchar', length: 30, nullable: true }) phone: string | null;
  /** A deactivated login keeps its history; it cannot sign in and its tokens end. */
  @Field(() => DateTimeScalar, { nullable: true, description: 'Set when an admin deactivated this login' })
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;
  @Column({ name: 'password_hash', type: 'varchar', length: 200, select: false }) passwordHash: string;
  @Field() @Column({ name: 'display_name', type: 'varchar', length: 100 }) displayName: string;
  @Field(() => String, { nullable: true, description: 'The language of API messages the user chose (zh-CN or en); null: each request\'s Accept-Language decides' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  locale: string | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'teacher_id', type: 'uuid', nullable: true }) teacherId: string | null;
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true }) lastLoginAt: Date | null;
  /** Tokens carry it (claim `ver`); IdentityService.bumpTokenVersion ends every token signed before. */
  @Column({ name: 'token_version', type: 'int', default: 0 }) tokenVersion: number;
  /** The password is a one-time code from resetPassword: the user must change it before doing anything else. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false }) mustChangePassword: boolean;
  /** When a one-time code stops working; null for a password the user chose. */
  @Column({ name: 'password_expires_at', type: 'timestamptz', nullable: true }) passwordExpiresAt: Date | null;
}

@ObjectType({ description: 'A role held in a scope' })
@Entity('role_grant')
export class RoleGrant {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id: string;
  @Field(() => ID) @Column({ name: 'user_id', type: 'uuid' }) userId: string;
  @Field(() => Role) @Column({ type: 'varchar', length: 20 }) role: Role;
  @Field(() => ID, { nullable: true, description: 'Region id (REGION_ADMIN), group id (GROUP_MANAGER) or school id (SCHOOL_ADMIN)' })
  @Column({ name: 'scope_id', type: 'uuid', nullable: true })
  scopeId: string | null;
  @Column({ name: 'granted_by', type: 'uuid', nullable: true }) grantedBy: string | null;
  @Field(() => DateTimeScalar) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => DateTimeScalar, { nullable: true }) @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
