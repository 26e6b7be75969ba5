import { describe, expect, it } from '@jest/globals';
import { loadConfig, usingDevJwtSecret } from './app-config';

describe('loadConfig', () => {
  it('requires JWT_SECRET in production and warns-by-default elsewhere', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(usingDevJwtSecret(loadConfig({}))).toBe(true);
    const secret = 's3cret-s3cret-s3cret-s3cret-s3cret';
    const prod = loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret });
    expect(prod).toMatchObject({ production: true, jwtSecret: secret });
    expect(usingDevJwtSecret(prod)).toBe(false);
  });

  it('refuses a JWT_SECRET shorter than 32 bytes in production, and only there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32 bytes .*\(it has 5\)/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(31) })).toThrow(/at least 32 bytes/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).jwtSecret).toHaveLength(32);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: '教'.repeat(11) }).production).toBe(true); // 33 bytes in UTF-8
    expect(loadConfig({ JWT_SECRET: 'short' }).jwtSecret).toBe('short');
  });

  it('reads the sign-in throttle and hashing settings, with safe defaults', () => {
    expect(loadConfig({})).toMatchObject({
      trustProxy: false,
      loginFailureWindowSeconds: 600,
      loginMaxFailuresPerAccount: 10,
      loginMaxFailuresPerAddress: 30,
      passwordHashConcurrency: 2,
      passwordHashQueue: 32,
    });
    const c = loadConfig({ TRUST_PROXY: 'true', LOGIN_FAILURE_WINDOW_SECONDS: '60', LOGIN_MAX_FAILURES_PER_ACCOUNT: '0', PASSWORD_HASH_CONCURRENCY: '1' });
    expect(c).toMatchObject({ trustProxy: true, loginFailureWindowSeconds: 60, loginMaxFailuresPerAccount: 0, passwordHashConcurrency: 1 });
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(() => loadConfig({ LOGIN_MAX_FAILURES_PER_ADDRESS: 'many' })).toThrow(/LOGIN_MAX_FAILURES_PER_ADDRESS/);
    expect(() => loadConfig({ LOGIN_FAILURE_WINDOW_SECONDS: '0' })).toThrow(/LOGIN_FAILURE_WINDOW_SECONDS/);
    expect(() => loadConfig({ PASSWORD_HASH_CONCURRENCY: '0' })).toThrow(/PASSWORD_HASH_CONCURRENCY/);
  });

  it('loads demo data by default only with the embedded database', () => {
    expect(loadConfig({}).demoData).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db' }).demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db', DEMO_DATA: 'true' }).demoData).toBe(true);
    expect(loadConfig({ DEMO_DATA: 'off' }).demoData).toBe(false);
  });

  it('refuses a PORT that is not a port', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(loadConfig({ PORT: '8080' }).port).toBe(8080);
  });
});
