import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { signInStaff, type SignedInStaff } from '../../../test/staff-session.ts';
import { insertTestCatalogus, insertTestZaaktype, RESULTAATTYPEOMSCHRIJVING_AFGEWEZEN, SELECTIELIJST_PROCESTYPE, SELECTIELIJST_RESULTAAT } from '../../../test/zgw-fixtures.ts';

/*
 * The eigenschappen and informatieobjecttypen of a zaaktype in beheer, end to end through app.inject: added,
 * changed, linked and removed on a concept through the Catalogi services; their rules shown as messages beside the
 * fields; a published zaaktype refused; another municipality's types out of reach.
 */

const PATH = '/medewerker/beheer/zaaktypen';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

function nieuwZaaktype(catalogus: string, identificatie: string): Record<string, string> {
  return {
    catalogus,
    identificatie,
    omschrijving: 'Evenementenvergunning',
    vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
    doel: 'Evenementen veilig laten verlopen.',
    aanleiding: 'Een aanvraag van een organisator.',
    onderwerp: 'Evenement',
    handelingInitiator: 'Aanvragen',
    handelingBehandelaar: 'Behandelen',
    indicatieInternOfExtern: 'extern',
    doorlooptijd: '8 weken',
    selectielijstProcestype: SELECTIELIJST_PROCESTYPE,
    referentieprocesNaam: 'Vergunning verlenen',
    verantwoordelijke: 'Team Evenementen',
    beginGeldigheid: '2026-01-01',
  };
}

const KENTEKEN = { naam: 'kenteken', definitie: 'Kenteken van het voertuig', formaat: 'tekst', lengte: '8', kardinaliteit: '1', waardenverzameling: '', toelichting: '' };

function nieuwIot(omschrijving: string, volgnummer: string, richting = 'inkomend'): Record<string, string> {
  return { omschrijving, vertrouwelijkheidaanduiding: 'zaakvertrouwelijk', beginGeldigheid: '2026-01-01', informatieobjectcategorie: 'Aanvraag', volgnummer, richting };
}

function uuidAfter(body: string, pattern: string): string {
  return new RegExp(`${pattern}/(${UUID.source})`).exec(body)?.[1] ?? '';
}

describe('eigenschappen en informatieobjecttypen in zaaktype beheer', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let beheerder: SignedInStaff;
  let otherBeheerder: SignedInStaff;
  let catalogusUrl: string;
  let otherCatalogusUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db, 'Gemeente Eigen');
    other = await createTestTenant(database.db, 'Gemeente Anders');
    beheerder = await signInStaff(test, tenant, { roles: ['beheerder'] });
    otherBeheerder = await signInStaff(test, other, { roles: ['beheerder'] });
    catalogusUrl = `http://${tenant.hostnames[0]}/catalogi/api/v1/catalogussen/${await insertTestCatalogus(database.db, tenant)}`;
    otherCatalogusUrl = `http://${other.hostnames[0]}/catalogi/api/v1/catalogussen/${await insertTestCatalogus(database.db, other)}`;
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  const get = (url: string, who: SignedInStaff = beheerder) => test.app.inject({ method: 'GET', url, headers: { ...who.headers, accept: 'text/html' } });
  const post = (url: string, payload: Record<string, string> = {}, who: SignedInStaff = beheerder) =>
    test.app.inject({ method: 'POST', url, headers: { ...who.headers, accept: 'text/html' }, payload: { _csrf: who.csrfToken, ...payload } });

  async function conceptZaaktype(identificatie: string, who: SignedInStaff = beheerder, catalogus = catalogusUrl): Promise<string> {
    const created = await post(`${PATH}/nieuw`, nieuwZaaktype(catalogus, identificatie), who);
    expect(created.statusCode).toBe(303);
    return String(created.headers.location).split('?')[0] ?? '';
  }

  it('adds, changes and removes an eigenschap of a concept', async () => {
    const zaaktypePath = await conceptZaaktype('EIG-ONDERHOUD');
    const added = await post(`${zaaktypePath}/eigenschappen`, KENTEKEN);
    expect(added.statusCode).toBe(303);
    const page = await get(zaaktypePath);
    expect(page.body).toContain('kenteken: Kenteken van het voertuig (tekst van hoogstens 8 tekens, één waarde)');

    // The same form twice: the second is refused beside the naam, nothing else changes.
    const twice = await post(`${zaaktypePath}/eigenschappen`, KENTEKEN);
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toMatch(/id="eigenschap-naam-fout"[^>]*>.*moet uniek zijn binnen het zaaktype/);
    expect((await get(zaaktypePath)).body.match(/Kenteken van het voertuig/g)).toHaveLength(1);

    const uuid = uuidAfter(page.body, 'eigenschappen');
    expect(uuid).not.toBe('');
    const editPage = await get(`${zaaktypePath}/eigenschappen/${uuid}`);
    expect(editPage.statusCode).toBe(200);
    expect(editPage.body).toContain('value="kenteken"');
    const changed = await post(`${zaaktypePath}/eigenschappen/${uuid}`, { ...KENTEKEN, formaat: 'tekst', lengte: '10', kardinaliteit: 'N', waardenverzameling: 'AB-123-C\nXY-99-ZZ' });
    expect(changed.statusCode).toBe(303);
    expect((await get(zaaktypePath)).body).toContain('tekst van hoogstens 10 tekens, meer waarden, uit: AB-123-C, XY-99-ZZ');

    // Another zaaktype's path does not reach this eigenschap.
    const elsewhere = await conceptZaaktype('EIG-ELDERS');
    expect((await post(`${elsewhere}/eigenschappen/${uuid}/verwijderen`)).statusCode).toBe(404);
    expect((await get(`${elsewhere}/eigenschappen/${uuid}`)).statusCode).toBe(404);

    expect((await post(`${zaaktypePath}/eigenschappen/${uuid}/verwijderen`)).statusCode).toBe(303);
    expect((await get(zaaktypePath)).body).not.toContain('Kenteken van het voertuig');
    // Removed twice (a double submit): not found, nothing else happens.
    expect((await post(`${zaaktypePath}/eigenschappen/${uuid}/verwijderen`)).statusCode).toBe(404);
  });

  it('shows the specificatie rules of the Catalogi service as Dutch messages beside the fields', async () => {
    const zaaktypePath = await conceptZaaktype('EIG-FOUTEN');
    const datum = await post(`${zaaktypePath}/eigenschappen`, { ...KENTEKEN, naam: 'datum', formaat: 'datum', lengte: '10' });
    expect(datum.statusCode).toBe(400);
    expect(datum.body).toContain('<title>Fout: ');
    expect(datum.body).toMatch(/id="eigenschap-lengte-fout"[^>]*>.*moet de lengte 8 zijn/);
    expect(datum.body).toContain('href="#eigenschap-lengte"');
    expect(datum.body).not.toContain('invalidParams');
    expect(datum.body).toContain('value="10"');

    const getal = await post(`${zaaktypePath}/eigenschappen`, { ...KENTEKEN, naam: 'aantal', formaat: 'getal', lengte: '3', waardenverzameling: '12\ntwaalf' });
    expect(getal.statusCode).toBe(400);
    expect(getal.body).toMatch(/id="eigenschap-waardenverzameling-fout"[^>]*>.*past niet bij de specificatie/);
    expect(getal.body).toContain('twaalf</textarea>');

    const leeg = await post(`${zaaktypePath}/eigenschappen`, { ...KENTEKEN, naam: '', kardinaliteit: 'veel' });
    expect(leeg.statusCode).toBe(400);
    expect(leeg.body).toMatch(/id="eigenschap-naam-fout"[^>]*>.*Vul de naam in/);
    expect(leeg.body).toMatch(/id="eigenschap-kardinaliteit-fout"[^>]*>.*hoogstens 3 tekens/);
    expect((await get(zaaktypePath)).body).toContain('Geen eigenschappen.');
  });

  it('makes, links, publishes and unlinks informatieobjecttypen of a concept', async () => {
    const zaaktypePath = await conceptZaaktype('IOT-AANVRAAG');
    const made = await post(`${zaaktypePath}/informatieobjecttypen/nieuw`, nieuwIot('Aanvraagformulier', '1'));
    expect(made.statusCode).toBe(303);
    const page = await get(zaaktypePath);
    expect(page.body).toContain('1. Aanvraagformulier (inkomend)');
    expect(page.body).toContain('Publiceer informatieobjecttype Aanvraagformulier');

    // The same form again makes no twin in the catalogus.
    const twice = await post(`${zaaktypePath}/informatieobjecttypen/nieuw`, nieuwIot('Aanvraagformulier', '2'));
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toMatch(/id="nieuwiot-omschrijving-fout"[^>]*>.*al een concept/);
    const count = await database.db.selectFrom('informatieobjecttypen').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', tenant.id).where('omschrijving', '=', 'Aanvraagformulier').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);

    // Another zaaktype of the catalogus links the existing type, with its own volgnummer and richting.
    const tweede = await conceptZaaktype('IOT-TWEEDE');
    expect((await get(tweede)).body).toMatch(/<option value="Aanvraagformulier">Aanvraagformulier \(concept\)<\/option>/);
    expect((await post(`${tweede}/informatieobjecttypen`, { informatieobjecttype: 'Aanvraagformulier', volgnummer: '3', richting: 'uitgaand' })).statusCode).toBe(303);
    expect((await get(tweede)).body).toContain('3. Aanvraagformulier (uitgaand)');
    const dubbel = await post(`${tweede}/informatieobjecttypen`, { informatieobjecttype: 'Aanvraagformulier', volgnummer: '3', richting: 'uitgaand' });
    expect(dubbel.statusCode).toBe(400);
    expect(dubbel.body).toMatch(/id="koppeling-volgnummer-fout"[^>]*>.*moet uniek zijn binnen het zaaktype/);
    const onbekend = await post(`${tweede}/informatieobjecttypen`, { informatieobjecttype: 'Bestaat niet', volgnummer: '4', richting: 'kwijt' });
    expect(onbekend.statusCode).toBe(400);
    expect(onbekend.body).toMatch(/id="koppeling-richting-fout"[^>]*>.*Kies inkomend, intern of uitgaand/);

    // Publishing the concept informatieobjecttype, once and again (a double submit changes nothing).
    const iotUuid = uuidAfter(page.body, 'informatieobjecttypen');
    expect(iotUuid).not.toBe('');
    expect((await post(`${zaaktypePath}/informatieobjecttypen/${iotUuid}/publiceren`)).statusCode).toBe(303);
    expect((await post(`${zaaktypePath}/informatieobjecttypen/${iotUuid}/publiceren`)).statusCode).toBe(303);
    const published = await get(zaaktypePath);
    expect(published.body).toContain('1. Aanvraagformulier (inkomend)');
    expect(published.body).not.toContain('Publiceer informatieobjecttype Aanvraagformulier');

    // Unlinking: only through the zaaktype the link belongs to; the type stays in the catalogus.
    const koppeling = uuidAfter(published.body, 'zaaktype-informatieobjecttypen');
    expect(koppeling).not.toBe('');
    expect((await post(`${tweede}/zaaktype-informatieobjecttypen/${koppeling}/verwijderen`)).statusCode).toBe(404);
    expect((await post(`${zaaktypePath}/zaaktype-informatieobjecttypen/${koppeling}/verwijderen`)).statusCode).toBe(303);
    const unlinked = await get(zaaktypePath);
    expect(unlinked.body).toContain('Geen informatieobjecttypen.');
    expect(unlinked.body).toContain('<option value="Aanvraagformulier">Aanvraagformulier</option>');
    expect((await post(`${zaaktypePath}/zaaktype-informatieobjecttypen/${koppeling}/verwijderen`)).statusCode).toBe(404);
  });

  it('shows the parts of a published zaaktype read-only and refuses changes to them', async () => {
    const published = await insertTestZaaktype(database.db, tenant, { catalogusUuid: catalogusUrl.split('/').at(-1) ?? '' });
    const zaaktypePath = `${PATH}/${published.uuid}`;
    const page = await get(zaaktypePath);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Dit zaaktype is gepubliceerd, dus de eigenschappen veranderen niet meer');
    expect(page.body).toContain('Dit zaaktype is gepubliceerd, dus de gekoppelde informatieobjecttypen veranderen niet meer');
    expect(page.body).not.toContain('Eigenschap toevoegen');
    expect(page.body).not.toContain('Informatieobjecttype maken en koppelen');

    const eigenschap = await post(`${zaaktypePath}/eigenschappen`, KENTEKEN);
    expect(eigenschap.statusCode).toBe(400);
    expect(eigenschap.body).toContain('Dit zaaktype is gepubliceerd en verandert niet meer. Maak een nieuwe versie');
    expect(eigenschap.body).not.toContain('geforceerd-schrijven');
    const iot = await post(`${zaaktypePath}/informatieobjecttypen/nieuw`, nieuwIot('Bijlage bij gepubliceerd', '1'));
    expect(iot.statusCode).toBe(400);
    expect(iot.body).toContain('Maak een nieuwe versie');
    // The informatieobjecttype and its link are written together or not at all.
    const count = await database.db.selectFrom('informatieobjecttypen').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', tenant.id).where('omschrijving', '=', 'Bijlage bij gepubliceerd').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('publishes a zaaktype only with published informatieobjecttypen, and a new version keeps both parts', async () => {
    const zaaktypePath = await conceptZaaktype('IOT-VERSIE');
    for (const [volgnummer, omschrijving] of [['1', 'Ontvangen'], ['2', 'Afgehandeld']]) {
      expect((await post(`${zaaktypePath}/statustypen`, { volgnummer: volgnummer ?? '', omschrijving: omschrijving ?? '', doorlooptijd: '' })).statusCode).toBe(303);
    }
    const resultaat = { omschrijving: 'Verleend', resultaattypeomschrijving: RESULTAATTYPEOMSCHRIJVING_AFGEWEZEN, selectielijstklasse: SELECTIELIJST_RESULTAAT, archiefnominatie: '', archiefactietermijn: '', afleidingswijze: 'afgehandeld' };
    expect((await post(`${zaaktypePath}/resultaattypen`, resultaat)).statusCode).toBe(303);
    expect((await post(`${zaaktypePath}/roltypen`, { omschrijving: 'Organisator', omschrijvingGeneriek: 'initiator' })).statusCode).toBe(303);
    expect((await post(`${zaaktypePath}/eigenschappen`, { ...KENTEKEN, naam: 'datum_evenement', definitie: 'Eerste dag van het evenement', formaat: 'datum', lengte: '' })).statusCode).toBe(303);
    expect((await post(`${zaaktypePath}/informatieobjecttypen/nieuw`, nieuwIot('Veiligheidsplan', '1'))).statusCode).toBe(303);

    const refused = await post(`${zaaktypePath}/publiceren`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('nog niet gepubliceerd: informatieobjecttype Veiligheidsplan');
    const iotUuid = uuidAfter((await get(zaaktypePath)).body, 'informatieobjecttypen');
    expect((await post(`${zaaktypePath}/informatieobjecttypen/${iotUuid}/publiceren`)).statusCode).toBe(303);
    expect((await post(`${zaaktypePath}/publiceren`)).statusCode).toBe(303);

    const published = await get(zaaktypePath);
    expect(published.body).toContain('datum_evenement: Eerste dag van het evenement (datum, één waarde)');
    expect(published.body).toContain('1. Veiligheidsplan (inkomend)');
    expect(published.body).not.toContain('/verwijderen');
    const begin = `${new Date().getUTCFullYear() + 1}-03-01`;
    const versie = await post(`${zaaktypePath}/nieuwe-versie`, { beginGeldigheid: begin });
    expect(versie.statusCode).toBe(303);
    const versiePage = await get(String(versie.headers.location).split('?')[0] ?? '');
    expect(versiePage.body).toContain('datum_evenement: Eerste dag van het evenement');
    expect(versiePage.body).toContain('1. Veiligheidsplan (inkomend)');
    expect(versiePage.body).toContain('Eigenschap toevoegen');
  });

  it('is for beheerders only and checks the CSRF token', async () => {
    const zaaktypePath = await conceptZaaktype('IOT-ROLLEN');
    const behandelaar = await signInStaff(test, tenant, { roles: ['behandelaar', 'kcc'] });
    expect((await post(`${zaaktypePath}/eigenschappen`, KENTEKEN, behandelaar)).statusCode).toBe(403);
    expect((await post(`${zaaktypePath}/informatieobjecttypen/nieuw`, nieuwIot('Van behandelaar', '1'), behandelaar)).statusCode).toBe(403);
    const zonderToken = await test.app.inject({ method: 'POST', url: `${zaaktypePath}/eigenschappen`, headers: { ...beheerder.headers, accept: 'text/html' }, payload: KENTEKEN });
    expect(zonderToken.statusCode).toBe(403);
    expect((await get(zaaktypePath)).body).toContain('Geen eigenschappen.');
  });

  it('never reaches another municipality’s zaaktypen or informatieobjecttypen', async () => {
    const theirs = await conceptZaaktype('ELDERS-IOT', otherBeheerder, otherCatalogusUrl);
    expect((await post(`${theirs}/informatieobjecttypen/nieuw`, nieuwIot('Geheim dossierstuk', '1'), otherBeheerder)).statusCode).toBe(303);
    expect((await post(`${theirs}/eigenschappen`, { ...KENTEKEN, naam: 'geheim' }, otherBeheerder)).statusCode).toBe(303);
    const theirPage = await get(theirs, otherBeheerder);
    const theirIot = uuidAfter(theirPage.body, 'informatieobjecttypen');
    const theirLink = uuidAfter(theirPage.body, 'zaaktype-informatieobjecttypen');
    const theirEigenschap = uuidAfter(theirPage.body, 'eigenschappen');
    expect([theirIot, theirLink, theirEigenschap]).not.toContain('');

    // Their zaaktype through our session: not found.
    expect((await get(theirs)).statusCode).toBe(404);
    expect((await post(`${theirs}/eigenschappen`, KENTEKEN)).statusCode).toBe(404);
    expect((await post(`${theirs}/informatieobjecttypen`, { informatieobjecttype: 'Geheim dossierstuk', volgnummer: '2', richting: 'intern' })).statusCode).toBe(404);

    // Their parts through our own concept: not found, or not in our catalogus.
    const ours = await conceptZaaktype('EIGEN-IOT');
    expect((await get(ours)).body).not.toContain('Geheim dossierstuk');
    expect((await get(`${ours}/eigenschappen/${theirEigenschap}`)).statusCode).toBe(404);
    expect((await post(`${ours}/eigenschappen/${theirEigenschap}/verwijderen`)).statusCode).toBe(404);
    expect((await post(`${ours}/informatieobjecttypen/${theirIot}/publiceren`)).statusCode).toBe(404);
    expect((await post(`${ours}/zaaktype-informatieobjecttypen/${theirLink}/verwijderen`)).statusCode).toBe(404);
    const link = await post(`${ours}/informatieobjecttypen`, { informatieobjecttype: 'Geheim dossierstuk', volgnummer: '1', richting: 'intern' });
    expect(link.statusCode).toBe(400);
    expect(link.body).toMatch(/id="koppeling-informatieobjecttype-fout"[^>]*>.*geen informatieobjecttype met omschrijving/);
    // Their types are unchanged: still a concept, still linked.
    expect((await get(theirs, otherBeheerder)).body).toContain('Publiceer informatieobjecttype Geheim dossierstuk');
  });
});
