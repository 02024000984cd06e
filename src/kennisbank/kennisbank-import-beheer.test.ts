import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { testEngine } from '../../test/engine.ts';
import { createTestApp, createTestTenant, type TestApp } from '../../test/fixtures.ts';
import { signInStaff, type SignedInStaff } from '../../test/staff-session.ts';
import { waitUntil } from '../../test/wait-until.ts';
import type { Tenant } from '../platform/database/schema.ts';
import { demoExchangeFile } from './demo/seed.ts';
import { progressWriter } from './importen/progress.ts';
import { findImportJob, finishImportJob, insertImportJob } from './importen/repository.ts';

const BEHEER = '/medewerker/kennisbank';
const TODAY = '2026-03-02';
const TIMEOUT = 120_000;

/** A multipart/form-data body as a browser sends the import form. */
function multipart(fields: Record<string, string>, file?: { name: string; content: string; type?: string }): { body: Buffer; contentType: string } {
  const boundary = `----loket${Math.random().toString(16).slice(2)}`;
  const parts: string[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  if (file) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/json'}\r\n\r\n${file.content}\r\n`);
  parts.push(`--${boundary}--\r\n`);
  return { body: Buffer.from(parts.join(''), 'utf8'), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** An exchange file of `count` new products (slugs `<prefix>-1` …), built from the demo texts. */
function exchangeFile(prefix: string, count: number): { formaat: string; versie: number; producten: Record<string, unknown>[] } {
  const demo = demoExchangeFile(TODAY) as { formaat: string; versie: number; producten: Record<string, unknown>[] };
  const producten = Array.from({ length: count }, (_, index) => {
    const base = demo.producten[index % demo.producten.length] ?? {};
    return { ...base, slug: `${prefix}-${index + 1}`, gerelateerd: [], status: 'concept' };
  });
  return { formaat: demo.formaat, versie: demo.versie, producten };
}

describe('kennisbank import from the beheer pages', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let beheerder: SignedInStaff;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db);
    beheerder = await signInStaff(test, tenant, { roles: ['beheerder'], displayName: 'Ben Beheerder' });
  }, TIMEOUT);

  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  function upload(file: { name: string; content: string; type?: string } | undefined, staff: SignedInStaff = beheerder, csrf: string | null = staff.csrfToken) {
    const { body, contentType } = multipart(csrf === null ? {} : { _csrf: csrf }, file);
    return test.app.inject({ method: 'POST', url: `${BEHEER}/importeren`, headers: { ...staff.headers, accept: 'text/html', 'content-type': contentType }, payload: body });
  }

  function get(url: string, staff: SignedInStaff = beheerder, accept = 'text/html') {
    return test.app.inject({ method: 'GET', url, headers: { ...staff.headers, accept } });
  }

  async function productCount(tenantId: string, prefix: string): Promise<number> {
    const row = await database.db
      .selectFrom('kennisbank_producten')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('slug', 'like', `${prefix}-%`)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Uploads, follows the redirect and waits until the import has ended; returns the job's status path and JSON. */
  async function importAndWait(file: { name: string; content: string; type?: string }) {
    const response = await upload(file);
    expect(response.statusCode).toBe(303);
    const location = String(response.headers.location);
    expect(location).toMatch(/^\/medewerker\/kennisbank\/importen\/[0-9a-f-]{36}$/);
    let status: { status: string; totaal: number; verwerkt: number; tekst: string; aantalFouten: number } | undefined;
    await waitUntil('the import has ended', async () => {
      status = (await get(`${location}/status`, beheerder, 'application/json')).json();
      return status?.status !== 'bezig';
    }, 60_000);
    return { location, status: status as NonNullable<typeof status> };
  }

  it('is for the beheerder only', async () => {
    const kcc = await signInStaff(test, tenant, { roles: ['kcc'] });
    expect((await get(`${BEHEER}/importeren`, kcc)).statusCode).toBe(403);
    expect((await upload({ name: 'a.json', content: '{}' }, kcc)).statusCode).toBe(403);
    const job = await insertImportJob(database.db, tenant.id, { bestandsnaam: 'x.json', door: 'test' });
    await finishImportJob(database.db, tenant.id, job.uuid, { status: 'mislukt', fouten: [] });
    expect((await get(`${BEHEER}/importen/${job.uuid}`, kcc)).statusCode).toBe(403);
    expect((await get(`${BEHEER}/importen/${job.uuid}/status`, kcc, 'application/json')).statusCode).toBe(403);
    expect((await get(`${BEHEER}/importeren`)).statusCode).toBe(200);
  });

  it('refuses an upload without the session CSRF token and starts nothing', async () => {
    const response = await upload({ name: 'k.json', content: JSON.stringify(exchangeFile('csrf', 1)) }, beheerder, null);
    expect(response.body).toContain('Het formulier is verlopen');
    expect(response.statusCode).toBe(403);
    expect(await productCount(tenant.id, 'csrf')).toBe(0);
  });

  it('asks for a file when none is chosen', async () => {
    const response = await upload(undefined);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Kies een bestand om te importeren.');
    expect(response.body).toContain('id="bestand-fout"');
  });

  it('imports a JSON exchange file as a background job and records its progress and result', { timeout: TIMEOUT }, async () => {
    const { location, status } = await importAndWait({ name: 'kennisbank.json', content: JSON.stringify(exchangeFile('groot', 620)) });
    expect(status).toMatchObject({ status: 'voltooid', totaal: 620, verwerkt: 620, aantalFouten: 0 });
    expect(status.tekst).toBe('Klaar: 620 producten geïmporteerd (620 nieuw, 0 bijgewerkt, 0 gepubliceerd).');
    expect(await productCount(tenant.id, 'groot')).toBe(620);
    const page = await get(location);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Import voltooid');
    expect(page.body).toContain('door Ben Beheerder (');
    const list = await get(`${BEHEER}/importeren`);
    expect(list.body).toContain(`href="${location}"`);
  });

  it('imports nothing when one product is wrong, and names every problem by its product', { timeout: TIMEOUT }, async () => {
    const file = exchangeFile('fout', 300);
    const second = file.producten[1];
    const last = file.producten[299];
    if (!second || !last) throw new Error('file too small');
    second.titel = '';
    last.gerelateerd = ['bestaat-niet'];
    const checked = await importAndWait({ name: 'fout.json', content: JSON.stringify(file) });
    expect(checked.status).toMatchObject({ status: 'mislukt', verwerkt: 0, aantalFouten: 1 });
    const page = await get(checked.location);
    expect(page.body).toContain('Import mislukt: niets geïmporteerd');
    expect(page.body).toContain('<td>Product 2: titel</td>');

    // Found only against the database, inside the import's transaction: that transaction is rolled back too.
    second.titel = 'Weer goed';
    const written = await importAndWait({ name: 'fout.json', content: JSON.stringify(file) });
    expect(written.status).toMatchObject({ status: 'mislukt', verwerkt: 0, aantalFouten: 1 });
    expect((await get(written.location)).body).toContain('<td>Product 300: gerelateerd</td>');
    expect(await productCount(tenant.id, 'fout')).toBe(0);
  });

  it('names a CSV problem by its line', { timeout: TIMEOUT }, async () => {
    const csv = 'slug,titel,uplNaam,samenvatting,doelgroepen\r\ncsv-een,Een,Een,Eerste,inwoner\r\ncsv-twee,,Twee,Tweede,inwoner\r\n';
    const { location, status } = await importAndWait({ name: 'plat.csv', content: csv, type: 'text/csv' });
    expect(status.status).toBe('mislukt');
    expect((await get(location)).body).toContain('<td>regel 3: titel</td>');
    expect(await productCount(tenant.id, 'csv')).toBe(0);
  });

  it('refuses a second import while one runs for the tenant, with a readable message', async () => {
    const running = await insertImportJob(database.db, tenant.id, { bestandsnaam: 'loopt.json', door: 'Collega' });
    const response = await upload({ name: 'tweede.json', content: JSON.stringify(exchangeFile('tweede', 2)) });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('Er loopt al een import voor deze gemeente.');
    expect(response.body).toContain(`href="/medewerker/kennisbank/importen/${running.uuid}"`);
    expect(await productCount(tenant.id, 'tweede')).toBe(0);

    // Another tenant is not held up by it.
    const other = await createTestTenant(database.db, 'Gemeente Anders');
    const otherBeheerder = await signInStaff(test, other, { roles: ['beheerder'] });
    const elsewhere = await upload({ name: 'anders.json', content: JSON.stringify(exchangeFile('anders', 2)) }, otherBeheerder);
    expect(elsewhere.statusCode).toBe(303);

    // An import that stopped reporting long ago (its process died) no longer blocks.
    await database.db.updateTable('kennisbank_importen').set({ bijgewerkt_op: sql<Date>`now() - interval '1 hour'` }).where('uuid', '=', running.uuid).execute();
    const { status } = await importAndWait({ name: 'tweede.json', content: JSON.stringify(exchangeFile('tweede', 2)) });
    expect(status.status).toBe('voltooid');
    expect((await findImportJob(database.db, tenant.id, running.uuid))?.status).toBe('mislukt');
  });

  it('keeps one tenant’s imports from another', async () => {
    const job = await insertImportJob(database.db, tenant.id, { bestandsnaam: 'eigen.json', door: 'Ben' });
    await finishImportJob(database.db, tenant.id, job.uuid, { status: 'voltooid', totaal: 1, resultaat: { created: 1, updated: 0, published: 0, synoniemen: null } });
    const other = await createTestTenant(database.db, 'Gemeente Elders');
    const otherBeheerder = await signInStaff(test, other, { roles: ['beheerder'] });
    expect((await get(`${BEHEER}/importen/${job.uuid}`, otherBeheerder)).statusCode).toBe(404);
    expect((await get(`${BEHEER}/importen/${job.uuid}/status`, otherBeheerder, 'application/json')).statusCode).toBe(404);
    expect((await get(`${BEHEER}/importeren`, otherBeheerder)).body).not.toContain('eigen.json');
  });

  it('writes progress forward only and never over a finished import', async () => {
    const job = await insertImportJob(database.db, tenant.id, { bestandsnaam: 'voortgang.json', door: 'Ben' });
    const writer = progressWriter(database.db, tenant.id, job.uuid, (error) => {
      throw error;
    });
    writer.report({ fase: 'controleren', totaal: 10, verwerkt: 10 });
    writer.report({ fase: 'importeren', totaal: 10, verwerkt: 4 });
    await writer.settled();
    expect(await findImportJob(database.db, tenant.id, job.uuid)).toMatchObject({ fase: 'importeren', verwerkt: 4, totaal: 10 });
    writer.report({ fase: 'controleren', totaal: 10, verwerkt: 9 });
    await writer.settled();
    expect(await findImportJob(database.db, tenant.id, job.uuid)).toMatchObject({ fase: 'importeren', verwerkt: 4 });
    await finishImportJob(database.db, tenant.id, job.uuid, { status: 'voltooid', totaal: 10, resultaat: { created: 10, updated: 0, published: 0, synoniemen: null } });
    writer.report({ fase: 'importeren', totaal: 10, verwerkt: 5 });
    await writer.settled();
    writer.end();
    expect(await findImportJob(database.db, tenant.id, job.uuid)).toMatchObject({ status: 'voltooid', verwerkt: 10 });
  });

  // Progress written outside the import's transaction is visible while it runs. The embedded database has one session,
  // so nothing outside the transaction can run until it ends: there the status page reads the process's live progress.
  it.skipIf(testEngine().kind !== 'postgres')('shows progress from outside the import’s transaction while the import runs', { timeout: TIMEOUT }, async () => {
    const blocker = await createTestTenant(database.db, 'Gemeente Voortgang');
    const staff = await signInStaff(test, blocker, { roles: ['beheerder'] });
    const existing = exchangeFile('bestaand', 1);
    const first = await upload({ name: 'bestaand.json', content: JSON.stringify(existing) }, staff);
    await waitUntil('the first import has ended', async () => (await get(`${String(first.headers.location)}/status`, staff, 'application/json')).json().status !== 'bezig');

    // The new products are written first (in batches, progress after each); the existing one last. Holding its row
    // lock keeps the import's transaction open just before its end.
    const file = exchangeFile('nieuw', 520);
    file.producten.push({ ...existing.producten[0], titel: 'Bijgewerkt' });
    await database.db.transaction().execute(async (trx) => {
      await trx.selectFrom('kennisbank_producten').select('uuid').where('tenant_id', '=', blocker.id).where('slug', '=', 'bestaand-1').forUpdate().execute();
      const response = await upload({ name: 'nieuw.json', content: JSON.stringify(file) }, staff);
      const location = String(response.headers.location);
      await waitUntil('the progress row shows the written batches', async () => {
        const status = (await get(`${location}/status`, staff, 'application/json')).json();
        return status.verwerkt === 520;
      }, 60_000);
      const uuid = location.split('/').pop() ?? '';
      expect(await findImportJob(database.db, blocker.id, uuid)).toMatchObject({ status: 'bezig', fase: 'importeren', totaal: 521, verwerkt: 520 });
      const page = await get(location, staff);
      expect(page.body).toContain('<progress id="import-voortgang" max="521" value="520"');
      expect(page.body).toContain('Importeren: 520 van 521 producten geïmporteerd.');
      // All or nothing: none of the written products is visible outside the import's transaction yet.
      expect(await productCount(blocker.id, 'nieuw')).toBe(0);
    });
    await waitUntil('the import has ended', async () => (await productCount(blocker.id, 'nieuw')) === 520, 60_000);
  });
});

describe('kennisbank import size limit', () => {
  let database: TestDatabase;
  let test: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database, { LOKET_KENNISBANK_IMPORT_MAX_BYTES: '4096' });
  }, TIMEOUT);

  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  it('refuses a file over the limit with a clear message and starts nothing', async () => {
    const tenant = await createTestTenant(database.db);
    const beheerder = await signInStaff(test, tenant, { roles: ['beheerder'] });
    const { body, contentType } = multipart({ _csrf: beheerder.csrfToken }, { name: 'groot.json', content: 'x'.repeat(5000) });
    const response = await test.app.inject({ method: 'POST', url: `${BEHEER}/importeren`, headers: { ...beheerder.headers, accept: 'text/html', 'content-type': contentType }, payload: body });
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('Het bestand is te groot: het mag hoogstens 4 kB zijn.');
    const jobs = await database.db.selectFrom('kennisbank_importen').select('uuid').where('tenant_id', '=', tenant.id).execute();
    expect(jobs).toEqual([]);
  });
});
