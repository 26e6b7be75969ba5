import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError, ErrorCode, forbidden } from '../errors/app-error';
import { RequestContext } from '../context/request-context';
import { ALLOW_KEY, AUTHENTICATED, BEFORE_PASSWORD_CHANGE_KEY, PUBLIC, type Allowance } from './decorators';
import { Role } from './principal';

export function contextOf(context: ExecutionContext): RequestContext {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().ctx;
  if (context.getType<string>() === 'ws') return context.switchToWs().getClient().data?.ctx;
  return context.switchToHttp().getRequest().ctx;
}

/**
 * Deny by default (STYLE habit 2): a handler must declare who may call it with @Allow(...) or @Public().
 * Roles here are a coarse gate; services then check the scope of every id they touch. A user signed in with a
 * one-time code reaches only the handlers marked @AllowBeforePasswordChange() (public ones stay public).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const who = this.reflector.getAllAndOverride<Allowance[] | undefined>(ALLOW_KEY, [context.getHandler(), context.getClass()]);
    if (!who?.length) {
      this.logger.warn(`${context.getClass().name}.${context.getHandler().name} declares no @Allow: refused`);
      throw forbidden({ zh: '该操作未声明权限，已拒绝', en: 'This operation declares no permission and is refused' });
    }
    if (who.includes(PUBLIC)) return true;
    const ctx = contextOf(context);
    if (!ctx) throw forbidden();
    const user = ctx.user; // UNAUTHENTICATED when missing
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean | undefined>(BEFORE_PASSWORD_CHANGE_KEY, [context.getHandler(), context.getClass()])) {
      throw new AppError(ErrorCode.FORBIDDEN, { zh: '请先设置新密码（调用 changePassword，currentPassword 填一次性验证码）', en: 'Choose a new password first (changePassword with the one-time code as currentPassword)' }, undefined, {
        reason: 'PASSWORD_CHANGE_REQUIRED',
      });
    }
    if (who.includes(AUTHENTICATED) || user.isPlatformAdmin) return true;
    if (user.hasRole(...(who.filter((w) => w !== AUTHENTICATED && w !== PUBLIC) as Role[]))) return true;
    throw forbidden({ zh: `该操作需要以下角色之一：${who.join('、')}`, en: `This operation needs one of the roles ${who.join(', ')}` });
  }
}
