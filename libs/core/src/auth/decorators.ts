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

/** The RequestContext of this request (GraphQL or HTTP). */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().ctx;
  return context.switchToHttp().getRequest().ctx;
});
