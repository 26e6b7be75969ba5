import { Injectable } from '@nestjs/common';
import { AppError, badInput, conflict, ErrorCode, EventBus, forbidden, notFound, TransactionService, type RequestContext } from '#app/core';
import { AccessService, Teacher } from '#app/organisation';
import { Invitation, InviteUserInput, UpdateMyProfileInput } from './dto/account.input';
import { User } from './entities/user.entity';
import { IdentityService } from './identity.service';
import { Mailer } from './mailer';
import { oneTimeCode } from './password';
import { insertUser } from './identity-rows';

/** How long an invitation's one-time code works. */
export const INVITE_CODE_TTL_DAYS = 14;

/**
 * Accounts for everyone: invitations (a one-time code the invitee signs in with once, then chooses a password),
 * deactivation (history kept, tokens end at once) and each user's own profile. Passwords, tokens and roles are
 * IdentityService's.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly access: AccessService,
    private readonly identity: IdentityService,
    private readonly events: EventBus,
    private readonly mailer: Mailer,
  ) {}

  async invite(ctx: RequestContext, input: InviteUserInput): Promise<Invitation> {
    if (!input.email && !input.phone) throw badInput('email', { zh: '请填写用于登录的电子邮箱或手机号', en: 'Give an email or a phone number to sign in with' });
    return this.tx.run(ctx, async (tx) => {
      let displayName = input.displayName;
      if (input.teacherId) {
        const teacher = await tx.em.findOneBy(Teacher, { id: input.teacherId });
        if (!teacher) throw notFound('Teacher', input.teacherId);
        await this.access.requireSchools(tx, 'staff', [teacher.schoolId]);
        if (await tx.em.existsBy(User, { teacherId: input.teacherId })) throw conflict({ zh: '该教师已有账号', en: 'This teacher already has an account' });
        displayName ??= teacher.name;
      } else if (!tx.user.isPlatformAdmin && !tx.user.regionIds.length) {
        throw forbidden({ zh: '学校管理员只能邀请本校教师，请提供 teacherId', en: 'School admins invite teachers of their school only: give teacherId' });
      }
      if (!displayName) throw badInput('displayName', { zh: '请填写账号显示的姓名', en: 'Give the name the account shows' });
      await this.requireFree(tx, input.email, input.phone);
      const code = oneTimeCode();
      const expiresAt = new Date(tx.now().getTime() + INVITE_CODE_TTL_DAYS * 86_400_000);
      const user = await insertUser(tx, {
        email: input.email ?? null,
        phone: input.phone ?? null,
        passwordHash: await this.identity.hashPassword(code),
        displayName,
        teacherId: input.teacherId ?? null,
        mustChangePassword: true,
        passwordExpiresAt: expiresAt,
      });
      if (input.role) await this.identity.grantRole(tx, { userId: user.id, role: input.role, scopeId: input.scopeId });
      const account = input.email ?? input.phone!;
      const link = `/login?account=${encodeURIComponent(account)}&code=${code}`;
      await this.events.publish(tx, 'identity.code.issued', { kind: 'invitation', email: user.email, displayName, code, link, expiresAt: expiresAt.toISOString() });
      return { user, code, expiresAt: expiresAt.toISOString(), link, mailed: this.mailer.mails(user.email) };
    });
  }

  /** Ends the login at once (its tokens and live connections, on every instance); its history stays. */
  deactivate(ctx: RequestContext, userId: string): Promise<User> {
    if (userId === ctx.user.userId) return Promise.reject(badInput('userId', { zh: '不能停用自己的账号', en: 'You cannot deactivate your own login' }));
    return this.setActive(ctx, userId, false);
  }

  reactivate(ctx: RequestContext, userId: string): Promise<User> {
    return this.setActive(ctx, userId, true);
  }

  private setActive(ctx: RequestContext, userId: string, active: boolean): Promise<User> {
    return this.tx.run(ctx, async (tx) => {
      const user = await tx.em.findOne(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('User', userId);
      // an account outside the caller's scope answers like an unknown id, as resetPassword does
      await this.identity.requireAuthorityOverAccount(tx, user).catch((err) => {
        throw err instanceof AppError ? notFound('User', userId) : err;
      });
      if (!!user.deactivatedAt === !active) return user;
      user.deactivatedAt = active ? null : tx.now();
      await tx.em.update(User, { id: user.id }, { deactivatedAt: user.deactivatedAt });
      if (!active) await this.identity.bumpTokenVersion(tx, user.id);
      else this.identity.principalChanged(tx, user.id);
      return user;
    });
  }

  async updateMyProfile(ctx: RequestContext, input: UpdateMyProfileInput): Promise<User> {
    return this.tx.run(ctx, async (tx) => {
      const user = await tx.em.findOne(User, { where: { id: tx.user.accountId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('User', tx.user.accountId);
      await this.requireFree(tx, input.email !== undefined && input.email.toLowerCase() !== user.email?.toLowerCase() ? input.email : undefined, input.phone !== user.phone ? input.phone : undefined);
      for (const k of ['displayName', 'email', 'phone'] as const) if (input[k] !== undefined) user[k] = input[k]!;
      if (input.locale !== undefined) user.locale = input.locale;
      await tx.em.update(User, { id: user.id }, { displayName: user.displayName, email: user.email, phone: user.phone, locale: user.locale });
      this.identity.principalChanged(tx, user.id); // the principal carries the email and the chosen language
      return user;
    });
  }

  private async requireFree(tx: RequestContext, email: string | undefined, phone: string | undefined) {
    if (email && (await tx.em.createQueryBuilder(User, 'u').where('lower(u.email) = lower(:email)', { email }).getExists())) {
      throw new AppError(ErrorCode.CONFLICT, { zh: `邮箱为 ${email} 的账号已存在`, en: `An account with email ${email} already exists` }, 'email');
    }
    if (phone && (await tx.em.existsBy(User, { phone }))) throw new AppError(ErrorCode.CONFLICT, { zh: `手机号为 ${phone} 的账号已存在`, en: `An account with phone ${phone} already exists` }, 'phone');
  }
}
