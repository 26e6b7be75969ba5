import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  ContextFactory,
  AppError,
  ErrorCode,
  badInput,
  byId,
  conflict,
  forbidden,
  groupedBy,
  EventBus,
  LiveBus,
  LiveConnections,
  langOfLocale,
  notFound,
  Principal,
  Role,
  signToken,
  TransactionService,
  unauthenticated,
  type AppConfig,
  type PrincipalResolver,
  type RequestContext,
  preparedQuery,
} from '#app/core';
import { AccessService, Teacher } from '#app/organisation';
import { AuthPayload, CreateUserInput, GrantRoleInput, PasswordReset } from './dto/user.input';
import { RoleGrant, User } from './entities/user.entity';
import { LoginThrottle } from './login-throttle';
import { hashPassword, needsRehash, oneTimeCode, PasswordHasher } from './password';
import { insertUser, writeGrants, type GrantRow } from './identity-rows';
import { Mailer } from './mailer';

// Verifying against this when the email is unknown keeps both answers equally slow (no account probing).
let dummyHash: Promise<string> | undefined;

/** How long a one-time code from resetPassword works. */
export const RESET_CODE_TTL_HOURS = 72;

type PasswordRow = Pick<User, 'id' | 'email' | 'passwordHash' | 'mustChangePassword' | 'passwordExpiresAt'>;

@Injectable()
export class IdentityService implements PrincipalResolver {
  /** Every password hash and check goes through here: off the event loop, a few at a time (PASSWORD_HASH_*). */
  readonly hasher: PasswordHasher;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionService,
    private readonly access: AccessService,
    private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottle,
    private readonly bus: LiveBus,
    private readonly events: EventBus,
    private readonly mailer: Mailer,
    private readonly contexts: ContextFactory,
  ) {
    this.hasher = new PasswordHasher(config.passwordHashConcurrency, config.passwordHashQueue);
  }

  hashPassword(password: string): Promise<string> {
    return this.hasher.hash(password);
  }

  /** `account`: the login's email, its phone number or its teacher's staff number (教职工号). */
  async login(ctx: RequestContext, account: string, password: string): Promise<AuthPayload> {
    const user = await this.checkPassword(ctx, account, password, () =>
      ctx.em
        .createQueryBuilder(User, 'u')
        .addSelect('u.passwordHash')
        .where(`lower(u.email) = lower(:account) OR u.phone = :account OR u.teacher_id = (SELECT t.id FROM teacher t WHERE t.staff_no = :account)`, { account: account.trim() })
        // an email first, then a phone, then a staff number: one account however it is named
        .orderBy(`CASE WHEN lower(u.email) = lower(:account) THEN 0 WHEN u.phone = :account THEN 1 ELSE 2 END`)
        .getOne(),
    );
    if (!user) throw unauthenticated({ zh: '账号或密码不正确', en: 'Email or password is wrong' });
    // told only to who knows the password: a deactivated login is not probed
    if (user.deactivatedAt) throw unauthenticated({ zh: '该账号已停用，请联系学校或教育局', en: 'This login is deactivated: ask your school or bureau' });
    await ctx.em.update(User, { id: user.id }, { lastLoginAt: ctx.now() });
    return this.signedIn(user, user.tokenVersion);
  }

  /**
   * Throttled password check (LoginThrottle, before any hashing): the user when `password` is theirs, null when the
   * account is unknown or the password wrong (recorded as a failure), UNAUTHENTICATED for a one-time code past its
   * expiry. A right legacy hash is rewritten in the current format.
   */
  private async checkPassword<T extends PasswordRow>(ctx: RequestContext, email: string, password: string, find: () => Promise<T | null>): Promise<T | null> {
    const attempt = await this.throttle.begin(email, ctx.clientAddress);
    let ok: boolean;
    let user: T | null;
    try {
      user = await find();
      ok = await this.hasher.verify(password, user?.passwordHash ?? (await (dummyHash ??= hashPassword(randomUUID()))));
    } catch (err) {
      await this.throttle.abandon(attempt); // never checked (server busy): not a failure
      throw err;
    }
    if (!user || !ok) return null;
    if (user.mustChangePassword && user.passwordExpiresAt && user.passwordExpiresAt.getTime() <= ctx.now().getTime()) {
      throw unauthenticated({ zh: '一次性验证码已过期，请联系管理员重新获取', en: 'This one-time code has expired: ask an admin for a new one' });
    }
    await this.throttle.succeeded(attempt);
    if (needsRehash(user.passwordHash)) {
      const upgraded = await this.hasher.hash(password).catch((err) => {
        if (err instanceof AppError) return null; // server busy: upgrade at a later sign-in
        throw err;
      });
      if (upgraded) await ctx.em.update(User, { id: user.id, passwordHash: user.passwordHash }, { passwordHash: upgraded });
    }
    return user;
  }

  private signedIn(user: User, tokenVersion: number): AuthPayload {
    const token = signToken(this.config.jwtSecret, user.id, this.config.jwtTtlSeconds, tokenVersion);
    const expiresAt = new Date(Date.now() + this.config.jwtTtlSeconds * 1000).toISOString();
    return { token, expiresAt, user, mustChangePassword: user.mustChangePassword };
  }

  /**
   * The one way to end a user's tokens: every token signed with an older version is refused from the next request
   * on. Call it inside the transaction of the change that calls for it (logout, password change or reset, role
   * change), so both happen or neither. Returns the new version.
   */
  async bumpTokenVersion(tx: RequestContext, userId: string): Promise<number> {
    if (!tx.inTransaction) throw new Error('bumpTokenVersion must run in the transaction of the change that ends the tokens');
    const [rows] = await tx.em.query(`UPDATE app_user SET token_version = token_version + 1 WHERE id = $1 RETURNING token_version`, [userId]);
    if (!rows?.length) throw notFound('User', userId);
    this.principalChanged(tx, userId); // open live connections of the user end, on every instance
    return rows[0].token_version;
  }

  /**
   * Once the transaction commits, every instance hears that the user's principal changed (sign-in, roles, profile,
   * active or not): cached principals of the user are dropped and their live connections checked again. Every write
   * to what `resolve` reads (app_user, role_grant) calls it, through bumpTokenVersion or directly.
   */
  principalChanged(tx: RequestContext, userId: string): void {
    // this instance at once, as the commit returns (the caller's next request must see it); the others by the notice
    const dropHere = () => this.contexts.principalCache.drop(userId);
    if (tx.inTransaction) tx.afterCommit.push(dropHere);
    else dropHere();
    LiveConnections.changed(tx, this.bus, userId);
  }

  /** Ends every token of the caller (there is one version per user, not one per token). */
  async logout(ctx: RequestContext): Promise<boolean> {
    await this.tx.run(ctx, (tx) => this.bumpTokenVersion(tx, tx.user.accountId));
    return true;
  }

  /**
   * The caller's new password; `currentPassword` is the password in use or the one-time code. Every other token of
   * the user ends; the answer carries a fresh one.
   */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<AuthPayload> {
    const userId = ctx.user.accountId;
    if (newPassword === currentPassword) throw badInput('newPassword', { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' });
    const user = await this.checkPassword(ctx, ctx.user.email, currentPassword, () =>
      ctx.em.createQueryBuilder(User, 'u').addSelect('u.passwordHash').where('u.id = :userId', { userId }).getOne(),
    );
    if (!user) throw unauthenticated({ zh: '当前密码不正确', en: 'The current password is wrong' });
    const passwordHash = await this.hashPassword(newPassword);
    return this.tx.run(ctx, async (tx) => {
      const changed = await tx.em.update(User, { id: userId, passwordHash: user.passwordHash }, { passwordHash, mustChangePassword: false, passwordExpiresAt: null });
      if (!changed.affected) throw conflict({ zh: '密码已在此期间被修改或重置，请重新登录', en: 'The password was changed or reset meanwhile: sign in again' });
      const version = await this.bumpTokenVersion(tx, userId);
      return this.signedIn(await tx.em.findOneByOrFail(User, { id: userId }), version);
    });
  }

  /**
   * A one-time code replaces the user's password at once (valid RESET_CODE_TTL_HOURS, stored only as a hash) and
   * their tokens end. Signing in with it allows nothing but changePassword. Callers outside their scope get
   * NOT_FOUND, exactly like an unknown id: resetting a password hands over the account, so no hint either way.
   */
  async resetPassword(ctx: RequestContext, userId: string): Promise<PasswordReset> {
    const result = await this.tx.run(ctx, async (tx) => {
      const user = await tx.em.findOne(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('User', userId);
      await this.requireAuthorityOverAccount(tx, user).catch((err) => {
        throw err instanceof AppError ? notFound('User', userId) : err;
      });
      const code = oneTimeCode();
      const passwordExpiresAt = new Date(tx.now().getTime() + RESET_CODE_TTL_HOURS * 3600_000);
      await tx.em.update(User, { id: user.id }, { passwordHash: await this.hashPassword(code), mustChangePassword: true, passwordExpiresAt });
      await this.bumpTokenVersion(tx, user.id);
      const expiresAt = passwordExpiresAt.toISOString();
      const account = user.email ?? user.phone ?? '';
      await this.events.publish(tx, 'identity.code.issued', { kind: 'reset', email: user.email, displayName: user.displayName, code, link: `/login?account=${encodeURIComponent(account)}&code=${code}`, expiresAt });
      return { code, expiresAt, mailed: this.mailer.mails(user.email), user: Object.assign(user, { mustChangePassword: true, passwordExpiresAt }) };
    });
    await this.throttle.clearAccount(result.user.email ?? result.user.phone ?? result.user.id); // a user locked out by someone guessing can use the code at once
    return result;
  }

  /**
   * PrincipalResolver: one query per request for the user and their active grants (prepared: it runs on every request);
   * `em` reads them in an open transaction (the demo acts as the accounts it has just created).
   */
  async resolve(userId: string, em: EntityManager = this.dataSource.manager): Promise<Principal | null> {
    const rows = await preparedQuery<{
      email: string | null;
      phone: string | null;
      teacher_id: string | null;
      token_version: number;
      must_change_password: boolean;
      locale: string | null;
      id: string | null;
      role: Role | null;
      scope_id: string | null;
    }>(
      em,
      'principal',
      `SELECT u.email, u.phone, u.teacher_id, u.token_version, u.must_change_password, u.locale, g.id, g.role, g.scope_id
         FROM app_user u LEFT JOIN role_grant g ON g.user_id = u.id AND g.revoked_at IS NULL
        WHERE u.id = $1 AND u.deactivated_at IS NULL`,
      [userId],
    );
    if (!rows.length) return null;
    const grants = rows.filter((r) => r.id).map((r) => ({ id: r.id!, role: r.role!, scopeId: r.scope_id }));
    const [u] = rows;
    return new Principal(userId, u.email ?? u.phone ?? userId, u.teacher_id, grants, u.token_version, u.must_change_password, langOfLocale(u.locale));
  }

  /** Which of these teachers have a login (for other contexts: identity owns app_user). */
  async teachersWithAccounts(ctx: RequestContext, teacherIds: readonly string[]): Promise<string[]> {
    if (!teacherIds.length) return [];
    const rows: { teacher_id: string }[] = await ctx.em.query(`SELECT teacher_id FROM app_user WHERE teacher_id = ANY($1::uuid[])`, [teacherIds]);
    return rows.map((r) => r.teacher_id);
  }

  async createUser(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    return this.tx.run(ctx, async (tx) => {
      if (input.teacherId) {
        const teacher = await tx.em.findOneBy(Teacher, { id: input.teacherId });
        if (!teacher) throw notFound('Teacher', input.teacherId);
        await this.access.requireSchools(tx, 'staff', [teacher.schoolId]);
        if (await tx.em.existsBy(User, { teacherId: input.teacherId })) throw conflict({ zh: '该教师已有账号', en: 'This teacher already has an account' });
      } else if (!tx.user.isPlatformAdmin && !tx.user.regionIds.length) {
        throw forbidden({ zh: '学校管理员只能为本校教师创建账号，请提供 teacherId', en: 'School admins create accounts for teachers of their school only: give teacherId' });
      }
      const exists = await tx.em.createQueryBuilder(User, 'u').where('lower(u.email) = lower(:email)', { email: input.email }).getExists();
      if (exists) throw conflict({ zh: `邮箱为 ${input.email} 的账号已存在`, en: `An account with email ${input.email} already exists` });
      return insertUser(tx, {
        email: input.email,
        passwordHash: await this.hashPassword(input.password),
        displayName: input.displayName,
        teacherId: input.teacherId ?? null,
      });
    });
  }

  async grantRole(ctx: RequestContext, input: GrantRoleInput): Promise<RoleGrant> {
    return this.tx.run(ctx, async (tx) => {
      const user = await tx.em.findOneBy(User, { id: input.userId });
      if (!user) throw notFound('User', input.userId);
      await this.requireAuthorityOver(tx, input.role, input.scopeId ?? null, user);
      const existing = await tx.em.findOneBy(RoleGrant, {
        userId: user.id,
        role: input.role,
        scopeId: input.scopeId ?? IsNull(),
        revokedAt: IsNull(),
      });
      if (existing) throw conflict({ zh: '该用户在此范围内已拥有此角色', en: 'This user already holds this role in this scope' });
      const row: GrantRow = { id: tx.newId('role_grant'), userId: user.id, role: input.role, scopeId: input.scopeId ?? null, grantedBy: tx.user.userId, createdAt: tx.now(), revokedAt: null };
      await writeGrants(tx.em, [row]);
      const grant = tx.em.create(RoleGrant, row);
      await this.bumpTokenVersion(tx, user.id); // the user signs in again to act with the new role
      return grant;
    });
  }

  async revokeRole(ctx: RequestContext, grantId: string): Promise<boolean> {
    return this.tx.run(ctx, async (tx) => {
      const grant = await tx.em.findOne(RoleGrant, { where: { id: grantId }, lock: { mode: 'pessimistic_write' } });
      if (!grant || grant.revokedAt) throw notFound('Role grant', grantId);
      const user = await tx.em.findOneByOrFail(User, { id: grant.userId });
      // A grant outside the caller's scope is not theirs to see (User.roles hides it): answer like an unknown id.
      await this.requireAuthorityOver(tx, grant.role, grant.scopeId, user).catch((err) => {
        throw err instanceof AppError && err.code === ErrorCode.FORBIDDEN ? notFound('Role grant', grantId) : err;
      });
      if (grant.role === Role.PLATFORM_ADMIN) {
        const [{ n }] = await tx.em.query(`SELECT count(*)::int AS n FROM role_grant WHERE role = 'PLATFORM_ADMIN' AND revoked_at IS NULL`);
        if (n <= 1) throw conflict({ zh: '这是最后一位平台管理员，请先授权另一位', en: 'This is the last platform admin; grant another one first' });
      }
      grant.revokedAt = tx.now();
      await tx.em.save(grant);
      await this.bumpTokenVersion(tx, user.id);
      return true;
    });
  }

  async grantsOf(ctx: RequestContext, userId: string): Promise<RoleGrant[]> {
    return groupedBy<RoleGrant>(
      ctx,
      'grants',
      (ids) => ctx.em.find(RoleGrant, { where: { userId: In(ids), revokedAt: IsNull() }, order: { createdAt: 'ASC' } }),
      (g) => g.userId,
    ).load(userId);
  }

  /** Users by id, batched per request. */
  load(ctx: RequestContext, id: string): Promise<User | null> {
    return byId(ctx, User, 'user').load(id);
  }

  async me(ctx: RequestContext): Promise<User> {
    const user = await ctx.em.findOneBy(User, { id: ctx.user.accountId });
    if (!user) throw unauthenticated({ zh: '该登录凭证对应的账号已不存在', en: 'The account of this token no longer exists' });
    return user;
  }

  /**
   * Who may act for an account (reset its password): someone with authority over everything the account can do,
   * i.e. over its teacher's school ('staff': school and region admins above it) and over each of its active grants
   * as if handing them out. An account with neither (no teacher, no role) is left to platform admins.
   */
  async requireAuthorityOverAccount(ctx: RequestContext, user: User) {
    if (ctx.user.isPlatformAdmin) return;
    const grants = await ctx.em.findBy(RoleGrant, { userId: user.id, revokedAt: IsNull() });
    if (!user.teacherId && !grants.length) throw forbidden({ zh: '未关联教师且没有角色的账号只能由平台管理员代为操作', en: 'Only a platform admin acts for an account without teacher or role' });
    if (user.teacherId) {
      const teacher = await ctx.em.findOneByOrFail(Teacher, { id: user.teacherId });
      await this.access.requireSchools(ctx, 'staff', [teacher.schoolId]);
    }
    for (const g of grants) await this.requireAuthorityOver(ctx, g.role, g.scopeId, user);
  }

  /** Who may hand out (or take back) a role: the scope of the role must lie inside the caller's own. */
  private async requireAuthorityOver(ctx: RequestContext, role: Role, scopeId: string | null, user: User) {
    const scoped = [Role.REGION_ADMIN, Role.GROUP_MANAGER, Role.SCHOOL_ADMIN].includes(role);
    if (scoped && !scopeId) throw badInput('scopeId', { zh: `角色 ${role} 需要提供 scopeId`, en: `${role} needs a scopeId` });
    if (!scoped && scopeId) throw badInput('scopeId', { zh: `角色 ${role} 不需要 scopeId`, en: `${role} takes no scopeId` });
    switch (role) {
      case Role.PLATFORM_ADMIN:
        if (!ctx.user.isPlatformAdmin) throw forbidden({ zh: '只有平台管理员可以授予平台管理员角色', en: 'Only a platform admin makes platform admins' });
        return;
      case Role.REGION_ADMIN:
        return this.access.requireRegions(ctx, [scopeId!]);
      case Role.GROUP_MANAGER:
        return this.access.requireGroups(ctx, 'manage', [scopeId!]);
      case Role.SCHOOL_ADMIN:
        return this.access.requireSchools(ctx, 'manage', [scopeId!]);
      case Role.TEACHER: {
        if (!user.teacherId) throw badInput('userId', { zh: '教师（TEACHER）账号须关联教师档案（teacherId）', en: 'A TEACHER account must be linked to a teacher profile (teacherId)' });
        const teacher = await ctx.em.findOneByOrFail(Teacher, { id: user.teacherId });
        return this.access.requireSchools(ctx, 'staff', [teacher.schoolId]);
      }
    }
  }
}
