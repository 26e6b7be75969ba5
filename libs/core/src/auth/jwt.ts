import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { isUuid } from '../graphql/id-arg';

const ALGORITHM = 'HS256' as const;

// jsonwebtoken turns a string secret into a KeyObject on every call (measurably slow): do it once per secret.
const keys = new Map<string, KeyObject>();
const keyOf = (secret: string) => {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
};

/** What a valid token says. */
export interface TokenClaims {
  userId: string;
  /** The user's token version when it was signed (claim `ver`; a token without it counts as 0). */
  version: number;
  /** When it expires (claim `exp`), epoch milliseconds. */
  expiresAt: number;
}

/** `version` is the user's current token version: bumping it ends every token signed before. */
export function signToken(secret: string, userId: string, ttlSeconds: number, version = 0): string {
  return jwt.sign({ ver: version }, keyOf(secret), { algorithm: ALGORITHM, subject: userId, expiresIn: ttlSeconds });
}

/**
 * The claims, or null for any invalid, expired or wrongly-signed token, and for a correctly signed one whose
 * subject is not a user id (UUID) or whose version is not a count. The algorithm is pinned.
 */
export function verifyToken(secret: string, token: string): TokenClaims | null {
  // A token that verified once verifies again until it expires (the signature check is the same arithmetic every
  // time): its claims are kept, and only the expiry is checked on later calls. Revocation is the token version's job.
  const known = verified.get(secret)?.get(token);
  if (known) {
    if (Date.now() < known.expiresAt) return known;
    verified.get(secret)!.delete(token);
    return null;
  }
  const claims = verifySignature(secret, token);
  if (claims) remember(secret, token, claims);
  return claims;
}

/** Tokens that verified, by secret: at most VERIFIED_MAX each, the oldest forgotten first. */
const verified = new Map<string, Map<string, TokenClaims>>();
const VERIFIED_MAX = 10_000;
function remember(secret: string, token: string, claims: TokenClaims) {
  let tokens = verified.get(secret);
  if (!tokens) verified.set(secret, (tokens = new Map()));
  tokens.set(token, claims);
  if (tokens.size > VERIFIED_MAX) tokens.delete(tokens.keys().next().value!);
}

function verifySignature(secret: string, token: string): TokenClaims | null {
  try {
    const payload = jwt.verify(token, keyOf(secret), { algorithms: [ALGORITHM] });
    if (typeof payload === 'string' || !isUuid(payload.sub) || typeof payload.exp !== 'number') return null;
    const version = payload.ver ?? 0;
    if (!Number.isSafeInteger(version) || version < 0) return null;
    return { userId: payload.sub, version, expiresAt: payload.exp * 1000 };
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
