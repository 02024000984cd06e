import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { createTestTenant } from '../../test/fixtures.ts';
import { testEngine } from '../../test/engine.ts';
import { runCli } from '../cli/run.ts';
import { openDatabase } from '../platform/database/connection.ts';
import type { Database, Tenant } from '../platform/database/schema.ts';
import { ProblemError } from '../platform/errors/problem.ts';
import { findTenantBySlug } from '../platform/tenants/repository.ts';
import { demoExchangeFile, DEMO_PRODUCTEN } from './demo/seed.ts';
import { importKennisbank, readImportFile } from './uitwisseling/import.ts';

const TODAY = '2026-03-02';
const TIMEOUT = 120_000;

function demoFile(): { formaat: string; versie: number; synoniemen: string[][]; producten: Record<string, unknown>[] } {
  return demoExchangeFile(TODAY) as ReturnType<typeof demoFile>;
}

async function productCount(db: Kysely<Database>, tenantId: string): Promise<number> {
  const row = await db.selectFrom('kennisbank_producten').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('kennisbank import of malformed files', () => {
  let database: TestDatabase;
  let tenant: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db);
  });

  afterAll(async () => {
    await database.close();
  });

  it('names every problem by its row and field', () => {
    const file = demoFile();
    const [first, second, third] = file.producten;
    if (!first || !second || !third) throw new Error('demo file too small');
    first.titel = '';
    second.doelgroepen = ['kinderen'];
    second.secties = { inleiding: '<p>ok</p>', nawoord: 'x' };
    third.slug = first.slug;
    third.kostenbedragen = [{ omschrijving: 'Leges', bedragInCenten: 12.5 }];
    third.reviewVoor = '2026-02-30';
    file.synoniemen.push(['alleen']);
    const read = readImportFile(file);
    expect(read.file).toBeUndefined();
    expect(read.problems.map((problem) => problem.name)).toEqual([
      'producten[0].titel',
      'producten[1].secties.nawoord',
      'producten[1].doelgroepen',
      'producten[2].slug',
      'producten[2].kostenbedragen[0].bedragInCenten',
      'producten[2].reviewVoor',
      `synoniemen[${file.synoniemen.length - 1}]`,
    ]);
    expect(read.problems[3]?.reason).toBe(`"${first.slug as string}" staat ook in producten[0].`);
  });

  it('refuses an envelope that is not a kennisbank file', () => {
    expect(readImportFile({ formaat: 'iets-anders', versie: 1, producten: [] }).problems.map((problem) => problem.name)).toEqual(['formaat']);
    expect(readImportFile([]).problems.map((problem) => problem.reason)).toEqual(['Het bestand is geen JSON-object.']);
  });

  it('sanitises rich text on the way in', () => {
    const file = demoFile();
    const [first] = file.producten;
    if (!first) throw new Error('demo file empty');
    first.secties = { inleiding: '<p onclick="alert(1)">Hallo<script>alert(2)</script> <a href="javascript:alert(3)">link</a> <a href="https://voorbeeld.nl">goed</a></p>' };
    const read = readImportFile({ ...file, producten: [first] });
    expect(read.file?.producten[0]?.inhoud.secties.inleiding).toBe('<p>Hallo <a>link</a> <a href="https://voorbeeld.nl">goed</a></p>');
  });

  it('imports nothing when a related product exists nowhere', async () => {
    const file = demoFile();
    const last = file.producten[file.producten.length - 1];
    if (last) last.gerelateerd = ['bestaat-niet'];
    const read = readImportFile(file);
    if (!read.file) throw new Error('file should be readable');
    const error = await importKennisbank(database.db, tenant.id, read.file, { door: 'test', today: TODAY }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).invalidParams).toEqual([
      { name: `producten[${file.producten.length - 1}].gerelateerd`, code: 'invalid', reason: 'Er is geen product "bestaat-niet", niet in het bestand en niet in de kennisbank.' },
    ]);
    expect(await productCount(database.db, tenant.id)).toBe(0);
  });

  it('leaves nothing behind when the import fails half-way through', async () => {
    const read = readImportFile(demoFile());
    if (!read.file) throw new Error('file should be readable');
    const failing = importKennisbank(database.db, tenant.id, read.file, {
      door: 'test',
      today: TODAY,
      onProgress(done) {
        if (done > 0) throw new Error('disk full');
      },
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(await productCount(database.db, tenant.id)).toBe(0);
    const synonyms = await database.db.selectFrom('kennisbank_synoniemen').select('uuid').where('tenant_id', '=', tenant.id).execute();
    expect(synonyms).toEqual([]);
  });
});

// One installation for the commands below, which run in order: each builds on what the previous one did.
describe('loket kennisbank import and export', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'loket-kennisbank-'));
  const env: Record<string, string> = { LOKET_DATA_DIR: join(workDir, 'data'), LOKET_LOG_LEVEL: 'silent' };
  let database: TestDatabase | undefined;

  async function loket(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    return loketOn(false, ...args);
  }

  /** Runs a command with stderr as a terminal (`tty`) or a pipe. */
  async function loketOn(tty: boolean, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const status = await runCli(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text), isTTY: tty, columns: 100 }, env });
    return { status, stdout, stderr };
  }

  async function countFor(slug: string): Promise<number> {
    const opened = database ?? (await openDatabase({ databaseUrl: undefined, databasePoolSize: 1, dataDir: env.LOKET_DATA_DIR ?? '' }));
    try {
      const tenant = await findTenantBySlug(opened.db, slug);
      return await productCount(opened.db, tenant?.id ?? '');
    } finally {
      if (opened !== database) await opened.close();
    }
  }

  function fileWith(name: string, content: string): string {
    const path = join(workDir, name);
    writeFileSync(path, content);
    return path;
  }

  beforeAll(async () => {
    if (testEngine().kind === 'postgres') {
      database = await createTestDatabase();
      env.DATABASE_URL = database.url ?? '';
      env.LOKET_SECRET_KEY = randomBytes(32).toString('base64');
    }
    for (const slug of ['utrecht', 'zeist', 'houten']) {
      const run = await loket('tenant', 'add', '--slug', slug, '--name', `Gemeente ${slug}`, '--rsin', '123456782');
      expect(run.status, run.stderr).toBe(0);
    }
  }, TIMEOUT);

  afterAll(async () => {
    await database?.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('imports an exchange file with a progress report and says what it did', { timeout: TIMEOUT }, async () => {
    const run = await loket('kennisbank', 'import', fileWith('demo.json', JSON.stringify(demoFile())), '--tenant', 'utrecht');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`: ${DEMO_PRODUCTEN.length} new, 0 updated, ${DEMO_PRODUCTEN.length} published, synonym list replaced`);
    expect(run.stderr).toContain(`Checked ${DEMO_PRODUCTEN.length} product(s).`);
    expect(run.stderr).toContain(`Importing ${DEMO_PRODUCTEN.length}/${DEMO_PRODUCTEN.length}`);
    expect(await countFor('utrecht')).toBe(DEMO_PRODUCTEN.length);
  });

  it('draws the progress as a bar on a terminal', { timeout: TIMEOUT }, async () => {
    const run = await loketOn(true, 'kennisbank', 'import', fileWith('demo.json', JSON.stringify(demoFile())), '--tenant', 'houten');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`\r\x1b[2KImporting [########################] ${DEMO_PRODUCTEN.length}/${DEMO_PRODUCTEN.length}`);
    expect(run.stderr).toContain(`\r\x1b[2KImported ${DEMO_PRODUCTEN.length} product(s).\n`);
  });

  it('refuses a malformed file with a problem per row and imports nothing', { timeout: TIMEOUT }, async () => {
    const file = demoFile();
    const [first, second] = file.producten;
    if (!first || !second) throw new Error('demo file too small');
    first.slug = 'nieuw-product';
    first.titel = 42;
    second.slug = 'nog-een-product';
    second.aanvraagkanalen = ['duif'];
    const run = await loket('kennisbank', 'import', fileWith('kapot.json', JSON.stringify(file)), '--tenant', 'zeist');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('2 problem(s):');
    expect(run.stderr).toContain('  producten[0].titel: Dit veld moet tekst zijn.');
    expect(run.stderr).toContain('  producten[1].aanvraagkanalen: Onbekende waarde(n) "duif"');
    expect(await countFor('zeist')).toBe(0);
  });

  it('exports JSON that imports into another tenant as the same catalogue', { timeout: TIMEOUT }, async () => {
    const out = join(workDir, 'export.json');
    const exported = await loket('kennisbank', 'export', '--tenant', 'utrecht', '--out', out);
    expect(exported.status, exported.stderr).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { producten: { slug: string; status: string }[]; synoniemen: string[][] };
    expect(json.producten).toHaveLength(DEMO_PRODUCTEN.length);
    expect(json.producten.every((product) => product.status === 'gepubliceerd')).toBe(true);
    const imported = await loket('kennisbank', 'import', out, '--tenant', 'zeist');
    expect(imported.status, imported.stderr).toBe(0);
    const again = await loket('kennisbank', 'export', '--tenant', 'zeist');
    const reexported = JSON.parse(again.stdout) as typeof json & { geexporteerdOp: string };
    expect(reexported.producten).toEqual(json.producten);
    expect(reexported.synoniemen).toEqual(json.synoniemen);
  });

  it('exports the flat fields as CSV and imports changed rows as new versions, keeping the sections', { timeout: TIMEOUT }, async () => {
    const exported = await loket('kennisbank', 'export', '--tenant', 'zeist', '--format', 'csv');
    expect(exported.status, exported.stderr).toBe(0);
    const [header, ...lines] = exported.stdout.trimEnd().split('\r\n');
    expect(header).toBe('slug,status,uplNaam,titel,samenvatting,doelgroepen,aanvraagkanalen,trefwoorden,gerelateerd,zaaktypeIdentificatie,publicatiedatum,reviewVoor');
    expect(lines).toHaveLength(DEMO_PRODUCTEN.length);
    const paspoort = lines.find((line) => line.startsWith('paspoort-aanvragen,')) ?? '';
    const changed = paspoort.replace('Paspoort aanvragen', 'Paspoort aanvragen of verlengen');
    const run = await loket('kennisbank', 'import', fileWith('wijziging.csv', `${header}\r\n${changed}\r\n`), '--tenant', 'zeist');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(': 0 new, 1 updated, 1 published.');
    const product = JSON.parse((await loket('kennisbank', 'export', '--tenant', 'zeist')).stdout) as { producten: { slug: string; titel: string; secties: { inleiding: string } }[] };
    const updated = product.producten.find((item) => item.slug === 'paspoort-aanvragen');
    expect(updated?.titel).toBe('Paspoort aanvragen of verlengen');
    expect(updated?.secties.inleiding).toContain('Met een paspoort kunt u reizen');
  });

  it('names the CSV lines that are wrong', { timeout: TIMEOUT }, async () => {
    const csv = 'slug,titel,doelgroepen\r\nnieuw-ding,Nieuw ding,inwoner\r\nander-ding,,bedrijven\r\n';
    const run = await loket('kennisbank', 'import', fileWith('fout.csv', csv), '--tenant', 'zeist');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('  regel 2: uplNaam: Dit veld is verplicht.');
    expect(run.stderr).toContain('  regel 3: titel: Dit veld is verplicht.');
    expect(run.stderr).toContain('  regel 3: doelgroepen: Onbekende waarde(n) "bedrijven"');
  });
});

describe('demo content', () => {
  it('has at least 40 products, each with a UPL name, summary, introduction and how to arrange it', () => {
    expect(DEMO_PRODUCTEN.length).toBeGreaterThanOrEqual(40);
    for (const product of DEMO_PRODUCTEN) {
      expect(product.upl, product.slug).not.toBe('');
      expect(product.inleiding, product.slug).toBeTruthy();
      expect(product.aanvraag, product.slug).toBeTruthy();
    }
    expect(readImportFile(demoExchangeFile(TODAY)).problems).toEqual([]);
  });

  it('is seeded once per tenant', async () => {
    const database = await createTestDatabase();
    try {
      const tenant = await createTestTenant(database.db);
      const { seedDemoKennisbank } = await import('./demo/seed.ts');
      expect(await seedDemoKennisbank(database.db, tenant.id, TODAY)).toMatchObject({ created: DEMO_PRODUCTEN.length });
      expect(await seedDemoKennisbank(database.db, tenant.id, TODAY)).toBeUndefined();
      expect(await productCount(database.db, tenant.id)).toBe(DEMO_PRODUCTEN.length);
    } finally {
      await database.close();
    }
  });
});
