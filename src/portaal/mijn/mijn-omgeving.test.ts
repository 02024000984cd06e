import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, hostOf, type TestApp } from '../../../test/fixtures.ts';
import { signInResident, type SignedInResident } from '../../../test/resident-session.ts';
import { signInStaff, type SignedInStaff } from '../../../test/staff-session.ts';
import { insertTestZaaktype, type TestZaaktype } from '../../../test/zgw-fixtures.ts';
import { insertTestStatus } from '../../components/zaken/zaken/zaken-test-kit.ts';
import { insertOwnZaak, insertTestInformatieobjecttype, insertZaakDocument, multipartBody } from './mijn-test-kit.ts';
import { MAX_UPLOAD_BYTES } from './documentverzoeken.ts';

const BSN = '999993653';
const OTHER_BSN = '111222333';
const KVK = '12345678';
const HTML = { accept: 'text/html' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

describe('Mijn omgeving', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let zaaktype: TestZaaktype;
  let iotype: string;
  let resident: SignedInResident;
  let behandelaar: SignedInStaff;
  let mine: { uuid: string; identificatie: string };
  let closed: { uuid: string; identificatie: string };
  let someoneElses: { uuid: string; identificatie: string };
  let otherTenantZaak: { uuid: string; identificatie: string };
  const documents: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db, 'Gemeente Voorbeeld');
    other = await createTestTenant(database.db, 'Gemeente Anders');
    zaaktype = await insertTestZaaktype(database.db, tenant, { doorlooptijd: 'P8W' });
    iotype = await insertTestInformatieobjecttype(database.db, tenant, zaaktype);
    mine = await insertOwnZaak(database.db, tenant, zaaktype, { bsn: BSN, email: 'suzanne@example.org' }, { startdatum: '2026-03-02' });
    closed = await insertOwnZaak(database.db, tenant, zaaktype, { bsn: BSN }, { startdatum: '2025-11-03', einddatum: '2025-12-01' });
    someoneElses = await insertOwnZaak(database.db, tenant, zaaktype, { bsn: OTHER_BSN }, { startdatum: '2026-03-03' });
    const otherZaaktype = await insertTestZaaktype(database.db, other);
    otherTenantZaak = await insertOwnZaak(database.db, other, otherZaaktype, { bsn: BSN });
    await insertTestStatus(database.db, tenant, mine.uuid, zaaktype.statustypen[0]?.uuid ?? '', '2026-03-02T09:00:00Z');
    await insertTestStatus(database.db, tenant, mine.uuid, zaaktype.statustypen[1]?.uuid ?? '', '2026-03-04T09:00:00Z');
    for (const level of ['openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk', 'geheim']) {
      documents[level] = await insertZaakDocument(database.db, test.context.config.dataDir, tenant, mine.uuid, iotype, { titel: `Stuk ${level}`, vertrouwelijkheidaanduiding: level });
    }
    documents.anders = await insertZaakDocument(database.db, test.context.config.dataDir, tenant, someoneElses.uuid, iotype, { titel: 'Stuk van een ander', vertrouwelijkheidaanduiding: 'openbaar' });
    resident = await signInResident(database.db, tenant, { identificatie: BSN, naam: 'Suzanne Moulin' });
    behandelaar = await signInStaff(test, tenant, { roles: ['behandelaar'], displayName: 'Bert Behandelaar' });
  });

  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  function get(url: string, who: SignedInResident = resident) {
    return test.app.inject({ method: 'GET', url, headers: { ...who.headers, ...HTML } });
  }

  function staffPost(url: string, payload: Record<string, string>, staff: SignedInStaff = behandelaar) {
    return test.app.inject({ method: 'POST', url, headers: { ...staff.headers, accept: 'application/json' }, payload: { ...payload, _csrf: staff.csrfToken } });
  }

  async function logged(name: string) {
    return database.db.selectFrom('processing_log').select(['processing_activity_id', 'actor', 'data_subject_id_type', 'data_subject_id']).where('tenant_id', '=', tenant.id).where('name', '=', name).execute();
  }

  it('sends a browser without a session to sign in, and back afterwards', async () => {
    const response = await test.app.inject({ method: 'GET', url: `/mijn/zaken/${mine.identificatie}`, headers: { host: hostOf(tenant), ...HTML } });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/inloggen?terug=${encodeURIComponent(`/mijn/zaken/${mine.identificatie}`)}`);
  });

  it('lists the resident\'s own zaken, open and closed, newest first, with status and expected decision date, and logs the viewing', async () => {
    const response = await get('/mijn/zaken');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.body;
    expect(body).toContain(mine.identificatie);
    expect(body).toContain(closed.identificatie);
    expect(body).not.toContain(someoneElses.identificatie);
    expect(body).not.toContain(otherTenantZaak.identificatie);
    expect(body.indexOf(mine.identificatie)).toBeLessThan(body.indexOf(closed.identificatie));
    expect(body).toContain('In behandeling');
    // startdatum 2 March 2026 plus the doorlooptijd of eight weeks.
    expect(body).toContain('<time datetime="2026-04-27">27 april 2026</time>');
    expect(body).toContain('Afgerond op');
    const entries = await logged('mijn-zaken-bekijken');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ processing_activity_id: 'portaal-mijn-zaken', actor: 'inwoner', data_subject_id_type: 'BSN' });
    expect(entries[0]?.data_subject_id).not.toBe(BSN);
  });

  it('shows a zaak with its timeline in order, the current step marked, and only documents the initiator may see', async () => {
    const response = await get(`/mijn/zaken/${mine.identificatie}`);
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toMatch(/<ol class="mijn-tijdlijn">[\s\S]*Ontvangen[\s\S]*In behandeling[\s\S]*Afgehandeld[\s\S]*<\/ol>/);
    expect(body).toMatch(/aria-current="step">\s*<p class="mijn-stap__naam">In behandeling/);
    expect(body).toContain('Afgehandeld <span class="mijn-stap__staat">(nog niet bereikt)</span>');
    for (const level of ['openbaar', 'beperkt_openbaar', 'zaakvertrouwelijk']) expect(body).toContain(`Stuk ${level}`);
    for (const level of ['intern', 'vertrouwelijk', 'geheim']) expect(body).not.toContain(`Stuk ${level}`);
    expect(await get(`/mijn/zaken/${mine.uuid}`)).toHaveProperty('statusCode', 200);
    expect((await logged('zaak-bekijken')).length).toBeGreaterThanOrEqual(2);
  });

  it('downloads a visible document, and refuses hidden ones, other zaken\'s and other tenants\' with a 404', async () => {
    const response = await get(`/mijn/zaken/${mine.identificatie}/documenten/${documents.zaakvertrouwelijk}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('attachment');
    expect(response.body).toBe('%PDF-1.4 Stuk zaakvertrouwelijk');
    expect(await logged('document-downloaden')).toHaveLength(1);
    expect((await get(`/mijn/zaken/${mine.identificatie}/documenten/${documents.intern}`)).statusCode).toBe(404);
    expect((await get(`/mijn/zaken/${mine.identificatie}/documenten/${documents.vertrouwelijk}`)).statusCode).toBe(404);
    // A document of someone else's zaak, asked for under the resident's own zaak.
    expect((await get(`/mijn/zaken/${mine.identificatie}/documenten/${documents.anders}`)).statusCode).toBe(404);
    expect((await get(`/mijn/zaken/${someoneElses.identificatie}/documenten/${documents.anders}`)).statusCode).toBe(404);
  });

  it('answers 404, not 403, for someone else\'s zaak and for a zaak of another municipality', async () => {
    for (const key of [someoneElses.identificatie, someoneElses.uuid, otherTenantZaak.uuid, otherTenantZaak.identificatie, 'ZAAK-BESTAAT-NIET']) {
      const response = await get(`/mijn/zaken/${encodeURIComponent(key)}`);
      expect(response.statusCode, key).toBe(404);
      expect(response.body).toContain('Deze pagina bestaat niet');
    }
    // The same resident signed in with the other municipality sees only that municipality's zaak.
    const elsewhere = await signInResident(database.db, other, { identificatie: BSN });
    expect((await get(`/mijn/zaken/${otherTenantZaak.uuid}`, elsewhere)).statusCode).toBe(200);
    expect((await get(`/mijn/zaken/${mine.uuid}`, elsewhere)).statusCode).toBe(404);
    expect((await get('/mijn/zaken', elsewhere)).body).not.toContain(mine.identificatie);
  });

  it('shows a business the zaken of which its KvK number is the initiator', async () => {
    const zaak = await insertOwnZaak(database.db, tenant, zaaktype, { kvk: KVK });
    const business = await signInResident(database.db, tenant, { soort: 'kvk', identificatie: KVK, naam: 'Bakkerij B.V.', middel: 'eherkenning' });
    const list = await get('/mijn/zaken', business);
    expect(list.body).toContain(zaak.identificatie);
    expect(list.body).not.toContain(mine.identificatie);
    expect((await get(`/mijn/zaken/${zaak.identificatie}`, business)).statusCode).toBe(200);
    // The resident with a BSN does not see the business's zaak.
    expect((await get(`/mijn/zaken/${zaak.identificatie}`)).statusCode).toBe(404);
  });

  it('lets a behandelaar ask for a document, which the resident hands in: document, relation and request in one go', async () => {
    const created = await staffPost(`/medewerker/zaken/${mine.uuid}/documentverzoeken`, { omschrijving: 'Een kopie van uw huurcontract', informatieobjecttype: iotype, deadline: '2026-04-01' });
    expect(created.statusCode).toBe(201);
    const { uuid } = created.json<{ uuid: string }>();
    const page = await get(`/mijn/zaken/${mine.identificatie}`);
    expect(page.body).toContain('Een kopie van uw huurcontract');
    expect(page.body).toContain(`action="/mijn/zaken/${mine.identificatie}/documentverzoeken/${uuid}"`);
    expect((await get('/mijn')).body).toContain('Wij vragen u om 1 document');

    const { payload, headers } = multipartBody({ _csrf: resident.csrfToken }, { name: 'huurcontract.pdf', type: 'application/pdf', content: PDF });
    const upload = await test.app.inject({ method: 'POST', url: `/mijn/zaken/${mine.identificatie}/documentverzoeken/${uuid}`, headers: { ...resident.headers, ...HTML, ...headers }, payload });
    expect(upload.statusCode).toBe(303);
    expect(upload.headers.location).toBe(`/mijn/zaken/${mine.identificatie}?ingediend=ja#documentverzoeken`);
    const verzoek = await database.db.selectFrom('documentverzoeken').selectAll().where('uuid', '=', uuid).executeTakeFirstOrThrow();
    expect(verzoek.status).toBe('ingediend');
    expect(verzoek.document_uuid).not.toBeNull();
    const document = await database.db.selectFrom('documenten').selectAll().where('uuid', '=', verzoek.document_uuid ?? '').executeTakeFirstOrThrow();
    expect(document).toMatchObject({ tenant_id: tenant.id, informatieobjecttype_uuid: iotype, vertrouwelijkheid_rank: 4 });
    const relations = await database.db.selectFrom('zaakinformatieobjecten').select('informatieobject').where('zaak_uuid', '=', mine.uuid).execute();
    expect(relations.map((row) => row.informatieobject)).toContainEqual(expect.stringContaining(document.uuid));
    const after = await get(`/mijn/zaken/${mine.identificatie}?ingediend=ja`);
    expect(after.body).toContain('Wij hebben uw document ontvangen');
    expect(after.body).toContain('Een kopie van uw huurcontract');

    // A second hand-in of the same request is refused; nothing new is made.
    const again = await test.app.inject({ method: 'POST', url: `/mijn/zaken/${mine.identificatie}/documentverzoeken/${uuid}`, headers: { ...resident.headers, ...HTML, ...headers }, payload });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('U heeft dit document al ingediend');
  });

  it('refuses a file of the wrong type or none, beside the field and in the error summary', async () => {
    const uuid = (await staffPost(`/medewerker/zaken/${mine.uuid}/documentverzoeken`, { omschrijving: 'Uw loonstrook', informatieobjecttype: iotype })).json<{ uuid: string }>().uuid;
    const { payload, headers } = multipartBody({ _csrf: resident.csrfToken }, { name: 'script.pdf', type: 'application/pdf', content: Buffer.from('<script>alert(1)</script>') });
    const response = await test.app.inject({ method: 'POST', url: `/mijn/zaken/${mine.identificatie}/documentverzoeken/${uuid}`, headers: { ...resident.headers, ...HTML, ...headers }, payload });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Er is een probleem');
    expect(response.body).toContain(`href="#bestand-${uuid}"`);
    expect(response.body).toContain(`id="bestand-${uuid}-fout"`);
    expect(response.body).toContain('Dit soort bestand kunnen wij niet ontvangen');
    const none = multipartBody({ _csrf: resident.csrfToken });
    const empty = await test.app.inject({ method: 'POST', url: `/mijn/zaken/${mine.identificatie}/documentverzoeken/${uuid}`, headers: { ...resident.headers, ...HTML, ...none.headers }, payload: none.payload });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Kies een bestand.');
    expect((await database.db.selectFrom('documentverzoeken').select('status').where('uuid', '=', uuid).executeTakeFirstOrThrow()).status).toBe('open');
  });

  it('refuses a file over the size limit without storing any of it', async () => {
    const uuid = (await staffPost(`/medewerker/zaken/${mine.uuid}/documentverzoeken`, { omschrijving: 'Een grote scan', informatieobjecttype: iotype })).json<{ uuid: string }>().uuid;
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_UPLOAD_BYTES)]);
    const { payload, headers } = multipartBody({ _csrf: resident.csrfToken }, { name: 'scan.pdf', type: 'application/pdf', content: big });
    const response = await test.app.inject({ method: 'POST', url: `/mijn/zaken/${mine.identificatie}/documentverzoeken/${uuid}`, headers: { ...resident.headers, ...HTML, ...headers }, payload });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Het bestand is groter dan 10 MB');
    expect((await database.db.selectFrom('documentverzoeken').select('status').where('uuid', '=', uuid).executeTakeFirstOrThrow()).status).toBe('open');
  });

  it('pages through many zaken, twenty at a time, and counts them on the home page', async () => {
    const busy = '123456782';
    for (let index = 0; index < 25; index++) await insertOwnZaak(database.db, tenant, zaaktype, { bsn: busy }, { startdatum: `2025-01-${String(index + 1).padStart(2, '0')}` });
    const someone = await signInResident(database.db, tenant, { identificatie: busy, naam: '' });
    const first = await get('/mijn/zaken', someone);
    expect(first.body.match(/class="mijn-zaak"/g)).toHaveLength(20);
    expect(first.body).toContain('Pagina 1 van 2');
    expect(first.body).toContain('href="/mijn/zaken?pagina=2"');
    expect(first.body).toContain('25 januari 2025');
    const second = await get('/mijn/zaken?pagina=2', someone);
    expect(second.body.match(/class="mijn-zaak"/g)).toHaveLength(5);
    expect(second.body).toContain('1 januari 2025');
    expect((await get('/mijn', someone)).body).toContain('25 lopende zaken, 0 afgeronde zaken');
    expect((await get('/mijn/zaken?onbekend=1', someone)).statusCode).toBe(400);
  });

  it('leaves nothing behind when an upload breaks off, or when the document cannot be related to the zaak', async () => {
    const uuid = (await staffPost(`/medewerker/zaken/${mine.uuid}/documentverzoeken`, { omschrijving: 'Uw paspoort', informatieobjecttype: iotype })).json<{ uuid: string }>().uuid;
    const countDocuments = async () => Number((await database.db.selectFrom('documenten').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow()).n);
    const before = await countDocuments();
    const { payload, headers } = multipartBody({ _csrf: resident.csrfToken }, { name: 'paspoort.pdf', type: 'application/pdf', content: PDF });
    // The body stops halfway through the file: no closing boundary ever comes.
    const truncated = payload.subarray(0, payload.length - 60);
    const broken = await test.app.inject({ method: 'POST', url: `/mijn/zaken/${mine.identificatie}/documentverzoeken/${uuid}`, headers: { ...resident.headers, ...HTML, ...headers }, payload: truncated });
    expect(broken.statusCode).toBe(400);
    expect(await countDocuments()).toBe(before);
    expect((await database.db.selectFrom('documentverzoeken').select('status').where('uuid', '=', uuid).executeTakeFirstOrThrow()).status).toBe('open');

    // The zaaktype stops knowing the informatieobjecttype: the document is made, the relation refused, all rolled back.
    await database.db.deleteFrom('zaaktype_informatieobjecttypen').where('zaaktype_uuid', '=', zaaktype.uuid).execute();
    try {
      const refused = await test.app.inject({ method: 'POST', url: `/mijn/zaken/${mine.identificatie}/documentverzoeken/${uuid}`, headers: { ...resident.headers, ...HTML, ...headers }, payload });
      expect(refused.statusCode).toBe(400);
      expect(await countDocuments()).toBe(before);
      expect((await database.db.selectFrom('documentverzoeken').select('status').where('uuid', '=', uuid).executeTakeFirstOrThrow()).status).toBe('open');
    } finally {
      await database.db.insertInto('zaaktype_informatieobjecttypen').values({ tenant_id: tenant.id, zaaktype_uuid: zaaktype.uuid, informatieobjecttype_omschrijving: 'Bewijsstuk', volgnummer: 1, richting: 'inkomend', statustype_uuid: null }).execute();
    }
  });

  it('refuses a form without the session\'s CSRF token', async () => {
    const bericht = (await staffPost(`/medewerker/zaken/${mine.uuid}/berichten`, { onderwerp: 'Vraag', tekst: 'Kunt u bellen?' })).json<{ uuid: string }>().uuid;
    const forged = await test.app.inject({ method: 'POST', url: `/mijn/berichten/${bericht}/antwoord`, headers: { ...resident.headers, ...HTML }, payload: { tekst: 'Ja', _csrf: 'nep' } });
    expect(forged.statusCode).toBe(403);
    const missing = await test.app.inject({ method: 'POST', url: `/mijn/berichten/${bericht}/antwoord`, headers: { ...resident.headers, ...HTML }, payload: { tekst: 'Ja' } });
    expect(missing.statusCode).toBe(403);
    const uuid = (await staffPost(`/medewerker/zaken/${mine.uuid}/documentverzoeken`, { omschrijving: 'Uw rijbewijs', informatieobjecttype: iotype })).json<{ uuid: string }>().uuid;
    const { payload, headers } = multipartBody({ _csrf: 'nep' }, { name: 'rijbewijs.pdf', type: 'application/pdf', content: PDF });
    const upload = await test.app.inject({ method: 'POST', url: `/mijn/zaken/${mine.identificatie}/documentverzoeken/${uuid}`, headers: { ...resident.headers, ...HTML, ...headers }, payload });
    expect(upload.statusCode).toBe(403);
    expect((await database.db.selectFrom('documentverzoeken').select('status').where('uuid', '=', uuid).executeTakeFirstOrThrow()).status).toBe('open');
    expect(await database.db.selectFrom('inwoner_berichten').select('uuid').where('zaak_uuid', '=', mine.uuid).where('richting', '=', 'van_inwoner').where('tekst', '=', 'Ja').execute()).toHaveLength(0);
  });

  it('delivers a behandelaar\'s bericht with an e-mail that holds only a link; the resident reads it and replies on the same zaak', async () => {
    const sent = await staffPost(`/medewerker/zaken/${mine.uuid}/berichten`, { onderwerp: 'Aanvullende gegevens', tekst: 'Wij missen uw huurcontract.\n\nWilt u dat sturen?' });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ gemaild: true });
    const { uuid } = sent.json<{ uuid: string }>();
    const mails = await database.db.selectFrom('outbox').select('payload').where('tenant_id', '=', tenant.id).where('kind', '=', 'mail').execute();
    const mail = mails.map((row) => row.payload as { to: string; subject: string; text: string }).find((payload) => payload.subject === 'U heeft een nieuw bericht' && payload.text.includes('Aanvullende') === false);
    expect(mail?.to).toBe('suzanne@example.org');
    expect(mail?.text).toContain('/mijn/berichten');
    expect(mail?.text).not.toContain('huurcontract');

    expect((await get('/mijn')).body).toMatch(/U heeft \d+ ongelezen bericht/);
    const list = await get('/mijn/berichten');
    expect(list.body).toContain('Aanvullende gegevens');
    expect(list.body).toContain('Ongelezen');
    const read = await get(`/mijn/berichten/${uuid}`);
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('Wilt u dat sturen?');
    const row = await database.db.selectFrom('inwoner_berichten').select('gelezen_at').where('uuid', '=', uuid).executeTakeFirstOrThrow();
    expect(row.gelezen_at).not.toBeNull();

    const empty = await test.app.inject({ method: 'POST', url: `/mijn/berichten/${uuid}/antwoord`, headers: { ...resident.headers, ...HTML }, payload: { tekst: '  ', _csrf: resident.csrfToken } });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('id="antwoord-fout"');
    const reply = await test.app.inject({ method: 'POST', url: `/mijn/berichten/${uuid}/antwoord`, headers: { ...resident.headers, ...HTML }, payload: { tekst: 'Ik stuur het vandaag.', _csrf: resident.csrfToken } });
    expect(reply.statusCode).toBe(303);
    const replies = await database.db.selectFrom('inwoner_berichten').selectAll().where('zaak_uuid', '=', mine.uuid).where('richting', '=', 'van_inwoner').execute();
    expect(replies.map((bericht) => [bericht.onderwerp, bericht.tekst, bericht.afzender])).toContainEqual(['Re: Aanvullende gegevens', 'Ik stuur het vandaag.', 'Suzanne Moulin']);
    expect((await get(`/mijn/zaken/${mine.identificatie}`)).body).toContain('Re: Aanvullende gegevens');
  });

  it('hides berichten about other zaken and other tenants, and keeps staff routes to behandelaars of the same tenant', async () => {
    const theirs = (await staffPost(`/medewerker/zaken/${someoneElses.uuid}/berichten`, { onderwerp: 'Alleen voor de ander', tekst: 'Geheim' })).json<{ uuid: string; gemaild: boolean }>();
    expect(theirs.gemaild).toBe(false);
    expect((await get(`/mijn/berichten/${theirs.uuid}`)).statusCode).toBe(404);
    expect((await get('/mijn/berichten')).body).not.toContain('Alleen voor de ander');
    expect((await staffPost(`/medewerker/zaken/${otherTenantZaak.uuid}/berichten`, { onderwerp: 'x', tekst: 'y' })).statusCode).toBe(404);
    const kcc = await signInStaff(test, tenant, { roles: ['kcc'] });
    expect((await staffPost(`/medewerker/zaken/${mine.uuid}/berichten`, { onderwerp: 'x', tekst: 'y' }, kcc)).statusCode).toBe(403);
    const invalid = await staffPost(`/medewerker/zaken/${mine.uuid}/documentverzoeken`, { omschrijving: '', informatieobjecttype: iotype, deadline: 'morgen' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<{ invalidParams: { name: string }[] }>().invalidParams.map((param) => param.name).sort()).toEqual(['deadline', 'omschrijving']);
  });
});
