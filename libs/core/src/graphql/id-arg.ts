import { Injectable, type PipeTransform, type ArgumentMetadata } from '@nestjs/common';
import { Args, ID } from '@nestjs/graphql';
import { badInput } from '../errors/app-error';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID_RE.test(v);

@Injectable()
class UuidPipe implements PipeTransform {
  constructor(private readonly name: string, private readonly optional: boolean) {}
  transform(value: unknown, _meta: ArgumentMetadata) {
    if ((value === undefined || value === null) && this.optional) return value;
    if (!isUuid(value)) throw badInput(this.name, { zh: `「${this.name}」须为有效的 ID（UUID）`, en: `${this.name} must be an id (UUID)` });
    return value.toLowerCase();
  }
}

/** An ID argument that must be a UUID: a malformed id is BAD_USER_INPUT naming the argument, not a database error. */
export const IdArg = (name: string, opts: { nullable?: boolean; description?: string } = {}) =>
  Args(name, { type: () => ID, nullable: opts.nullable, description: opts.description }, new UuidPipe(name, !!opts.nullable));
