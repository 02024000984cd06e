import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { createKlantToken, klantApi, loadKlantinteractiesSpec, type KlantApi } from './klantinteracties-test-kit.ts';

type Json = Record<string, unknown>;
type Page = { count: number; results: Json[] };
type Problem = { code: string; invalidParams?: { name: string; code: string }[] };

const BSN = '100000009';

describe('Klantinteracties API: digitale adressen, rekeningnummers, vertegenwoordigingen and categorieën', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let api: KlantApi;
  let persoon: Json;
  let organisatie: Json;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db);
    api = klantApi(test, await loadKlantinteractiesSpec(), tenant, await createKlantToken(database.db, test.keys, tenant));
    persoon = await api.create('/partijen', {
      soortPartij: 'persoon',
      indicatieActief: true,
      partijIdentificatie: { contactnaam: { voornaam: 'Noor', achternaam: 'Visser' } },
      partijIdentificatoren: [{ partijIdentificator: { codeObjecttype: 'natuurlijk_persoon', codeSoortObjectId: 'bsn', objectId: BSN, codeRegister: 'brp' } }],
    });
    organisatie = await api.create('/partijen', { soortPartij: 'organisatie', indicatieActief: true, partijIdentificatie: { naam: 'Stichting Hulp' } });
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  async function logged(name: string): Promise<{ data_subject_id: string | null }[]> {
    return database.db.selectFrom('processing_log').select('data_subject_id').where('tenant_id', '=', tenant.id).where('name', '=', name).execute();
  }

  async function count(url: string, template: string): Promise<number> {
    const response = await api.call('GET', url, template);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as Page).count;
  }

  it('keeps a person\'s digitale adressen, one standaard adres per soort, and logs reading them', async () => {
    const mail = await api.create('/digitaleadressen', { verstrektDoorPartij: { uuid: persoon.uuid }, adres: 'noor@example.org', soortDigitaalAdres: 'email', isStandaardAdres: true, referentie: 'prive' });
    const work = await api.create('/digitaleadressen', { verstrektDoorPartij: { uuid: persoon.uuid }, adres: 'noor@werk.example', soortDigitaalAdres: 'email', isStandaardAdres: true, verificatieDatum: '2026-11-01' });
    const phone = await api.create('/digitaleadressen', { verstrektDoorPartij: { uuid: persoon.uuid }, adres: '0612345678', soortDigitaalAdres: 'telefoonnummer', omschrijving: 'Mobiel' });
    expect(((await api.call('GET', `/digitaleadressen/${String(mail.uuid)}`, '/digitaleadressen/{uuid}')).json() as Json).isStandaardAdres).toBe(false);
    expect(phone.referentie).toBeUndefined();

    expect(await count(`/digitaleadressen?verstrektDoorPartij__uuid=${String(persoon.uuid)}&isStandaardAdres=true`, '/digitaleadressen')).toBe(1);
    expect(await count('/digitaleadressen?adres__icontains=EXAMPLE&soortDigitaalAdres=email&isGeverifieerd=true&verificatieDatum__gte=2026-10-01', '/digitaleadressen')).toBe(1);
    expect(await count(`/digitaleadressen?verstrektDoorPartij__partijIdentificator__objectId=${BSN}&omschrijving=mob`, '/digitaleadressen')).toBe(1);
    expect(await count('/digitaleadressen?verstrektDoorPartij__soortPartij=persoon&referentie=prive', '/digitaleadressen')).toBe(1);
    const reads = await logged('digitale-adressen-zoeken');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((record) => record.data_subject_id !== null && record.data_subject_id !== BSN)).toBe(true);

    const partij = await api.call('GET', `/partijen/${String(persoon.uuid)}?expand=digitaleAdressen`, '/partijen/{uuid}');
    expect(((partij.json() as Json)._expand as { digitaleAdressen: Json[] }).digitaleAdressen.map((adres) => adres.adres)).toEqual(['noor@example.org', 'noor@werk.example', '0612345678']);

    const url = `/digitaleadressen/${String(work.uuid)}`;
    const template = '/digitaleadressen/{uuid}';
    expect((await api.call('PUT', url, template, { adres: 'noor@nieuw.example', soortDigitaalAdres: 'email' })).statusCode).toBe(200);
    const patched = await api.call('PATCH', url, template, { omschrijving: 'Nieuw werk', verificatieDatum: null });
    expect((patched.json() as Json).verificatieDatum).toBeNull();
    const wrong = await api.call('PATCH', url, template, { soortDigitaalAdres: 'telefoonnummer' });
    expect((wrong.json() as Problem).invalidParams?.[0]?.name).toBe('adres');
    const service = await api.call('POST', '/digitaleadressen', '/digitaleadressen', { adres: '0900-1234', soortDigitaalAdres: 'telefoonnummer' });
    expect(service.statusCode).toBe(400);
    expect((await api.call('DELETE', url, template)).statusCode).toBe(204);
  });

  it('expands who gave an adres during a contact, down to the contact\'s interne taken', async () => {
    const made = await api.call('POST', '/maak-klantcontact', '/maak-klantcontact', {
      klantcontact: { kanaal: 'e-mail', onderwerp: 'Parkeervergunning', taal: 'nld', vertrouwelijk: false },
      betrokkene: { rol: 'klant', initiator: true, contactnaam: { voornaam: 'Sem' } },
    });
    const betrokkene = (made.json() as { betrokkene: Json }).betrokkene;
    const adres = await api.create('/digitaleadressen', { verstrektDoorBetrokkene: { uuid: betrokkene.uuid }, adres: 'sem@example.org', soortDigitaalAdres: 'email' });
    const read = await api.call('GET', `/digitaleadressen/${String(adres.uuid)}?expand=verstrektDoorBetrokkene.hadKlantcontact.leiddeTotInterneTaken`, '/digitaleadressen/{uuid}');
    const expanded = (read.json() as Json)._expand as { verstrektDoorBetrokkene: Json };
    expect(expanded.verstrektDoorBetrokkene.uuid).toBe(betrokkene.uuid);
    expect(((expanded.verstrektDoorBetrokkene._expand as Json).hadKlantcontact as Json).onderwerp).toBe('Parkeervergunning');
    expect(await count(`/digitaleadressen?verstrektDoorBetrokkene__url=${String(betrokkene.url)}&verstrektDoorBetrokkene__rol=klant&expand=verstrektDoorBetrokkene`, '/digitaleadressen')).toBe(1);
  });

  it('lets a partij list its own adressen and rekeningnummers and prefer one of them', async () => {
    const adres = await api.create('/digitaleadressen', { adres: 'info@hulp.example', soortDigitaalAdres: 'email' });
    const rekening = await api.create('/rekeningnummers', { iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' });
    const foreign = await api.create('/digitaleadressen', { verstrektDoorPartij: { uuid: persoon.uuid }, adres: 'ander@example.org', soortDigitaalAdres: 'email' });
    const refused = await api.call('PATCH', `/partijen/${String(organisatie.uuid)}`, '/partijen/{uuid}', { voorkeursDigitaalAdres: { uuid: foreign.uuid } });
    expect((refused.json() as Problem).invalidParams?.[0]?.name).toBe('voorkeursDigitaalAdres');
    const patched = await api.call('PATCH', `/partijen/${String(organisatie.uuid)}`, '/partijen/{uuid}', {
      digitaleAdressen: [{ uuid: adres.uuid }],
      voorkeursDigitaalAdres: { uuid: adres.uuid },
      rekeningnummers: [{ uuid: rekening.uuid }],
      voorkeursRekeningnummer: { uuid: rekening.uuid },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const partij = patched.json() as Json;
    expect(partij.digitaleAdressen).toEqual([{ uuid: adres.uuid, url: adres.url }]);
    expect(partij.voorkeursRekeningnummer).toEqual({ uuid: rekening.uuid, url: rekening.url });
    expect(((await api.call('GET', `/rekeningnummers/${String(rekening.uuid)}`, '/rekeningnummers/{uuid}')).json() as Json).partij).toEqual({ uuid: organisatie.uuid, url: organisatie.url });

    // A partij goes with its own adressen and rekeningnummers, its preferences included.
    const gone = await api.create('/partijen', { soortPartij: 'organisatie', indicatieActief: true, partijIdentificatie: { naam: 'Tijdelijk' } });
    const own = await api.create('/digitaleadressen', { verstrektDoorPartij: { uuid: gone.uuid }, adres: 'weg@example.org', soortDigitaalAdres: 'email' });
    expect((await api.call('PATCH', `/partijen/${String(gone.uuid)}`, '/partijen/{uuid}', { voorkeursDigitaalAdres: { uuid: own.uuid } })).statusCode).toBe(200);
    expect((await api.call('DELETE', `/partijen/${String(gone.uuid)}`, '/partijen/{uuid}')).statusCode).toBe(204);
    expect((await api.call('GET', `/digitaleadressen/${String(own.uuid)}`, '/digitaleadressen/{uuid}')).statusCode).toBe(404);
  });

  it('checks an IBAN and handles rekeningnummers', async () => {
    const bad = await api.call('POST', '/rekeningnummers', '/rekeningnummers', { iban: 'NL91ABNA0417164301' });
    expect((bad.json() as Problem).invalidParams?.[0]).toMatchObject({ name: 'iban', code: 'invalid' });
    const rekening = await api.create('/rekeningnummers', { partij: { uuid: persoon.uuid }, iban: 'nl20ingb0001234567' });
    expect(rekening.iban).toBe('NL20INGB0001234567');
    const url = `/rekeningnummers/${String(rekening.uuid)}`;
    const template = '/rekeningnummers/{uuid}';
    expect((await api.call('PUT', url, template, { iban: 'NL91ABNA0417164300' })).statusCode).toBe(200);
    expect(((await api.call('PATCH', url, template, { bic: 'ABNANL2A' })).json() as Json).bic).toBe('ABNANL2A');
    expect(await count(`/rekeningnummers?iban=NL91ABNA0417164300&bic=ABNANL2A&uuid=${String(rekening.uuid)}`, '/rekeningnummers')).toBe(1);
    expect((await logged('rekeningnummers-wijzigen')).length).toBeGreaterThan(0);
    expect((await api.call('DELETE', url, template)).statusCode).toBe(204);
  });

  it('records who represents whom', async () => {
    const self = await api.call('POST', '/vertegenwoordigingen', '/vertegenwoordigingen', { vertegenwoordigendePartij: { uuid: persoon.uuid }, vertegenwoordigdePartij: { uuid: persoon.uuid } });
    expect(self.statusCode).toBe(400);
    const vertegenwoordiging = await api.create('/vertegenwoordigingen', { vertegenwoordigendePartij: { uuid: organisatie.uuid }, vertegenwoordigdePartij: { uuid: persoon.uuid } });
    const partij = await api.call('GET', `/partijen?vertegenwoordigdePartij__uuid=${String(persoon.uuid)}`, '/partijen');
    expect(((partij.json() as Page).results[0] as Json).vertegenwoordigden).toEqual([{ uuid: persoon.uuid, url: persoon.url }]);
    const url = `/vertegenwoordigingen/${String(vertegenwoordiging.uuid)}`;
    const template = '/vertegenwoordigingen/{uuid}';
    expect((await api.call('GET', url, template)).statusCode).toBe(200);
    const contactpersoon = await api.create('/partijen', { soortPartij: 'contactpersoon', indicatieActief: true, partijIdentificatie: { contactnaam: { achternaam: 'Mol' }, werkteVoorPartij: { uuid: organisatie.uuid } } });
    expect((await api.call('PUT', url, template, { vertegenwoordigendePartij: { uuid: contactpersoon.uuid }, vertegenwoordigdePartij: { uuid: persoon.uuid } })).statusCode).toBe(200);
    expect((await api.call('PATCH', url, template, { vertegenwoordigendePartij: { uuid: organisatie.uuid } })).statusCode).toBe(200);
    expect(await count(`/vertegenwoordigingen?vertegenwoordigendePartij__url=${String(organisatie.url)}&vertegenwoordigdePartij__uuid=${String(persoon.uuid)}`, '/vertegenwoordigingen')).toBe(1);
    expect((await api.call('DELETE', url, template)).statusCode).toBe(204);
  });

  it('places partijen in categorieën for a period', async () => {
    const categorie = await api.create('/categorieen', { naam: 'Ondernemer' });
    const url = `/categorieen/${String(categorie.uuid)}`;
    expect((await api.call('GET', url, '/categorieen/{uuid}')).statusCode).toBe(200);
    expect(((await api.call('PUT', url, '/categorieen/{uuid}', { naam: 'Ondernemers' })).json() as Json).naam).toBe('Ondernemers');
    expect((await api.call('PATCH', url, '/categorieen/{uuid}', { naam: 'Ondernemer' })).statusCode).toBe(200);
    expect(await count('/categorieen', '/categorieen')).toBe(1);
    expect((await api.call('GET', '/categorieen?naam=Ondernemer', '/categorieen')).statusCode).toBe(400);

    const backwards = await api.call('POST', '/categorie-relaties', '/categorie-relaties', { partij: { uuid: organisatie.uuid }, categorie: { uuid: categorie.uuid }, beginDatum: '2026-02-01', eindDatum: '2026-01-01' });
    expect((backwards.json() as Problem).invalidParams?.[0]?.name).toBe('eindDatum');
    const relatie = await api.create('/categorie-relaties', { partij: { uuid: organisatie.uuid }, categorie: { uuid: categorie.uuid }, beginDatum: '2026-01-01' });
    expect((relatie.categorie as Json).naam).toBe('Ondernemer');
    const relatieUrl = `/categorie-relaties/${String(relatie.uuid)}`;
    const template = '/categorie-relaties/{uuid}';
    expect((await api.call('GET', relatieUrl, template)).statusCode).toBe(200);
    expect((await api.call('PUT', relatieUrl, template, { partij: { uuid: organisatie.uuid }, categorie: { uuid: categorie.uuid }, beginDatum: '2026-01-01', eindDatum: '2026-12-31' })).statusCode).toBe(200);
    expect((await api.call('PATCH', relatieUrl, template, { eindDatum: null })).statusCode).toBe(200);
    expect(await count(`/categorie-relaties?categorie__naam=Ondernemer&partij__nummer=${String(organisatie.nummer)}&beginDatum=2026-01-01`, '/categorie-relaties')).toBe(1);
    const partijen = await api.call('GET', '/partijen?categorierelatie__categorie__naam=Ondernemer&expand=categorieRelaties', '/partijen');
    const found = (partijen.json() as Page).results[0] as Json;
    expect(found.categorieRelaties).toEqual([{ uuid: relatie.uuid, url: relatie.url, categorieNaam: 'Ondernemer', beginDatum: '2026-01-01', eindDatum: null }]);
    expect((await api.call('DELETE', relatieUrl, template)).statusCode).toBe(204);
    expect((await api.call('DELETE', url, '/categorieen/{uuid}')).statusCode).toBe(204);
  });

  it('pages through a list with next and previous links', async () => {
    for (let index = 0; index < 3; index += 1) await api.create('/categorieen', { naam: `Pagina ${index}` });
    const first = (await api.call('GET', '/categorieen?pageSize=2', '/categorieen')).json() as Page & { next: string | null };
    expect(first.results).toHaveLength(2);
    expect(first.next).toContain('page=2');
    const second = (await api.call('GET', '/categorieen?pageSize=2&page=2', '/categorieen')).json() as Page & { previous: string | null };
    expect(second.results).toHaveLength(1);
    expect(second.previous).toContain('page=1');
  });
});
