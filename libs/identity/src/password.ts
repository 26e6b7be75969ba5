import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { AppError, ErrorCode } from '#app/core';

/**
 * Password hashes: scrypt, which node computes in libuv's thread pool, so hashing never blocks the event loop
 * (bcryptjs did: 16 clients guessing passwords pushed a cheap query's p50 from 6 ms to 1.3 s). Parameters follow
 * OWASP's scrypt table (N=2^15, r=8, p=3: 32 MiB, ~0.3 s here) and are stored in the hash, so they can change later:
 *
 *   $scrypt$ln=15,r=8,p=3$<salt, base64>$<key, base64>
 *
 * Hashes written before (bcrypt `$2…` over a SHA-256 prehash) still verify; IdentityService rewrites them in this
 * format at the next successful sign-in (needsRehash).
 */
const PARAMS = { ln: 15, r: 8, p: 3 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const FORMAT = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

const derive = (password: string, salt: Buffer, ln: number, r: number, p: number, bytes: number) =>
  new Promise<Buffer>((resolve, reject) => {
    const options: ScryptOptions = { N: 2 ** ln, r, p, maxmem: 2 * 128 * 2 ** ln * r };
    scrypt(password.normalize('NFC'), salt, bytes, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, PARAMS.ln, PARAMS.r, PARAMS.p, KEY_BYTES);
  return `$scrypt$ln=${PARAMS.ln},r=${PARAMS.r},p=${PARAMS.p}$${b64(salt)}$${b64(key)}`;
}

// Legacy: bcrypt (pure JS, on the event loop) over SHA-256, so bcrypt's 72-byte limit did not truncate long passwords.
const prehash = (password: string) => createHash('sha256').update(password, 'utf8').digest('base64');

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (hash.startsWith('$2')) return bcrypt.compare(prehash(password), hash);
  const m = FORMAT.exec(hash);
  if (!m) return false;
  const [ln, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (ln < 10 || ln > 20 || r < 1 || r > 32 || p < 1 || p > 16) return false; // not ours: refuse rather than burn memory
  const expected = Buffer.from(m[5], 'base64');
  if (expected.length < 16) return false;
  const key = await derive(password, Buffer.from(m[4], 'base64'), ln, r, p, expected.length);
  return timingSafeEqual(key, expected);
}

/** Whether a hash that just verified should be rewritten with the current format and parameters. */
export const needsRehash = (hash: string) => !hash.startsWith(`$scrypt$ln=${PARAMS.ln},r=${PARAMS.r},p=${PARAMS.p}$`);

// Easy to read aloud and to type: no 0/O, 1/I/l (and upper case only).
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** A random one-time code (12 characters: about 59 bits). */
export function oneTimeCode(length = 12): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/**
 * Bounds the hashes computed at once (each holds a libuv pool thread, shared with fs and dns, and up to 32 MiB) and
 * how many may wait; beyond that the caller gets RATE_LIMITED "server busy" instead of a growing queue.
 */
export class PasswordHasher {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private averageMs = 300;
  /** Hashes computed or verified so far (tests check that throttled sign-ins compute none). */
  computed = 0;

  constructor(
    private readonly concurrency: number,
    private readonly queueLimit: number,
  ) {}

  hash(password: string): Promise<string> {
    return this.slot(() => hashPassword(password));
  }

  verify(password: string, hash: string): Promise<boolean> {
    return this.slot(() => verifyPassword(password, hash));
  }

  private async slot<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) {
      this.running++;
    } else {
      if (this.waiting.length >= this.queueLimit) {
        const retryAfterSeconds = Math.max(1, Math.ceil(((this.waiting.length / this.concurrency + 1) * this.averageMs) / 1000));
        throw new AppError(ErrorCode.RATE_LIMITED, { zh: `服务器繁忙，请 ${retryAfterSeconds} 秒后再试`, en: `The server is busy: try again in ${retryAfterSeconds} s` }, undefined, { retryAfterSeconds });
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve)); // the slot is handed over, running unchanged
    }
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.computed++;
      this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - started);
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
