import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults for a newcomer (embedded database, port 8080)', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.jwtMaxAgeSeconds).toBe(3600);
    expect(config.staffMfaRequired).toBe(true);
    expect(config.outboundAllowPrivateNetworks).toBe(false);
    expect(config.outboxConcurrency).toBe(32);
    expect(loadConfig({ LOKET_OUTBOX_CONCURRENCY: '128' }).outboxConcurrency).toBe(128);
  });

  it.each([
    ['PORT', 'eighty', /PORT .*whole number/],
    ['PORT', '70000', /PORT .*0 to 65535/],
    ['DATABASE_URL', 'mysql://x/y', /DATABASE_URL .*postgres:\/\//],
    ['DATABASE_URL', 'not a url', /DATABASE_URL .*URL/],
    ['LOKET_STAFF_MFA_REQUIRED', 'maybe', /LOKET_STAFF_MFA_REQUIRED .*true or false/],
    ['LOKET_OUTBOUND_ALLOW_PRIVATE_NETWORKS', 'sometimes', /LOKET_OUTBOUND_ALLOW_PRIVATE_NETWORKS .*true or false/],
    ['LOKET_SECRET_KEY', 'too-short', /LOKET_SECRET_KEY .*32 random bytes/],
    ['LOKET_LOG_LEVEL', 'loud', /LOKET_LOG_LEVEL .*one of/],
    ['LOKET_OUTBOX_CONCURRENCY', '0', /LOKET_OUTBOX_CONCURRENCY .*1 to 1000/],
    ['LOKET_DEFAULT_TENANT', 'Not A Slug', /LOKET_DEFAULT_TENANT/],
  ])('refuses %s=%s naming the variable and the expected form', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('requires a secret key on PostgreSQL, where several processes must share it', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/loket' })).toThrow(/LOKET_SECRET_KEY is required/);
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/loket', LOKET_SECRET_KEY: key }).secretKey).toBe(key);
  });

  it('never echoes a secret key in its error', () => {
    try {
      loadConfig({ LOKET_SECRET_KEY: 'c2VjcmV0LWJ1dC13cm9uZy1sZW5ndGg=' });
    } catch (error) {
      expect((error as Error).message).not.toContain('c2VjcmV0');
    }
  });

  it('asks for the whole OIDC client when an issuer is set', () => {
    expect(() => loadConfig({ LOKET_OIDC_ISSUER: 'https://login.example' })).toThrow(/LOKET_OIDC_CLIENT_ID/);
  });
});
