import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppError, ErrorCode } from './app-error';

function firstProblem(errors: ValidationError[], prefix = ''): { field: string; message: string } | null {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints && Object.keys(e.constraints).length) {
      return { field, message: Object.values(e.constraints)[0] };
    }
    const nested = firstProblem(e.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/** class-validator on every input; the first problem becomes BAD_USER_INPUT with its field. */
export function createValidationPipe() {
  return new ValidationPipe({
    transform: true,
    // GraphQL already refuses unknown input fields; stripping fields that lack a class-validator decorator
    // would silently drop values the schema accepted (a bug seen once), so nothing is stripped.
    whitelist: false,
    forbidUnknownValues: false,
    validateCustomDecorators: false,
    exceptionFactory: (errors) => {
      const p = firstProblem(errors);
      return new AppError(ErrorCode.BAD_USER_INPUT, p ? p.message : 'Invalid input', p?.field);
    },
  });
}
