import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { MessageKey } from './messages';

export interface ApiProblem {
  code: string;
  field?: string;
  retryAfterSeconds?: number;
  /** The rest of the error's extensions: the facts a page may name (e.g. a mentor's capacity and active pairs). */
  details?: Record<string, unknown>;
}

const KNOWN = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR'];

/** The one place an API failure becomes something to show: its code (and field), or NETWORK. */
export function problemOf(error: unknown): ApiProblem {
  if (CombinedGraphQLErrors.is(error)) {
    const ext = (error.errors[0]?.extensions ?? {}) as Record<string, unknown>;
    const code = typeof ext.code === 'string' && KNOWN.includes(ext.code) ? ext.code : 'INTERNAL_SERVER_ERROR';
    return { code, field: ext.field as string | undefined, retryAfterSeconds: ext.retryAfterSeconds as number | undefined, details: ext };
  }
  return { code: 'NETWORK' };
}

export const messageKeyOf = (p: ApiProblem) => `error.${p.code}` as MessageKey;
