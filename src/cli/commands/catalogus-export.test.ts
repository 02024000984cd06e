import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { testEngine } from '../../../test/engine.ts';
import { openDatabase } from '../../platform/database/connection.ts';
import type { Database } from '../../platform/database/schema.ts';
import { findTenantBySlug } from '../../platform/tenants/repository.ts';
import { DEMO_CATALOGUS_FILE } from '../../components/catalogi/demo/gemeente-voorbeeld.ts';
import { runCli } from '../run.ts';

const TIMEOUT = 60_000;
const DEMO_TEXT = readFileSync(DEMO_CATALOGUS_FILE, 'utf8');

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

describe('loket catalogus export', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'loket-catalogus-export-'));
  const env: Record<string, string> = { LOKET_DATA_DIR: join(workDir, 'data'), LOKET_LOG_LEVEL: 'silent' };
  let database: TestDatabase | undefined;
  let catalogusUuid = '';
  let kapvergunningUuid = '';

  async function loket(...args: string[]): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const status = await runCli(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text), isTTY: false }, env });
    return { status, stdout, stderr };
  }

  /** Opens the installation the commands work on (the embedded one only while no command runs). */
  async function inInstallation<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    const opened = database ?? (await openDatabase({ databaseUrl: undefined, databasePoolSize: 1, dataDir: env.LOKET_DATA_DIR ?? '' }));
    try {
      return await work(opened.db);
    } finally {
      if (opened !== database) await opened.close();
    }
  }

  beforeAll(async () => {
    if (testEngine().kind === 'postgres') {
      database = await createTestDatabase();
      env.DATABASE_URL = database.url ?? '';
      env.LOKET_SECRET_KEY = randomBytes(32).toString('base64');
    }
    expect((await loket('tenant', 'add', '--slug', 'utrecht', '--name', 'Gemeente Utrecht', '--rsin', '123456782')).status).toBe(0);
    const imported = await loket('catalogus', 'import', DEMO_CATALOGUS_FILE);
    expect(imported.status, imported.stderr).toBe(0);
    await inInstallation(async (db) => {
      const tenant = await findTenantBySlug(db, 'utrecht');
      const kap = await db.selectFrom('zaaktypen').select(['uuid', 'catalogus_uuid']).where('tenant_id', '=', tenant?.id ?? '').where('identificatie', '=', 'KAPVERGUNNING').executeTakeFirstOrThrow();
      catalogusUuid = kap.catalogus_uuid;
      kapvergunningUuid = kap.uuid;
    });
  }, TIMEOUT);

  afterAll(async () => {
    await database?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('writes a catalogus to a file: the same file that was imported', { timeout: TIMEOUT }, async () => {
    const out = join(workDir, 'catalogus.json');
    const run = await loket('catalogus', 'export', '--catalogus', catalogusUuid, '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`Catalogus ${catalogusUuid} of Gemeente Utrecht (utrecht) exported to ${out}.\n`);
    expect(readFileSync(out, 'utf8')).toBe(DEMO_TEXT);
  });

  it('writes to standard output without --out, so it can be piped', { timeout: TIMEOUT }, async () => {
    const run = await loket('catalogus', 'export', '--catalogus', catalogusUuid, '--tenant', 'utrecht');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(DEMO_TEXT);
  });

  it('exports one zaaktype with what it names', { timeout: TIMEOUT }, async () => {
    const run = await loket('catalogus', 'export', '--zaaktype', kapvergunningUuid);
    expect(run.status, run.stderr).toBe(0);
    const file = JSON.parse(run.stdout) as { formaat: string; zaaktypen: { identificatie: string }[]; besluittypen: { omschrijving: string }[] };
    expect(file.formaat).toBe('loket-catalogus-export');
    expect(file.zaaktypen.map((zaaktype) => zaaktype.identificatie)).toEqual(['KAPVERGUNNING']);
    expect(file.besluittypen.map((besluittype) => besluittype.omschrijving)).toEqual(['Omgevingsvergunning']);
  });

  it('names what is wrong with the arguments, and a uuid the tenant does not have', { timeout: TIMEOUT }, async () => {
    const unknown = randomUUID();
    const cases: [string[], string][] = [
      [['catalogus', 'export'], 'Give exactly one of --catalogus and --zaaktype.'],
      [['catalogus', 'export', '--catalogus', catalogusUuid, '--zaaktype', kapvergunningUuid], 'Give exactly one of --catalogus and --zaaktype.'],
      [['catalogus', 'export', '--zaaktype', 'kap'], '--zaaktype "kap" is not a UUID.'],
      [['catalogus', 'export', '--catalogus', unknown], `Catalogus ${unknown} bestaat niet. (tenant utrecht)`],
      [['catalogus', 'export', '--zaaktype', unknown], `Zaaktype ${unknown} bestaat niet. (tenant utrecht)`],
    ];
    for (const [args, message] of cases) {
      const run = await loket(...args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr, args.join(' ')).toContain(message);
    }
  });
});
