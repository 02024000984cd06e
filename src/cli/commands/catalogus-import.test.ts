import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

// One installation for the tests below, which run in order: each builds on what the previous one imported.
describe('loket catalogus import', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'loket-catalogus-import-'));
  const env: Record<string, string> = { LOKET_DATA_DIR: join(workDir, 'data'), LOKET_LOG_LEVEL: 'silent' };
  let database: TestDatabase | undefined;

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

  async function zaaktypen(slug: string): Promise<{ identificatie: string; concept: boolean; catalogus_uuid: string }[]> {
    return inInstallation(async (db) => {
      const tenant = await findTenantBySlug(db, slug);
      return db.selectFrom('zaaktypen').select(['identificatie', 'concept', 'catalogus_uuid']).where('tenant_id', '=', tenant?.id ?? '').execute();
    });
  }

  function fileWith(name: string, content: string): string {
    const path = join(workDir, name);
    writeFileSync(path, content);
    return path;
  }

  beforeAll(async () => {
    // On PostgreSQL the command works on a fresh copy of the migrated template, as a second server would.
    if (testEngine().kind === 'postgres') {
      database = await createTestDatabase();
      env.DATABASE_URL = database.url ?? '';
      env.LOKET_SECRET_KEY = randomBytes(32).toString('base64');
    }
    for (const slug of ['utrecht', 'zeist']) {
      const run = await loket('tenant', 'add', '--slug', slug, '--name', `Gemeente ${slug}`, '--rsin', '123456782');
      expect(run.status, run.stderr).toBe(0);
    }
  }, TIMEOUT);

  afterAll(async () => {
    await database?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('imports an exchange file into the tenant as concepts and says what it created', { timeout: TIMEOUT }, async () => {
    const run = await loket('catalogus', 'import', DEMO_CATALOGUS_FILE, '--tenant', 'utrecht');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Imported .*gemeente-voorbeeld\.json into new catalogus [0-9a-f-]{36} of Gemeente utrecht \(utrecht\), as concept: 16 informatieobjecttype\(n\), 3 besluittype\(n\), 8 zaaktype\(n\) with \d+ /);
    const imported = await zaaktypen('utrecht');
    expect(imported).toHaveLength(8);
    expect(imported.every((zaaktype) => zaaktype.concept)).toBe(true);
  });

  it('refuses a file with problems, lists every one by its place in the file, and changes nothing', { timeout: TIMEOUT }, async () => {
    const file = JSON.parse(readFileSync(DEMO_CATALOGUS_FILE, 'utf8')) as {
      informatieobjecttypen: Record<string, unknown>[];
      zaaktypen: Record<string, unknown>[];
    };
    const [firstIot] = file.informatieobjecttypen;
    if (firstIot) firstIot.vertrouwelijkheidaanduiding = 'topgeheim';
    const [firstZaaktype] = file.zaaktypen;
    if (firstZaaktype) firstZaaktype.doorlooptijd = 'zes weken';
    const run = await loket('catalogus', 'import', fileWith('kapot.json', JSON.stringify(file)), '--tenant', 'utrecht');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('kapot.json: Het bestand is niet geïmporteerd; er is niets veranderd.');
    expect(run.stderr).toContain('2 problem(s):');
    expect(run.stderr).toContain('  informatieobjecttypen[0].vertrouwelijkheidaanduiding: ');
    expect(run.stderr).toContain('  zaaktypen[0].doorlooptijd: ');
    expect(await zaaktypen('utrecht')).toHaveLength(8);
  });

  it('names what is wrong with the arguments or the file before touching the database', async () => {
    const cases: [string[], string][] = [
      [['catalogus', 'import'], 'Give exactly one FILE to import.'],
      [['catalogus', 'import', 'a.json', 'b.json'], 'Give exactly one FILE to import.'],
      [['catalogus', 'import', 'a.json', '--catalogus', 'twee'], '--catalogus "twee" is not a UUID.'],
      [['catalogus', 'import', join(workDir, 'bestaat-niet.json')], 'Cannot read'],
      [['catalogus', 'import', fileWith('tekst.json', 'geen json')], 'tekst.json is not JSON'],
      [['catalogus', 'import', fileWith('anders.json', '{"formaat":"iets-anders"}')], 'formaat: Dit is geen catalogusexport van Loket'],
      [['catalogus', 'import', 'a.json', '--onbekend'], "Unknown option '--onbekend'"],
    ];
    for (const [args, message] of cases) {
      const run = await loket(...args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr, args.join(' ')).toContain(message);
    }
  });

  it('adds to the catalogus named with --catalogus', { timeout: TIMEOUT }, async () => {
    const [first] = await zaaktypen('utrecht');
    const run = await loket('catalogus', 'import', DEMO_CATALOGUS_FILE, '--tenant', 'utrecht', '--catalogus', first?.catalogus_uuid ?? '');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`into catalogus ${first?.catalogus_uuid ?? ''} of Gemeente utrecht`);
    const all = await zaaktypen('utrecht');
    expect(all).toHaveLength(16);
    expect(new Set(all.map((zaaktype) => zaaktype.catalogus_uuid)).size).toBe(1);
  });

  it('publishes what it imported with --publish, in the same transaction', { timeout: TIMEOUT }, async () => {
    const run = await loket('catalogus', 'import', DEMO_CATALOGUS_FILE, '--tenant', 'zeist', '--publish');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('of Gemeente zeist (zeist), published:');
    const published = await zaaktypen('zeist');
    expect(published).toHaveLength(8);
    expect(published.every((zaaktype) => !zaaktype.concept)).toBe(true);
  });

  it('ztc-016: refuses versions that overlap the published ones, and leaves nothing behind', { timeout: TIMEOUT }, async () => {
    const run = await loket('catalogus', 'import', DEMO_CATALOGUS_FILE, '--tenant', 'zeist', '--publish');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\n {2}zaaktypen\[\d\]\.beginGeldigheid: /);
    expect(await zaaktypen('zeist')).toHaveLength(8);
  });
});
