import { rowWriter, type RequestContext } from '#app/core';
import { RoleGrant, User } from './entities/user.entity';

/** A new login as written: the columns with a default (token version, last login) are left to the table. */
export type UserRow = Pick<User, 'id' | 'email' | 'phone' | 'passwordHash' | 'displayName' | 'teacherId' | 'mustChangePassword' | 'passwordExpiresAt' | 'deactivatedAt'> & {
  createdAt: Date | string;
};
export type GrantRow = Omit<RoleGrant, 'createdAt'> & { createdAt: Date | string };

/** Identity's row writers (see rowWriter): the services write new logins and grants through them, and so does the demo. */
export const writeUsers = rowWriter<UserRow>('app_user', {
  id: 'uuid',
  email: 'varchar',
  phone: 'varchar',
  passwordHash: 'varchar',
  displayName: 'varchar',
  teacherId: 'uuid',
  mustChangePassword: 'boolean',
  passwordExpiresAt: 'timestamptz',
  deactivatedAt: 'timestamptz',
  createdAt: 'timestamptz',
});

export const writeGrants = rowWriter<GrantRow>('role_grant', {
  id: 'uuid',
  userId: 'uuid',
  role: 'varchar',
  scopeId: 'uuid',
  grantedBy: 'uuid',
  createdAt: 'timestamptz',
  revokedAt: 'timestamptz',
});

/** Writes a new login (id from the request's id source) and returns it as the entity the API answers with. */
export async function insertUser(
  tx: RequestContext,
  fields: Pick<UserRow, 'email' | 'passwordHash' | 'displayName' | 'teacherId'> & Partial<Pick<UserRow, 'phone' | 'mustChangePassword' | 'passwordExpiresAt'>>,
): Promise<User> {
  const row: UserRow = { phone: null, mustChangePassword: false, passwordExpiresAt: null, deactivatedAt: null, ...fields, id: tx.newId('app_user'), createdAt: tx.now() };
  await writeUsers(tx.em, [row]);
  return tx.em.create(User, { ...row, createdAt: row.createdAt as Date, tokenVersion: 0, lastLoginAt: null });
}
