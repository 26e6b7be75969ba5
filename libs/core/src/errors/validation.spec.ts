import { describe, expect, it } from '@jest/globals';
import type { ArgumentMetadata } from '@nestjs/common';
import { IsDate, IsInt, IsOptional, IsString, Max, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { createValidationPipe } from './validation';

class Inner {
  @IsString() @MaxLength(3) code: string;
}
class Args {
  @IsOptional() @IsInt() @Max(100) first?: number;
  @IsOptional() @IsDate() on?: Date;
  @IsOptional() @ValidateNested() @Type(() => Inner) inner?: Inner;
}

const meta: ArgumentMetadata = { type: 'body', metatype: Args };
const code = async (run: Promise<unknown>) => run.then(() => 'ok', (e: any) => e.code ?? e.message);

describe('the validation pipe remembers what passed, and only that', () => {
  it('answers a value seen before as it did, and still refuses values with a problem every time', async () => {
    const pipe = createValidationPipe();
    for (let i = 0; i < 3; i++) {
      expect(await code(pipe.transform({ first: 50 }, meta))).toBe('ok');
      expect(await code(pipe.transform({ first: 500 }, meta))).toBe('BAD_USER_INPUT');
      expect(await code(pipe.transform({ inner: { code: 'abc' } }, meta))).toBe('ok');
      expect(await code(pipe.transform({ inner: { code: 'abcd' } }, meta))).toBe('BAD_USER_INPUT');
    }
    // what passed comes back as an instance of the class, built from this value
    const out = (await pipe.transform({ first: 7, inner: { code: 'x' } }, meta)) as Args;
    expect(out).toBeInstanceOf(Args);
    expect(out.inner).toBeInstanceOf(Inner);
    expect(out.first).toBe(7);
  });

  it('keeps apart values that JSON would write alike: a Date and its text, a number and a numeric string', async () => {
    const pipe = createValidationPipe();
    const day = new Date('2026-09-01T00:00:00.000Z');
    expect(await code(pipe.transform({ on: day }, meta))).toBe('ok');
    expect(await code(pipe.transform({ on: day.toISOString() }, meta))).toBe('BAD_USER_INPUT');
    expect(await code(pipe.transform({ first: 5 }, meta))).toBe('ok');
    expect(await code(pipe.transform({ first: '5' }, meta))).toBe('BAD_USER_INPUT');
    expect(await code(pipe.transform({ first: null }, meta))).toBe('ok'); // JSON writes NaN as null too
    expect(await code(pipe.transform({ first: Number.NaN }, meta))).toBe('BAD_USER_INPUT');
  });
});
