import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { signInStaff, type SignedInStaff } from '../../../test/staff-session.ts';
import { insertTestCatalogus, insertTestZaaktype, RESULTAATTYPEOMSCHRIJVING_AFGEWEZEN, SELECTIELIJST_PROCESTYPE, SELECTIELIJST_RESULTAAT } from '../../../test/zgw-fixtures.ts';

/*
 * The zaaktype beheer pages, end to end through app.inject: who may open them, tenant isolation, the form's
 * messages, and the Catalogi API's concept/publish rules shown as messages beside the fields.
 */

const PATH = '/medewerker/beheer/zaaktypen';

function nieuwZaaktype(catalogus: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    catalogus,
    identificatie: 'BEHEER-PARKEREN',
    omschrijving: 'Parkeervergunning bewoners',
    vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
    doel: 'Bewoners kunnen parkeren bij hun woning.',
    aanleiding: 'Een aanvraag van een bewoner.',
    onderwerp: 'Parkeervergunning',
    handelingInitiator: 'Aanvragen',
    handelingBehandelaar: 'Behandelen',
    indicatieInternOfExtern: 'extern',
    doorlooptijd: '8 weken',
    servicenorm: '10 dagen',
    opschortingEnAanhoudingMogelijk: 'ja',
    verlengingMogelijk: 'ja',
    verlengingstermijn: '6 weken',
    selectielijstProcestype: SELECTIELIJST_PROCESTYPE,
    referentieprocesNaam: 'Vergunning verlenen',
    verantwoordelijke: 'Team Parkeren',
    toelichting: '',
    beginGeldigheid: '2026-01-01',
    ...overrides,
  };
}

describe('zaaktypen beheer', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let beheerder: SignedInStaff;
  let catalogusUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db, 'Gemeente Beheer');
    other = await createTestTenant(database.db, 'Gemeente Elders');
    beheerder = await signInStaff(test, tenant, { roles: ['beheerder'] });
    const catalogusUuid = await insertTestCatalogus(database.db, tenant);
    catalogusUrl = `http://${tenant.hostnames[0]}/catalogi/api/v1/catalogussen/${catalogusUuid}`;
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  const get = (url: string, who: SignedInStaff = beheerder) => test.app.inject({ method: 'GET', url, headers: { ...who.headers, accept: 'text/html' } });
  const post = (url: string, payload: Record<string, string> = {}, who: SignedInStaff = beheerder) =>
    test.app.inject({ method: 'POST', url, headers: { ...who.headers, accept: 'text/html' }, payload: { _csrf: who.csrfToken, ...payload } });

  it('is for beheerders only', async () => {
    const behandelaar = await signInStaff(test, tenant, { roles: ['behandelaar', 'kcc'] });
    expect((await get(PATH, behandelaar)).statusCode).toBe(403);
    expect((await get('/medewerker/beheer', behandelaar)).statusCode).toBe(403);
    expect((await post(`${PATH}/nieuw`, nieuwZaaktype(catalogusUrl), behandelaar)).statusCode).toBe(403);
    const index = await get('/medewerker/beheer');
    expect(index.statusCode).toBe(200);
    for (const href of ['/medewerker/beheer/zaaktypen', '/medewerker/formulieren', '/medewerker/kennisbank', '/medewerker/instellingen/contact', '/medewerker/afspraken', '/medewerker/beheer/api-clients', '/medewerker/beheer/medewerkers', '/medewerker/beheer/teams', '/medewerker/beheer/vertrouwelijkheid']) {
      expect(index.body).toContain(`href="${href}"`);
    }
  });

  it('refuses a post without the session’s CSRF token', async () => {
    const response = await test.app.inject({ method: 'POST', url: `${PATH}/nieuw`, headers: { ...beheerder.headers, accept: 'text/html' }, payload: nieuwZaaktype(catalogusUrl) });
    expect(response.statusCode).toBe(403);
  });

  it('says what is wrong beside the fields and keeps what was typed', async () => {
    const response = await post(`${PATH}/nieuw`, nieuwZaaktype(catalogusUrl, { omschrijving: '', doorlooptijd: 'acht weken', verlengingMogelijk: '', identificatie: 'met spatie' }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<title>Fout: Nieuw zaaktype');
    expect(response.body).toMatch(/id="omschrijving-fout"[^>]*>.*Vul omschrijving in/);
    expect(response.body).toMatch(/id="doorlooptijd-fout"[^>]*>.*8 weken/);
    expect(response.body).toMatch(/id="verlengingstermijn-fout"[^>]*>.*Laat leeg/);
    expect(response.body).toMatch(/id="identificatie-fout"/);
    expect(response.body).toContain('value="acht weken"');
  });

  it('creates a concept, adds parts, shows the publish rules as messages, publishes and makes a new version', async () => {
    const created = await post(`${PATH}/nieuw`, nieuwZaaktype(catalogusUrl));
    expect(created.statusCode).toBe(303);
    const zaaktypePath = String(created.headers.location).split('?')[0] ?? '';
    // A second submit of the same form does not make a twin.
    const twice = await post(`${PATH}/nieuw`, nieuwZaaktype(catalogusUrl));
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('Er is al een concept van zaaktype BEHEER-PARKEREN');

    const page = await get(zaaktypePath);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Concept');
    expect(page.body).toContain('8 weken');
    expect(page.body).toContain('6 weken');

    // Publishing now: the service's rules, readable beside the sections.
    const early = await post(`${zaaktypePath}/publiceren`);
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('ten minste twee statustypen');
    expect(early.body).toContain('ten minste één resultaattype');
    expect(early.body).toContain('ten minste één roltype');
    expect(early.body).toContain('href="#statustypen"');

    expect((await post(`${zaaktypePath}/statustypen`, { volgnummer: '1', omschrijving: 'Ontvangen', informeren: 'ja', doorlooptijd: '' })).statusCode).toBe(303);
    const duplicate = await post(`${zaaktypePath}/statustypen`, { volgnummer: '1', omschrijving: 'Nog eens', doorlooptijd: '' });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toMatch(/id="statustype-volgnummer-fout"/);
    expect((await post(`${zaaktypePath}/statustypen`, { volgnummer: '2', omschrijving: 'Afgehandeld', doorlooptijd: '2 weken' })).statusCode).toBe(303);

    const zonderKlasse = await post(`${zaaktypePath}/resultaattypen`, { omschrijving: 'Verleend', resultaattypeomschrijving: RESULTAATTYPEOMSCHRIJVING_AFGEWEZEN, selectielijstklasse: '', afleidingswijze: 'afgehandeld' });
    expect(zonderKlasse.statusCode).toBe(400);
    expect(zonderKlasse.body).toMatch(/id="resultaattype-selectielijstklasse-fout"[^>]*>.*Kies het resultaat/);
    const resultaat = await post(`${zaaktypePath}/resultaattypen`, { omschrijving: 'Verleend', resultaattypeomschrijving: RESULTAATTYPEOMSCHRIJVING_AFGEWEZEN, selectielijstklasse: SELECTIELIJST_RESULTAAT, archiefnominatie: '', archiefactietermijn: '', afleidingswijze: 'afgehandeld' });
    expect(resultaat.statusCode).toBe(303);
    expect((await post(`${zaaktypePath}/roltypen`, { omschrijving: 'Aanvrager', omschrijvingGeneriek: 'initiator' })).statusCode).toBe(303);

    const withParts = await get(zaaktypePath);
    // The resultaattype shows its Selectielijst resultaat and the archiefnominatie derived from it.
    expect(withParts.body).toContain('1.1 Ingericht');
    expect(withParts.body).toContain('archiefnominatie Vernietigen, na 10 jaar');

    // Editing a concept's key fields.
    const edited = await post(`${zaaktypePath}/bewerken`, nieuwZaaktype(catalogusUrl, { doorlooptijd: 'P6W', servicenorm: '' }));
    expect(edited.statusCode).toBe(303);
    expect((await get(zaaktypePath)).body).toContain('<dd>6 weken</dd>');

    const published = await post(`${zaaktypePath}/publiceren`);
    expect(published.statusCode).toBe(303);
    const publishedPage = await get(zaaktypePath);
    expect(publishedPage.body).toContain('Gepubliceerd');
    expect(publishedPage.body).not.toContain('Statustype toevoegen');

    // A published zaaktype does not change (ztc-009), also when the form is posted straight away.
    const refused = await post(`${zaaktypePath}/bewerken`, nieuwZaaktype(catalogusUrl, { omschrijving: 'Anders' }));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('gepubliceerd zaaktype');
    const statustypeRefused = await post(`${zaaktypePath}/statustypen`, { volgnummer: '3', omschrijving: 'Later', doorlooptijd: '' });
    expect(statustypeRefused.statusCode).toBe(400);

    // A new version: a concept with a later begin and the same parts; publishing it ends the earlier one.
    const tooEarly = await post(`${zaaktypePath}/nieuwe-versie`, { beginGeldigheid: '2025-06-01' });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.body).toMatch(/id="versie-beginGeldigheid-fout"/);
    const begin = `${new Date().getUTCFullYear() + 1}-03-01`;
    const versie = await post(`${zaaktypePath}/nieuwe-versie`, { beginGeldigheid: begin });
    expect(versie.statusCode).toBe(303);
    const versiePath = String(versie.headers.location).split('?')[0] ?? '';
    expect(versiePath).not.toBe(zaaktypePath);
    const versieAgain = await post(`${zaaktypePath}/nieuwe-versie`, { beginGeldigheid: begin });
    expect(versieAgain.statusCode).toBe(400);
    expect(versieAgain.body).toContain('Er is al een conceptversie');
    const versiePage = await get(versiePath);
    expect(versiePage.body).toContain('Ontvangen');
    expect(versiePage.body).toContain('1.1 Ingericht');
    expect(versiePage.body).toContain('Aanvrager');
    expect((await post(`${versiePath}/publiceren`)).statusCode).toBe(303);
    const list = await get(PATH);
    expect(list.body).toContain(`2026-01-01 t/m ${Number(begin.slice(0, 4))}-02-28`);
    expect(list.body).toContain(`${begin} t/m heden`);
  });

  it('removes and changes parts of a concept only through its own zaaktype', async () => {
    const created = await post(`${PATH}/nieuw`, nieuwZaaktype(catalogusUrl, { identificatie: 'BEHEER-ONDERDELEN' }));
    const zaaktypePath = String(created.headers.location).split('?')[0] ?? '';
    await post(`${zaaktypePath}/statustypen`, { volgnummer: '1', omschrijving: 'Ontvangen', doorlooptijd: '' });
    const page = await get(zaaktypePath);
    const statustypeUuid = /statustypen\/([0-9a-f-]{36})\/verwijderen/.exec(page.body)?.[1] ?? '';
    expect(statustypeUuid).not.toBe('');
    // Another zaaktype's path with this statustype: not found.
    const elsewhere = await insertTestZaaktype(database.db, tenant, { concept: true });
    expect((await post(`${PATH}/${elsewhere.uuid}/statustypen/${statustypeUuid}/verwijderen`)).statusCode).toBe(404);
    const editPage = await get(`${zaaktypePath}/statustypen/${statustypeUuid}`);
    expect(editPage.statusCode).toBe(200);
    const changed = await post(`${zaaktypePath}/statustypen/${statustypeUuid}`, { volgnummer: '1', omschrijving: 'Binnengekomen', doorlooptijd: '3 dagen' });
    expect(changed.statusCode).toBe(303);
    expect((await get(zaaktypePath)).body).toContain('Binnengekomen, 3 dagen');
    expect((await post(`${zaaktypePath}/statustypen/${statustypeUuid}/verwijderen`)).statusCode).toBe(303);
    expect((await get(zaaktypePath)).body).not.toContain('Binnengekomen');
    // Removed twice (a double submit): not found, nothing else happens.
    expect((await post(`${zaaktypePath}/statustypen/${statustypeUuid}/verwijderen`)).statusCode).toBe(404);
  });

  it('never shows or changes another municipality’s zaaktypen', async () => {
    const theirs = await insertTestZaaktype(database.db, other, { concept: true, identificatie: 'ELDERS-GEHEIM' });
    expect((await get(`${PATH}/${theirs.uuid}`)).statusCode).toBe(404);
    expect((await post(`${PATH}/${theirs.uuid}/publiceren`)).statusCode).toBe(404);
    expect((await post(`${PATH}/${theirs.uuid}/statustypen`, { volgnummer: '9', omschrijving: 'Ingebroken', doorlooptijd: '' })).statusCode).toBe(404);
    expect((await post(`${PATH}/${theirs.uuid}/statustypen/${theirs.statustypen[0]?.uuid ?? ''}/verwijderen`)).statusCode).toBe(404);
    expect((await get(PATH)).body).not.toContain('ELDERS-GEHEIM');
  });
});
