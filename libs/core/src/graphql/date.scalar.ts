import { GraphQLScalarType, Kind } from 'graphql';
import { isValidDate } from '../time/china-date';

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
