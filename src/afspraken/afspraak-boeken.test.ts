import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { createTestApp, createTestTenant, hostOf, type TestApp } from '../../test/fixtures.ts';
import { csrfTokenIn, responseCookie } from '../../test/staff-session.ts';
import type { Tenant } from '../platform/database/schema.ts';
import type { MailMessage } from '../platform/mail/mailer.ts';
import { seedTestOffer, type TestOffer } from './afspraken-test-fixtures.ts';
import { addDays, formatDatumLang } from './amsterdam-time.ts';

const HTML = { accept: 'text/html' };
const FORM_COOKIE = 'loket_afspraak_formulier';

describe('booking a counter appointment on the portal', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let offer: TestOffer;
  let address = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db, 'Gemeente Voorbeeld');
    other = await createTestTenant(database.db, 'Gemeente Anders');
    offer = await seedTestOffer(database.db, tenant.id);
  });

  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  /** Each booking from an address of its own, so the rate limit is tested on its own. */
  const nextAddress = () => `10.1.${Math.floor(++address / 250)}.${(address % 250) + 1}`;

  function get(url: string, forTenant: Tenant = tenant) {
    return test.app.inject({ method: 'GET', url, headers: { host: hostOf(forTenant), ...HTML } });
  }

  function gegevensUrl(start: Date, productId = offer.productId, locatieId = offer.locatieId): string {
    return `/afspraak/gegevens?product=${productId}&locatie=${locatieId}&start=${encodeURIComponent(start.toISOString())}`;
  }

  interface OpenForm {
    cookie: string;
    csrf: string;
    aanvraag: string;
    page: LightMyRequestResponse;
  }

  function formOf(page: LightMyRequestResponse, cookie?: string): OpenForm {
    const value = responseCookie(page, FORM_COOKIE);
    const aanvraag = /name="aanvraag" value="([^"]+)"/.exec(page.body)?.[1];
    if (aanvraag === undefined) throw new Error(`no form on the page (${page.statusCode})`);
    return { cookie: cookie ?? `${FORM_COOKIE}=${value ?? ''}`, csrf: csrfTokenIn(page.body), aanvraag, page };
  }

  async function openForm(start: Date): Promise<OpenForm> {
    return formOf(await get(gegevensUrl(start)));
  }

  function post(url: string, form: OpenForm, payload: Record<string, string>, options: { remoteAddress?: string; forTenant?: Tenant } = {}) {
    return test.app.inject({
      method: 'POST',
      url,
      headers: { host: hostOf(options.forTenant ?? tenant), cookie: form.cookie, ...HTML },
      remoteAddress: options.remoteAddress ?? nextAddress(),
      payload: { _csrf: form.csrf, ...payload },
    });
  }

  function book(form: OpenForm, start: Date, fields: Record<string, string> = {}, options: { remoteAddress?: string } = {}) {
    return post('/afspraak/gegevens', form, { aanvraag: form.aanvraag, product: offer.productId, locatie: offer.locatieId, start: start.toISOString(), naam: 'Jan Jansen', e_mail: 'jan@example.org', telefoon: '06 12345678', opmerking: '', ...fields }, options);
  }

  async function mails(to: string): Promise<MailMessage[]> {
    const rows = await database.db.selectFrom('outbox').select('payload').where('tenant_id', '=', tenant.id).where('kind', '=', 'mail').orderBy('id').execute();
    return rows.map((row) => row.payload as MailMessage).filter((message) => message.to === to);
  }

  /** The management link's token from the newest e-mail to `to`. */
  async function tokenFor(to: string): Promise<string> {
    const last = (await mails(to)).at(-1);
    const token = /\/afspraak\/wijzigen\/([A-Za-z0-9_-]{43})/.exec(last?.text ?? '')?.[1];
    if (!token) throw new Error(`no management link in the mail to ${to}`);
    return token;
  }

  async function bookedRows() {
    return database.db.selectFrom('afspraken').selectAll().where('tenant_id', '=', tenant.id).orderBy('created_at').execute();
  }

  it('walks product, location, day and time to the details form, without a closed day', async () => {
    const products = await get('/afspraak');
    expect(products.statusCode).toBe(200);
    expect(products.body).toContain(`href="/afspraak/locatie?product=${offer.productId}"`);
    expect(products.body).toContain('Paspoort aanvragen');

    const locations = await get(`/afspraak/locatie?product=${offer.productId}`);
    expect(locations.body).toContain(`href="/afspraak/datum?product=${offer.productId}&amp;locatie=${offer.locatieId}"`);
    expect(locations.body).toContain('Stadhuis');

    const days = await get(`/afspraak/datum?product=${offer.productId}&locatie=${offer.locatieId}`);
    expect(days.statusCode).toBe(200);
    expect(days.body).toContain(`datum=${offer.dag}`);
    expect(days.body).toContain(formatDatumLang(offer.dag));
    expect(days.body).not.toContain(`datum=${offer.gesloten}`);
    // Six weeks ahead and no further.
    expect((days.body.match(/datum=\d{4}-\d{2}-\d{2}/g) ?? []).length).toBeLessThanOrEqual(42);

    const times = await get(`/afspraak/tijd?product=${offer.productId}&locatie=${offer.locatieId}&datum=${offer.dag}`);
    expect(times.statusCode).toBe(200);
    expect(times.body).toContain('>09:00</a>');
    expect(times.body).toContain('>16:30</a>');
    expect(times.body).not.toContain('>17:00</a>');
    expect(times.body).toContain(`start=${encodeURIComponent(offer.at(600).toISOString())}`);

    const form = await get(gegevensUrl(offer.at(600)));
    expect(form.statusCode).toBe(200);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.body).toContain('<label class="utrecht-form-label" for="naam">Naam</label>');
    expect(form.body).toContain('autocomplete="email"');
    expect(form.body).toContain('Telefoonnummer (niet verplicht)');
  });

  it('books, redirects to the confirmation and queues the e-mail with the calendar file in the same transaction', async () => {
    const form = await openForm(offer.at(9 * 60 + 30));
    const response = await book(form, offer.at(9 * 60 + 30), { naam: 'Anna de Vries', e_mail: 'anna@example.org' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/afspraak/bevestiging/${form.aanvraag}`);

    const confirmation = await get(`/afspraak/bevestiging/${form.aanvraag}`);
    expect(confirmation.statusCode).toBe(200);
    expect(confirmation.body).toContain('Uw afspraak is gemaakt');
    expect(confirmation.body).toContain('van 09:30 tot 10:00');
    expect(confirmation.body).toContain('anna@example.org');

    const [mail] = await mails('anna@example.org');
    expect(mail?.subject).toBe('Bevestiging van uw afspraak: Paspoort aanvragen');
    expect(mail?.text).toContain('Beste Anna de Vries,');
    expect(mail?.text).toMatch(/http:\/\/[^/]+\/afspraak\/wijzigen\/[A-Za-z0-9_-]{43}/);
    const ics = mail?.attachments?.[0]?.content ?? '';
    expect(ics).toContain('METHOD:PUBLISH\r\n');
    expect(ics).toContain(`DTSTART:${offer.at(9 * 60 + 30).toISOString().replace(/[-:]/g, '').replace('.000', '')}\r\n`);

    const rows = (await bookedRows()).filter((row) => row.e_mail === 'anna@example.org');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe('geboekt');
    // Only the token's hash is kept.
    expect(mail?.text).not.toContain(rows[0]?.beheer_token_hash ?? 'x');
    const logged = await database.db.selectFrom('processing_log').select(['name', 'processing_activity_id', 'actor']).where('tenant_id', '=', tenant.id).where('name', '=', 'afspraak-maken').execute();
    expect(logged).toContainEqual({ name: 'afspraak-maken', processing_activity_id: 'afspraak-balie', actor: 'publiek' });
  });

  it('books once when the same form is submitted twice', async () => {
    const start = offer.at(11 * 60);
    const form = await openForm(start);
    const first = await book(form, start, { e_mail: 'dubbel@example.org' });
    const second = await book(form, start, { e_mail: 'dubbel@example.org' });
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);
    expect((await bookedRows()).filter((row) => row.e_mail === 'dubbel@example.org')).toHaveLength(1);
    expect(await mails('dubbel@example.org')).toHaveLength(1);
    // The confirmation page's address stays in the browser's history: after a day it shows nothing more.
    await database.db.updateTable('afspraken').set({ created_at: new Date(Date.now() - 25 * 3_600_000) }).where('tenant_id', '=', tenant.id).where('e_mail', '=', 'dubbel@example.org').execute();
    expect((await get(first.headers.location ?? '')).statusCode).toBe(404);
  });

  it('shows every problem in an error summary and beside its field, keeping what was typed', async () => {
    const start = offer.at(12 * 60);
    const form = await openForm(start);
    const response = await book(form, start, { naam: '  ', e_mail: 'geen-adres', telefoon: '12ab', opmerking: 'Rolstoel' });
    expect(response.statusCode).toBe(400);
    const body = response.body;
    expect(body).toContain('<title>Fout: Uw gegevens - Paspoort aanvragen - Gemeente Voorbeeld</title>');
    expect(body).toContain('Er is een probleem');
    expect(body).toContain('<a class="utrecht-link" href="#naam">Vul uw naam in.</a>');
    expect(body).toContain('<a class="utrecht-link" href="#e_mail">Vul een e-mailadres in zoals naam@voorbeeld.nl.</a>');
    expect(body).toContain('href="#telefoon"');
    expect(body).toMatch(/<p class="portaal-fout" id="e_mail-fout"><span class="loket-visually-hidden">Fout: <\/span>Vul een e-mailadres in/);
    expect(body).toMatch(/id="e_mail"[^>]*aria-invalid="true"[^>]*aria-describedby="e_mail-hint e_mail-fout"/);
    expect(body).toContain('value="geen-adres"');
    expect(body).toContain('>Rolstoel</textarea>');
    // The same form key stays, so correcting and sending still books once.
    expect(body).toContain(`name="aanvraag" value="${form.aanvraag}"`);
    expect((await bookedRows()).filter((row) => row.starttijd.getTime() === start.getTime())).toHaveLength(0);
  });

  it('refuses a booking without the form cookie (CSRF) and from another site', async () => {
    const start = offer.at(12 * 60 + 30);
    const form = await openForm(start);
    const noCookie = await book({ ...form, cookie: '' }, start);
    expect(noCookie.statusCode).toBe(403);
    const crossSite = await test.app.inject({
      method: 'POST',
      url: '/afspraak/gegevens',
      headers: { host: hostOf(tenant), cookie: form.cookie, origin: 'https://kwaadaardig.example', ...HTML },
      payload: { _csrf: form.csrf, aanvraag: form.aanvraag, product: offer.productId, locatie: offer.locatieId, start: start.toISOString(), naam: 'X', e_mail: 'x@example.org' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect((await bookedRows()).filter((row) => row.starttijd.getTime() === start.getTime())).toHaveLength(0);
  });

  it('tells the second resident the time was just taken, and no longer offers a full time', async () => {
    const start = offer.at(13 * 60);
    const first = await openForm(start);
    const second = await openForm(start);
    expect((await book(first, start, { e_mail: 'eerst@example.org' })).statusCode).toBe(303);
    const late = await book(second, start, { e_mail: 'later@example.org' });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Deze tijd is net door iemand anders geboekt. Kies een andere tijd.');
    expect(late.body).not.toContain('>13:00</a>');
    const times = await get(`/afspraak/tijd?product=${offer.productId}&locatie=${offer.locatieId}&datum=${offer.dag}`);
    expect(times.body).not.toContain('>13:00</a>');
    expect(times.body).toContain('>13:30</a>');
  });

  it('gives the last place to exactly one of 20 residents sending the form at the same moment', async () => {
    const start = offer.at(16 * 60 + 30);
    const forms = await Promise.all(Array.from({ length: 20 }, () => openForm(start)));
    const responses = await Promise.all(forms.map((form, i) => book(form, start, { e_mail: `tegelijk${i}@example.org` })));
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses.filter((status) => status === 303)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    expect((await bookedRows()).filter((row) => row.starttijd.getTime() === start.getTime() && row.status === 'geboekt')).toHaveLength(1);
  });

  it('does not offer or book a closed day, a past time or a time that is no slot', async () => {
    const closed = await get(gegevensUrl(offer.at(600, offer.gesloten)));
    expect(closed.body).toContain('Deze tijd is niet meer beschikbaar');
    expect(closed.body).not.toContain('name="aanvraag"');
    const form = await openForm(offer.at(14 * 60));
    // Closed, past, within the hour before, off the slot grid, and beyond the six weeks (closing days unknown there).
    for (const start of [offer.at(600, offer.gesloten), new Date(Date.now() - 3_600_000), new Date(Date.now() + 30 * 60_000), offer.at(14 * 60 + 7), offer.at(600, addDays(offer.dag, 60))]) {
      const response = await book(form, start, { e_mail: 'ongeldig@example.org' });
      expect(response.statusCode).toBe(409);
    }
    expect(await mails('ongeldig@example.org')).toHaveLength(0);
  });

  it('cancels with the link from the e-mail after a confirm step, frees the place and mails METHOD:CANCEL', async () => {
    const start = offer.at(14 * 60 + 30);
    expect((await book(await openForm(start), start, { e_mail: 'annuleer@example.org' })).statusCode).toBe(303);
    const token = await tokenFor('annuleer@example.org');

    const overview = await get(`/afspraak/wijzigen/${token}`);
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('Afspraak annuleren');
    expect(overview.body).toContain('van 14:30 tot 15:00');

    // The resident's details were shown through the link: logged.
    const shown = await database.db.selectFrom('processing_log').select('attributes').where('tenant_id', '=', tenant.id).where('name', '=', 'afspraak-inzien').execute();
    expect(shown.length).toBeGreaterThan(0);

    const confirm = await get(`/afspraak/wijzigen/${token}/annuleren`);
    expect(confirm.body).toContain('Weet u zeker dat u deze afspraak wilt annuleren?');
    const cancelForm = { cookie: `${FORM_COOKIE}=${responseCookie(confirm, FORM_COOKIE) ?? ''}`, csrf: csrfTokenIn(confirm.body), aanvraag: '', page: confirm };
    const cancelled = await post(`/afspraak/wijzigen/${token}/annuleren`, cancelForm, {});
    expect(cancelled.statusCode).toBe(303);
    expect(cancelled.headers.location).toBe(`/afspraak/wijzigen/${token}?melding=geannuleerd`);

    const after = await get(`/afspraak/wijzigen/${token}?melding=geannuleerd`);
    expect(after.body).toContain('Uw afspraak is geannuleerd. U krijgt hierover een e-mail.');
    expect(after.body).not.toContain('href="/afspraak/wijzigen/');
    const [, cancelMail] = await mails('annuleer@example.org');
    expect(cancelMail?.subject).toBe('Uw afspraak is geannuleerd: Paspoort aanvragen');
    const ics = cancelMail?.attachments?.[0]?.content ?? '';
    expect(ics).toContain('METHOD:CANCEL\r\n');
    expect(ics).toContain('SEQUENCE:1\r\n');

    // Cancelling again says so instead of failing; the place is free for someone else.
    expect((await post(`/afspraak/wijzigen/${token}/annuleren`, cancelForm, {})).statusCode).toBe(303);
    expect((await get(`/afspraak/wijzigen/${token}/annuleren`)).body).toContain('Deze afspraak is geannuleerd');
    expect((await book(await openForm(start), start, { e_mail: 'opvolger@example.org' })).statusCode).toBe(303);
  });

  it('changes to another time: old place released, new one taken, same UID with a higher SEQUENCE, the link still works', async () => {
    const start = offer.at(15 * 60);
    const next = offer.at(15 * 60 + 30);
    expect((await book(await openForm(start), start, { e_mail: 'verzet@example.org' })).statusCode).toBe(303);
    const token = await tokenFor('verzet@example.org');
    const locations = await get(`/afspraak/wijzigen/${token}/locatie`);
    expect(locations.body).toContain(`href="/afspraak/wijzigen/${token}/datum?locatie=${offer.locatieId}"`);
    const times = await get(`/afspraak/wijzigen/${token}/tijd?locatie=${offer.locatieId}&datum=${offer.dag}`);
    expect(times.body).toContain(`/afspraak/wijzigen/${token}/bevestigen?locatie=${offer.locatieId}&amp;start=${encodeURIComponent(next.toISOString())}`);

    const confirm = await get(`/afspraak/wijzigen/${token}/bevestigen?locatie=${offer.locatieId}&start=${encodeURIComponent(next.toISOString())}`);
    expect(confirm.body).toContain('Nieuwe tijd bevestigen');
    const form = formOf(confirm);
    const changed = await post(`/afspraak/wijzigen/${token}/bevestigen`, form, { aanvraag: form.aanvraag, locatie: offer.locatieId, start: next.toISOString() });
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe(`/afspraak/wijzigen/${token}?melding=gewijzigd`);
    // The same form again changes nothing more.
    expect((await post(`/afspraak/wijzigen/${token}/bevestigen`, form, { aanvraag: form.aanvraag, locatie: offer.locatieId, start: next.toISOString() })).statusCode).toBe(303);

    const rows = (await bookedRows()).filter((row) => row.e_mail === 'verzet@example.org');
    expect(rows.map((row) => row.status)).toEqual(['verplaatst', 'geboekt']);
    expect(rows[1]?.vorige_afspraak_id).toBe(rows[0]?.id);
    expect(rows[1]?.starttijd.getTime()).toBe(next.getTime());
    expect(rows[1]?.ics_uid).toBe(rows[0]?.ics_uid);
    const [booked, update] = await mails('verzet@example.org');
    expect(update?.subject).toBe('Uw afspraak is gewijzigd: Paspoort aanvragen');
    const uid = /UID:(.+)\r\n/.exec(booked?.attachments?.[0]?.content ?? '')?.[1];
    expect(uid).toBeDefined();
    expect(update?.attachments?.[0]?.content).toContain(`UID:${uid ?? ''}\r\n`);
    expect(update?.attachments?.[0]?.content).toContain('SEQUENCE:1\r\n');
    expect(update?.attachments?.[0]?.content).toContain('METHOD:PUBLISH\r\n');

    const page = await get(`/afspraak/wijzigen/${token}`);
    expect(page.body).toContain('van 15:30 tot 16:00');
    // The old time is free again.
    expect((await book(await openForm(start), start, { e_mail: 'daarna@example.org' })).statusCode).toBe(303);
  });

  it('gives a clear page for an unknown link, not an error', async () => {
    const response = await get('/afspraak/wijzigen/bestaat-niet');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('Deze link werkt niet');
    expect((await get(`/afspraak/wijzigen/${'A'.repeat(43)}/annuleren`)).body).toContain('Deze link werkt niet');
    expect((await get('/afspraak/bevestiging/onbekend')).statusCode).toBe(404);
  });

  it('keeps tenants apart: products, links and confirmations of one municipality are unknown to another', async () => {
    const start = offer.at(16 * 60);
    const form = await openForm(start);
    expect((await book(form, start, { e_mail: 'tenant@example.org' })).statusCode).toBe(303);
    const token = await tokenFor('tenant@example.org');
    const elsewhere = await get('/afspraak', other);
    expect(elsewhere.body).not.toContain(offer.productId);
    expect(elsewhere.body).toContain('U kunt op dit moment geen afspraak maken via de website');
    expect((await get(`/afspraak/locatie?product=${offer.productId}`, other)).statusCode).toBe(404);
    expect((await get(`/afspraak/datum?product=${offer.productId}&locatie=${offer.locatieId}`, other)).statusCode).toBe(404);
    expect((await get(`/afspraak/wijzigen/${token}`, other)).statusCode).toBe(404);
    expect((await get(`/afspraak/bevestiging/${form.aanvraag}`, other)).statusCode).toBe(404);
  });

  it('links a bookable product page to the booking, and only that one', async () => {
    const { createProduct, publishProduct } = await import('../kennisbank/producten/service.ts');
    const { testInhoud } = await import('../kennisbank/kennisbank-test-fixtures.ts');
    await createProduct(database.db, tenant.id, 'test', 'paspoort-aanvragen', testInhoud({ titel: 'Paspoort', aanvraagkanalen: ['balie'] }));
    await publishProduct(database.db, tenant.id, 'test', 'paspoort-aanvragen');
    await createProduct(database.db, tenant.id, 'test', 'hondenbelasting', testInhoud({ titel: 'Hondenbelasting', aanvraagkanalen: ['balie'] }));
    await publishProduct(database.db, tenant.id, 'test', 'hondenbelasting');
    const bookable = await get('/producten/paspoort-aanvragen');
    expect(bookable.body).toContain(`href="/afspraak/locatie?product=${offer.productId}">Maak een afspraak</a>`);
    expect((await get('/producten/hondenbelasting')).body).not.toContain('Maak een afspraak');
  });

  it('limits bookings per client address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const form = await openForm(offer.at(9 * 60, offer.dag));
      statuses.push((await book(form, offer.at(10 * 60 + 30), { e_mail: `limiet${i}@example.org` }, { remoteAddress: '10.9.9.9' })).statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status !== 429)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
