import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import {
  APP_CONFIG,
  badInput,
  byId,
  conflict,
  forbidden,
  groupedBy,
  LiveBus,
  LiveConnections,
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
} from '../../core/src';
import { AccessService, Teacher } from '../../organisation/src';
import { CreateUserInput, GrantRoleInput } from './dto/user.input';
import { RoleGrant, User } from './entities/user.entity';
import { hashPassword, verifyPassword } from './password';

// Verifying against this when the email is unknown keeps both answers equally slow (no account probing).
let dummyHash: Promise<string> | undefined;

@Injectable()
export class IdentityService implements PrincipalResolver {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionService,
    private readonly access: AccessService,
    private readonly dataSource: DataSource,
    private readonly bus: LiveBus,
  ) {}

  hashPassword(password: string): Promise<string> {
    return hashPassword(password);
  }

  async login(ctx: RequestContext, email: string, password: string) {
    const user = await ctx.em
      .createQueryBuilder(User, 'u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
    dummyHash ??= this.hashPassword(randomUUID());
    const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
    if (!user || !ok) throw unauthenticated('Email or password is wrong');
    await ctx.em.update(User, { id: user.id }, { lastLoginAt: new Date() });
    const token = signToken(this.config.jwtSecret, user.id, this.config.jwtTtlSeconds);
    return { token, expiresAt: new Date(Date.now() + this.config.jwtTtlSeconds * 1000).toISOString(), user };
  }

  /** PrincipalResolver: one query per request for the user and their active grants (prepared: it runs on every request). */
  async resolve(userId: string): Promise<Principal | null> {
    const rows = await preparedQuery<{ email: string; teacher_id: string | null; id: string | null; role: Role | null; scope_id: string | null }>(
      this.dataSource.manager,
      'principal',
      `SELECT u.email, u.teacher_id, g.id, g.role, g.scope_id
         FROM app_user u LEFT JOIN role_grant g ON g.user_id = u.id AND g.revoked_at IS NULL
        WHERE u.id = $1`,
      [userId],
    );
    if (!rows.length) return null;
    const grants = rows.filter((r) => r.id).map((r) => ({ id: r.id!, role: r.role!, scopeId: r.scope_id }));
    return new Principal(userId, rows[0].email, rows[0].teacher_id, grants);
  }

  async createUser(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    return this.tx.run(ctx, async (tx) => {
      if (input.teacherId) {
        const teacher = await tx.em.findOneBy(Teacher, { id: input.teacherId });
        if (!teacher) throw notFound('Teacher', input.teacherId);
        await this.access.requireSchools(tx, 'staff', [teacher.schoolId]);
        if (await tx.em.existsBy(User, { teacherId: input.teacherId })) throw conflict('This teacher already has an account');
      } else if (!tx.user.isPlatformAdmin && !tx.user.regionIds.length) {
        throw forbidden('School admins create accounts for teachers of their school only: give teacherId');
      }
      const exists = await tx.em.createQueryBuilder(User, 'u').where('lower(u.email) = lower(:email)', { email: input.email }).getExists();
      if (exists) throw conflict(`An account with email ${input.email} already exists`);
      const user = tx.em.create(User, {
        id: randomUUID(),
        email: input.email,
        passwordHash: await this.hashPassword(input.password),
        displayName: input.displayName,
        teacherId: input.teacherId ?? null,
      });
      await tx.em.save(user);
      return user;
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
      if (existing) throw conflict('This user already holds this role in this scope');
      const grant = tx.em.create(RoleGrant, {
        id: randomUUID(),
        userId: user.id,
        role: input.role,
        scopeId: input.scopeId ?? null,
        grantedBy: tx.user.userId,
        revokedAt: null,
      });
      const saved = await tx.em.save(grant);
      LiveConnections.changed(tx, this.bus, user.id);
      return saved;
    });
  }

  async revokeRole(ctx: RequestContext, grantId: string): Promise<boolean> {
    return this.tx.run(ctx, async (tx) => {
      const grant = await tx.em.findOne(RoleGrant, { where: { id: grantId }, lock: { mode: 'pessimistic_write' } });
      if (!grant || grant.revokedAt) throw notFound('Role grant', grantId);
      const user = await tx.em.findOneByOrFail(User, { id: grant.userId });
      await this.requireAuthorityOver(tx, grant.role, grant.scopeId, user);
      if (grant.role === Role.PLATFORM_ADMIN) {
        const [{ n }] = await tx.em.query(`SELECT count(*)::int AS n FROM role_grant WHERE role = 'PLATFORM_ADMIN' AND revoked_at IS NULL`);
        if (n <= 1) throw conflict('This is the last platform admin; grant another one first');
      }
      grant.revokedAt = new Date();
      await tx.em.save(grant);
      LiveConnections.changed(tx, this.bus, grant.userId);
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
    const user = await ctx.em.findOneBy(User, { id: ctx.user.userId });
    if (!user) throw unauthenticated('The account of this token no longer exists');
    return user;
  }

  /** Who may hand out (or take back) a role: the scope of the role must lie inside the caller's own. */
  private async requireAuthorityOver(ctx: RequestContext, role: Role, scopeId: string | null, user: User) {
    const scoped = [Role.REGION_ADMIN, Role.GROUP_MANAGER, Role.SCHOOL_ADMIN].includes(role);
    if (scoped && !scopeId) throw badInput('scopeId', `${role} needs a scopeId`);
    if (!scoped && scopeId) throw badInput('scopeId', `${role} takes no scopeId`);
    switch (role) {
      case Role.PLATFORM_ADMIN:
        if (!ctx.user.isPlatformAdmin) throw forbidden('Only a platform admin makes platform admins');
        return;
      case Role.REGION_ADMIN:
        return this.access.requireRegions(ctx, [scopeId!]);
      case Role.GROUP_MANAGER:
        return this.access.requireGroups(ctx, 'manage', [scopeId!]);
      case Role.SCHOOL_ADMIN:
        return this.access.requireSchools(ctx, 'manage', [scopeId!]);
      case Role.TEACHER: {
        if (!user.teacherId) throw badInput('userId', 'A TEACHER account must be linked to a teacher profile (teacherId)');
        const teacher = await ctx.em.findOneByOrFail(Teacher, { id: user.teacherId });
        return this.access.requireSchools(ctx, 'staff', [teacher.schoolId]);
      }
    }
  }
}
