import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { RESULTAATTYPEOMSCHRIJVING_AFGEWEZEN, SELECTIELIJST_RESULTAAT } from '../../../test/zgw-fixtures.ts';
import { createCatalogiTestKit, pathOf, problemOf, uuidOf, type CatalogiTestKit } from './shared/test-kit.ts';

const LIST = '/besluittypen';
const DETAIL = '/besluittypen/{uuid}';
const PUBLISH = '/besluittypen/{uuid}/publish';

type Json = Record<string, unknown>;

describe('Catalogi API: besluittypen', () => {
  let kit: CatalogiTestKit;
  let catalogus: string;
  let counter = 0;

  beforeAll(async () => {
    kit = await createCatalogiTestKit();
    catalogus = await kit.catalogus();
  });
  afterAll(async () => {
    await kit.close();
  });

  function besluittype(overrides: Json = {}): Json {
    counter += 1;
    return { catalogus, omschrijving: `Besluit ${counter}`, publicatieIndicatie: false, informatieobjecttypen: [], beginGeldigheid: '2026-01-01', ...overrides };
  }

  async function create(body: Json): Promise<Json> {
    const response = await kit.call('POST', LIST, LIST, { token: kit.tokens.writer, body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  async function publish(url: unknown) {
    return kit.call('POST', `${pathOf(url)}/publish`, PUBLISH, { token: kit.tokens.writer, body: {} });
  }

  async function published(overrides: Json = {}): Promise<Json> {
    const created = await create(besluittype(overrides));
    const response = await publish(created.url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Json;
  }

  async function informatieobjecttype(omschrijving: string, at = catalogus): Promise<Json> {
    const response = await kit.call('POST', '/informatieobjecttypen', '/informatieobjecttypen', {
      token: kit.tokens.writer,
      body: { catalogus: at, omschrijving, vertrouwelijkheidaanduiding: 'openbaar', beginGeldigheid: '2020-01-01', informatieobjectcategorie: 'Besluit' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json() as Json;
    const publishResponse = await kit.call('POST', `${pathOf(created.url)}/publish`, '/informatieobjecttypen/{uuid}/publish', { token: kit.tokens.writer, body: {} });
    return publishResponse.json() as Json;
  }

  /** A published zaaktype naming besluittypen, written into the table (its own API is tested elsewhere). */
  async function zaaktypeNaming(besluittypen: string[], identificatie: string): Promise<string> {
    const { uuid } = await kit.database.db
      .insertInto('zaaktypen')
      .values({
        tenant_id: kit.tenant.id,
        catalogus_uuid: uuidOf(catalogus),
        identificatie,
        omschrijving: 'Zaaktype',
        vertrouwelijkheidaanduiding: 'openbaar',
        doorlooptijd: 'P8W',
        servicenorm: null,
        opschorting_en_aanhouding_mogelijk: false,
        verlenging_mogelijk: false,
        verlengingstermijn: null,
        concept: false,
        begin_geldigheid: '2020-01-01',
        data: JSON.stringify({
          doel: 'Test',
          aanleiding: 'Test',
          indicatieInternOfExtern: 'intern',
          handelingInitiator: 'aanvragen',
          onderwerp: 'Test',
          handelingBehandelaar: 'behandelen',
          publicatieIndicatie: false,
          productenOfDiensten: [],
          referentieproces: { naam: 'Test' },
          verantwoordelijke: 'Team',
          besluittypen,
        }),
      })
      .returning('uuid')
      .executeTakeFirstOrThrow();
    return `${kit.base()}/zaaktypen/${uuid}`;
  }

  async function list(query: string): Promise<{ count: number; results: Json[] }> {
    const response = await kit.call('GET', `${LIST}?${query}`, LIST, { token: kit.tokens.reader });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { count: number; results: Json[] };
  }

  describe('creating (besluittype_create)', () => {
    it('stores a concept naming its informatieobjecttypen, with Location, audit record and a notification on kanaal besluittypen', async () => {
      const brief = await informatieobjecttype('Besluitbrief');
      const response = await kit.call('POST', LIST, LIST, {
        token: kit.tokens.writer,
        body: besluittype({ informatieobjecttypen: ['Besluitbrief'], reactietermijn: 'P6W', publicatieIndicatie: true, publicatietermijn: 'P2W', besluitcategorie: 'Vergunning' }),
      });
      expect(response.statusCode).toBe(201);
      const created = response.json() as Json;
      expect(response.headers.location).toBe(created.url);
      expect(created).toMatchObject({
        catalogus,
        concept: true,
        reactietermijn: 'P6W',
        publicatietermijn: 'P2W',
        besluitcategorie: 'Vergunning',
        informatieobjecttypen: [brief.url],
        informatieobjecttypeOmschrijvingen: ['Besluitbrief'],
        vastgelegdIn: ['Besluitbrief'],
        zaaktypen: [],
        resultaattypen: [],
      });
      const [record] = await listAuditTrail(kit.database.db, kit.tenant.id, String(created.url));
      expect(record).toMatchObject({ bron: 'ztc', actie: 'create', resource: 'besluittype' });
      expect((await kit.notificaties('besluittypen')).find((item) => item.resourceUrl === created.url)).toMatchObject({ actie: 'create', kenmerken: { catalogus } });
      const stored = await kit.database.db.selectFrom('besluittypen').select('informatieobjecttype_uuids').where('uuid', '=', uuidOf(created.url)).executeTakeFirstOrThrow();
      expect(stored.informatieobjecttype_uuids).toEqual([uuidOf(brief.url)]);
    });

    it('lists every problem at once: required fields and ISO 8601 durations', async () => {
      const response = await kit.call('POST', LIST, LIST, { token: kit.tokens.writer, body: { catalogus, reactietermijn: 'zes weken', publicatietermijn: 'P2X' } });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).invalidParams.map((param) => `${param.name}:${param.code}`).sort()).toEqual([
        'beginGeldigheid:required',
        'informatieobjecttypen:required',
        'publicatieIndicatie:required',
        'publicatietermijn:invalid',
        'reactietermijn:invalid',
      ]);
    });

    it('ztc-013: refuses informatieobjecttypen that are not types of its catalogus', async () => {
      const andere = await kit.catalogus();
      await informatieobjecttype('Elders', andere);
      const response = await kit.call('POST', LIST, LIST, { token: kit.tokens.writer, body: besluittype({ informatieobjecttypen: ['Elders'] }) });
      expect(problemOf(response).invalidParams).toEqual([expect.objectContaining({ name: 'informatieobjecttypen', code: 'relations-incorrect-catalogus' })]);
    });

    it('needs catalogi.schrijven', async () => {
      expect((await kit.call('POST', LIST, LIST, { token: kit.tokens.reader, body: besluittype() })).statusCode).toBe(403);
    });
  });

  describe('reading', () => {
    it('retrieves with ETag and HEAD; 404 for unknown and other tenants; ztc-014 for Zaken readers', async () => {
      const created = await create(besluittype());
      const response = await kit.call('GET', pathOf(created.url), DETAIL, { token: kit.tokens.zakenReader });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(created);
      const head = await kit.call('HEAD', pathOf(created.url), DETAIL, { token: kit.tokens.reader });
      expect(head.headers.etag).toBe(response.headers.etag);
      expect((await kit.call('GET', `/besluittypen/${randomUUID()}`, DETAIL, { token: kit.tokens.reader })).statusCode).toBe(404);
      expect((await kit.call('GET', pathOf(created.url), DETAIL, { token: kit.tokens.otherTenant, at: kit.otherTenant })).statusCode).toBe(404);
      expect((await kit.call('GET', LIST, LIST, { token: kit.tokens.noScopes })).statusCode).toBe(403);
    });

    it('presents the zaaktypen that name it, its informatieobjecttypen and the resultaattypen that relate to it, and expands them', async () => {
      const brief = await informatieobjecttype('Beschikking');
      const bt = await published({ omschrijving: 'Omgevingsvergunning', informatieobjecttypen: ['Beschikking'], beginGeldigheid: '2020-01-01' });
      const zaaktype = await zaaktypeNaming(['Omgevingsvergunning'], 'ZT-OMG');
      await zaaktypeNaming(['Iets anders'], 'ZT-ANDERS');
      const { uuid: resultaattype } = await kit.database.db
        .insertInto('resultaattypen')
        .values({
          tenant_id: kit.tenant.id,
          zaaktype_uuid: uuidOf(zaaktype),
          omschrijving: 'Verleend',
          resultaattypeomschrijving: RESULTAATTYPEOMSCHRIJVING_AFGEWEZEN,
          selectielijstklasse: SELECTIELIJST_RESULTAAT,
          data: JSON.stringify({ besluittypen: ['Omgevingsvergunning'] }),
        })
        .returning('uuid')
        .executeTakeFirstOrThrow();
      const response = await kit.call('GET', `${pathOf(bt.url)}?expand=zaaktypen,informatieobjecttypen`, DETAIL, { token: kit.tokens.reader });
      const body = response.json() as Json & { _expand: { zaaktypen: Json[]; informatieobjecttypen: Json[] } };
      expect(body).toMatchObject({
        zaaktypen: [zaaktype],
        zaaktypeIdentificaties: ['ZT-OMG'],
        informatieobjecttypen: [brief.url],
        resultaattypen: [`${kit.base()}/resultaattypen/${resultaattype}`],
        resultaattypenOmschrijving: ['Verleend'],
      });
      expect(body._expand.zaaktypen.map((item) => item.url)).toEqual([zaaktype]);
      expect(body._expand.informatieobjecttypen.map((item) => item.url)).toEqual([brief.url]);
    });

    it('lists published ones by default and filters on status, catalogus, omschrijving, zaaktypen, informatieobjecttypen and datumGeldigheid', async () => {
      const eigen = await kit.catalogus();
      const bijlage = await informatieobjecttype('Bijlage', eigen);
      const concept = await create(besluittype({ catalogus: eigen, omschrijving: 'Concept' }));
      const oud = await published({ catalogus: eigen, omschrijving: 'Subsidie', beginGeldigheid: '2020-01-01', eindeGeldigheid: '2024-12-31', informatieobjecttypen: ['Bijlage'] });
      const nieuw = await published({ catalogus: eigen, omschrijving: 'Subsidie', beginGeldigheid: '2025-01-01' });
      const { uuid: zaaktypeUuid } = await kit.database.db
        .insertInto('zaaktypen')
        .values({
          tenant_id: kit.tenant.id,
          catalogus_uuid: uuidOf(eigen),
          identificatie: 'ZT-SUB',
          omschrijving: 'Subsidie',
          vertrouwelijkheidaanduiding: 'openbaar',
          doorlooptijd: 'P8W',
          servicenorm: null,
          opschorting_en_aanhouding_mogelijk: false,
          verlenging_mogelijk: false,
          verlengingstermijn: null,
          begin_geldigheid: '2020-01-01',
          data: JSON.stringify({ besluittypen: ['Subsidie'] }),
        })
        .returning('uuid')
        .executeTakeFirstOrThrow();
      const urls = (page: { results: Json[] }) => page.results.map((item) => item.url);
      expect(urls(await list(`catalogus=${eigen}`))).toEqual([oud.url, nieuw.url]);
      expect(urls(await list(`catalogus=${eigen}&status=concept`))).toEqual([concept.url]);
      expect(urls(await list(`catalogus=${eigen}&status=alles&omschrijving=Subsidie`))).toEqual([oud.url, nieuw.url]);
      expect(urls(await list(`zaaktypen=${kit.base()}/zaaktypen/${zaaktypeUuid}`))).toEqual([oud.url, nieuw.url]);
      expect(urls(await list(`informatieobjecttypen=${String(bijlage.url)}`))).toEqual([oud.url]);
      expect(urls(await list(`catalogus=${eigen}&datumGeldigheid=2025-06-01`))).toEqual([nieuw.url]);
      expect((await list(`zaaktypen=https://elders.example/catalogi/api/v1/zaaktypen/${zaaktypeUuid}`)).count).toBe(0);
      const notUrl = await kit.call('GET', `${LIST}?zaaktypen=geen-url`, LIST, { token: kit.tokens.reader });
      expect(problemOf(notUrl).invalidParams).toEqual([expect.objectContaining({ name: 'zaaktypen' })]);
    });
  });

  describe('changing, publishing and deleting', () => {
    it('changes a concept with PUT and PATCH and keeps informatieobjecttype_uuids in step', async () => {
      const brief = await informatieobjecttype('Verleningsbrief');
      const created = await create(besluittype());
      const put = await kit.call('PUT', pathOf(created.url), DETAIL, { token: kit.tokens.writer, body: besluittype({ omschrijving: created.omschrijving, informatieobjecttypen: ['Verleningsbrief'] }) });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json()).toMatchObject({ informatieobjecttypen: [brief.url] });
      const patch = await kit.call('PATCH', pathOf(created.url), DETAIL, { token: kit.tokens.writer, body: { informatieobjecttypen: [], toelichting: 'Zonder brief' } });
      expect(patch.json()).toMatchObject({ informatieobjecttypen: [], toelichting: 'Zonder brief' });
      const stored = await kit.database.db.selectFrom('besluittypen').select('informatieobjecttype_uuids').where('uuid', '=', uuidOf(created.url)).executeTakeFirstOrThrow();
      expect(stored.informatieobjecttype_uuids).toEqual([]);
      expect((await kit.notificaties('besluittypen')).filter((item) => item.resourceUrl === created.url).map((item) => item.actie)).toEqual(['create', 'update', 'partial_update']);
    });

    it('ztc-009: a published one answers non-concept-object to PUT, PATCH and DELETE, except a PATCH of eindeGeldigheid alone', async () => {
      const bt = await published();
      const put = await kit.call('PUT', pathOf(bt.url), DETAIL, { token: kit.tokens.writer, body: besluittype({ omschrijving: bt.omschrijving }) });
      expect(problemOf(put).invalidParams).toEqual([expect.objectContaining({ code: 'non-concept-object' })]);
      const patch = await kit.call('PATCH', pathOf(bt.url), DETAIL, { token: kit.tokens.writer, body: { toelichting: 'Anders' } });
      expect(problemOf(patch).invalidParams).toEqual([expect.objectContaining({ code: 'non-concept-object' })]);
      const remove = await kit.call('DELETE', pathOf(bt.url), DETAIL, { token: kit.tokens.writer });
      expect(problemOf(remove).invalidParams).toEqual([expect.objectContaining({ code: 'non-concept-object' })]);
      expect((await kit.call('PATCH', pathOf(bt.url), DETAIL, { token: kit.tokens.writer, body: { eindeGeldigheid: '2031-01-01' } })).statusCode).toBe(200);
    });

    it('ztc-009 correctie: geforceerd-schrijven may add an informatieobjecttype but not drop one or rename the besluittype', async () => {
      await informatieobjecttype('Eerste brief');
      await informatieobjecttype('Tweede brief');
      const bt = await published({ informatieobjecttypen: ['Eerste brief'] });
      const added = await kit.call('PATCH', pathOf(bt.url), DETAIL, { token: kit.tokens.forcedWriter, body: { informatieobjecttypen: ['Eerste brief', 'Tweede brief'] } });
      expect(added.statusCode, added.body).toBe(200);
      const dropped = await kit.call('PATCH', pathOf(bt.url), DETAIL, { token: kit.tokens.forcedWriter, body: { informatieobjecttypen: ['Tweede brief'], omschrijving: 'Nieuw' } });
      expect(problemOf(dropped).invalidParams.map((param) => `${param.name}:${param.code}`).sort()).toEqual(['informatieobjecttypen:non-concept-object', 'omschrijving:non-concept-object']);
    });

    it('publishes once; a version overlapping a published one with the same omschrijving is refused', async () => {
      await published({ omschrijving: 'Kapvergunning', beginGeldigheid: '2020-01-01' });
      const overlapping = await kit.call('POST', LIST, LIST, { token: kit.tokens.writer, body: besluittype({ omschrijving: 'Kapvergunning', beginGeldigheid: '2026-01-01' }) });
      expect(problemOf(overlapping).invalidParams).toEqual([expect.objectContaining({ name: 'beginGeldigheid', code: 'overlap' })]);
      const later = await create(besluittype({ omschrijving: 'Kapvergunning 2' }));
      const first = await publish(later.url);
      expect(first.json()).toMatchObject({ concept: false });
      expect((await kit.notificaties('besluittypen')).filter((item) => item.resourceUrl === later.url).map((item) => item.actie)).toEqual(['create', 'publish']);
      expect((await kit.call('POST', `/besluittypen/${randomUUID()}/publish`, PUBLISH, { token: kit.tokens.writer, body: {} })).statusCode).toBe(404);
    });

    it('deletes a concept (204, audit record) and, with geforceerd-verwijderen, a published one', async () => {
      const created = await create(besluittype());
      expect((await kit.call('DELETE', pathOf(created.url), DETAIL, { token: kit.tokens.writer })).statusCode).toBe(204);
      const records = await listAuditTrail(kit.database.db, kit.tenant.id, String(created.url));
      expect(records.at(-1)).toMatchObject({ actie: 'destroy', resultaat: 204 });
      const bt = await published();
      expect((await kit.call('DELETE', pathOf(bt.url), DETAIL, { token: kit.tokens.forcedDeleter })).statusCode).toBe(204);
      expect((await kit.call('GET', pathOf(bt.url), DETAIL, { token: kit.tokens.reader })).statusCode).toBe(404);
    });
  });
});
