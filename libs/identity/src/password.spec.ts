import { describe, expect, it } from '@jest/globals';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password only, with long Chinese passwords not truncated', async () => {
    const long = '教育集团县域教联体学校联盟'.repeat(3); // 117 bytes in UTF-8: past bcrypt's 72
    const hash = await hashPassword(long + '甲');
    expect(hash).toMatch(/^\$2[aby]\$11\$/);
    expect(await verifyPassword(long + '甲', hash)).toBe(true);
    expect(await verifyPassword(long + '乙', hash)).toBe(false);
    expect(await verifyPassword(long + '甲', 'not-a-hash')).toBe(false);
  });
});
