import { describe, expect, it } from '@jest/globals';
import { loadConfig, usingDevJwtSecret } from './app-config';

describe('loadConfig', () => {
  it('requires JWT_SECRET in production and warns-by-default elsewhere', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(usingDevJwtSecret(loadConfig({}))).toBe(true);
    const prod = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's3cret-s3cret' });
    expect(prod).toMatchObject({ production: true, jwtSecret: 's3cret-s3cret' });
    expect(usingDevJwtSecret(prod)).toBe(false);
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
