import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, hostOf, type TestApp } from '../../../test/fixtures.ts';
import { signInResident, type SignedInResident } from '../../../test/resident-session.ts';
import type { Tenant } from '../../platform/database/schema.ts';
import { seedDemoCatalogus } from '../../components/catalogi/demo/seed.ts';
import { seedDemoKennisbank } from '../../kennisbank/demo/seed.ts';
import { amsterdamToday } from '../../kennisbank/dates.ts';
import { seedDemoFormulieren } from '../../formulieren/demo/seed.ts';
import { deleteExpiredConcepten } from '../../formulieren/repository.ts';

const HTML = { accept: 'text/html' };
const MELDING = '/producten/melding-openbare-ruimte/aanvragen';
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(800)]);

/** A multipart/form-data body as a browser sends it; `cut` leaves off the end, as a connection that breaks off. */
function multipart(fields: Record<string, string>, files: { name: string; filename: string; type: string; content: Buffer }[], cut = false) {
  const boundary = `----loket${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.content, Buffer.from('\r\n'));
  }
  let body = Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
  if (cut) body = body.subarray(0, body.length - 400);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('the e-form journey on the portal', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let dataDir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'loket-eformulier-'));
    test = await createTestApp(database, { LOKET_DATA_DIR: dataDir });
    tenant = await createTestTenant(database.db, 'Gemeente Voorbeeld');
    other = await createTestTenant(database.db, 'Gemeente Anders');
    for (const each of [tenant, other]) {
      await seedDemoCatalogus(database.db, each);
      await seedDemoKennisbank(database.db, each.id, amsterdamToday());
    }
    // Only the first municipality has published e-forms.
    await seedDemoFormulieren(database.db, tenant);
  });

  afterAll(async () => {
    await test.app.close();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  function get(url: string, resident?: SignedInResident, forTenant: Tenant = tenant) {
    return test.app.inject({ method: 'GET', url, headers: { host: hostOf(forTenant), ...HTML, ...(resident ? { cookie: resident.cookie } : {}) } });
  }

  function post(url: string, resident: SignedInResident, fields: Record<string, string | string[]>, withToken = true) {
    const payload = new URLSearchParams();
    if (withToken) payload.append('_csrf', resident.csrfToken);
    for (const [name, value] of Object.entries(fields)) for (const each of Array.isArray(value) ? value : [value]) payload.append(name, each);
    return test.app.inject({ method: 'POST', url, headers: { ...resident.headers, ...HTML, 'content-type': 'application/x-www-form-urlencoded' }, payload: payload.toString() });
  }

  function postMultipart(url: string, resident: SignedInResident, body: ReturnType<typeof multipart>) {
    return test.app.inject({ method: 'POST', url, headers: { ...resident.headers, ...HTML, ...body.headers }, payload: body.payload });
  }

  function location(response: LightMyRequestResponse): string {
    return String(response.headers.location ?? '');
  }

  async function zaken(forTenant: Tenant = tenant): Promise<number> {
    return Number((await database.db.selectFrom('zaken').select((eb) => eb.fn.countAll().as('n')).where('tenant_id', '=', forTenant.id).executeTakeFirstOrThrow()).n);
  }

  async function start(resident: SignedInResident): Promise<void> {
    const started = await post(`${MELDING}/start`, resident, { opnieuw: 'ja' });
    expect(started.statusCode).toBe(303);
    expect(location(started)).toBe(`${MELDING}/stap/melding`);
  }

  it('links "Regel het online" to the form only for a product whose zaaktype has a published e-form', async () => {
    const melding = await get('/producten/melding-openbare-ruimte');
    expect(melding.body).toContain('Regel het online');
    expect(melding.body).toContain(`href="${MELDING}"`);
    const kap = await get('/producten/kapvergunning');
    expect(kap.body).not.toContain('/aanvragen"');
    // The other municipality has the same product but no form.
    const elsewhere = await get('/producten/melding-openbare-ruimte', undefined, other);
    expect(elsewhere.body).not.toContain('Regel het online');
  });

  it('sends a browser that is not signed in to sign in first, and back afterwards', async () => {
    const response = await get(MELDING);
    expect(response.statusCode).toBe(303);
    expect(location(response)).toBe(`/inloggen?terug=${encodeURIComponent(MELDING)}`);
  });

  it('walks a resident through the steps with the conditional step and a photo, to the summary and the zaak number', async () => {
    const resident = await signInResident(database.db, tenant, { eMail: 'suzanne@voorbeeld.nl' });
    const startPage = await get(MELDING, resident);
    expect(startPage.statusCode).toBe(200);
    expect(startPage.body).toContain('<h1 class="utrecht-heading-1">Melding openbare ruimte</h1>');
    await start(resident);

    const step1 = await get(`${MELDING}/stap/melding`, resident);
    expect(step1.body).toContain('Stap 1 van 5');
    expect(step1.body).toContain('<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Waar gaat uw melding over?</legend>');

    const toDanger = await post(`${MELDING}/stap/melding`, resident, { actie: 'volgende', categorie: 'Bestrating', omschrijving: 'Losse stoeptegel.', gevaarlijk: 'ja' });
    expect(location(toDanger)).toBe(`${MELDING}/stap/gevaar`);
    const danger = await get(`${MELDING}/stap/gevaar`, resident);
    expect(danger.body).toContain('Gevaarlijke situatie');
    expect(danger.body).toContain('Stap 2 van 6');
    expect(location(await post(`${MELDING}/stap/gevaar`, resident, { actie: 'volgende', 'gevaar-uitleg': 'Mensen struikelen erover.', afgezet: 'nee' }))).toBe(`${MELDING}/stap/plek`);
    expect(location(await post(`${MELDING}/stap/plek`, resident, { actie: 'volgende', 'adres--postcode': '1234ab', 'adres--huisnummer': '12', 'adres--toevoeging': '' }))).toBe(`${MELDING}/stap/foto`);

    const photoPage = await get(`${MELDING}/stap/foto`, resident);
    expect(photoPage.body).toContain('enctype="multipart/form-data"');
    const uploaded = await postMultipart(`${MELDING}/stap/foto`, resident, multipart({ _csrf: resident.csrfToken, actie: 'volgende' }, [{ name: 'foto', filename: 'tegel.jpg', type: 'image/jpeg', content: JPEG }]));
    expect(location(uploaded)).toBe(`${MELDING}/stap/contact`);

    const contact = await get(`${MELDING}/stap/contact`, resident);
    // Prefilled from the sign-in.
    expect(contact.body).toContain('value="suzanne@voorbeeld.nl"');
    expect(location(await post(`${MELDING}/stap/contact`, resident, { actie: 'volgende', email: 'suzanne@voorbeeld.nl', telefoon: '' }))).toBe(`${MELDING}/controleren`);

    const summary = await get(`${MELDING}/controleren`, resident);
    expect(summary.statusCode).toBe(200);
    expect(summary.body).toContain('Controleer uw antwoorden');
    expect(summary.body).toContain('1234 AB 12');
    expect(summary.body).toContain('Mensen struikelen erover.');
    expect(summary.body).toContain('tegel.jpg');
    expect(summary.body).toContain(`href="${MELDING}/stap/plek?terug=controleren#veld-adres"`);
    const concept = /name="concept" value="([0-9a-f-]{36})"/.exec(summary.body)?.[1] ?? '';

    const before = await zaken();
    const sent = await post(`${MELDING}/versturen`, resident, { concept });
    expect(sent.statusCode).toBe(303);
    expect(location(sent)).toBe(`${MELDING}/ontvangen/${concept}`);
    // A second click (or a retried request) gives the same confirmation, and no second zaak.
    const again = await post(`${MELDING}/versturen`, resident, { concept });
    expect(location(again)).toBe(`${MELDING}/ontvangen/${concept}`);
    expect(await zaken()).toBe(before + 1);

    const done = await get(location(sent), resident);
    expect(done.statusCode).toBe(200);
    expect(done.body).toMatch(/<strong>ZAAK-\d{4}-\d+<\/strong>/);
    const zaak = await database.db.selectFrom('zaken').select(['identificatie', 'uuid']).where('tenant_id', '=', tenant.id).orderBy('registratiedatum', 'desc').orderBy('identificatie', 'desc').executeTakeFirstOrThrow();
    expect(done.body).toContain(zaak.identificatie);
    const documenten = await database.db.selectFrom('zaakinformatieobjecten').select('titel').where('zaak_uuid', '=', zaak.uuid).execute();
    expect(documenten.map((document) => document.titel).sort()).toEqual(['Foto van de plek: tegel.jpg', 'Melding openbare ruimte']);
    // The draft is gone with the submission.
    expect(await database.db.selectFrom('eformulier_concepten').select('uuid').where('uuid', '=', concept).execute()).toEqual([]);
    // Someone else never sees that confirmation.
    const stranger = await signInResident(database.db, tenant, { identificatie: '999991772', naam: 'Jan Jansen' });
    expect((await get(location(sent), stranger)).statusCode).toBe(404);
  });

  it('asks a question that an answer in the same step brings up before going on, and checks the IBAN (parkeervergunning)', async () => {
    const form = '/producten/parkeervergunning-bewoners/aanvragen';
    const resident = await signInResident(database.db, tenant, { identificatie: '999993008', naam: 'Ali Yilmaz' });
    expect(location(await post(`${form}/start`, resident, {}))).toBe(`${form}/stap/auto`);
    const first = await get(`${form}/stap/auto`, resident);
    expect(first.body).not.toContain('id="veld-leaseverklaring"');
    expect(first.body).not.toContain('multipart/form-data');

    const lease = await post(`${form}/stap/auto`, resident, { actie: 'volgende', kenteken: 'AB-123-C', lease: 'ja' });
    expect(lease.statusCode).toBe(200);
    expect(lease.body).toContain('Door uw antwoord is er een vraag bijgekomen.');
    expect(lease.body).toContain('id="veld-leaseverklaring"');
    expect(lease.body).toContain('enctype="multipart/form-data"');
    // Without the statement it does not go on; with 'nee' the question is gone again.
    expect((await post(`${form}/stap/auto`, resident, { actie: 'volgende', kenteken: 'AB-123-C', lease: 'ja' })).statusCode).toBe(400);
    expect(location(await post(`${form}/stap/auto`, resident, { actie: 'volgende', kenteken: 'AB-123-C', lease: 'nee' }))).toBe(`${form}/stap/adres`);
    expect(location(await post(`${form}/stap/adres`, resident, { actie: 'volgende', 'woonadres--postcode': '1011 AB', 'woonadres--huisnummer': '5', gebied: 'Centrum' }))).toBe(`${form}/stap/betalen`);

    const betalen = await get(`${form}/stap/betalen`, resident);
    // The account holder's name is prefilled from the sign-in.
    expect(betalen.body).toContain('value="Ali Yilmaz"');
    const wrong = await post(`${form}/stap/betalen`, resident, { actie: 'volgende', iban: 'NL91 ABNA 0417 1643 01', tenaamstelling: 'Ali Yilmaz', machtiging: 'akkoord' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('een geldig IBAN in, bijvoorbeeld NL91 ABNA 0417 1643 00.');
    expect(location(await post(`${form}/stap/betalen`, resident, { actie: 'volgende', iban: 'NL91 ABNA 0417 1643 00', tenaamstelling: 'Ali Yilmaz', machtiging: 'akkoord' }))).toBe(`${form}/stap/contact`);
    expect(location(await post(`${form}/stap/contact`, resident, { actie: 'volgende', email: 'ali@voorbeeld.nl', telefoon: '06 12345678' }))).toBe(`${form}/controleren`);
    const summary = await get(`${form}/controleren`, resident);
    expect(summary.body).toContain('NL91 ABNA 0417 1643 00');
    expect(summary.body).not.toContain('Verklaring van de werkgever');
  });

  it('shows every error beside its field and in a summary at the top, keeping what was typed', async () => {
    const resident = await signInResident(database.db, tenant);
    await start(resident);
    const response = await post(`${MELDING}/stap/melding`, resident, { actie: 'volgende', categorie: '', omschrijving: 'Iets <kapot>', gevaarlijk: '' });
    expect(response.statusCode).toBe(400);
    const body = response.body;
    expect(body).toContain('<title>Fout: Wat wilt u melden? - Melding openbare ruimte - Gemeente Voorbeeld</title>');
    expect(body).toContain('id="foutsamenvatting" role="alert"');
    expect(body).toContain('<a class="utrecht-link" href="#veld-categorie-0">Kies een antwoord bij &#39;Waar gaat uw melding over?&#39;.</a>');
    expect(body).toContain('<a class="utrecht-link" href="#veld-gevaarlijk-0">');
    expect(body).toContain('id="veld-categorie-fout"');
    expect(body).toMatch(/<fieldset[^>]*aria-describedby="veld-categorie-fout"[^>]*aria-invalid="true"/);
    expect(body).toMatch(/aria-describedby="veld-gevaarlijk-hulp veld-gevaarlijk-fout"/);
    // Typed text stays, escaped.
    expect(body).toContain('>Iets &lt;kapot&gt;</textarea>');

    const address = await post(`${MELDING}/stap/melding`, resident, { actie: 'volgende', categorie: 'Groen', omschrijving: 'Tak', gevaarlijk: 'nee' });
    expect(location(address)).toBe(`${MELDING}/stap/plek`);
    const wrong = await post(`${MELDING}/stap/plek`, resident, { actie: 'volgende', 'adres--postcode': '12345', 'adres--huisnummer': 'twaalf' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('een geldige postcode in: 4 cijfers en 2 letters');
    expect(wrong.body).toContain('href="#veld-adres-postcode"');
  });

  it('saves the answers for later, offers to continue, and forgets a draft after it expires', async () => {
    const resident = await signInResident(database.db, tenant, { identificatie: '999990019', naam: 'Piet Bakker' });
    await start(resident);
    const saved = await post(`${MELDING}/stap/melding`, resident, { actie: 'opslaan', categorie: 'Afval', omschrijving: 'Dump bij de container.', gevaarlijk: '' });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('Uw antwoorden zijn opgeslagen');

    // Later, in a new session.
    const later = await signInResident(database.db, tenant, { identificatie: '999990019', naam: 'Piet Bakker' });
    const mijn = await get('/mijn', later);
    expect(mijn.body).toContain('Nog niet verstuurde aanvragen');
    expect(mijn.body).toContain(`href="${MELDING}">`);
    const startPage = await get(MELDING, later);
    expect(startPage.body).toContain('U was al begonnen');
    expect(startPage.body).toContain(`href="${MELDING}/stap/melding"`);
    const step = await get(`${MELDING}/stap/melding`, later);
    expect(step.body).toContain('>Dump bij de container.</textarea>');
    expect(step.body).toMatch(/value="Afval" checked/);

    await database.db.updateTable('eformulier_concepten').set({ verloopt_op: new Date(Date.now() - 1000) }).where('tenant_id', '=', tenant.id).where('identificatie', '=', '999990019').execute();
    // The hourly clean-up removes it; a look-up in between already ignores it.
    expect(await deleteExpiredConcepten(database.db, new Date())).toBe(1);
    const expired = await get(MELDING, later);
    expect(expired.body).not.toContain('U was al begonnen');
    expect((await get('/mijn', later)).body).not.toContain('Nog niet verstuurde aanvragen');
    expect(await database.db.selectFrom('eformulier_concepten').select('uuid').where('tenant_id', '=', tenant.id).where('identificatie', '=', '999990019').execute()).toEqual([]);
  });

  it('keeps nothing of an upload that breaks off, and refuses a file that is not a photo', async () => {
    const resident = await signInResident(database.db, tenant, { identificatie: '999992958', naam: 'Els de Vries' });
    await start(resident);
    await post(`${MELDING}/stap/melding`, resident, { actie: 'volgende', categorie: 'Groen', omschrijving: 'Boom', gevaarlijk: 'nee' });
    await post(`${MELDING}/stap/plek`, resident, { actie: 'volgende', 'adres--postcode': '1234 AB', 'adres--huisnummer': '1' });
    const files = async () =>
      database.db
        .selectFrom('eformulier_concept_bestanden')
        .innerJoin('eformulier_concepten', 'eformulier_concepten.uuid', 'eformulier_concept_bestanden.concept_uuid')
        .select('eformulier_concept_bestanden.bestandsnaam')
        .where('eformulier_concepten.identificatie', '=', '999992958')
        .execute();

    const broken = await postMultipart(`${MELDING}/stap/foto`, resident, multipart({ _csrf: resident.csrfToken, actie: 'volgende' }, [{ name: 'foto', filename: 'half.jpg', type: 'image/jpeg', content: Buffer.concat([JPEG, randomBytes(4000)]) }], true));
    expect(broken.statusCode).toBe(400);
    expect(await files()).toEqual([]);

    const renamed = await postMultipart(`${MELDING}/stap/foto`, resident, multipart({ _csrf: resident.csrfToken, actie: 'volgende' }, [{ name: 'foto', filename: 'foto.jpg', type: 'image/jpeg', content: Buffer.from('MZ not a photo at all') }]));
    expect(renamed.statusCode).toBe(400);
    expect(renamed.body).toContain('heeft een soort die niet kan. Kies een JPG-foto of PNG-afbeelding.');
    expect(await files()).toEqual([]);
  });

  it('refuses a step posted without the session\'s CSRF token, and a multipart post without it', async () => {
    const resident = await signInResident(database.db, tenant);
    await start(resident);
    const response = await post(`${MELDING}/stap/melding`, resident, { actie: 'volgende', categorie: 'Groen' }, false);
    expect(response.statusCode).toBe(403);
    const upload = await postMultipart(`${MELDING}/stap/foto`, resident, multipart({ actie: 'volgende' }, [{ name: 'foto', filename: 'a.jpg', type: 'image/jpeg', content: JPEG }]));
    expect(upload.statusCode).toBe(403);
  });

  it('keeps municipalities apart: no form where none is published, and a session counts only for its own municipality', async () => {
    const elsewhere = await signInResident(database.db, other);
    expect((await get(MELDING, elsewhere, other)).statusCode).toBe(404);
    // The first municipality's session cookie means nothing to the other one: sign in there.
    const resident = await signInResident(database.db, tenant);
    const crossed = await test.app.inject({ method: 'GET', url: MELDING, headers: { host: hostOf(other), ...HTML, cookie: resident.cookie } });
    expect(crossed.statusCode).toBe(303);
    expect(location(crossed)).toContain('/inloggen');
    expect(await zaken(other)).toBe(0);
  });
});
