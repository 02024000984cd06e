import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Tenant } from '../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { insertTestZaaktype, type TestZaaktype } from '../../../test/zgw-fixtures.ts';
import type { OpenApiSpec } from '../../../test/openapi.ts';
import { insertTestEigenschap, zaakAutorisatie } from './shared/relation-test-kit.ts';
import { insertTestRol, insertTestStatus, loadZakenSpecForZaken, problemCodes, zakenCaller, type Json } from './zaken/zaken-test-kit.ts';

const LIST = '/zaken';
const DETAIL = '/zaken/{uuid}';
const ZOEK = '/zaken/_zoek';
const BSN = '111222333';

/** The `_expand` of a zaak, typed for reading in the tests. */
interface Expanded {
  zaaktype: Json;
  status: Json;
  resultaat: Json;
  hoofdzaak: Json;
  rollen: Json[];
  eigenschappen: Json[];
  zaakobjecten: Json[];
  zaakinformatieobjecten: Json[];
  deelzaken: Json[];
  relevanteAndereZaken: Json[];
}

function expandedOf(object: Json | undefined): Expanded {
  return object?._expand as Expanded;
}

describe('Zaken API: expand on zaken (zrc-025..028)', () => {
  let database: TestDatabase;
  let test: TestApp;
  let spec: OpenApiSpec;
  let tenant: Tenant;
  let zaaktype: TestZaaktype;
  let otherZaaktype: TestZaaktype;
  let all: string;
  let call: ReturnType<typeof zakenCaller>;
  let hoofdzaak: Json;
  let deelzaak: Json;
  let geheim: Json;
  let statusUuid: string;
  let eigenschapUuid: string;

  async function create(body: Json): Promise<Json> {
    const response = await call('POST', LIST, LIST, {
      token: all,
      body: { bronorganisatie: '002220647', verantwoordelijkeOrganisatie: '002220647', zaaktype: zaaktype.url, startdatum: '2026-03-02', ...body },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    spec = await loadZakenSpecForZaken();
    tenant = await createTestTenant(database.db);
    zaaktype = await insertTestZaaktype(database.db, tenant);
    otherZaaktype = await insertTestZaaktype(database.db, tenant);
    all = await (await createTestClient(database.db, test.keys, tenant, { heeftAlleAutorisaties: true })).token();
    call = zakenCaller(test, spec, tenant);

    // A hoofdzaak with a status (two, the latest current), a resultaat, an initiator and a behandelaar, a
    // zaakeigenschap, a zaakobject and a document; a deelzaak with a status; and a secret zaak of another zaaktype.
    geheim = await create({ zaaktype: otherZaaktype.url, vertrouwelijkheidaanduiding: 'geheim' });
    hoofdzaak = await create({ relevanteAndereZaken: [{ url: geheim.url, aardRelatie: 'onderwerp' }] });
    deelzaak = await create({ hoofdzaak: hoofdzaak.url, relevanteAndereZaken: [{ url: hoofdzaak.url, aardRelatie: 'vervolg' }] });
    const [ontvangen, inBehandeling] = zaaktype.statustypen;
    await insertTestStatus(database.db, tenant, String(hoofdzaak.uuid), ontvangen?.uuid ?? '', '2026-03-02T09:00:00Z');
    statusUuid = await insertTestStatus(database.db, tenant, String(hoofdzaak.uuid), inBehandeling?.uuid ?? '', '2026-03-03T09:00:00Z');
    await insertTestStatus(database.db, tenant, String(deelzaak.uuid), ontvangen?.uuid ?? '', '2026-03-04T09:00:00Z');
    await database.db.insertInto('resultaten').values({ tenant_id: tenant.id, zaak_uuid: String(hoofdzaak.uuid), resultaattype_uuid: zaaktype.resultaattype.uuid, toelichting: 'Afgewezen' }).execute();
    await insertTestRol(database.db, tenant, String(hoofdzaak.uuid), zaaktype, { bsn: BSN });
    await insertTestRol(database.db, tenant, String(hoofdzaak.uuid), zaaktype, { medewerker: 'mdw-1' });
    eigenschapUuid = await insertTestEigenschap(database.db, tenant, zaaktype.uuid, 'kenteken', { groep: '', formaat: 'tekst', lengte: '8', kardinaliteit: '1', waardenverzameling: [] });
    await database.db.insertInto('zaakeigenschappen').values({ tenant_id: tenant.id, zaak_uuid: String(hoofdzaak.uuid), eigenschap_uuid: eigenschapUuid, naam: 'kenteken', waarde: 'AB-123-C' }).execute();
    await database.db
      .insertInto('zaakobjecten')
      .values({ tenant_id: tenant.id, zaak_uuid: String(hoofdzaak.uuid), object: 'https://bag.example/api/panden/1', object_type: 'pand', relatieomschrijving: 'Locatie', data: JSON.stringify({}) })
      .execute();
    await database.db
      .insertInto('zaakinformatieobjecten')
      .values({ tenant_id: tenant.id, zaak_uuid: String(hoofdzaak.uuid), informatieobject: 'https://drc.example/documenten/api/v1/enkelvoudiginformatieobjecten/7c4b8e2a-1f0d-4b5e-9a3c-2d1e0f9a8b7c', titel: 'Aanvraag' })
      .execute();
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  async function retrieve(uuid: unknown, expand: string, token = all): Promise<Json> {
    const response = await call('GET', `/zaken/${String(uuid)}?expand=${encodeURIComponent(expand)}`, DETAIL, { token });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Json;
  }

  it('zrc-026: expands the zaak’s relations into the Zaken and Catalogi APIs, each as its own resource presents it', async () => {
    const zaak = await retrieve(hoofdzaak.uuid, 'zaaktype,status,status.statustype,resultaat,resultaat.resultaattype,rollen,rollen.roltype,eigenschappen,eigenschappen.eigenschap,zaakobjecten,zaakinformatieobjecten,deelzaken');
    const expanded = expandedOf(zaak);
    expect(expanded.zaaktype).toMatchObject({ url: zaaktype.url, omschrijving: 'Testzaaktype' });
    // The current status is the latest datumStatusGezet.
    expect(zaak.status).toBe(`http://${tenant.hostnames[0]}/zaken/api/v1/statussen/${statusUuid}`);
    expect(expanded.status).toMatchObject({ url: zaak.status, statustype: zaaktype.statustypen[1]?.url, indicatieLaatstGezetteStatus: true });
    expect((expanded.status._expand as Json).statustype).toMatchObject({ url: zaaktype.statustypen[1]?.url });
    expect(expanded.resultaat).toMatchObject({ url: zaak.resultaat, toelichting: 'Afgewezen' });
    expect((expanded.resultaat._expand as Json).resultaattype).toMatchObject({ url: zaaktype.resultaattype.url });
    expect(expanded.rollen.map((rol) => rol.betrokkeneType).sort()).toEqual(['medewerker', 'natuurlijk_persoon']);
    expect(expanded.rollen.map((rol) => ((rol._expand as Json).roltype as Json).url).sort()).toEqual([zaaktype.roltypen.behandelaar.url, zaaktype.roltypen.initiator.url].sort());
    expect(expanded.eigenschappen).toMatchObject([{ naam: 'kenteken', waarde: 'AB-123-C' }]);
    expect((expanded.eigenschappen[0]?._expand as Json).eigenschap).toMatchObject({ naam: 'kenteken' });
    expect(expanded.zaakobjecten).toMatchObject([{ objectType: 'pand', object: 'https://bag.example/api/panden/1' }]);
    expect(expanded.zaakinformatieobjecten).toMatchObject([{ titel: 'Aanvraag' }]);
    expect(expanded.deelzaken).toMatchObject([{ url: deelzaak.url }]);
    // Reading the initiator's rol through expand is a processing of that person's data.
    const logged = await sql<{ name: string }>`SELECT name FROM processing_log WHERE tenant_id = ${tenant.id} AND name = 'rollen-raadplegen'`.execute(database.db);
    expect(logged.rows.length).toBeGreaterThan(0);
  });

  it('zrc-026: follows zaken to any depth, and leaves out a related zaak the client may not read', async () => {
    const zaak = await retrieve(deelzaak.uuid, 'hoofdzaak.status.statustype,hoofdzaak.deelzaken.status,relevanteAndereZaken.relevanteAndereZaken,status');
    const expanded = expandedOf(zaak);
    const hoofd = expanded.hoofdzaak;
    expect(hoofd.url).toBe(hoofdzaak.url);
    const hoofdExpand = expandedOf(hoofd);
    expect(((hoofdExpand.status._expand as Json).statustype as Json).url).toBe(zaaktype.statustypen[1]?.url);
    expect(hoofdExpand.deelzaken.map((zaak) => zaak.url)).toEqual([deelzaak.url]);
    expect(hoofdExpand.deelzaken[0]?._expand).toMatchObject({ status: { statustype: zaaktype.statustypen[0]?.url } });
    // The relevante zaak (the hoofdzaak) with its own relevante zaak (the secret one) expanded.
    expect(expanded.relevanteAndereZaken.map((zaak) => zaak.url)).toEqual([hoofdzaak.url]);
    expect((expanded.relevanteAndereZaken[0]?._expand as Json).relevanteAndereZaken).toMatchObject([{ url: geheim.url }]);

    const restricted = await (await createTestClient(database.db, test.keys, tenant, { autorisaties: [zaakAutorisatie(zaaktype.url, ['zaken.lezen'], 'zeer_geheim')] })).token();
    const seen = await retrieve(hoofdzaak.uuid, 'relevanteAndereZaken,deelzaken', restricted);
    expect((seen._expand as Json).relevanteAndereZaken).toEqual([]);
    expect(((seen._expand as Json).deelzaken as Json[]).map((zaak) => zaak.url)).toEqual([deelzaak.url]);
  });

  it('expands a relation without an object to {} and a list without members to []', async () => {
    const zaak = await retrieve(geheim.uuid, 'status,resultaat,hoofdzaak,rollen,deelzaken');
    expect(zaak._expand).toEqual({ status: {}, resultaat: {}, hoofdzaak: {}, rollen: [], deelzaken: [] });
  });

  it('expands every zaak of a list page and of a search', async () => {
    const response = await call('GET', `${LIST}?expand=status,zaaktype&ordering=identificatie`, LIST, { token: all });
    expect(response.statusCode, response.body).toBe(200);
    const results = (response.json() as { results: Json[] }).results;
    expect(results).toHaveLength(3);
    for (const zaak of results) expect((zaak._expand as Json).zaaktype).toMatchObject({ url: zaak.zaaktype });
    const searched = await call('POST', ZOEK, ZOEK, { token: all, body: { uuid__in: [hoofdzaak.uuid], expand: 'rollen' } });
    expect(searched.statusCode, searched.body).toBe(200);
    expect((((searched.json() as { results: Json[] }).results[0]?._expand as Json).rollen as Json[]).length).toBe(2);
  });

  it('zrc-025: refuses to expand a relation into another API (400 on a list, 404 on one zaak)', async () => {
    const listed = await call('GET', `${LIST}?expand=communicatiekanaal`, LIST, { token: all });
    expect(listed.statusCode).toBe(400);
    expect(problemCodes(listed)).toEqual(['expand:invalid']);
    const nested = await call('GET', `${LIST}?expand=zaakinformatieobjecten.informatieobject`, LIST, { token: all });
    expect(nested.statusCode).toBe(400);
    const single = await call('GET', `/zaken/${String(hoofdzaak.uuid)}?expand=rollen.betrokkene`, DETAIL, { token: all });
    expect(single.statusCode).toBe(404);
  });

  it('zrc-027: refuses to expand what is no attribute of the resource (400 on a list, 404 on one zaak)', async () => {
    const listed = await call('GET', `${LIST}?expand=kleur`, LIST, { token: all });
    expect(listed.statusCode).toBe(400);
    const searched = await call('POST', ZOEK, ZOEK, { token: all, body: { identificatie: 'x', expand: 'status.kleur' } });
    expect(problemCodes(searched)).toEqual(['expand:invalid']);
    const single = await call('GET', `/zaken/${String(hoofdzaak.uuid)}?expand=zaaktype.kleur`, DETAIL, { token: all });
    expect(single.statusCode).toBe(404);
  });

  it('lends the zaak to the expand of the zaak’s relation resources', async () => {
    const response = await call('GET', `/zaakobjecten?zaak=${encodeURIComponent(String(hoofdzaak.url))}&expand=zaak`, '/zaakobjecten', { token: all });
    expect(response.statusCode, response.body).toBe(200);
    const [zaakobject] = (response.json() as { results: Json[] }).results;
    expect(((zaakobject?._expand as Json).zaak as Json).url).toBe(hoofdzaak.url);
  });

  it('zrc-028: a valid expand gives a valid response, conforming to ZaakExpanded', async () => {
    // Every call above was checked against the spec; this one combines the deepest paths on a list.
    const response = await call('GET', `${LIST}?expand=${encodeURIComponent('hoofdzaak.zaaktype,deelzaken.rollen.roltype,zaaktype.statustypen')}`, LIST, { token: all });
    expect(response.statusCode, response.body).toBe(200);
    const byUrl = new Map((response.json() as { results: Json[] }).results.map((zaak) => [zaak.url, zaak._expand as Json]));
    expect((byUrl.get(deelzaak.url)?.hoofdzaak as Json)._expand).toMatchObject({ zaaktype: { url: zaaktype.url } });
    expect(((byUrl.get(hoofdzaak.url)?.zaaktype as Json)._expand as Json).statustypen).toHaveLength(3);
  });
});
