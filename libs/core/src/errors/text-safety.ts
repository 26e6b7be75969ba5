import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { badInput } from './app-error';

/**
 * NUL (PostgreSQL refuses it in text and jsonb) or a UTF-16 surrogate without its pair (it would be stored as
 * U+FFFD, so the text would not come back as given).
 */
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface UnsafeText {
  /** Dot-joined keys from the value given to the walk, array indices dropped; '' for the value itself. */
  path: string;
  reason: 'NUL' | 'LONE_SURROGATE';
}

const isPlainObject = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * The first string (or object key) in `value` holding a NUL or a lone surrogate, walking strings, arrays and
 * plain objects in order; null when all text is safe. Iterative, so a deeply nested JSON value cannot overflow the stack.
 */
export function findUnsafeText(value: unknown): UnsafeText | null {
  const stack: { v: unknown; path: string[] }[] = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const m = UNSAFE.exec(v);
      if (m) return { path: path.join('.'), reason: m[0] === '\u0000' ? 'NUL' : 'LONE_SURROGATE' };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path });
    } else if (v !== null && typeof v === 'object' && isPlainObject(v)) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        // a key is checked where it stands: a bad key is reported at its own path
        stack.push({ v: child, path: [...path, key] }, { v: key, path: [...path, key] });
      }
    }
  }
  return null;
}

const MESSAGES: Record<UnsafeText['reason'], { zh: string; en: string }> = {
  NUL: { zh: '含有无法保存的 NUL 字符（U+0000）', en: 'contains a NUL character (U+0000), which cannot be stored' },
  LONE_SURROGATE: { zh: '含有不成对的 UTF-16 代理字符（不是有效的 Unicode 文本）', en: 'contains an unpaired UTF-16 surrogate (not valid Unicode text)' },
};

/**
 * Throws BAD_USER_INPUT when `value` holds text that cannot be stored exactly. The field named is `field` for a
 * string, and the path inside an object or array without `field` (as GraphQL names fields inside an argument).
 */
export function assertSafeText(value: unknown, field?: string): void {
  const bad = findUnsafeText(value);
  if (bad) {
    const name = bad.path || field || 'input';
    throw badInput(name, { zh: `「${name}」${MESSAGES[bad.reason].zh}`, en: `${name} ${MESSAGES[bad.reason].en}` });
  }
}

/**
 * Global pipe: every GraphQL argument ('body' for Nest) and every HTTP query, path and body parameter is checked
 * before anything else sees it. The field is the argument name for a scalar argument, and the path inside an
 * input object without the argument's name (as for GraphQL's own input errors). Not checked: context, root and
 * info parameters ('custom'), and a whole untyped payload, which only a socket.io message is (GraphQL's @Args()
 * always has an args class): a pipe error there would never reach the client's ack, so socket handlers check the
 * text they store themselves (ResearchService.postText).
 */
@Injectable()
export class TextSafetyPipe implements PipeTransform {
  transform(value: unknown, meta: ArgumentMetadata) {
    const socketPayload = meta.type === 'body' && meta.data === undefined && meta.metatype === Object;
    if (meta.type !== 'custom' && !socketPayload) assertSafeText(value, meta.data);
    return value;
  }
}
