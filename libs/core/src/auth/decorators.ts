import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Role } from './principal';

export const ALLOW_KEY = 'sg:allow';
/** Any signed-in user. */
export const AUTHENTICATED = 'AUTHENTICATED' as const;
/** No token needed. */
export const PUBLIC = 'PUBLIC' as const;
export type Allowance = Role | typeof AUTHENTICATED | typeof PUBLIC;

/**
 * Declares who may call a handler: roles (held in any scope; the service then checks the scope),
 * AUTHENTICATED or PUBLIC. A handler without a declaration is refused by the global guard.
 */
export const Allow = (...who: Allowance[]) => SetMetadata(ALLOW_KEY, who);
export const Public = () => Allow(PUBLIC);

export const BEFORE_PASSWORD_CHANGE_KEY = 'sg:before-password-change';
/**
 * Marks one of the few handlers a user signed in with a one-time code (resetPassword) may call before choosing a
 * password (me, logout, changePassword); the global guard refuses every other one with reason PASSWORD_CHANGE_REQUIRED.
 */
export const AllowBeforePasswordChange = () => SetMetadata(BEFORE_PASSWORD_CHANGE_KEY, true);

/** The RequestContext of this request (GraphQL or HTTP). */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().ctx;
  return context.switchToHttp().getRequest().ctx;
});
