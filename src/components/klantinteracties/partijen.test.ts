import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { createKlantToken, klantApi, loadKlantinteractiesSpec, type KlantApi } from './klantinteracties-test-kit.ts';

type Json = Record<string, unknown>;
type Problem = { code: string; invalidParams?: { name: string; code: string }[] };

const LIST = '/partijen';
const DETAIL = '/partijen/{uuid}';
const BSN = '111222333';

describe('Klantinteracties API: partijen and partij-identificatoren', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let other: Tenant;
  let api: KlantApi;
  let otherApi: KlantApi;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db);
    other = await createTestTenant(database.db);
    const spec = await loadKlantinteractiesSpec();
    api = klantApi(test, spec, tenant, await createKlantToken(database.db, test.keys, tenant));
    otherApi = klantApi(test, spec, other, await createKlantToken(database.db, test.keys, other));
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  function persoon(overrides: Json = {}): Json {
    return {
      soortPartij: 'persoon',
      indicatieActief: true,
      voorkeurstaal: 'nld',
      bezoekadres: { straatnaam: 'Markt', huisnummer: 1, postcode: '1234 AB', stad: 'Utrecht' },
      partijIdentificatie: { contactnaam: { voornaam: 'Jan', voorvoegselAchternaam: 'de', achternaam: 'Vries' } },
      partijIdentificatoren: [{ partijIdentificator: { codeObjecttype: 'natuurlijk_persoon', codeSoortObjectId: 'bsn', objectId: BSN, codeRegister: 'brp' } }],
      ...overrides,
    };
  }

  async function processingRecords(name: string): Promise<number> {
    const rows = await database.db.selectFrom('processing_log').select('seq').where('tenant_id', '=', tenant.id).where('name', '=', name).execute();
    return rows.length;
  }

  it('refuses a request without a token, with a JWT instead of a token, or with another tenant\'s token', async () => {
    const missing = await api.call('GET', LIST, LIST, undefined, null);
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Token');
    expect((missing.json() as Problem).code).toBe('not_authenticated');
    const unknown = await api.call('GET', LIST, LIST, undefined, 'a'.repeat(64));
    expect(unknown.statusCode).toBe(401);
    const bearer = await test.app.inject({ method: 'GET', url: `/klantinteracties/api/v1${LIST}`, headers: { host: new URL(api.base).host, authorization: 'Bearer abc.def.ghi' } });
    expect(bearer.statusCode).toBe(401);
    const foreignToken = await createKlantToken(database.db, test.keys, other);
    expect((await api.call('GET', LIST, LIST, undefined, foreignToken)).statusCode).toBe(401);
  });

  it('creates a persoon with a BSN identificator, numbers it and names it', async () => {
    const partij = await api.create(LIST, persoon());
    expect(partij.nummer).toMatch(/^\d{10}$/);
    expect(partij.partijIdentificatie).toEqual({ contactnaam: { voorletters: '', voornaam: 'Jan', voorvoegselAchternaam: 'de', achternaam: 'Vries' }, volledigeNaam: 'Jan de Vries' });
    const identificatoren = partij.partijIdentificatoren as Json[];
    expect(identificatoren).toHaveLength(1);
    expect(identificatoren[0]?.identificeerdePartij).toEqual({ uuid: partij.uuid, url: partij.url });
    expect(await processingRecords('partijen-aanmaken')).toBe(1);
  });

  it('refuses a BSN that fails the 11-proef and a code that does not fit its register, listing both', async () => {
    const response = await api.call('POST', LIST, LIST, persoon({
      partijIdentificatoren: [
        { partijIdentificator: { codeObjecttype: 'natuurlijk_persoon', codeSoortObjectId: 'bsn', objectId: '123456789', codeRegister: 'brp' } },
        { partijIdentificator: { codeObjecttype: 'natuurlijk_persoon', codeSoortObjectId: 'kvk_nummer', objectId: '12345678', codeRegister: 'brp' } },
      ],
    }));
    expect(response.statusCode).toBe(400);
    const names = ((response.json() as Problem).invalidParams ?? []).map((param) => param.name);
    expect(names).toEqual(['partijIdentificatoren.0.partijIdentificator.objectId', 'partijIdentificatoren.1.partijIdentificator.codeSoortObjectId']);
  });

  it('refuses a second identificator with the same BSN', async () => {
    const response = await api.call('POST', LIST, LIST, persoon());
    expect(response.statusCode).toBe(400);
    expect((response.json() as Problem).invalidParams?.[0]?.code).toBe('unique');
  });

  it('finds a person by BSN, and logs that search even when nobody is found', async () => {
    const found = await api.call('GET', `${LIST}?partijIdentificator__codeSoortObjectId=bsn&partijIdentificator__objectId=${BSN}`, LIST);
    expect(found.statusCode).toBe(200);
    expect((found.json() as { count: number }).count).toBe(1);
    const before = await processingRecords('partijen-zoeken');
    const none = await api.call('GET', `${LIST}?partijIdentificator__objectId=999999990`, LIST);
    expect((none.json() as { count: number }).count).toBe(0);
    expect(await processingRecords('partijen-zoeken')).toBe(before + 1);
  });

  it('answers an unknown filter or expand with a 400', async () => {
    const unknown = await api.call('GET', `${LIST}?achternaam=Vries`, LIST);
    expect(unknown.statusCode).toBe(400);
    expect((unknown.json() as Problem).code).toBe('unknown-parameters');
    const expand = await api.call('GET', `${LIST}?expand=zaken`, LIST);
    expect(expand.statusCode).toBe(400);
    expect((expand.json() as Problem).invalidParams?.[0]?.name).toBe('expand');
  });

  it('links an organisatie and its contactpersoon, and filters and expands them', async () => {
    const organisatie = await api.create(LIST, {
      soortPartij: 'organisatie',
      indicatieActief: true,
      partijIdentificatie: { naam: 'Bakkerij Brood' },
      partijIdentificatoren: [{ partijIdentificator: { codeObjecttype: 'niet_natuurlijk_persoon', codeSoortObjectId: 'kvk_nummer', objectId: '12345678', codeRegister: 'hr' } }],
    });
    const kvk = (organisatie.partijIdentificatoren as Json[])[0] as Json;
    const vestiging = await api.create('/partij-identificatoren', {
      identificeerdePartij: { uuid: organisatie.uuid },
      partijIdentificator: { codeObjecttype: 'vestiging', codeSoortObjectId: 'vestigingsnummer', objectId: '000012345678', codeRegister: 'hr' },
      subIdentificatorVan: { uuid: kvk.uuid },
    });
    expect(vestiging.subIdentificatorVan).toEqual({ uuid: kvk.uuid, url: kvk.url });
    const contactpersoon = await api.create(LIST, {
      soortPartij: 'contactpersoon',
      indicatieActief: true,
      partijIdentificatie: { contactnaam: { voorletters: 'P.', achternaam: 'Bakker' }, werkteVoorPartij: { uuid: organisatie.uuid } },
    });
    expect((contactpersoon.partijIdentificatie as Json).werkteVoorPartij).toEqual({ uuid: organisatie.uuid, url: organisatie.url });
    expect((contactpersoon.partijIdentificatie as Json).volledigeNaam).toBe('P. Bakker');

    const bySub = await api.call('GET', `${LIST}?subIdentificatorVan__objectId=12345678`, LIST);
    expect(((bySub.json() as { results: Json[] }).results).map((partij) => partij.uuid)).toEqual([organisatie.uuid]);
    const organisaties = await api.call('GET', `${LIST}?soortPartij=organisatie&expand=digitaleAdressen,categorieRelaties,betrokkenen.hadKlantcontact`, LIST);
    const page = organisaties.json() as { count: number; results: Json[] };
    expect(page.count).toBe(1);
    expect(page.results[0]?._expand).toEqual({ betrokkenen: [], categorieRelaties: [], digitaleAdressen: [] });

    const wrongSub = await api.call('POST', '/partij-identificatoren', '/partij-identificatoren', {
      partijIdentificator: { codeObjecttype: 'vestiging', codeSoortObjectId: 'vestigingsnummer', objectId: '000012345679', codeRegister: 'hr' },
    });
    expect(wrongSub.statusCode).toBe(400);
    expect((wrongSub.json() as Problem).invalidParams?.map((param) => param.name), wrongSub.body).toEqual(['subIdentificatorVan']);
  });

  it('reads, replaces and patches a partij, replacing its identificatoren when given', async () => {
    const partij = await api.create(LIST, persoon({ partijIdentificatoren: [] }));
    const uuid = String(partij.uuid);
    const read = await api.call('GET', `${LIST}/${uuid}?expand=betrokkenen`, DETAIL);
    expect(read.statusCode).toBe(200);
    expect((read.json() as Json)._expand).toEqual({ betrokkenen: [] });

    const put = await api.call('PUT', `${LIST}/${uuid}`, DETAIL, {
      soortPartij: 'persoon',
      indicatieActief: false,
      partijIdentificatie: { contactnaam: { voornaam: 'Piet', achternaam: 'Jansen' } },
      partijIdentificatoren: [{ partijIdentificator: { codeObjecttype: 'natuurlijk_persoon', codeSoortObjectId: 'bsn', objectId: '123456782', codeRegister: 'brp' } }],
    });
    expect(put.statusCode, put.body).toBe(200);
    const replaced = put.json() as Json;
    expect(replaced.indicatieActief).toBe(false);
    expect((replaced.partijIdentificatie as Json).volledigeNaam).toBe('Piet Jansen');
    expect((replaced.partijIdentificatoren as Json[]).map((item) => (item.partijIdentificator as Json).objectId)).toEqual(['123456782']);
    expect(replaced.nummer).toBe(partij.nummer);

    // The same BSN again without its uuid: the list is replaced, so the new item takes the place of the old.
    const again = await api.call('PATCH', `${LIST}/${uuid}`, DETAIL, {
      partijIdentificatoren: [{ partijIdentificator: { codeObjecttype: 'natuurlijk_persoon', codeSoortObjectId: 'bsn', objectId: '123456782', codeRegister: 'brp' } }],
    });
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as Json).partijIdentificatoren).toHaveLength(1);
    const patch = await api.call('PATCH', `${LIST}/${uuid}`, DETAIL, { interneNotitie: 'Belt liever na 12 uur', partijIdentificatoren: [] });
    expect(patch.statusCode).toBe(200);
    expect((patch.json() as Json).interneNotitie).toBe('Belt liever na 12 uur');
    expect((patch.json() as Json).partijIdentificatoren).toEqual([]);

    const soortWithout = await api.call('PATCH', `${LIST}/${uuid}`, DETAIL, { soortPartij: 'organisatie' });
    expect(soortWithout.statusCode).toBe(400);
    expect((soortWithout.json() as Problem).invalidParams?.[0]?.name).toBe('partijIdentificatie');
  });

  it('reports every schema problem of a body at once', async () => {
    const response = await api.call('POST', LIST, LIST, { soortPartij: 'robot', voorkeurstaal: 'nederlands' });
    expect(response.statusCode).toBe(400);
    const names = ((response.json() as Problem).invalidParams ?? []).map((param) => param.name).sort();
    expect(names).toEqual(['indicatieActief', 'soortPartij', 'voorkeurstaal']);
  });

  it('keeps tenants apart and deletes a partij with its identificatoren', async () => {
    const partij = await api.create(LIST, persoon({ partijIdentificatoren: [{ partijIdentificator: { codeObjecttype: 'natuurlijk_persoon', codeSoortObjectId: 'bsn', objectId: '100000009', codeRegister: 'brp' } }] }));
    const uuid = String(partij.uuid);
    expect((await otherApi.call('GET', `${LIST}/${uuid}`, DETAIL)).statusCode).toBe(404);
    expect(((await otherApi.call('GET', LIST, LIST)).json() as { count: number }).count).toBe(0);
    expect((await otherApi.call('DELETE', `${LIST}/${uuid}`, DETAIL)).statusCode).toBe(404);
    expect((await otherApi.call('PATCH', `${LIST}/${uuid}`, DETAIL, { interneNotitie: 'x' })).statusCode).toBe(404);
    // A reference to another tenant's partij is as unknown as one that never existed.
    const foreignReference = await otherApi.call('POST', '/digitaleadressen', '/digitaleadressen', { verstrektDoorPartij: { uuid }, adres: 'x@example.org', soortDigitaalAdres: 'email' });
    expect((foreignReference.json() as Problem).invalidParams?.[0]).toMatchObject({ name: 'verstrektDoorPartij', code: 'does_not_exist' });
    expect(((await otherApi.call('GET', `/partij-identificatoren?partijIdentificatorObjectId=100000009`, '/partij-identificatoren')).json() as { count: number }).count).toBe(0);
    const identificator = (partij.partijIdentificatoren as Json[])[0] as Json;
    const read = await api.call('GET', `/partij-identificatoren/${String(identificator.uuid)}`, '/partij-identificatoren/{uuid}');
    expect(read.statusCode).toBe(200);
    expect((await api.call('DELETE', `${LIST}/${uuid}`, DETAIL)).statusCode).toBe(204);
    expect((await api.call('GET', `${LIST}/${uuid}`, DETAIL)).statusCode).toBe(404);
    expect((await api.call('GET', `/partij-identificatoren/${String(identificator.uuid)}`, '/partij-identificatoren/{uuid}')).statusCode).toBe(404);
  });

  it('changes, lists and deletes a partij identificator on its own', async () => {
    const partij = await api.create(LIST, persoon({ partijIdentificatoren: [] }));
    const created = await api.create('/partij-identificatoren', {
      identificeerdePartij: { uuid: partij.uuid },
      anderePartijIdentificator: 'klantnummer 7',
      partijIdentificator: { codeObjecttype: 'natuurlijk_persoon', codeSoortObjectId: 'bsn', objectId: '010000008', codeRegister: 'brp' },
    });
    const url = `/partij-identificatoren/${String(created.uuid)}`;
    const template = '/partij-identificatoren/{uuid}';
    const put = await api.call('PUT', url, template, { partijIdentificator: { codeObjecttype: 'natuurlijk_persoon', codeSoortObjectId: 'bsn', objectId: '010000021', codeRegister: 'brp' } });
    expect(put.statusCode, put.body).toBe(200);
    expect((put.json() as Json).anderePartijIdentificator).toBe('klantnummer 7');
    const patch = await api.call('PATCH', url, template, { anderePartijIdentificator: 'klantnummer 8' });
    expect((patch.json() as Json).anderePartijIdentificator).toBe('klantnummer 8');
    const list = await api.call('GET', '/partij-identificatoren?partijIdentificatorObjectId=010000021', '/partij-identificatoren');
    expect((list.json() as { count: number }).count).toBe(1);
    expect((await api.call('DELETE', url, template)).statusCode).toBe(204);
  });
});
