import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { signToken, verifyToken } from './jwt';

const SECRET = 'jwt-spec-secret-at-least-thirty-two-bytes';

describe('verifyToken', () => {
  it('answers the same claims for a token it verified before, and refuses it once it expired', async () => {
    const user = randomUUID();
    const token = signToken(SECRET, user, 1, 3);
    const first = verifyToken(SECRET, token);
    expect(first).toMatchObject({ userId: user, version: 3 });
    expect(verifyToken(SECRET, token)).toEqual(first); // remembered
    expect(verifyToken(`${SECRET}-other`, token)).toBeNull(); // per secret: another key does not accept it
    await new Promise((r) => setTimeout(r, first!.expiresAt - Date.now() + 20));
    expect(verifyToken(SECRET, token)).toBeNull();
    expect(verifyToken(SECRET, token)).toBeNull();
  });

  it('refuses a token whose signature is changed, every time', () => {
    const token = signToken(SECRET, randomUUID(), 60);
    expect(verifyToken(SECRET, token)).not.toBeNull();
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    for (let i = 0; i < 2; i++) expect(verifyToken(SECRET, forged)).toBeNull();
  });
});
