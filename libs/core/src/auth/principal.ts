import { registerEnumType } from '@nestjs/graphql';
import { unauthenticated } from '../errors/app-error';
import type { Lang } from '../errors/messages';

export enum Role {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  REGION_ADMIN = 'REGION_ADMIN',
  GROUP_MANAGER = 'GROUP_MANAGER',
  SCHOOL_ADMIN = 'SCHOOL_ADMIN',
  TEACHER = 'TEACHER',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'A role is always bound to a scope: PLATFORM_ADMIN 平台管理员 (all) · REGION_ADMIN 教育局 (a region subtree) · GROUP_MANAGER 集团/共同体管理员 (one group) · SCHOOL_ADMIN 学校管理员 (one school) · TEACHER 教师 (self)',
});

export interface Grant {
  id: string;
  role: Role;
  /** region id, group id or school id depending on role; null for PLATFORM_ADMIN and TEACHER */
  scopeId: string | null;
}

/**
 * Who is calling: resolved once per request from the bearer token. A principal without an account (`userId` null)
 * is a teacher or a manager acting without a sign-in, as the demo plays its story for people who have none: what
 * they write records no account, and whatever needs one (tokens, comments, live connections) refuses them.
 */
export class Principal {
  constructor(
    readonly userId: string | null,
    readonly email: string,
    readonly teacherId: string | null,
    readonly grants: Grant[],
    /** The user's current token version: a token signed with another one has ended (logout, password change, role change). */
    readonly tokenVersion = 0,
    /** Signed in with a one-time code from resetPassword: only me, logout and changePassword until the password is changed. */
    readonly mustChangePassword = false,
    /** The language the user chose for messages (app_user.locale); null: the request's Accept-Language decides. */
    readonly lang: Lang | null = null,
  ) {}

  /** A teacher (`teacherId`) or a manager (`grants`) acting without an account: nothing they write records one. */
  static withoutAccount(teacherId: string | null, grants: Omit<Grant, 'id'>[]): Principal {
    return new Principal(null, '', teacherId, grants.map((g) => ({ ...g, id: '' })));
  }

  /** The caller's account: UNAUTHENTICATED for a principal without one. */
  get accountId(): string {
    if (!this.userId) throw unauthenticated({ zh: '此操作需要登录账号', en: 'This needs a signed-in account' });
    return this.userId;
  }

  get isPlatformAdmin(): boolean {
    return this.grants.some((g) => g.role === Role.PLATFORM_ADMIN);
  }
  hasRole(...roles: Role[]): boolean {
    return this.grants.some((g) => roles.includes(g.role));
  }
  scopes(role: Role): string[] {
    return this.grants.filter((g) => g.role === role && g.scopeId).map((g) => g.scopeId!) as string[];
  }
  get regionIds() {
    return this.scopes(Role.REGION_ADMIN);
  }
  get groupIds() {
    return this.scopes(Role.GROUP_MANAGER);
  }
  get schoolIds() {
    return this.scopes(Role.SCHOOL_ADMIN);
  }
}

/** Implemented by the identity lib: turns a verified token subject into a Principal (or null when the user is gone). */
export interface PrincipalResolver {
  resolve(userId: string): Promise<Principal | null>;
}
export const PRINCIPAL_RESOLVER = Symbol('PRINCIPAL_RESOLVER');
