import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { createKlantToken, klantApi, loadKlantinteractiesSpec, type KlantApi } from './klantinteracties-test-kit.ts';

type Json = Record<string, unknown>;
type Page = { count: number; results: Json[] };
type Problem = { code: string; invalidParams?: { name: string; code: string }[] };

describe('Klantinteracties API: klantcontacten with their betrokkenen, onderwerpobjecten, bijlagen, actoren and interne taken', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let api: KlantApi;
  let otherApi: KlantApi;
  let partij: Json;
  let medewerker: Json;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db);
    const other = await createTestTenant(database.db);
    const spec = await loadKlantinteractiesSpec();
    api = klantApi(test, spec, tenant, await createKlantToken(database.db, test.keys, tenant));
    otherApi = klantApi(test, spec, other, await createKlantToken(database.db, test.keys, other));
    partij = await api.create('/partijen', {
      soortPartij: 'persoon',
      indicatieActief: true,
      partijIdentificatie: { contactnaam: { voornaam: 'Fatima', achternaam: 'El Amrani' } },
      partijIdentificatoren: [{ partijIdentificator: { codeObjecttype: 'natuurlijk_persoon', codeSoortObjectId: 'bsn', objectId: '123456782', codeRegister: 'brp' } }],
    });
    medewerker = await api.create('/actoren', {
      naam: 'Karin KCC',
      soortActor: 'medewerker',
      indicatieActief: true,
      actoridentificator: { objectId: 'karin', codeObjecttype: 'mdw', codeRegister: 'loket', codeSoortObjectId: 'gebruikersnaam' },
      actorIdentificatie: { functie: 'KCC-medewerker', emailadres: 'karin@gemeente.example', telefoonnummer: '0301234567' },
    });
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  function contact(overrides: Json = {}): Json {
    return { kanaal: 'telefoon', onderwerp: 'Afval', inhoud: 'Container niet geleegd', taal: 'nld', vertrouwelijk: false, plaatsgevondenOp: '2026-11-20T09:30:00Z', ...overrides };
  }

  async function count(url: string, template: string): Promise<number> {
    const response = await api.call('GET', url, template);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as Page).count;
  }

  it('registers a contact with its betrokkene and onderwerpobject in one go (maak-klantcontact)', async () => {
    const response = await api.call('POST', '/maak-klantcontact', '/maak-klantcontact', {
      klantcontact: contact({ metadata: { kanaalId: 'tel-1' } }),
      betrokkene: { wasPartij: { uuid: partij.uuid }, rol: 'klant', initiator: true, contactnaam: { voornaam: 'Fatima', achternaam: 'El Amrani' } },
      onderwerpobject: { onderwerpobjectidentificator: { objectId: 'ZAAK-1', codeObjecttype: 'zaak', codeRegister: 'loket', codeSoortObjectId: 'identificatie' } },
    });
    expect(response.statusCode, response.body).toBe(201);
    const made = response.json() as { klantcontact: Json; betrokkene: Json; onderwerpobject: Json };
    expect(made.klantcontact.nummer).toMatch(/^\d{10}$/);
    expect(made.klantcontact.hadBetrokkenen).toEqual([{ uuid: made.betrokkene.uuid, url: made.betrokkene.url }]);
    expect(made.klantcontact.gingOverOnderwerpobjecten).toEqual([{ uuid: made.onderwerpobject.uuid, url: made.onderwerpobject.url }]);
    expect(made.betrokkene.volledigeNaam).toBe('Fatima El Amrani');
    expect(made.onderwerpobject.klantcontact).toEqual({ uuid: made.klantcontact.uuid, url: made.klantcontact.url });

    const byBsn = await api.call('GET', '/klantcontacten?hadBetrokkene__wasPartij__partijIdentificator__objectId=123456782&expand=hadBetrokkenen.wasPartij,gingOverOnderwerpobjecten', '/klantcontacten');
    const page = byBsn.json() as Page;
    expect(page.count).toBe(1);
    const expanded = page.results[0]?._expand as { hadBetrokkenen: Json[]; gingOverOnderwerpobjecten: Json[] };
    expect((expanded.hadBetrokkenen[0]?._expand as Json).wasPartij).toMatchObject({ uuid: partij.uuid });
    expect(expanded.gingOverOnderwerpobjecten).toHaveLength(1);
    expect(await count('/klantcontacten?onderwerpobject__onderwerpobjectidentificatorObjectId=ZAAK-1', '/klantcontacten')).toBe(1);
    const logged = await database.db.selectFrom('processing_log').select('name').where('tenant_id', '=', tenant.id).where('name', '=', 'klantcontacten-zoeken').execute();
    expect(logged.length).toBeGreaterThan(0);
  });

  it('makes nothing when one part of maak-klantcontact is wrong, naming the part', async () => {
    const before = await count('/klantcontacten', '/klantcontacten');
    const response = await api.call('POST', '/maak-klantcontact', '/maak-klantcontact', {
      klantcontact: contact(),
      betrokkene: { wasPartij: { uuid: '00000000-0000-4000-8000-000000000000' }, rol: 'klant', initiator: true },
    });
    expect(response.statusCode).toBe(400);
    expect((response.json() as Problem).invalidParams?.[0]).toMatchObject({ name: 'betrokkene.wasPartij', code: 'does_not_exist' });
    expect(await count('/klantcontacten', '/klantcontacten')).toBe(before);
  });

  it('reads, changes, filters and deletes klantcontacten', async () => {
    const created = await api.create('/klantcontacten', contact({ kanaal: 'balie', onderwerp: 'Paspoort aanvragen', referentienummer: 'REF-1', hoofdOnderwerpType: 'https://example.org/onderwerpen/paspoort' }));
    const url = `/klantcontacten/${String(created.uuid)}`;
    const template = '/klantcontacten/{uuid}';
    expect((await api.call('GET', `${url}?expand=hadBetrokkenen,leiddeTotInterneTaken,omvatteBijlagen`, template)).statusCode).toBe(200);
    const repeated = await api.call('GET', `${url}?expand=omvatteBijlagen&expand=hadBetrokkenen`, template);
    expect(Object.keys((repeated.json() as Json)._expand as Json).sort()).toEqual(['hadBetrokkenen', 'omvatteBijlagen']);
    const put = await api.call('PUT', url, template, contact({ kanaal: 'balie', onderwerp: 'Paspoort ophalen', taal: 'nld', vertrouwelijk: true }));
    expect(put.statusCode, put.body).toBe(200);
    expect((put.json() as Json).referentienummer).toBe('REF-1');
    const patch = await api.call('PATCH', url, template, { reactie: 'Afspraak gemaakt', indicatieContactGelukt: true });
    expect((patch.json() as Json).reactie).toBe('Afspraak gemaakt');
    expect(await count('/klantcontacten?kanaal=balie&vertrouwelijk=true&onderwerp=paspoort', '/klantcontacten')).toBe(1);
    expect(await count('/klantcontacten?leiddeTotInterneTaken=false&referentienummer=REF-1', '/klantcontacten')).toBe(1);
    expect(await count(`/klantcontacten?plaatsgevondenOp=2026-11-20T09:30:00Z&nummer=${String(created.nummer)}`, '/klantcontacten')).toBe(1);
    expect((await otherApi.call('GET', url, template)).statusCode).toBe(404);
    expect((await api.call('DELETE', url, template)).statusCode).toBe(204);
    expect((await api.call('GET', url, template)).statusCode).toBe(404);
  });

  it('handles betrokkenen on their own, with their digitale adressen expanded', async () => {
    const klantcontact = await api.create('/klantcontacten', contact());
    const betrokkene = await api.create('/betrokkenen', {
      hadKlantcontact: { uuid: klantcontact.uuid },
      rol: 'vertegenwoordiger',
      initiator: false,
      organisatienaam: 'Buurtteam',
      bezoekadres: { straatnaam: 'Dorpsstraat', huisnummer: 3, postcode: '3511 AB', stad: 'Utrecht', land: 'NL' },
    });
    expect(betrokkene.volledigeNaam).toBe('Buurtteam');
    await api.create('/digitaleadressen', { verstrektDoorBetrokkene: { uuid: betrokkene.uuid }, adres: 'buurtteam@example.org', soortDigitaalAdres: 'email' });
    const url = `/betrokkenen/${String(betrokkene.uuid)}`;
    const template = '/betrokkenen/{uuid}';
    const read = await api.call('GET', `${url}?expand=digitaleAdressen`, template);
    expect(((read.json() as Json)._expand as { digitaleAdressen: Json[] }).digitaleAdressen[0]?.adres).toBe('buurtteam@example.org');
    expect((await api.call('PUT', url, template, { hadKlantcontact: { uuid: klantcontact.uuid }, rol: 'klant', initiator: true, contactnaam: { voorletters: 'J.', achternaam: 'Smit' } })).statusCode).toBe(200);
    const patched = await api.call('PATCH', url, template, { wasPartij: { uuid: partij.uuid } });
    expect((patched.json() as Json).volledigeNaam).toBe('J. Smit');
    expect(await count('/betrokkenen?contactnaamAchternaam=Smit&verstrektedigitaalAdres__adres=buurtteam@example.org&expand=digitaleAdressen', '/betrokkenen')).toBe(1);
    expect(await count(`/betrokkenen?wasPartij__nummer=${String(partij.nummer)}&hadKlantcontact__uuid=${String(klantcontact.uuid)}`, '/betrokkenen')).toBe(1);
    expect((await api.call('DELETE', url, template)).statusCode).toBe(204);
  });

  it('links actoren to contacts and hands a contactverzoek over as an interne taak', async () => {
    const klantcontact = await api.create('/klantcontacten', contact({ onderwerp: 'Terugbelverzoek' }));
    const link = await api.create('/actorklantcontacten', { actor: { uuid: medewerker.uuid }, klantcontact: { uuid: klantcontact.uuid } });
    const twice = await api.call('POST', '/actorklantcontacten', '/actorklantcontacten', { actor: { uuid: medewerker.uuid }, klantcontact: { uuid: klantcontact.uuid } });
    expect((twice.json() as Problem).invalidParams?.[0]?.code).toBe('unique');
    const read = await api.call('GET', `/klantcontacten/${String(klantcontact.uuid)}`, '/klantcontacten/{uuid}');
    expect(((read.json() as Json).hadBetrokkenActoren as Json[])[0]).toMatchObject({ uuid: medewerker.uuid, soortActor: 'medewerker' });

    const afdeling = await api.create('/actoren', { naam: 'Team Vergunningen', soortActor: 'organisatorische_eenheid', actorIdentificatie: { omschrijving: 'Vergunningen', emailadres: 'vergunningen@gemeente.example' } });
    const taak = await api.create('/internetaken', {
      gevraagdeHandeling: 'Bel mevrouw terug over haar aanvraag',
      aanleidinggevendKlantcontact: { uuid: klantcontact.uuid },
      toegewezenAanActoren: [{ uuid: afdeling.uuid }, { uuid: medewerker.uuid }],
      toelichting: 'Graag voor vrijdag',
      status: 'te_verwerken',
    });
    expect(taak.toegewezenAanActor).toEqual({ uuid: afdeling.uuid, url: afdeling.url });
    expect(taak.afgehandeldOp).toBeNull();
    const url = `/internetaken/${String(taak.uuid)}`;
    const template = '/internetaken/{uuid}';
    expect(((await api.call('GET', url, template)).json() as Json).gevraagdeHandeling).toBe('Bel mevrouw terug over haar aanvraag');
    const done = await api.call('PATCH', url, template, { status: 'verwerkt' });
    expect((done.json() as Json).afgehandeldOp).toEqual(expect.any(String));
    const reopened = await api.call('PUT', url, template, { gevraagdeHandeling: 'Bel opnieuw', aanleidinggevendKlantcontact: { uuid: klantcontact.uuid }, status: 'te_verwerken', toegewezenAanActor: { uuid: medewerker.uuid } });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((reopened.json() as Json).afgehandeldOp).toBeNull();
    expect((reopened.json() as Json).toegewezenAanActoren).toEqual([{ uuid: medewerker.uuid, url: medewerker.url }]);
    expect(await count(`/internetaken?status=te_verwerken&actoren__naam=Karin KCC&toegewezenAanActor__uuid=${String(medewerker.uuid)}`, '/internetaken')).toBe(1);
    expect(await count(`/internetaken?klantcontact__nummer=${String(klantcontact.nummer)}`, '/internetaken')).toBe(1);
    const unassigned = await api.call('POST', '/internetaken', '/internetaken', { gevraagdeHandeling: 'x', aanleidinggevendKlantcontact: { uuid: klantcontact.uuid }, status: 'te_verwerken' });
    expect((unassigned.json() as Problem).invalidParams?.[0]?.name).toBe('toegewezenAanActoren');
    const expanded = await api.call('GET', `/klantcontacten/${String(klantcontact.uuid)}?expand=leiddeTotInterneTaken`, '/klantcontacten/{uuid}');
    expect((((expanded.json() as Json)._expand as Json).leiddeTotInterneTaken as Json[])[0]?.uuid).toBe(taak.uuid);

    const linkUrl = `/actorklantcontacten/${String(link.uuid)}`;
    expect((await api.call('GET', linkUrl, '/actorklantcontacten/{uuid}')).statusCode).toBe(200);
    expect((await api.call('PUT', linkUrl, '/actorklantcontacten/{uuid}', { actor: { uuid: afdeling.uuid }, klantcontact: { uuid: klantcontact.uuid } })).statusCode).toBe(200);
    expect((await api.call('PATCH', linkUrl, '/actorklantcontacten/{uuid}', { actor: { uuid: medewerker.uuid } })).statusCode).toBe(200);
    expect(await count(`/actorklantcontacten?klantcontact__uuid=${String(klantcontact.uuid)}&actor__url=${String(medewerker.url)}`, '/actorklantcontacten')).toBe(1);
    expect((await api.call('DELETE', linkUrl, '/actorklantcontacten/{uuid}')).statusCode).toBe(204);
    expect((await api.call('DELETE', url, template)).statusCode).toBe(204);
  });

  it('keeps actoren valid per soort and lets them be changed and removed', async () => {
    const missingPhone = await api.call('POST', '/actoren', '/actoren', { naam: 'Zonder telefoon', soortActor: 'medewerker', actorIdentificatie: { functie: 'Behandelaar' } });
    expect((missingPhone.json() as Problem).invalidParams?.map((param) => param.name)).toEqual(['actorIdentificatie.telefoonnummer']);
    const robot = await api.create('/actoren', { naam: 'Chatbot', soortActor: 'geautomatiseerde_actor', actorIdentificatie: { functie: 'Chat', omschrijving: 'Webchat' } });
    const url = `/actoren/${String(robot.uuid)}`;
    const template = '/actoren/{uuid}';
    expect((await api.call('GET', url, template)).statusCode).toBe(200);
    const put = await api.call('PUT', url, template, { naam: 'Chatbot 2', soortActor: 'geautomatiseerde_actor' });
    expect((put.json() as Json).actorIdentificatie).toEqual({ functie: 'Chat', omschrijving: 'Webchat' });
    expect(((await api.call('PATCH', url, template, { indicatieActief: false })).json() as Json).indicatieActief).toBe(false);
    expect(await count('/actoren?soortActor=geautomatiseerde_actor&indicatieActief=false&naam=Chatbot 2', '/actoren')).toBe(1);
    expect(await count('/actoren?actoridentificatorObjectId=karin', '/actoren')).toBe(1);
    expect((await api.call('DELETE', url, template)).statusCode).toBe(204);
  });

  it('handles onderwerpobjecten and bijlagen, and deletes an onderwerpobject with or without cascade', async () => {
    const first = await api.create('/klantcontacten', contact({ onderwerp: 'Eerste' }));
    const second = await api.create('/klantcontacten', contact({ onderwerp: 'Tweede' }));
    const onderwerp = await api.create('/onderwerpobjecten', { klantcontact: { uuid: first.uuid }, wasKlantcontact: { uuid: second.uuid }, onderwerpobjectidentificator: { objectId: 'Z-9', codeObjecttype: 'zaak', codeRegister: 'loket', codeSoortObjectId: 'identificatie' } });
    const other = await api.create('/onderwerpobjecten', { klantcontact: { uuid: second.uuid } });
    const url = `/onderwerpobjecten/${String(onderwerp.uuid)}`;
    const template = '/onderwerpobjecten/{uuid}';
    expect((await api.call('GET', url, template)).statusCode).toBe(200);
    expect((await api.call('PUT', url, template, { klantcontact: { uuid: first.uuid }, wasKlantcontact: { uuid: second.uuid } })).statusCode).toBe(200);
    expect(((await api.call('PATCH', url, template, { onderwerpobjectidentificator: { objectId: 'Z-10', codeObjecttype: 'zaak', codeRegister: 'loket', codeSoortObjectId: 'identificatie' } })).json() as Json).onderwerpobjectidentificator).toMatchObject({ objectId: 'Z-10' });
    expect(await count(`/onderwerpobjecten?klantcontact__uuid=${String(first.uuid)}&wasKlantcontact__url=${String(second.url)}&onderwerpobjectidentificatorObjectId=Z-10`, '/onderwerpobjecten')).toBe(1);

    const bijlage = await api.create('/bijlagen', { wasBijlageVanKlantcontact: { uuid: first.uuid }, bijlageidentificator: { objectId: 'DOC-1', codeObjecttype: 'document', codeRegister: 'loket', codeSoortObjectId: 'uuid' } });
    const bijlageUrl = `/bijlagen/${String(bijlage.uuid)}`;
    expect((await api.call('GET', bijlageUrl, '/bijlagen/{uuid}')).statusCode).toBe(200);
    expect((await api.call('PUT', bijlageUrl, '/bijlagen/{uuid}', { wasBijlageVanKlantcontact: { uuid: first.uuid } })).statusCode).toBe(200);
    expect((await api.call('PATCH', bijlageUrl, '/bijlagen/{uuid}', { bijlageidentificator: { objectId: 'DOC-2' } })).statusCode).toBe(200);
    expect(await count(`/bijlagen?klantcontact__uuid=${String(first.uuid)}&bijlageidentificatorObjectId=DOC-2`, '/bijlagen')).toBe(1);

    const cascade = await api.call('DELETE', `${url}?cascade=true`, template);
    expect(cascade.statusCode).toBe(200);
    // The second klantcontact is still what the other onderwerpobject is about; the first goes, with its bijlage.
    expect((cascade.json() as { behouden: string[] }).behouden).toEqual([second.url]);
    expect((await api.call('GET', `/klantcontacten/${String(first.uuid)}`, '/klantcontacten/{uuid}')).statusCode).toBe(404);
    expect((await api.call('GET', bijlageUrl, '/bijlagen/{uuid}')).statusCode).toBe(404);
    expect((await api.call('DELETE', `/onderwerpobjecten/${String(other.uuid)}`, template)).statusCode).toBe(204);
    expect((await api.call('GET', `/klantcontacten/${String(second.uuid)}`, '/klantcontacten/{uuid}')).statusCode).toBe(200);
    const extra = await api.create('/bijlagen', {});
    expect((await api.call('DELETE', `/bijlagen/${String(extra.uuid)}`, '/bijlagen/{uuid}')).statusCode).toBe(204);
  });
});
