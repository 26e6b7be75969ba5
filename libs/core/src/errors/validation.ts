import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppError, ErrorCode } from './app-error';
import type { Msg } from './messages';

/** The first number in class-validator's English message ("… shorter than or equal to 200 characters"). */
const num = (en: string) => /(-?\d+(?:\.\d+)?)/.exec(en)?.[1] ?? '';

/** "x must be one of the following values: A, B" */
const oneOf = (f: string, en: string) => `「${f}」须为以下值之一：${en.split(': ').slice(1).join(': ')}`;

/** zh for class-validator's constraints, by constraint name: `f` is the field, `en` the English message. */
const ZH: Record<string, (f: string, en: string) => string> = {
  isUuid: (f) => `「${f}」须为有效的 ID（UUID）`,
  maxLength: (f, en) => `「${f}」最多 ${num(en)} 个字符`,
  minLength: (f, en) => `「${f}」至少 ${num(en)} 个字符`,
  isIn: oneOf,
  isEnum: oneOf,
  isString: (f) => `「${f}」须为文本`,
  isInt: (f) => `「${f}」须为整数`,
  isNumber: (f) => `「${f}」须为数字`,
  min: (f, en) => `「${f}」不能小于 ${num(en)}`,
  max: (f, en) => `「${f}」不能大于 ${num(en)}`,
  isArray: (f) => `「${f}」须为列表`,
  arrayMaxSize: (f, en) => `「${f}」最多 ${num(en)} 项`,
  arrayMinSize: (f, en) => `「${f}」至少 ${num(en)} 项`,
  isNotEmpty: (f) => `「${f}」不能为空`,
  isEmail: (f) => `「${f}」须为有效的电子邮箱地址`,
  isBoolean: (f) => `「${f}」须为 true 或 false`,
  isDate: (f) => `「${f}」须为有效的日期时间`,
  isUrl: (f) => `「${f}」须为有效的网址`,
  isCalendarDate: (f) => `「${f}」须为 YYYY-MM-DD 格式的日期`,
  matches: (f) => `「${f}」格式不正确`,
};

/** Messages written in the DTOs ({ message: '…' }): their zh, by the English text (the field name first). */
const CUSTOM_ZH: [RegExp, (f: string) => string][] = [
  [/ must not be blank$/, (f) => `「${f}」不能为空白`],
  [/^phone is 6 to 20 digits$/, () => '手机号须为 6 至 20 位数字'],
  [/^phone must be a phone number$/, () => '「phone」须为电话号码'],
  [/^code must be 2 to 12 digits$/, () => '行政区划代码须为 2 至 12 位数字'],
  [/^staffNo is 1 to 30 letters, digits or -$/, () => '教职工号须为 1 至 30 位字母、数字或 -'],
  [/^period is a school year and term/, () => '「period」须为学年和学期，例如 2025-2026-1'],
];

/** A class-validator problem in both languages; an unknown constraint keeps its English text and gets a generic zh. */
export function validationMessage(field: string, constraint: string, en: string): Msg {
  const custom = CUSTOM_ZH.find(([re]) => re.test(en));
  const zh = custom ? custom[1](field) : (ZH[constraint]?.(field, en) ?? `「${field}」的值无效`);
  return { zh, en };
}

function firstProblem(errors: ValidationError[], prefix = ''): { field: string; message: Msg } | null {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints && Object.keys(e.constraints).length) {
      const [constraint, en] = Object.entries(e.constraints)[0];
      return { field, message: validationMessage(e.property, constraint, en) };
    }
    const nested = firstProblem(e.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/** Values validated without a problem, by class (RememberingValidationPipe), at most PASSED_MAX per class. */
const PASSED_MAX = 1000;
const KEY_MAX = 2000;

/**
 * Nest's ValidationPipe, remembering the inputs that passed: the rules are pure functions of the value (no rule
 * reads the clock or the database), so a value validated once passes again without class-validator running (a
 * list's page arguments come with every request). The key is the value written out with its types: anything that
 * is not plain data (a Date, a buffer, a number that JSON cannot hold, a class without its name) is validated as
 * usual, and so is every value that had a problem.
 */
class RememberingValidationPipe extends ValidationPipe {
  private readonly passed = new WeakMap<object, Set<string>>();

  protected override async validate(object: object, options?: object): Promise<ValidationError[]> {
    const key = typedKey(object);
    const seen = key === null ? undefined : this.passed.get(object.constructor);
    if (key !== null && seen?.has(key)) return [];
    const errors = await super.validate(object, options);
    if (key !== null && !errors.length) {
      const set = seen ?? new Set<string>();
      if (set.size >= PASSED_MAX) set.clear();
      set.add(key);
      this.passed.set(object.constructor, set);
    }
    return errors;
  }
}

/** A value written out with the class of every object in it, or null when it is not plain data (or too long). */
function typedKey(value: object): string | null {
  let plain = true;
  const key = JSON.stringify(value, function (this: any, k: string, v: unknown) {
    const raw = k === '' ? value : this[k];
    if (typeof raw === 'number' && !Number.isFinite(raw)) plain = false;
    else if (typeof raw === 'bigint' || typeof raw === 'function' || typeof raw === 'symbol') plain = false;
    else if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      const proto = Object.getPrototypeOf(raw);
      if (proto === Object.prototype || proto === null) return v;
      const name = proto?.constructor?.name;
      if (!name || typeof (raw as { toJSON?: unknown }).toJSON === 'function' || ArrayBuffer.isView(raw) || raw instanceof ArrayBuffer) plain = false;
      else return { '#class': name, ...(raw as object) };
    }
    return v;
  });
  return plain && key !== undefined && key.length <= KEY_MAX ? key : null;
}

/** class-validator on every input; the first problem becomes BAD_USER_INPUT with its field. */
export function createValidationPipe() {
  return new RememberingValidationPipe({
    transform: true,
    // GraphQL already refuses unknown input fields; stripping fields that lack a class-validator decorator
    // would silently drop values the schema accepted (a bug seen once), so nothing is stripped.
    whitelist: false,
    forbidUnknownValues: false,
    validateCustomDecorators: false,
    exceptionFactory: (errors) => {
      const p = firstProblem(errors);
      return new AppError(ErrorCode.BAD_USER_INPUT, p ? p.message : { zh: '输入无效', en: 'Invalid input' }, p?.field);
    },
  });
}
