import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../../platform/database/schema.ts';
import { listAuditTrail } from '../../../platform/audit/repository.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, type TestApp } from '../../../../test/fixtures.ts';
import { insertTestZaak, insertTestZaaktype, type TestZaaktype } from '../../../../test/zgw-fixtures.ts';
import type { OpenApiSpec } from '../../../../test/openapi.ts';
import { loadZakenSpecForZaken } from '../zaken/zaken-test-kit.ts';
import { catalogiUrlOf, notificatiesAbout, problemCodes, zaakAutorisatie, zakenApi, zakenUrlOf, type Json } from '../shared/relation-test-kit.ts';

const LIST = '/rollen';
const DETAIL = '/rollen/{uuid}';

// Fictional BSNs and RSIN that pass the 11-proef.
const BSN = '111222333';
const OTHER_BSN = '123456782';
const RSIN = '002220647';

interface Page {
  count: number;
  results: Json[];
}

describe('Zaken API: rollen', () => {
  let database: TestDatabase;
  let test: TestApp;
  let spec: OpenApiSpec;
  let tenant: Tenant;
  let otherTenant: Tenant;
  let zaaktype: TestZaaktype;
  let otherZaaktype: TestZaaktype;
  let all: string;
  let call: ReturnType<typeof zakenApi>;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    // The spec with the errata of its `_expand` schemas, which `expand` answers are checked against.
    spec = await loadZakenSpecForZaken();
    tenant = await createTestTenant(database.db);
    otherTenant = await createTestTenant(database.db);
    zaaktype = await insertTestZaaktype(database.db, tenant);
    otherZaaktype = await insertTestZaaktype(database.db, tenant);
    all = await (await createTestClient(database.db, test.keys, tenant, { heeftAlleAutorisaties: true })).token();
    call = zakenApi(test, spec, tenant);
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  async function tokenFor(scopes: string[], type: TestZaaktype = zaaktype, max: 'openbaar' | 'zeer_geheim' = 'zeer_geheim'): Promise<string> {
    return (await createTestClient(database.db, test.keys, tenant, { autorisaties: [zaakAutorisatie(type.url, scopes, max)] })).token();
  }

  function persoon(zaak: { url: string }, bsn = BSN, extra: Json = {}): Json {
    return {
      zaak: zaak.url,
      betrokkeneType: 'natuurlijk_persoon',
      roltype: zaaktype.roltypen.belanghebbende.url,
      roltoelichting: 'Aanvrager',
      betrokkeneIdentificatie: { inpBsn: bsn, geslachtsnaam: 'Jansen', voorletters: 'J.' },
      ...extra,
    };
  }

  function medewerker(zaak: { url: string }, identificatie = 'mdw-007'): Json {
    return { zaak: zaak.url, betrokkeneType: 'medewerker', roltype: zaaktype.roltypen.behandelaar.url, roltoelichting: 'Behandelaar', betrokkeneIdentificatie: { identificatie, achternaam: 'Bakker' } };
  }

  async function create(body: Json, token = all): Promise<Json> {
    const response = await call('POST', LIST, LIST, { token, body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  async function list(query: string, token = all): Promise<Page> {
    const response = await call('GET', `${LIST}${query}`, LIST, { token });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Page;
  }

  async function processing(name: string) {
    return database.db
      .selectFrom('processing_log')
      .select(['name', 'processing_activity_id', 'data_subject_id', 'data_subject_id_type'])
      .where('tenant_id', '=', tenant.id)
      .where('name', '=', name)
      .orderBy('seq')
      .execute();
  }

  describe('creating (rol_create)', () => {
    it('stores a natuurlijk persoon with its omschrijving from the roltype, answers 201 with Location, audits and notifies', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const response = await call('POST', LIST, LIST, {
        token: all,
        body: persoon(zaak, BSN, { betrokkeneIdentificatie: { inpBsn: BSN, geslachtsnaam: 'Jansen', verzonnen: 'weg ermee' }, indicatieMachtiging: 'machtiginggever', contactpersoonRol: { naam: 'P. de Vries', emailadres: 'p@example.nl' } }),
      });
      expect(response.statusCode).toBe(201);
      const body = response.json() as Json;
      expect(response.headers.location).toBe(body.url);
      expect(body).toMatchObject({
        url: zakenUrlOf(tenant, 'rollen', String(body.uuid)),
        zaak: zaak.url,
        betrokkeneType: 'natuurlijk_persoon',
        roltype: zaaktype.roltypen.belanghebbende.url,
        omschrijving: 'belanghebbende',
        omschrijvingGeneriek: 'belanghebbende',
        roltoelichting: 'Aanvrager',
        afwijkendeNaamBetrokkene: '',
        indicatieMachtiging: 'machtiginggever',
        contactpersoonRol: { naam: 'P. de Vries', emailadres: 'p@example.nl' },
        statussen: [],
        betrokkeneIdentificatie: { inpBsn: BSN, geslachtsnaam: 'Jansen' },
      });
      expect(body).not.toHaveProperty('betrokkene');
      const trail = await listAuditTrail(database.db, tenant.id, zaak.url);
      expect(trail.find((record) => record.resource_url === body.url)).toMatchObject({ bron: 'zrc', actie: 'create', resultaat: 201, resource: 'rol', resource_weergave: 'belanghebbende (natuurlijk_persoon)' });
      const [notificatie] = await notificatiesAbout(database.db, tenant, String(body.url));
      expect(notificatie).toMatchObject({ kanaal: 'zaken', hoofdObject: zaak.url, resource: 'rol', actie: 'create', kenmerken: { zaaktype: zaaktype.url, vertrouwelijkheidaanduiding: 'openbaar' } });
      const stored = await database.db.selectFrom('rollen').select(['inp_bsn', 'omschrijving_generiek']).where('uuid', '=', String(body.uuid)).executeTakeFirstOrThrow();
      expect(stored).toEqual({ inp_bsn: BSN, omschrijving_generiek: 'belanghebbende' });
    });

    it('logs creating a natuurlijk persoon in the processing log, with the BSN pseudonymised', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      await create(persoon(zaak, OTHER_BSN));
      expect(await processing('rol-aanmaken')).toContainEqual({
        name: 'rol-aanmaken',
        processing_activity_id: 'zaak-behandelen',
        data_subject_id: test.keys.pseudonymise(tenant.id, OTHER_BSN),
        data_subject_id_type: 'BSN',
      });
    });

    it('refuses a BSN that fails the 11-proef, and an RSIN too', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: persoon(zaak, '123456789') }))).toEqual(['betrokkeneIdentificatie.inpBsn:invalid']);
      const bedrijf = { zaak: zaak.url, betrokkeneType: 'niet_natuurlijk_persoon', roltype: zaaktype.roltypen.initiator.url, roltoelichting: 'Aanvrager', betrokkeneIdentificatie: { innNnpId: '002220648' } };
      expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: bedrijf }))).toEqual(['betrokkeneIdentificatie.innNnpId:invalid']);
    });

    it('checks betrokkeneIdentificatie against the shape of its betrokkeneType and lists every problem with the schema’s', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const response = await call('POST', LIST, LIST, {
        token: all,
        body: {
          zaak: zaak.url,
          betrokkeneType: 'vestiging',
          roltype: zaaktype.roltypen.belanghebbende.url,
          afwijkendeNaamBetrokkene: 'x'.repeat(626),
          betrokkeneIdentificatie: { vestigingsNummer: 'x'.repeat(25), handelsnaam: 'Bakkerij', verblijfsadres: { aoaIdentificatie: '1' } },
        },
      });
      expect(response.statusCode).toBe(400);
      expect(problemCodes(response)).toEqual([
        'afwijkendeNaamBetrokkene:maxLength',
        'betrokkeneIdentificatie.handelsnaam:type',
        'betrokkeneIdentificatie.verblijfsadres.aoaHuisnummer:required',
        'betrokkeneIdentificatie.verblijfsadres.gorOpenbareRuimteNaam:required',
        'betrokkeneIdentificatie.verblijfsadres.wplWoonplaatsNaam:required',
        'betrokkeneIdentificatie.vestigingsNummer:maxLength',
        'roltoelichting:required',
      ]);
    });

    it('stores each kind of betrokkene with its identifying attribute', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const kinds: [string, Json, string, string][] = [
        ['niet_natuurlijk_persoon', { innNnpId: RSIN, statutaireNaam: 'Gemeente Voorbeeld', innRechtsvorm: 'publiekrechtelijke_rechtspersoon' }, 'inn_nnp_id', RSIN],
        ['vestiging', { vestigingsNummer: '000012345678', handelsnaam: ['Bakkerij Bol'], kvkNummer: '12345678' }, 'vestigings_nummer', '000012345678'],
        ['organisatorische_eenheid', { identificatie: 'OE-BURGERZAKEN', naam: 'Burgerzaken' }, 'organisatorische_eenheid_identificatie', 'OE-BURGERZAKEN'],
        ['medewerker', { identificatie: 'm'.repeat(254) }, 'medewerker_identificatie', 'm'.repeat(254)],
      ];
      for (const [betrokkeneType, betrokkeneIdentificatie, column, value] of kinds) {
        const body = await create({ zaak: zaak.url, betrokkeneType, roltype: zaaktype.roltypen.belanghebbende.url, roltoelichting: betrokkeneType, betrokkeneIdentificatie });
        expect(body.betrokkeneIdentificatie, betrokkeneType).toEqual(betrokkeneIdentificatie);
        const stored = await database.db.selectFrom('rollen').selectAll().where('uuid', '=', String(body.uuid)).executeTakeFirstOrThrow();
        expect(stored[column as 'inn_nnp_id'], betrokkeneType).toBe(value);
      }
    });

    it('needs a betrokkene URL or a betrokkeneIdentificatie (invalid-betrokkene)', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const neither = await call('POST', LIST, LIST, { token: all, body: { zaak: zaak.url, betrokkeneType: 'natuurlijk_persoon', roltype: zaaktype.roltypen.belanghebbende.url, roltoelichting: 'x' } });
      expect(problemCodes(neither)).toEqual(['nonFieldErrors:invalid-betrokkene']);
      const byUrl = await create({ zaak: zaak.url, betrokkene: 'https://klanten.example/api/v1/klanten/7d3f0b52-7b7b-4ee6-9a43-cc5c1a0b6a3c', betrokkeneType: 'natuurlijk_persoon', roltype: zaaktype.roltypen.belanghebbende.url, roltoelichting: 'x' });
      expect(byUrl).toMatchObject({ betrokkene: 'https://klanten.example/api/v1/klanten/7d3f0b52-7b7b-4ee6-9a43-cc5c1a0b6a3c' });
      expect(byUrl).not.toHaveProperty('betrokkeneIdentificatie');
    });

    it('zrc-019: refuses a roltype of another zaaktype (zaaktype-mismatch) and one that does not exist (bad-url)', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: persoon(zaak, BSN, { roltype: otherZaaktype.roltypen.belanghebbende.url }) }))).toEqual(['nonFieldErrors:zaaktype-mismatch']);
      const unknown = catalogiUrlOf(tenant, 'roltypen', '0b9f7a39-7d37-4a6e-8f21-1f8d6b2a0c11');
      expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: persoon(zaak, BSN, { roltype: unknown }) }))).toEqual(['roltype:bad-url']);
      expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: persoon({ url: zakenUrlOf(tenant, 'zaken', '0b9f7a39-7d37-4a6e-8f21-1f8d6b2a0c11') }) }))).toEqual(['zaak:bad-url']);
    });

    it('gives a zaak at most one initiator (max-occurences)', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      await create(persoon(zaak, BSN, { roltype: zaaktype.roltypen.initiator.url }));
      expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: persoon(zaak, OTHER_BSN, { roltype: zaaktype.roltypen.initiator.url }) }))).toEqual(['roltype:max-occurences']);
    });

    it('zrc-006: needs zaken.aanmaken or zaken.bijwerken for the zaak’s zaaktype and vertrouwelijkheid', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const geheim = await insertTestZaak(database.db, tenant, zaaktype, { vertrouwelijkheidaanduiding: 'geheim' });
      expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.lezen']), body: medewerker(zaak) })).statusCode).toBe(403);
      expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.bijwerken'], otherZaaktype), body: medewerker(zaak) })).statusCode).toBe(403);
      expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.bijwerken'], zaaktype, 'openbaar'), body: medewerker(geheim) })).statusCode).toBe(403);
      await create(medewerker(zaak), await tokenFor(['zaken.aanmaken']));
      await create(medewerker(zaak, 'mdw-008'), await tokenFor(['zaken.bijwerken']));
    });

    it('zrc-007: a closed zaak gets a rol only with zaken.geforceerd-bijwerken', async () => {
      const closed = await insertTestZaak(database.db, tenant, zaaktype, { einddatum: '2026-02-01' });
      expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.bijwerken']), body: medewerker(closed) })).statusCode).toBe(403);
      await create(medewerker(closed), await tokenFor(['zaken.geforceerd-bijwerken']));
    });
  });

  describe('listing (rol_list)', () => {
    it('filters on zaak, betrokkene, betrokkeneType, roltype, omschrijving and omschrijvingGeneriek', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const aanvrager = await create(persoon(zaak));
      const behandelaar = await create(medewerker(zaak, 'mdw-filter'));
      const extern = await create({ zaak: zaak.url, betrokkene: 'https://klanten.example/api/v1/klanten/11111111-2222-4333-8444-555555555555', betrokkeneType: 'vestiging', roltype: zaaktype.roltypen.belanghebbende.url, roltoelichting: 'x' });
      const inZaak = `zaak=${encodeURIComponent(zaak.url)}`;
      const urls = async (query: string) => (await list(`?${inZaak}&${query}`)).results.map((rol) => rol.url);
      expect((await list(`?${inZaak}`)).results.map((rol) => rol.url)).toEqual([aanvrager.url, behandelaar.url, extern.url]);
      expect(await urls('betrokkeneType=medewerker')).toEqual([behandelaar.url]);
      expect(await urls(`betrokkene=${encodeURIComponent('https://klanten.example/api/v1/klanten/11111111-2222-4333-8444-555555555555')}`)).toEqual([extern.url]);
      expect(await urls(`roltype=${encodeURIComponent(zaaktype.roltypen.behandelaar.url)}`)).toEqual([behandelaar.url]);
      expect(await urls('omschrijving=behandelaar')).toEqual([behandelaar.url]);
      expect(await urls('omschrijvingGeneriek=belanghebbende')).toEqual([aanvrager.url, extern.url]);
    });

    it('filters on every betrokkeneIdentificatie attribute the spec names', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const belanghebbende = zaaktype.roltypen.belanghebbende.url;
      const rollen: [string, string, Json][] = [
        ['betrokkeneIdentificatie__natuurlijkPersoon__inpBsn', BSN, { betrokkeneType: 'natuurlijk_persoon', betrokkeneIdentificatie: { inpBsn: BSN } }],
        ['betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie', 'ANP-1', { betrokkeneType: 'natuurlijk_persoon', betrokkeneIdentificatie: { anpIdentificatie: 'ANP-1' } }],
        ['betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer', '1234567890', { betrokkeneType: 'natuurlijk_persoon', betrokkeneIdentificatie: { inpA_nummer: '1234567890' } }],
        ['betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId', RSIN, { betrokkeneType: 'niet_natuurlijk_persoon', betrokkeneIdentificatie: { innNnpId: RSIN } }],
        ['betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie', 'ANN-1', { betrokkeneType: 'niet_natuurlijk_persoon', betrokkeneIdentificatie: { annIdentificatie: 'ANN-1' } }],
        ['betrokkeneIdentificatie__vestiging__vestigingsNummer', 'V-1', { betrokkeneType: 'vestiging', betrokkeneIdentificatie: { vestigingsNummer: 'V-1' } }],
        ['betrokkeneIdentificatie__organisatorischeEenheid__identificatie', 'OE-1', { betrokkeneType: 'organisatorische_eenheid', betrokkeneIdentificatie: { identificatie: 'OE-1' } }],
        ['betrokkeneIdentificatie__medewerker__identificatie', 'MDW-1', { betrokkeneType: 'medewerker', betrokkeneIdentificatie: { identificatie: 'MDW-1' } }],
      ];
      const created = [];
      for (const [, , fields] of rollen) created.push(await create({ zaak: zaak.url, roltype: belanghebbende, roltoelichting: 'x', ...fields }));
      for (const [index, [parameter, value]] of rollen.entries()) {
        const found = await list(`?zaak=${encodeURIComponent(zaak.url)}&${parameter}=${encodeURIComponent(value)}`);
        expect(found.results.map((rol) => rol.url), parameter).toEqual([created[index]?.url]);
      }
      // An organisatorische eenheid and a medewerker with the same identificatie are told apart by the filter.
      expect((await list(`?zaak=${encodeURIComponent(zaak.url)}&betrokkeneIdentificatie__medewerker__identificatie=OE-1`)).count).toBe(0);
    });

    it('answers 400 to unknown parameters and values outside the enumerations', async () => {
      expect((await call('GET', `${LIST}?betrokkeneIdentificatie__natuurlijkPersoon__geslachtsnaam=Jansen`, LIST, { token: all })).json()).toMatchObject({ code: 'unknown-parameters' });
      expect((await call('GET', `${LIST}?betrokkeneType=persoon`, LIST, { token: all })).statusCode).toBe(400);
      expect((await call('GET', `${LIST}?omschrijvingGeneriek=baas`, LIST, { token: all })).statusCode).toBe(400);
      expect((await call('GET', `${LIST}?expand=betrokkene`, LIST, { token: all })).statusCode).toBe(400);
    });

    it('zrc-006: shows only rollen of zaken the caller may read, and nothing of another tenant', async () => {
      const open = await insertTestZaak(database.db, tenant, zaaktype);
      const geheim = await insertTestZaak(database.db, tenant, zaaktype, { vertrouwelijkheidaanduiding: 'geheim' });
      const visible = await create(medewerker(open, 'mdw-zichtbaar'));
      const hidden = await create(medewerker(geheim, 'mdw-verborgen'));
      const page = await list('', await tokenFor(['zaken.lezen'], zaaktype, 'openbaar'));
      const urls = page.results.map((rol) => rol.url);
      expect(urls).toContain(visible.url);
      expect(urls).not.toContain(hidden.url);
      expect(page.count).toBe(urls.length);
      const otherAll = await (await createTestClient(database.db, test.keys, otherTenant, { heeftAlleAutorisaties: true })).token();
      expect(((await call('GET', LIST, LIST, { token: otherAll, at: otherTenant })).json() as Page).count).toBe(0);
    });

    it('logs listing rollen that hold a BSN, and a search by BSN even when it finds nothing; a list of medewerkers logs nothing', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      await create(persoon(zaak, BSN));
      const before = (await processing('rollen-raadplegen')).length;
      await list(`?zaak=${encodeURIComponent(zaak.url)}&betrokkeneType=medewerker`);
      expect((await processing('rollen-raadplegen')).length).toBe(before);
      await list(`?zaak=${encodeURIComponent(zaak.url)}`);
      expect((await processing('rollen-raadplegen')).slice(before)).toEqual([
        { name: 'rollen-raadplegen', processing_activity_id: 'zaak-behandelen', data_subject_id: test.keys.pseudonymise(tenant.id, BSN), data_subject_id_type: 'BSN' },
      ]);
      const unseen = '999999990';
      expect((await list(`?betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${unseen}`)).count).toBe(0);
      expect(await processing('rollen-zoeken-op-bsn')).toContainEqual({
        name: 'rollen-zoeken-op-bsn',
        processing_activity_id: 'zaak-behandelen',
        data_subject_id: test.keys.pseudonymise(tenant.id, unseen),
        data_subject_id_type: 'BSN',
      });
    });
  });

  describe('reading one (rol_retrieve, rol_headers)', () => {
    it('answers with an ETag, the same headers on HEAD, and 304 for a matching If-None-Match; 403 and 404 as due', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const body = await create(medewerker(zaak, 'mdw-etag'));
      const path = `/rollen/${String(body.uuid)}`;
      const response = await call('GET', path, DETAIL, { token: all });
      expect(response.json()).toEqual(body);
      const etag = String(response.headers.etag);
      const head = await call('HEAD', path, DETAIL, { token: all });
      expect(head.headers.etag).toBe(etag);
      expect(head.body).toBe('');
      expect((await call('GET', path, DETAIL, { token: all, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
      expect((await call('GET', path, DETAIL, { token: await tokenFor(['zaken.lezen'], otherZaaktype) })).statusCode).toBe(403);
      expect((await call('GET', '/rollen/0b9f7a39-7d37-4a6e-8f21-1f8d6b2a0c11', DETAIL, { token: all })).statusCode).toBe(404);
      expect((await call('GET', `${path}?expand=betrokkene`, DETAIL, { token: all })).statusCode).toBe(404);
    });

    it('logs reading a natuurlijk persoon', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const body = await create(persoon(zaak, OTHER_BSN));
      await call('GET', `/rollen/${String(body.uuid)}`, DETAIL, { token: all });
      expect(await processing('rol-raadplegen')).toContainEqual({
        name: 'rol-raadplegen',
        processing_activity_id: 'zaak-behandelen',
        data_subject_id: test.keys.pseudonymise(tenant.id, OTHER_BSN),
        data_subject_id_type: 'BSN',
      });
    });

    it('expands the statussen the rol set and its roltype', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const rol = await create(medewerker(zaak, 'mdw-expand'));
      const status = await call('POST', '/statussen', '/statussen', { token: all, body: { zaak: zaak.url, statustype: zaaktype.statustypen[0]?.url, datumStatusGezet: '2026-01-05T09:00:00Z', gezetdoor: rol.url } });
      const statusJson = status.json() as Json;
      const expanded = (await call('GET', `/rollen/${String(rol.uuid)}?expand=statussen`, DETAIL, { token: all })).json() as Json;
      expect(expanded).toMatchObject({ statussen: [statusJson.url], _expand: { statussen: [statusJson] } });
      const typed = (await call('GET', `/rollen/${String(rol.uuid)}?expand=roltype`, DETAIL, { token: all })).json() as Json;
      expect(typed._expand).toMatchObject({ roltype: { url: zaaktype.roltypen.behandelaar.url, omschrijvingGeneriek: 'behandelaar' } });
    });
  });

  describe('deleting (rol_destroy)', () => {
    it('removes the rol with an audit record, notification and processing-log entry; statussen it set stay', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const body = await create(persoon(zaak, BSN));
      const status = (await call('POST', '/statussen', '/statussen', { token: all, body: { zaak: zaak.url, statustype: zaaktype.statustypen[0]?.url, datumStatusGezet: '2026-01-05T09:00:00Z', gezetdoor: body.url } })).json() as Json;
      const path = `/rollen/${String(body.uuid)}`;
      expect((await call('DELETE', path, DETAIL, { token: await tokenFor(['zaken.aanmaken']) })).statusCode).toBe(403);
      expect((await call('DELETE', path, DETAIL, { token: all })).statusCode).toBe(204);
      expect((await call('GET', path, DETAIL, { token: all })).statusCode).toBe(404);
      const trail = await listAuditTrail(database.db, tenant.id, zaak.url);
      expect(trail.find((record) => record.actie === 'destroy' && record.resource_url === body.url)).toMatchObject({ resultaat: 204, resource: 'rol' });
      expect((await notificatiesAbout(database.db, tenant, String(body.url))).map((message) => message.actie)).toEqual(['create', 'destroy']);
      expect(await processing('rol-verwijderen')).toContainEqual(expect.objectContaining({ data_subject_id: test.keys.pseudonymise(tenant.id, BSN) }));
      const statusNow = (await call('GET', `/statussen/${String(status.uuid)}`, '/statussen/{uuid}', { token: all })).json() as Json;
      expect(statusNow).not.toHaveProperty('gezetdoor');
    });

    it('zrc-007: deletes a rol of a closed zaak only with zaken.geforceerd-bijwerken', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype, { einddatum: '2026-02-01' });
      const body = await create(medewerker(zaak, 'mdw-gesloten'));
      const path = `/rollen/${String(body.uuid)}`;
      expect((await call('DELETE', path, DETAIL, { token: await tokenFor(['zaken.bijwerken']) })).statusCode).toBe(403);
      expect((await call('DELETE', path, DETAIL, { token: await tokenFor(['zaken.geforceerd-bijwerken']) })).statusCode).toBe(204);
    });
  });
});
