import { Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from './app-error';
import { DEFAULT_LANG, type Lang, type Msg } from './messages';

const logger = new Logger('GraphQLError');

/**
 * A BAD_USER_INPUT raised as a GraphQLError (validation rules, request plugins, graphql-ws) in both languages: the
 * formatter answers its text in the caller's language; `details` become extensions; a 400 status over HTTP.
 */
export const userInputGraphQLError = (text: Msg, field?: string, details?: Record<string, unknown>) =>
  new GraphQLError(text.en, {
    originalError: new AppError(ErrorCode.BAD_USER_INPUT, text, field, details),
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}), ...(details ?? {}), http: { status: 400 } },
  });

/** Postgres errors that can only come from a caller's input slipping past validation: never a 500. */
function fromPostgres(err: any): AppError | null {
  if (!err || typeof err.code !== 'string' || !err.severity) return null;
  switch (err.code) {
    case '23505':
      return new AppError(ErrorCode.CONFLICT, { zh: '该记录已存在', en: 'This record already exists' }, undefined, { constraint: err.constraint });
    case '23503':
      return new AppError(ErrorCode.NOT_FOUND, { zh: '引用的记录不存在', en: 'A referenced record does not exist' });
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return new AppError(ErrorCode.BAD_USER_INPUT, { zh: '有取值格式不正确或超出范围', en: 'A value has the wrong format or is out of range' });
    case '22001':
      return new AppError(ErrorCode.BAD_USER_INPUT, { zh: '有文本内容过长', en: 'A text value is too long' });
    case '40001':
    case '40P01':
      return new AppError(ErrorCode.CONFLICT, { zh: '数据同时被他人修改，请重试', en: 'A concurrent change got in the way; retry' });
    default:
      return null;
  }
}

/** `Variable "$input" got invalid value "x" at "input.stage"; ...` -> "stage" */
function fieldFromMessage(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message);
  const path = at ? at[1].split('.').filter((p) => !/^\d+$/.test(p)).slice(1) : [];
  const field = /Field "([^"]+)" (?:of required type|is not defined)/.exec(message);
  if (field) return [...path, field[1]].join('.');
  if (path.length) return path.join('.');
  const argument = /Argument "([^"]+)"/.exec(message) ?? /Variable "\$([^"]+)"/.exec(message);
  return argument?.[1];
}

/** graphql-js suggestions ("Did you mean "name"?", "Did you mean the enum value …?"): they map the schema for whoever probes it. */
const SCHEMA_HINT = /\s*Did you mean [^?]*\?/g;

export interface FormatErrorOptions {
  /** Keep "Did you mean …" suggestions in messages (development); false in production, where introspection is off too. */
  schemaHints?: boolean;
  /** The caller's language (RequestContext.lang): an AppError answers in it. Default zh. */
  lang?: Lang;
}

/** Where the GraphQL layer notes the caller's language on an error before it is formatted (errorLangPlugin). */
const LANG = Symbol('lang');
export const setErrorLang = (error: object, lang: Lang) => ((error as any)[LANG] = lang);
export const errorLang = (error: unknown): Lang | undefined => (error && typeof error === 'object' ? (error as any)[LANG] : undefined);

/**
 * The one place errors become GraphQL errors (STYLE habit 7): extensions.code is one of DESIGN §3's codes,
 * BAD_USER_INPUT carries the field, no stack trace ever leaves, and unexpected failures say only
 * "Internal server error" (the detail goes to the server log).
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, opts: FormatErrorOptions = {}): GraphQLFormattedError {
  // Duck-typed: graphql can be loaded twice (CommonJS and ESM copies), so instanceof is unreliable.
  const gqlError = error && typeof error === 'object' && 'positions' in error ? (error as GraphQLError) : undefined;
  const original = gqlError?.originalError ?? error;
  const message = opts.schemaHints === false ? formatted.message.replace(SCHEMA_HINT, '') : formatted.message;
  const base = { message, locations: formatted.locations, path: formatted.path };

  const appError = original instanceof AppError ? original : fromPostgres(original);
  if (appError) {
    return {
      ...base,
      message: appError.messageIn(opts.lang ?? errorLang(error) ?? DEFAULT_LANG),
      extensions: { code: appError.code, ...(appError.field ? { field: appError.field } : {}), ...(appError.details ?? {}) },
    };
  }
  let code = formatted.extensions?.code as string | undefined;
  let literalField: string | undefined;
  if (code === 'GRAPHQL_VALIDATION_FAILED' && /^Expected value of type|^Enum "|cannot represent|must be a calendar date|^Date must be/.test(formatted.message) && gqlError) {
    // A bad literal in the query text: a user input error. Name the argument or input field written before it.
    code = 'BAD_USER_INPUT';
    const pos = gqlError.positions?.[0];
    const before = pos !== undefined && gqlError.source ? gqlError.source.body.slice(Math.max(0, pos - 200), pos) : '';
    literalField = /(\w+)\s*:\s*$/.exec(before)?.[1];
  }
  if (code === 'BAD_USER_INPUT' || code === 'BAD_REQUEST' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED') {
    const ext = formatted.extensions ?? {};
    const field = (ext.field as string | undefined) ?? literalField ?? fieldFromMessage(formatted.message);
    const mapped = code === 'BAD_REQUEST' ? 'BAD_USER_INPUT' : code;
    return { ...base, extensions: { code: mapped, ...(field ? { field } : {}), ...(ext.limit ? { limit: ext.limit } : {}) } };
  }
  if (code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'PERSISTED_QUERY_NOT_SUPPORTED' || code === 'OPERATION_RESOLUTION_FAILURE') {
    return { ...base, extensions: { code } };
  }
  logger.error(formatted.message, (original as Error)?.stack);
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
