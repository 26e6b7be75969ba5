import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

const ALGORITHM = 'HS256' as const;

// jsonwebtoken turns a string secret into a KeyObject on every call (measurably slow): do it once per secret.
const keys = new Map<string, KeyObject>();
const keyOf = (secret: string) => {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
};

export function signToken(secret: string, userId: string, ttlSeconds: number): string {
  return jwt.sign({}, keyOf(secret), { algorithm: ALGORITHM, subject: userId, expiresIn: ttlSeconds });
}

/** Returns the user id, or null for any invalid, expired or wrongly-signed token. The algorithm is pinned. */
export function verifyToken(secret: string, token: string): string | null {
  try {
    const payload = jwt.verify(token, keyOf(secret), { algorithms: [ALGORITHM] });
    if (typeof payload === 'string' || typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return null;
    return payload.sub;
  } catch {
    return null;
  }
}

export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match ? match[1] : null;
}
