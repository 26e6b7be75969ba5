import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import bcrypt from 'bcryptjs';
import { AppError } from '#app/core';
import { hashPassword, needsRehash, oneTimeCode, PasswordHasher, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password only, with long Chinese passwords not truncated', async () => {
    const long = '教育集团县域教联体学校联盟'.repeat(3); // 117 bytes in UTF-8: past bcrypt's 72
    const hash = await hashPassword(long + '甲');
    expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await hashPassword(long + '甲')).not.toBe(hash); // salted
    expect(await verifyPassword(long + '甲', hash)).toBe(true);
    expect(await verifyPassword(long + '乙', hash)).toBe(false);
    expect(await verifyPassword(long + '甲', 'not-a-hash')).toBe(false);
    expect(await verifyPassword(long + '甲', hash.replace('ln=15', 'ln=40'))).toBe(false); // absurd cost: refused, not computed
    expect(needsRehash(hash)).toBe(false);
  });

  it('still verifies legacy bcrypt hashes (SHA-256 prehash), and marks them for rewriting', async () => {
    const prehash = (pw: string) => createHash('sha256').update(pw, 'utf8').digest('base64');
    const legacy = await bcrypt.hash(prehash('老密码-old-password'), 4);
    expect(await verifyPassword('老密码-old-password', legacy)).toBe(true);
    expect(await verifyPassword('老密码-old-passwore', legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
  });

  it('hashes off the event loop: timers keep firing while hashes run', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    await Promise.all([hashPassword('a-password'), hashPassword('b-password')]);
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(elapsed / 5 / 4); // a blocked loop would tick about once
  });

  it('makes one-time codes that read aloud: no 0/O, 1/I/l, at least 10 characters, random', () => {
    const codes = Array.from({ length: 200 }, () => oneTimeCode());
    for (const c of codes) expect(c).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('PasswordHasher', () => {
  it('computes at most `concurrency` hashes at once and refuses past its queue with RATE_LIMITED', async () => {
    const hasher = new PasswordHasher(1, 2);
    const hash = await hashPassword('right-password');
    const running = [hasher.verify('right-password', hash), hasher.verify('wrong-password', hash), hasher.verify('right-password', hash)];
    const refused = await hasher.verify('right-password', hash).catch((e) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: expect.any(Number) } });
    expect(refused.message).toMatch(/busy/);
    expect(await Promise.all(running)).toEqual([true, false, true]);
    expect(hasher.computed).toBe(3);
    expect(await hasher.verify('right-password', hash)).toBe(true); // the queue drained
  });
});
