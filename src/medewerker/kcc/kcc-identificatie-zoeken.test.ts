import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { signInStaff, type SignedInStaff } from '../../../test/staff-session.ts';
import { seedDemoCatalogus } from '../../components/catalogi/demo/seed.ts';
import { createKlantToken, klantApi, loadKlantinteractiesSpec, type KlantApi } from '../../components/klantinteracties/klantinteracties-test-kit.ts';
import type { Tenant } from '../../platform/database/schema.ts';
import { insertZaakVan, kccPages, publishAnswer, searchLogOf } from './kcc-test-kit.ts';

/** Known as a partij, with e-mail address and phone number. */
const JAN = '123456782';
/** Not a partij yet; named by the rollen of zaken (one of them a vertrouwelijk Wmo-melding). */
const NOOR = '999993653';
/** Only in the other municipality's zaken. */
const ELDERS = '999990019';
const KVK = '12345678';

describe('KCC: identifying the caller by each key, searching in one box, and what the agent may not see', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let agent: SignedInStaff;
  let api: KlantApi;
  let janUuid: string;
  const zaken: Record<string, { uuid: string; identificatie: string }> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db, 'Gemeente Voorbeeld');
    other = await createTestTenant(database.db, 'Gemeente Elders');
    for (const target of [tenant, other]) await seedDemoCatalogus(database.db, target);
    agent = await signInStaff(test, tenant, { roles: ['kcc'] });
    api = klantApi(test, await loadKlantinteractiesSpec(), tenant, await createKlantToken(database.db, test.keys, tenant));
    const jan = await api.create('/partijen', {
      soortPartij: 'persoon',
      indicatieActief: true,
      voorkeurstaal: 'dut',
      partijIdentificatie: { contactnaam: { voornaam: 'Jan', voorvoegselAchternaam: '', achternaam: 'Jansen' } },
      partijIdentificatoren: [{ partijIdentificator: { codeObjecttype: 'natuurlijk_persoon', codeSoortObjectId: 'bsn', objectId: JAN, codeRegister: 'brp' } }],
    });
    janUuid = String(jan.uuid);
    await api.create('/digitaleadressen', { verstrektDoorPartij: { uuid: janUuid }, adres: 'Jan.Jansen@example.nl', soortDigitaalAdres: 'email' });
    await api.create('/digitaleadressen', { verstrektDoorPartij: { uuid: janUuid }, adres: '0612345678', soortDigitaalAdres: 'telefoonnummer' });
    const noor = { bsn: NOOR, voornamen: 'Noor', voorvoegselGeslachtsnaam: 'de', geslachtsnaam: 'Vries', geboortedatum: '1980-12-31' };
    zaken.janVerhuizing = await insertZaakVan(database.db, tenant, 'VERHUIZING', 'zaakvertrouwelijk', { bsn: JAN, voornamen: 'Jan', geslachtsnaam: 'Jansen', geboortedatum: '1970-01-01' }, 'Verhuizing naar Dorpsstraat');
    zaken.noorVerhuizing = await insertZaakVan(database.db, tenant, 'VERHUIZING', 'zaakvertrouwelijk', noor, 'Verhuizing binnen de gemeente');
    zaken.noorWmo = await insertZaakVan(database.db, tenant, 'WMO-MELDING', 'vertrouwelijk', noor, 'Hulp bij het huishouden');
    zaken.bedrijf = await insertZaakVan(database.db, tenant, 'VERHUIZING', 'zaakvertrouwelijk', { kvkNummer: KVK, statutaireNaam: 'Bakkerij Bol B.V.' });
    zaken.elders = await insertZaakVan(database.db, other, 'VERHUIZING', 'openbaar', { bsn: ELDERS, voornamen: 'Els', geslachtsnaam: 'Elders', geboortedatum: '1990-05-05' });
    await publishAnswer(database.db, tenant, 'zwembadpas', {});
  }, 180_000);
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  function identify(uuid: string, payload: Record<string, string>) {
    return kccPages(test, agent).post(`/medewerker/kcc/contacten/${uuid}/identificeren`, payload);
  }

  async function processing(name: string) {
    return database.db
      .selectFrom('processing_log')
      .select(['processing_activity_id', 'actor', 'data_subject_id', 'name'])
      .where('tenant_id', '=', tenant.id)
      .where('name', '=', name)
      .orderBy('seq')
      .execute();
  }

  const pseudonym = (bsn: string) => test.keys.pseudonymise(tenant.id, bsn);

  it('finds a known person by BSN and logs the look-up under klantcontact-afhandelen with the person as subject', async () => {
    const uuid = await kccPages(test, agent).register('telefoon');
    const before = (await processing('persoon-identificeren')).length;
    const response = await identify(uuid, { sleutel: 'bsn', waarde: '123 456 782' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Jan Jansen');
    expect(response.body).toContain(`name="partij" value="${janUuid}"`);
    const logged = await processing('persoon-identificeren');
    expect(logged.length).toBe(before + 1);
    expect(logged.at(-1)).toMatchObject({ processing_activity_id: 'klantcontact-afhandelen', actor: 'medewerker:kcc', data_subject_id: pseudonym(JAN) });
  });

  it('refuses a BSN that fails the 11-proef beside the field, and looks nothing up', async () => {
    const uuid = await kccPages(test, agent).register('telefoon');
    const before = (await processing('persoon-identificeren')).length;
    const response = await identify(uuid, { sleutel: 'bsn', waarde: '123456789' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('11-proef');
    expect(response.body).toContain('href="#waarde"');
    expect((await processing('persoon-identificeren')).length).toBe(before);
  });

  it('finds a known person by e-mail address (any case) and by phone number (any notation)', async () => {
    const uuid = await kccPages(test, agent).register('e-mail');
    expect((await identify(uuid, { sleutel: 'email', waarde: 'jan.jansen@EXAMPLE.nl' })).body).toContain(`value="${janUuid}"`);
    expect((await identify(uuid, { sleutel: 'telefoon', waarde: '+31 6 1234 5678' })).body).toContain(`value="${janUuid}"`);
    expect((await identify(uuid, { sleutel: 'telefoon', waarde: '0687654321' })).body).toContain('Niemand gevonden');
    const logged = await processing('persoon-identificeren');
    expect(logged.at(-2)).toMatchObject({ data_subject_id: pseudonym(JAN) });
  });

  it('finds a person the zaken name by BSN, by name and date of birth, and by zaak number, and makes the partij on linking', async () => {
    const pages = kccPages(test, agent);
    const uuid = await pages.register('balie');
    const byBsn = await identify(uuid, { sleutel: 'bsn', waarde: NOOR });
    expect(byBsn.body).toContain('Noor de Vries');
    expect(byBsn.body).toContain('nog niet bekend als klant');
    const byName = await identify(uuid, { sleutel: 'naam', waarde: 'de Vries', geboortedatum: '31-12-1980' });
    expect(byName.body).toContain(`name="bsn" value="${NOOR}"`);
    const wrongDate = await identify(uuid, { sleutel: 'naam', waarde: 'de Vries', geboortedatum: '31-02-1980' });
    expect(wrongDate.statusCode).toBe(400);
    expect(wrongDate.body).toContain('geen geldige geboortedatum');
    const byZaak = await identify(uuid, { sleutel: 'zaaknummer', waarde: zaken.noorVerhuizing?.identificatie ?? '' });
    expect(byZaak.body).toContain(`name="bsn" value="${NOOR}"`);
    expect((await processing('persoon-identificeren')).at(-1)).toMatchObject({ data_subject_id: pseudonym(NOOR) });

    const linked = await pages.post(`/medewerker/kcc/contacten/${uuid}/partij`, { soort: 'persoon', bsn: NOOR, voornaam: 'Noor', voorvoegsel: 'de', achternaam: 'Vries' });
    expect(linked.statusCode).toBe(303);
    const found = (await api.call('GET', `/partijen?partijIdentificator__objectId=${NOOR}`, '/partijen')).json() as { count: number; results: { uuid: string }[] };
    expect(found.count).toBe(1);
    const klantcontact = (await api.call('GET', `/klantcontacten/${uuid}?expand=hadBetrokkenen`, '/klantcontacten/{uuid}')).json() as { _expand: { hadBetrokkenen: { wasPartij: { uuid: string }; initiator: boolean }[] } };
    expect(klantcontact._expand.hadBetrokkenen).toHaveLength(1);
    expect(klantcontact._expand.hadBetrokkenen[0]).toMatchObject({ wasPartij: { uuid: found.results[0]?.uuid }, initiator: true });
    // Linked once, the same BSN now finds the partij instead of offering a new one.
    expect((await identify(uuid, { sleutel: 'bsn', waarde: NOOR })).body).toContain(`name="partij" value="${found.results[0]?.uuid ?? ''}"`);
  });

  it('finds a business by KvK number and makes it an organisatie with its KvK number on linking', async () => {
    const pages = kccPages(test, agent);
    const uuid = await pages.register('telefoon');
    const response = await identify(uuid, { sleutel: 'kvk', waarde: KVK });
    expect(response.body).toContain('Bakkerij Bol B.V.');
    await pages.post(`/medewerker/kcc/contacten/${uuid}/partij`, { soort: 'organisatie', kvkNummer: KVK, naam: 'Bakkerij Bol B.V.' });
    const found = (await api.call('GET', `/partijen?partijIdentificator__objectId=${KVK}`, '/partijen')).json() as { results: { soortPartij: string; partijIdentificatie: { naam: string } }[] };
    expect(found.results[0]).toMatchObject({ soortPartij: 'organisatie', partijIdentificatie: { naam: 'Bakkerij Bol B.V.' } });
    expect((await pages.get(`/medewerker/kcc/contacten/${uuid}`)).body).toContain(zaken.bedrijf?.identificatie ?? 'missing');
  });

  it('keeps a vertrouwelijk Wmo-melding out of identification by zaak number and out of the person’s zaken', async () => {
    const pages = kccPages(test, agent);
    const uuid = await pages.register('telefoon');
    const response = await identify(uuid, { sleutel: 'zaaknummer', waarde: zaken.noorWmo?.identificatie ?? '' });
    expect(response.body).toContain('Niemand gevonden');
    expect(response.body).not.toContain(NOOR);
    const found = (await api.call('GET', `/partijen?partijIdentificator__objectId=${NOOR}`, '/partijen')).json() as { results: { uuid: string }[] };
    await pages.post(`/medewerker/kcc/contacten/${uuid}/partij`, { partij: found.results[0]?.uuid ?? '' });
    const page = await pages.get(`/medewerker/kcc/contacten/${uuid}`);
    expect(page.body).toContain(zaken.noorVerhuizing?.identificatie ?? 'missing');
    expect(page.body).not.toContain(zaken.noorWmo?.identificatie ?? 'missing');
    expect(page.body).not.toContain('Hulp bij het huishouden');
  });

  it("never finds another municipality's people or zaken", async () => {
    const uuid = await kccPages(test, agent).register('telefoon');
    const byZaak = await identify(uuid, { sleutel: 'zaaknummer', waarde: zaken.elders?.identificatie ?? '' });
    expect(byZaak.body).toContain('Niemand gevonden');
    const byName = await identify(uuid, { sleutel: 'naam', waarde: 'Elders', geboortedatum: '05-05-1990' });
    expect(byName.body).toContain('Niemand gevonden');
    // The BSN itself may be offered as a new person (the agent typed it), but with no name or zaak from elsewhere.
    const byBsn = await identify(uuid, { sleutel: 'bsn', waarde: ELDERS });
    expect(byBsn.body).not.toContain('Els Elders');
  });

  it('searches kennisbank answers with their KCC note, the person’s zaken with status and earlier contacts in one box, logged with channel kcc', async () => {
    const pages = kccPages(test, agent);
    const earlier = await pages.register('e-mail', 'Verhuizing doorgeven');
    await pages.post(`/medewerker/kcc/contacten/${earlier}/partij`, { partij: janUuid });
    await pages.post(`/medewerker/kcc/contacten/${earlier}/afsluiten`, { kanaal: 'e-mail', onderwerp: 'Verhuizing doorgeven', resultaat: 'beantwoord', eersteContact: 'ja' });

    const uuid = await pages.register('telefoon');
    await pages.post(`/medewerker/kcc/contacten/${uuid}/partij`, { partij: janUuid });
    const before = (await processing('zaken-en-contacten-raadplegen')).length;
    const answers = await pages.get(`/medewerker/kcc/contacten/${uuid}?q=zwembadpas`);
    expect(answers.statusCode).toBe(200);
    expect(answers.body).toContain('Zwembadpas aanvragen');
    expect(answers.body).toContain('KCC-notitie:');
    expect(answers.body).toContain('Kassasysteem storing');
    const log = await searchLogOf(database.db, tenant);
    const logged = log.find((row) => row.zoekterm === 'zwembadpas');
    expect(logged).toMatchObject({ kanaal: 'kcc', aantal_resultaten: 1 });
    // A question about the kennisbank matches none of Jan's zaken and contacts: the newest are shown, and said to be.
    expect(answers.body).toContain('Geen zaken passen bij &quot;zwembadpas&quot;; de nieuwste zaken van deze persoon');
    expect(answers.body).toContain(zaken.janVerhuizing?.identificatie ?? 'missing');
    expect(answers.body).toContain('Geen eerdere contacten passen bij &quot;zwembadpas&quot;; de nieuwste');

    const zakenSearch = await pages.get(`/medewerker/kcc/contacten/${uuid}?q=verhuizing`);
    expect(zakenSearch.body).toContain(zaken.janVerhuizing?.identificatie ?? 'missing');
    expect(zakenSearch.body).toContain('Verhuizing naar Dorpsstraat');
    expect(zakenSearch.body).toContain('Zaken van deze persoon die bij de zoekopdracht passen');
    expect(zakenSearch.body).toContain('Eerdere contacten die bij de zoekopdracht passen');
    const status = await database.db
      .selectFrom('statussen')
      .innerJoin('statustypen', 'statustypen.uuid', 'statussen.statustype_uuid')
      .select('statustypen.omschrijving')
      .where('statussen.zaak_uuid', '=', zaken.janVerhuizing?.uuid ?? '')
      .executeTakeFirstOrThrow();
    expect(zakenSearch.body).toContain(`<td>${status.omschrijving}</td></tr>`);
    expect(zakenSearch.body).toContain('Verhuizing doorgeven');
    expect(zakenSearch.body).toContain(`href="/medewerker/kcc/contacten/${earlier}"`);
    // Jan's page never lists Noor's zaken.
    expect(zakenSearch.body).not.toContain(zaken.noorVerhuizing?.identificatie ?? 'missing');
    const read = await processing('zaken-en-contacten-raadplegen');
    expect(read.length).toBe(before + 2);
    expect(read.at(-1)).toMatchObject({ processing_activity_id: 'klantcontact-afhandelen', data_subject_id: pseudonym(JAN) });
  });

  it('logs a click on an answer through the redirect, then shows the answer with its internal note', async () => {
    const pages = kccPages(test, agent);
    const uuid = await pages.register('chat');
    const results = await pages.get(`/medewerker/kcc/contacten/${uuid}?q=zwembad`);
    const link = /href="(\/medewerker\/kcc\/klik\?[^"]+)"/.exec(results.body)?.[1]?.replaceAll('&amp;', '&');
    expect(link).toBeDefined();
    const click = await pages.get(link ?? '');
    expect(click.statusCode).toBe(303);
    expect(click.headers.location).toBe(`/medewerker/kcc/antwoorden/zwembadpas?contact=${uuid}`);
    const zoekopdracht = new URL(link ?? '', 'http://x').searchParams.get('zoekopdracht') ?? '';
    const row = (await searchLogOf(database.db, tenant)).find((entry) => entry.uuid === zoekopdracht);
    expect(row).toMatchObject({ kanaal: 'kcc', geklikte_positie: 1 });
    expect(row?.geklikt_product_uuid).not.toBeNull();
    const answer = await pages.get(String(click.headers.location));
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('KCC-notitie (intern)');
    expect(answer.body).toContain('Kassasysteem storing');
    expect(answer.body).toContain(`href="/medewerker/kcc/contacten/${uuid}"`);
    // A link cannot be bent to another site.
    expect((await pages.get(`/medewerker/kcc/klik?zoekopdracht=${zoekopdracht}&product=https://evil.example&contact=${uuid}`)).statusCode).toBe(400);
  });
});
