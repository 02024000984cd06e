import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { testEngine } from '../../../test/engine.ts';
import { trekApplicatieIn } from '../../platform/auth/api-client-intrekking.ts';
import { apiTokenHash, authenticateApiToken } from '../../platform/auth/api-token.ts';
import { openDatabase } from '../../platform/database/connection.ts';
import type { Database } from '../../platform/database/schema.ts';
import { findTenantBySlug } from '../../platform/tenants/repository.ts';
import { runCli } from '../run.ts';

const TIMEOUT = 60_000;

describe('loket client add --klantinteracties-token', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'loket-client-token-'));
  const env: Record<string, string> = { LOKET_DATA_DIR: join(workDir, 'data'), LOKET_LOG_LEVEL: 'silent' };
  let database: TestDatabase | undefined;

  async function loket(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const status = await runCli(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text), isTTY: false }, env });
    return { status, stdout, stderr };
  }

  async function inInstallation<T>(work: (db: Kysely<Database>, tenantId: string) => Promise<T>): Promise<T> {
    const opened = database ?? (await openDatabase({ databaseUrl: undefined, databasePoolSize: 1, dataDir: env.LOKET_DATA_DIR ?? '' }));
    try {
      const tenant = await findTenantBySlug(opened.db, 'kcc');
      return await work(opened.db, tenant?.id ?? '');
    } finally {
      if (opened !== database) await opened.close();
    }
  }

  function tokenIn(stdout: string): string {
    return /Klantinteracties token \(shown only now\): (\S+)/.exec(stdout)?.[1] ?? '';
  }

  beforeAll(async () => {
    if (testEngine().kind === 'postgres') {
      database = await createTestDatabase();
      env.DATABASE_URL = database.url ?? '';
      env.LOKET_SECRET_KEY = randomBytes(32).toString('base64');
    }
    const run = await loket('tenant', 'add', '--slug', 'kcc', '--name', 'Gemeente KCC', '--rsin', '123456782');
    expect(run.status, run.stderr).toBe(0);
  }, TIMEOUT);

  afterAll(async () => {
    await database?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('prints a token once, keeps only its hash, and a new one replaces it', { timeout: TIMEOUT }, async () => {
    const created = await loket('client', 'add', '--client-id', 'kcc-tool', '--klantinteracties-token', '--tenant', 'kcc');
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain('Secret (shown only now): ');
    const first = tokenIn(created.stdout);
    expect(first).toMatch(/^[0-9a-f]{64}$/);

    const renewed = await loket('client', 'add', '--client-id', 'kcc-tool', '--klantinteracties-token', '--tenant', 'kcc');
    expect(renewed.status, renewed.stderr).toBe(0);
    expect(renewed.stdout).not.toContain('Secret');
    const second = tokenIn(renewed.stdout);
    expect(second).not.toBe(first);

    await inInstallation(async (db, tenantId) => {
      const stored = await db.selectFrom('api_tokens').select('token_hash').where('tenant_id', '=', tenantId).execute();
      expect(stored).toEqual([{ token_hash: apiTokenHash(second) }]);
      expect((await authenticateApiToken(db, tenantId, 'klantinteracties', `Token ${second}`)).clientId).toBe('kcc-tool');
      await expect(authenticateApiToken(db, tenantId, 'klantinteracties', `Token ${first}`)).rejects.toMatchObject({ code: 'not_authenticated' });
    });
  });

  it('gives no token unless asked', { timeout: TIMEOUT }, async () => {
    const run = await loket('client', 'add', '--client-id', 'zaakapp', '--scope', 'zaken.lezen', '--tenant', 'kcc');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('Klantinteracties token');
  });

  it('gives a revoked client neither a secret nor a token: reactivating is a beheerder’s act', { timeout: TIMEOUT }, async () => {
    const run = await loket('client', 'add', '--client-id', 'ingetrokken-app', '--klantinteracties-token', '--tenant', 'kcc');
    expect(run.status, run.stderr).toBe(0);
    await inInstallation(async (db, tenantId) => {
      const client = await db.selectFrom('api_clients').select('applicatie_uuid').where('tenant_id', '=', tenantId).where('client_id', '=', 'ingetrokken-app').executeTakeFirstOrThrow();
      expect(await trekApplicatieIn(db, tenantId, client.applicatie_uuid, null)).toBe(true);
    });
    for (const args of [['--klantinteracties-token'], []]) {
      const refused = await loket('client', 'add', '--client-id', 'ingetrokken-app', ...args, '--tenant', 'kcc');
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain('is revoked (ingetrokken)');
    }
    await inInstallation(async (db, tenantId) => {
      const client = await db.selectFrom('api_clients').select(['id', 'secret_encrypted']).where('tenant_id', '=', tenantId).where('client_id', '=', 'ingetrokken-app').executeTakeFirstOrThrow();
      expect(client.secret_encrypted).toBeNull();
      expect(await db.selectFrom('api_tokens').select('token_hash').where('api_client_id', '=', client.id).execute()).toHaveLength(0);
    });
  });
});
