import { createHash } from 'node:crypto';
import bcrypt from 'bcryptjs';

// bcrypt (pure JS: nothing to compile on install). Passwords are pre-hashed with SHA-256 so that bcrypt's
// 72-byte limit does not silently truncate long or multi-byte (e.g. Chinese) passwords.
const COST = 11;
const prehash = (password: string) => createHash('sha256').update(password, 'utf8').digest('base64');

export const hashPassword = (password: string): Promise<string> => bcrypt.hash(prehash(password), COST);

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (!hash.startsWith('$2')) return false;
  return bcrypt.compare(prehash(password), hash);
}
