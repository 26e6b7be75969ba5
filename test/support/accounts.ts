import { randomUUID } from 'node:crypto';
import { IdentityService } from '#app/identity';
import type { GqlResult, TestApp } from './test-app';

/** What the account and sign-in tests share: accounts with a password, and signing in with it. */
export const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token expiresAt mustChangePassword user { id } } }`;
export const PASSWORD = 'correct-horse-电池';

export const ext = (r: GqlResult) => r.errors?.[0]?.extensions ?? {};

/** Factories for accounts that sign in with a password (t.user's accounts have none). */
export function accounts(t: () => TestApp) {
  let hash: string;
  return {
    async prepare() {
      hash = await t().app.get(IdentityService).hashPassword(PASSWORD);
    },
    async account(role?: string, scopeId?: string | null, o: { teacherId?: string } = {}) {
      const email = `a-${randomUUID().slice(0, 8)}@example.cn`;
      const u = await t().user(role, scopeId, { ...o, email });
      await t().sql(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [u.id, hash]);
      return { ...u, email };
    },
    login(email: string, password = PASSWORD, headers: Record<string, string> = {}) {
      return t().gql(LOGIN, { e: email, p: password }, null, headers);
    },
  };
}
