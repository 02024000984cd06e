import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { testEngine } from '../../test/engine.ts';
import { loadKeys } from '../platform/crypto/keys.ts';
import { openDatabase } from '../platform/database/connection.ts';
import type { Database } from '../platform/database/schema.ts';
import { findApiClient } from '../platform/auth/api-client-repository.ts';
import { loadAutorisaties } from '../platform/auth/autorisaties.ts';
import { findTenantBySlug } from '../platform/tenants/repository.ts';
import { findStaffUserByEmail } from '../platform/auth/staff-user-repository.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TIMEOUT = 60_000;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The server's environment variables, removed so the developer's own settings cannot leak into a run. */
const LOKET_VARIABLES = ['DATABASE_URL', 'LOKET_SECRET_KEY', 'LOKET_DEFAULT_TENANT', 'LOKET_DATA_DIR', 'PORT', 'HOST', 'LOKET_LOG_LEVEL'];

function cleanEnv(extra: Record<string, string>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of LOKET_VARIABLES) delete env[name];
  return { ...env, ...extra };
}

/** Runs the real command in a child process, as an operator would. */
function loket(args: string[], env: Record<string, string>, command: string[] = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')], cwd = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...command, ...args], { cwd, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

// One installation shared by the tests below, which run in order: each command builds on the previous one.
describe('the loket command', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-cli-'));
  const env: Record<string, string> = { LOKET_DATA_DIR: dataDir };
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    // On PostgreSQL the commands work on a fresh copy of the migrated template, like a second server would.
    if (testEngine().kind === 'postgres') {
      database = await createTestDatabase();
      env.DATABASE_URL = database.url ?? '';
      env.LOKET_SECRET_KEY = randomBytes(32).toString('base64');
    }
  });

  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists every command when run without arguments, from any directory', async () => {
    const run = await loket([], env, [join(ROOT, 'bin/loket.js')], tmpdir());
    expect(run.status).toBe(0);
    for (const command of ['migrate', 'seed', 'tenant add', 'user add', 'client add', 'verify-log', 'outbox failed', 'outbox retry']) expect(run.stdout).toContain(command);
  });

  it('refuses an RSIN that fails the 11-proef and names the option', async () => {
    const run = await loket(['tenant', 'add', '--slug', 'utrecht', '--name', 'Gemeente Utrecht', '--rsin', '123456789'], env);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--rsin "123456789" is not a valid RSIN');
    expect(run.stderr).toContain('11-proef');
  });

  it('adds a tenant with its host names', { timeout: TIMEOUT }, async () => {
    const run = await loket(['tenant', 'add', '--slug', 'utrecht', '--name', 'Gemeente Utrecht', '--rsin', '123456782', '--host', 'Loket.Utrecht.nl'], env);
    expect(run.stderr).not.toContain('failed unexpectedly');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Tenant "utrecht" created: Gemeente Utrecht, RSIN 123456782');
    expect(run.stdout).toContain('Served at: loket.utrecht.nl.');
  });

  it('creates a staff account in the only tenant and prints its TOTP enrolment and generated password once', { timeout: TIMEOUT }, async () => {
    const run = await loket(['user', 'add', '--email', 'Kim@Utrecht.nl', '--role', 'kcc', '--role', 'behandelaar', '--name', 'Kim Klant'], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('created in Gemeente Utrecht (utrecht) with role(s): kcc, behandelaar');
    expect(run.stdout).toMatch(/otpauth:\/\/totp\/Gemeente%20Utrecht:kim%40utrecht\.nl\?secret=[A-Z2-7]{32}/);
    expect(run.stdout).toMatch(/Password \(shown only now\): \S{16,}/);
  });

  it('registers an API client with its scopes', { timeout: TIMEOUT }, async () => {
    const run = await loket(['client', 'add', '--client-id', 'zaakapp', '--secret', 'een-geheim-van-ruim-16-tekens', '--scope', 'zaken.lezen', '--tenant', 'utrecht'], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('API client "zaakapp" created in Gemeente Utrecht (utrecht) with scopes zaken.lezen.');
    expect(run.stdout).not.toContain('Secret (shown only now)');
  });

  it('registers an API client restricted to one zaaktype up to a maximum vertrouwelijkheidaanduiding', { timeout: TIMEOUT }, async () => {
    const zaaktype = 'https://loket.utrecht.nl/catalogi/api/v1/zaaktypen/0f6c3a3e-3b8a-4c44-9d83-7e0c1c2f9a11';
    const run = await loket(['client', 'add', '--client-id', 'parkeerapp', '--autorisatie', `zrc;zaken.lezen,zaken.aanmaken;${zaaktype};vertrouwelijk`, '--tenant', 'utrecht'], env);
    expect(run.stderr).not.toContain('failed unexpectedly');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('API client "parkeerapp" created in Gemeente Utrecht (utrecht) with 1 autorisatie(s).');
    const refused = await loket(['client', 'add', '--client-id', 'fout', '--autorisatie', 'zrc;zaken.lezen', '--tenant', 'utrecht'], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('needs the zaaktype URL and a maximum vertrouwelijkheidaanduiding');
  });

  it('exits with code 2 and names the variable when the configuration is wrong', async () => {
    const run = await loket(['migrate'], { ...env, DATABASE_URL: 'mysql://localhost/loket' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('configuration error: DATABASE_URL');
  });

  it('exits with code 3 and a clear message, not a stack trace, while a server holds the embedded database', async () => {
    const heldDir = mkdtempSync(join(tmpdir(), 'loket-cli-held-'));
    try {
      // The test process stands in for the running server: alive, and not the child that opens the database.
      writeFileSync(join(heldDir, 'loket.pid'), String(process.pid));
      const run = await loket(['migrate'], { LOKET_DATA_DIR: heldDir });
      expect(run.status).toBe(3);
      expect(run.stderr).toContain(`is in use by a running Loket process (pid ${process.pid})`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(heldDir, { recursive: true, force: true });
    }
  });

  /** Opens the installation the commands worked on (the embedded one only while no command runs). */
  async function withInstallation(work: (db: Kysely<Database>) => Promise<void>): Promise<void> {
    const opened = database ?? (await openDatabase({ databaseUrl: undefined, databasePoolSize: 1, dataDir }));
    try {
      await work(opened.db);
    } finally {
      if (opened !== database) await opened.close();
    }
  }

  it('stored what the commands created: host names lower-cased, the client secret encrypted with the server key', { timeout: TIMEOUT }, async () => {
    await withInstallation(async (db) => {
      const keys = loadKeys({ secretKey: env.LOKET_SECRET_KEY, dataDir });
      const tenant = await findTenantBySlug(db, 'utrecht');
      expect(tenant?.hostnames).toEqual(['loket.utrecht.nl']);
      const client = await findApiClient(db, tenant?.id ?? '', 'zaakapp');
      expect(client?.scopes).toEqual(['zaken.lezen']);
      expect(client?.heeft_alle_autorisaties).toBe(false);
      expect(keys.decrypt(client?.secret_encrypted ?? '')).toBe('een-geheim-van-ruim-16-tekens');
      const restricted = await findApiClient(db, tenant?.id ?? '', 'parkeerapp');
      expect(await loadAutorisaties(db, restricted?.applicatie_uuid ?? '')).toEqual([
        expect.objectContaining({ component: 'zrc', scopes: ['zaken.lezen', 'zaken.aanmaken'], maxVertrouwelijkheidaanduiding: 'vertrouwelijk' }),
      ]);
      expect(await findApiClient(db, tenant?.id ?? '', 'fout')).toBeUndefined();
      const user = await findStaffUserByEmail(db, tenant?.id ?? '', 'kim@utrecht.nl');
      expect(user?.roles).toEqual(['kcc', 'behandelaar']);
    });
  });

  it('verify-log exits with code 0 when the processing log is intact', { timeout: TIMEOUT }, async () => {
    const run = await loket(['verify-log'], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('The processing log is intact');
  });

  it('verify-log exits with code 1 and names tenant and record when records were removed', { timeout: TIMEOUT }, async () => {
    await withInstallation(async (db) => {
      const tenant = await findTenantBySlug(db, 'utrecht');
      // A chain head that counts three records of which none is left: what deleting the log's rows leaves behind.
      await db.insertInto('processing_log_heads').values({ tenant_id: tenant?.id ?? '', last_seq: 3, last_hash: 'f'.repeat(64), row_count: 3 }).execute();
    });
    const run = await loket(['verify-log'], env);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('The processing log is NOT intact');
    expect(run.stdout).toContain('tenant utrecht, seq 3:');
  });
});
