import { ENTITY, type EntityName, type Lang, type Msg } from './messages';

/** Domain error codes; the GraphQL layer maps them 1:1 onto extensions.code (DESIGN §3). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  /** Too many requests in a short time; extensions.retryAfterSeconds says when to try again. */
  RATE_LIMITED = 'RATE_LIMITED',
}

/**
 * An error meant for the caller: its text is safe to show (in zh and en; `message` is the English one, for logs),
 * its code tells clients what to do.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly text: Msg,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(text.en);
    this.name = 'AppError';
  }

  /** The message in the caller's language. */
  messageIn(lang: Lang): string {
    return this.text[lang];
  }
}

export const badInput = (field: string, text: Msg) => new AppError(ErrorCode.BAD_USER_INPUT, text, field);

/** NOT_FOUND for a known kind of record (names in messages.ts), or with a message of its own. */
export const notFound = (what: EntityName | Msg, id?: string) => {
  const name = typeof what === 'string' ? ENTITY[what] : what;
  return new AppError(ErrorCode.NOT_FOUND, id ? { zh: `未找到${name.zh} ${id}`, en: `${name.en} ${id} not found` } : { zh: `未找到${name.zh}`, en: `${name.en} not found` });
};
export const forbidden = (text: Msg = { zh: '您无权进行此操作', en: 'You are not allowed to do this' }) => new AppError(ErrorCode.FORBIDDEN, text);
export const conflict = (text: Msg, details?: Record<string, unknown>) => new AppError(ErrorCode.CONFLICT, text, undefined, details);
export const unauthenticated = (text: Msg = { zh: '请先登录：请求需携带 Authorization: Bearer <token>', en: 'Sign in first: send Authorization: Bearer <token>' }) =>
  new AppError(ErrorCode.UNAUTHENTICATED, text);
