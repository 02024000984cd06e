import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { createTestApp, createTestTenant, type TestApp } from '../../test/fixtures.ts';
import { signInStaff, type SignedInStaff } from '../../test/staff-session.ts';
import type { Tenant } from '../platform/database/schema.ts';
import { traceFromHeader } from '../platform/http/trace-context.ts';
import { seedTestOffer, type TestOffer } from './afspraken-test-fixtures.ts';
import { bookAfspraak, newSecret } from './service.ts';

const HTML = { accept: 'text/html' };

describe('appointments in the staff workspace', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let offer: TestOffer;
  let kcc: SignedInStaff;
  let beheerder: SignedInStaff;
  let otherBeheerder: SignedInStaff;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db, 'Gemeente Voorbeeld');
    other = await createTestTenant(database.db, 'Gemeente Anders');
    offer = await seedTestOffer(database.db, tenant.id, { balies: 2 });
    await seedTestOffer(database.db, other.id, { locatie: 'Raadhuis Anders' });
    kcc = await signInStaff(test, tenant, { roles: ['kcc'] });
    beheerder = await signInStaff(test, tenant, { roles: ['beheerder'] });
    otherBeheerder = await signInStaff(test, other, { roles: ['beheerder'] });
    const context = { db: database.db, keys: test.keys, request: { tenant, trace: traceFromHeader(undefined), apiCaller: undefined }, gemeente: tenant.name, siteUrl: 'https://test.example', now: new Date() };
    for (const [minuut, naam] of [[600, 'Karel Klant'], [630, 'Lotte Loket']] as const) {
      await bookAfspraak(context, tenant.id, { productId: offer.productId, locatieId: offer.locatieId, start: offer.at(minuut), naam, eMail: `${naam.split(' ')[0]?.toLowerCase() ?? ''}@example.org`, telefoon: '0612345678', opmerking: 'Met rolstoel', aanvraagSleutel: newSecret() });
    }
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  function get(staff: SignedInStaff, url: string) {
    return test.app.inject({ method: 'GET', url, headers: { ...staff.headers, ...HTML } });
  }

  function post(staff: SignedInStaff, url: string, payload: Record<string, string>) {
    return test.app.inject({ method: 'POST', url, headers: { ...staff.headers, ...HTML }, payload: { _csrf: staff.csrfToken, ...payload } });
  }

  it('shows the counter staff one location\'s appointments of a day, and logs that they saw personal data', async () => {
    const response = await get(kcc, `/medewerker/afspraken?locatie=${offer.locatieId}&datum=${offer.dag}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toContain('Karel Klant');
    expect(response.body).toContain('lotte@example.org');
    expect(response.body).toContain('10:00–10:30');
    expect(response.body).toContain('2 afspraken geboekt.');
    // No links to beheer for the KCC.
    expect(response.body).not.toContain('/medewerker/afspraken/locaties');
    const logged = await database.db.selectFrom('processing_log').select(['actor', 'processing_activity_id', 'data_subject_id_type']).where('tenant_id', '=', tenant.id).where('name', '=', 'afspraken-inzien').execute();
    expect(logged).toHaveLength(2);
    expect(logged[0]).toEqual({ actor: 'medewerker:kcc', processing_activity_id: 'afspraak-balie', data_subject_id_type: 'E-MAILADRES' });
  });

  it('keeps each municipality\'s appointments to its own staff', async () => {
    const response = await get(otherBeheerder, `/medewerker/afspraken?locatie=${offer.locatieId}&datum=${offer.dag}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('Karel Klant');
    expect(response.body).toContain('Raadhuis Anders');
    expect((await get(otherBeheerder, `/medewerker/afspraken/locaties/${offer.locatieId}`)).statusCode).toBe(404);
    expect((await get(otherBeheerder, `/medewerker/afspraken/producten/${offer.productId}`)).statusCode).toBe(404);
  });

  it('leaves the configuration to beheerders', async () => {
    expect((await get(kcc, '/medewerker/afspraken/locaties')).statusCode).toBe(403);
    expect((await post(kcc, '/medewerker/afspraken/locaties/nieuw', { naam: 'X', adres: 'Y' })).statusCode).toBe(403);
    const anonymous = await test.app.inject({ method: 'GET', url: '/medewerker/afspraken', headers: { host: kcc.headers.host, ...HTML } });
    expect([302, 303, 401]).toContain(anonymous.statusCode);
  });

  it('adds a location with its opening hours, reporting every mistake beside its field', async () => {
    const wrong = await post(beheerder, '/medewerker/afspraken/locaties/nieuw', { naam: '', adres: 'Dorpsstraat 3', postcode: '12', maandag: '9-12', dinsdag: '13:00-12:00', woensdag: '09:00-12:00, 11:00-13:00' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Er is een probleem');
    expect(wrong.body).toContain('href="#naam"');
    expect(wrong.body).toContain('href="#postcode"');
    expect(wrong.body).toContain('Maandag: Schrijf de tijden als 09:00-12:30');
    expect(wrong.body).toContain('Dinsdag: De periode 13:00-12:00 eindigt niet na het begin.');
    expect(wrong.body).toContain('Woensdag: De perioden overlappen elkaar.');
    expect(wrong.body).toMatch(/id="maandag"[^>]*aria-invalid="true"/);

    const saved = await post(beheerder, '/medewerker/afspraken/locaties/nieuw', { naam: 'Servicepunt Zuid', adres: 'Zuidplein 2', postcode: '1234ab', plaats: 'Voorbeeld', actief: 'ja', maandag: '09:00-12:30, 13:30-17:00', donderdag: '18:00-20:00' });
    expect(saved.statusCode).toBe(303);
    const location = await database.db.selectFrom('afspraak_locaties').select(['id', 'postcode']).where('tenant_id', '=', tenant.id).where('naam', '=', 'Servicepunt Zuid').executeTakeFirstOrThrow();
    expect(location.postcode).toBe('1234 AB');
    const edit = await get(beheerder, `/medewerker/afspraken/locaties/${location.id}`);
    expect(edit.body).toContain('value="09:00-12:30, 13:30-17:00"');
    expect(edit.body).toContain('value="18:00-20:00"');
  });

  it('sets a product\'s length and counters per location', async () => {
    const edit = await get(beheerder, `/medewerker/afspraken/producten/${offer.productId}`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain(`id="balies-${offer.locatieId}"`);
    const wrong = await post(beheerder, `/medewerker/afspraken/producten/${offer.productId}`, { naam: 'Paspoort', duur: '3', actief: 'ja', [`balies-${offer.locatieId}`]: '-1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Vul de duur in als een heel aantal minuten, van 5 tot en met 240.');
    expect(wrong.body).toContain('Vul een aantal balies in van 0 tot en met 50.');
    const saved = await post(beheerder, `/medewerker/afspraken/producten/${offer.productId}`, { naam: 'Paspoort', duur: '20', actief: 'ja', [`balies-${offer.locatieId}`]: '4' });
    expect(saved.statusCode).toBe(303);
    const capacity = await database.db.selectFrom('afspraak_capaciteit').select('balies').where('product_id', '=', offer.productId).execute();
    expect(capacity).toEqual([{ balies: 4 }]);
  });

  it('adds and removes a closing day, which then offers no times', async () => {
    const added = await post(beheerder, '/medewerker/afspraken/sluitingsdagen', { datum: offer.dag, locatie: '', omschrijving: 'Personeelsdag' });
    expect(added.statusCode).toBe(303);
    const twice = await post(beheerder, '/medewerker/afspraken/sluitingsdagen', { datum: offer.dag, locatie: '', omschrijving: 'Nogmaals' });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('Deze dag staat al als sluitingsdag in de lijst.');
    const days = await test.app.inject({ method: 'GET', url: `/afspraak/datum?product=${offer.productId}&locatie=${offer.locatieId}`, headers: { host: kcc.headers.host, ...HTML } });
    expect(days.body).not.toContain(`datum=${offer.dag}`);
    const row = await database.db.selectFrom('afspraak_sluitingsdagen').select('id').where('tenant_id', '=', tenant.id).where('omschrijving', '=', 'Personeelsdag').executeTakeFirstOrThrow();
    expect((await post(otherBeheerder, `/medewerker/afspraken/sluitingsdagen/${row.id}/verwijderen`, {})).statusCode).toBe(404);
    expect((await post(beheerder, `/medewerker/afspraken/sluitingsdagen/${row.id}/verwijderen`, {})).statusCode).toBe(303);
  });
});
