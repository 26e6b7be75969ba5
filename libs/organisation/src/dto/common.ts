import { applyDecorators } from '@nestjs/common';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** A required display text: kept exactly as given (Chinese text round-trips), not blank, bounded. */
export const Text = (max: number, opts: { each?: boolean } = {}) =>
  applyDecorators(
    IsString(opts),
    IsNotEmpty(opts),
    MaxLength(max, opts),
    Matches(/\S/, { ...opts, message: '$property must not be blank' }),
  );
