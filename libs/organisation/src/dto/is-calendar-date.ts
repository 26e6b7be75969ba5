import { ValidatorConstraint, type ValidatorConstraintInterface, type ValidationArguments } from 'class-validator';
import { isValidDate } from '#app/core';

@ValidatorConstraint({ name: 'isCalendarDate' })
export class IsCalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return isValidDate(value);
  }
  defaultMessage(args: ValidationArguments) {
    return `${args.property} must be a date written YYYY-MM-DD`;
  }
}
