import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { IdentityService } from '#app/identity';
import { ensureAdmin } from '../apps/api/src/bootstrap-admin';
import { TestApp } from './support/test-app';

describe('ADMIN_EMAIL / ADMIN_PASSWORD', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('creates the first platform admin once, who can then sign in', async () => {
    const identity = t.app.get(IdentityService);
    const logger = new Logger('test');
    logger.log = () => undefined;
    await ensureAdmin(t.db, identity, 'root@example.cn', 'correct-horse', logger);
    await ensureAdmin(t.db, identity, 'other@example.cn', 'another-pass', logger); // an admin exists: nothing happens
    const admins = await t.sql(`SELECT u.email FROM role_grant g JOIN app_user u ON u.id = g.user_id WHERE g.role = 'PLATFORM_ADMIN'`);
    expect(admins).toEqual([{ email: 'root@example.cn' }]);
    const login = await t.ok(`mutation { login(email: "root@example.cn", password: "correct-horse") { token } }`);
    const me = await t.ok(`{ me { roles { role scopeId } } }`, {}, login.login.token);
    expect(me.me.roles).toEqual([{ role: 'PLATFORM_ADMIN', scopeId: null }]);
    await expect(ensureAdmin(t.db, identity, 'x@example.cn', 'short', logger)).rejects.toThrow(/at least 8/);
  });
});
