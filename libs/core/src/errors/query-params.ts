import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { badInput } from './app-error';

const refuse = (name: string) => badInput(name, {
    zh: `查询参数「${name}」只能给出一次，且须为普通值（不可重复，不可带 [方括号]）`,
    en: `Query parameter ${name} must be given once, as a plain value (not repeated, no [brackets])`,
  });

/**
 * Global pipe for plain HTTP routes: a query parameter is one text value. An array (a repeated key, ?a=1&a=2) or an
 * object (bracket syntax, ?asOf[$gt]=1, which the 'extended' query parser turns into one) is BAD_USER_INPUT naming
 * the parameter, instead of being read as if it were missing. Works for @Query('name') and for @Query() as a whole.
 */
@Injectable()
export class QueryParamPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata) {
    if (meta.type !== 'query' || value === undefined) return value;
    if (meta.data) {
      if (typeof value !== 'string') throw refuse(meta.data);
    } else {
      const bad = Object.entries(value as Record<string, unknown>).find(([, v]) => typeof v !== 'string');
      if (bad) throw refuse(bad[0]);
    }
    return value;
  }
}
