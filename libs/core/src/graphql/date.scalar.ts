import { GraphQLScalarType, Kind } from 'graphql';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

// Plain Errors on purpose: graphql-js then wraps them with the offending node, so the error can name the field.
function parse(value: unknown): string {
  if (!isValidDate(value)) throw new Error(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

/** A calendar date without time or zone, e.g. "2025-03-01" (joined on, taught on, as of). */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, ISO 8601 YYYY-MM-DD (no time, no zone)',
  serialize: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new Error('Date must be a string YYYY-MM-DD');
    return parse(ast.value);
  },
});

/** Today's date in China (Asia/Shanghai, UTC+8, no DST): the default for joinedOn, leftOn, asOf. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
