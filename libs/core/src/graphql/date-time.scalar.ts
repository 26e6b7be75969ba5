import { GraphQLScalarType, Kind } from 'graphql';
import { isValidDate } from '../time/china-date';

// ISO 8601 extended format with a zone: date, 'T', hh:mm[:ss[.fraction]], then Z or ±hh:mm.
const DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/i;

/** A Date for a calendar-valid ISO 8601 date-time with a zone; null otherwise (no rolling 02-30 over to 03-02). */
function parseDateTime(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = DATE_TIME_RE.exec(value);
  if (!m || !isValidDate(m[1])) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

// Plain Errors on purpose, as for Date: graphql-js wraps them with the offending node, so the error names the field.
function parse(value: unknown): Date {
  const d = parseDateTime(value);
  if (!d) throw new Error(`DateTime must be an ISO 8601 date-time with a calendar date and a zone (Z or ±hh:mm), e.g. 2027-03-01T09:00:00+08:00; got ${JSON.stringify(value)}`);
  return d;
}

/**
 * The one DateTime scalar (used instead of @nestjs/graphql's GraphQLISODateTime, whose input parsing is `new Date(x)`
 * and accepts anything Date accepts). Same name and output: toISOString() in UTC.
 */
export const DateTimeScalar = new GraphQLScalarType<Date | null, string | null>({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  serialize: (v) => (v instanceof Date ? v.toISOString() : null),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new Error('DateTime must be a string, e.g. 2027-03-01T09:00:00+08:00');
    return parse(ast.value);
  },
});
