import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppError, ErrorCode, type AppConfig } from '#app/core';

/** One sign-in attempt, recorded as a failure until it proves right. */
export interface LoginAttempt {
  id: string;
  accountKey: string;
}

/** The account a sign-in names, as stored: a digest of the lower-cased email (typos and unknown emails count too). */
const accountKeyOf = (email: string) => createHash('sha256').update(email.trim().toLowerCase(), 'utf8').digest('hex');

/**
 * IPv6 clients are counted per /64, which one subscriber usually holds whole. Calls without an address (a login
 * sent over a graphql-ws connection, which has no HTTP request) share one bucket rather than escape the limit.
 */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const bare = address.split('%')[0];
  if (!isIPv6(bare)) return bare;
  const [head, tail = ''] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = bare.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/**
 * Password guessing is throttled per account and per client address, across API instances: failures are rows in
 * PostgreSQL (login_failure), counted over a sliding window (LOGIN_FAILURE_WINDOW_SECONDS) before any hashing.
 * An attempt is recorded first and deleted with the account's other failures when the password proves right, so
 * concurrent guesses cannot all slip in before the first failure is written. Refused attempts are not recorded:
 * a lockout ends at most one window after the failures that caused it, however long an attacker keeps trying.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  /** Records an attempt for `email` from `address`, or answers RATE_LIMITED (retryAfterSeconds) when over a limit. */
  async begin(email: string, address: string | undefined): Promise<LoginAttempt> {
    const accountKey = accountKeyOf(email);
    const c = this.config;
    // Locked when the Nth most recent failure in the window exists; it frees up when that one leaves the window.
    const [row]: { id: string | null; account_retry: number | null; address_retry: number | null }[] = await this.dataSource.query(
      `WITH window_start AS (SELECT now() - make_interval(secs => $5) AS since),
       limits AS (
         SELECT (SELECT f.at FROM login_failure f WHERE $3::int > 0 AND f.account_key = $1 AND f.at > since
                  ORDER BY f.at DESC OFFSET greatest($3::int - 1, 0) LIMIT 1) AS account_at,
                (SELECT f.at FROM login_failure f WHERE $4::int > 0 AND f.address = $2::text AND f.at > since
                  ORDER BY f.at DESC OFFSET greatest($4::int - 1, 0) LIMIT 1) AS address_at
           FROM window_start
       ),
       attempt AS (
         INSERT INTO login_failure (account_key, address)
         SELECT $1, $2::text FROM limits WHERE account_at IS NULL AND address_at IS NULL RETURNING id
       ),
       pruned AS (
         DELETE FROM login_failure WHERE id IN (
           SELECT f.id FROM login_failure f, window_start WHERE f.at <= since ORDER BY f.at LIMIT 100 FOR UPDATE SKIP LOCKED)
       )
       SELECT (SELECT id::text FROM attempt) AS id,
              ceil(extract(epoch FROM account_at + make_interval(secs => $5) - now()))::int AS account_retry,
              ceil(extract(epoch FROM address_at + make_interval(secs => $5) - now()))::int AS address_retry
         FROM limits`,
      [accountKey, addressKey(address), c.loginMaxFailuresPerAccount, c.loginMaxFailuresPerAddress, c.loginFailureWindowSeconds],
    );
    if (row.id) return { id: row.id, accountKey };
    const which = row.account_retry !== null ? 'for this account' : 'from this address';
    const whichZh = row.account_retry !== null ? '该账号' : '该地址';
    const retryAfterSeconds = Math.max(1, row.account_retry ?? 0, row.address_retry ?? 0);
    throw new AppError(ErrorCode.RATE_LIMITED, { zh: `${whichZh}登录失败次数过多，请 ${retryAfterSeconds} 秒后再试`, en: `Too many failed sign-ins ${which}: try again in ${retryAfterSeconds} s` }, undefined, { retryAfterSeconds });
  }

  /** The password was right: the account's failures are forgotten (this attempt's included). */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.clear(attempt.accountKey);
  }

  /** The password was never checked (e.g. the server was busy): the attempt does not count. */
  async abandon(attempt: LoginAttempt): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failure WHERE id = $1`, [attempt.id]);
  }

  /** Forgets an account's failures (after a successful sign-in, or when an admin hands out a one-time code). */
  async clearAccount(email: string): Promise<void> {
    await this.clear(accountKeyOf(email));
  }

  private async clear(accountKey: string) {
    await this.dataSource.query(`DELETE FROM login_failure WHERE account_key = $1`, [accountKey]);
  }
}
