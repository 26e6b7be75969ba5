import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runMigrations, schemaDrift } from '#app/core';
import { MIGRATIONS } from '../prisma-free-migrations';
import { TestApp } from './support/test-app';

describe('migrations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('agree with the entities (migration:generate would write nothing)', async () => {
    expect(await schemaDrift(t.db)).toEqual({ up: [], down: [] });
  });

  it('revert completely and apply again', async () => {
    const tables = async () =>
      (await t.sql(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`)).map((r) => r.tablename);
    const before = await tables();
    expect(before).toEqual(expect.arrayContaining(['region', 'school', 'school_group', 'group_membership', 'teacher', 'app_user', 'role_grant']));
    for (let i = 0; i < MIGRATIONS.length; i++) await t.db.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);
    expect(await runMigrations(t.db)).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toEqual(before);
  });
});
