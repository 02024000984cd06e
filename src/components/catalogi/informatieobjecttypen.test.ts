import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { createCatalogiTestKit, pathOf, problemOf, uuidOf, type CatalogiTestKit } from './shared/test-kit.ts';

const LIST = '/informatieobjecttypen';
const DETAIL = '/informatieobjecttypen/{uuid}';
const PUBLISH = '/informatieobjecttypen/{uuid}/publish';

type Json = Record<string, unknown>;

describe('Catalogi API: informatieobjecttypen', () => {
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

  function informatieobjecttype(overrides: Json = {}): Json {
    counter += 1;
    return {
      catalogus,
      omschrijving: `Brief ${counter}`,
      vertrouwelijkheidaanduiding: 'zaakvertrouwelijk',
      beginGeldigheid: '2026-01-01',
      informatieobjectcategorie: 'Brief',
      ...overrides,
    };
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
    const created = await create(informatieobjecttype(overrides));
    const response = await publish(created.url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Json;
  }

  async function list(query: string): Promise<{ count: number; results: Json[] }> {
    const response = await kit.call('GET', `${LIST}?${query}`, LIST, { token: kit.tokens.reader });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { count: number; results: Json[] };
  }

  /** A published zaaktype naming the informatieobjecttype through a zaaktype-informatieobjecttype, written into the tables. */
  async function zaaktypeUsing(omschrijving: string, identificatie: string, concept = false): Promise<string> {
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
        concept,
        begin_geldigheid: '2020-01-01',
        data: JSON.stringify({
          doel: 'Test',
          aanleiding: 'Test',
          indicatieInternOfExtern: 'extern',
          handelingInitiator: 'aanvragen',
          onderwerp: 'Test',
          handelingBehandelaar: 'behandelen',
          publicatieIndicatie: false,
          productenOfDiensten: [],
          referentieproces: { naam: 'Test' },
          verantwoordelijke: 'Team',
        }),
      })
      .returning('uuid')
      .executeTakeFirstOrThrow();
    await kit.database.db.insertInto('zaaktype_informatieobjecttypen').values({ tenant_id: kit.tenant.id, zaaktype_uuid: uuid, informatieobjecttype_omschrijving: omschrijving, volgnummer: 1, richting: 'inkomend' }).execute();
    return `${kit.base()}/zaaktypen/${uuid}`;
  }

  describe('creating (informatieobjecttype_create)', () => {
    it('stores a concept and answers 201 with Location, an audit record and a notification on kanaal informatieobjecttypen', async () => {
      const body = informatieobjecttype({
        trefwoord: ['bewijs'],
        omschrijvingGeneriek: {
          informatieobjecttypeOmschrijvingGeneriek: 'Brief',
          definitieInformatieobjecttypeOmschrijvingGeneriek: 'Een brief',
          herkomstInformatieobjecttypeOmschrijvingGeneriek: 'Gemeente',
          hierarchieInformatieobjecttypeOmschrijvingGeneriek: 'Correspondentie',
        },
      });
      const response = await kit.call('POST', LIST, LIST, { token: kit.tokens.writer, body });
      expect(response.statusCode).toBe(201);
      const created = response.json() as Json;
      expect(response.headers.location).toBe(created.url);
      expect(created).toMatchObject({
        catalogus,
        omschrijving: body.omschrijving,
        concept: true,
        trefwoord: ['bewijs'],
        zaaktypen: [],
        besluittypen: [],
        beginObject: '2026-01-01',
        omschrijvingGeneriek: { informatieobjecttypeOmschrijvingGeneriek: 'Brief', opmerkingInformatieobjecttypeOmschrijvingGeneriek: null },
      });
      const [record] = await listAuditTrail(kit.database.db, kit.tenant.id, String(created.url));
      expect(record).toMatchObject({ bron: 'ztc', actie: 'create', resource: 'informatieobjecttype' });
      expect((await kit.notificaties('informatieobjecttypen')).find((item) => item.resourceUrl === created.url)).toMatchObject({ actie: 'create', kenmerken: { catalogus } });
    });

    it('lists every problem at once', async () => {
      const response = await kit.call('POST', LIST, LIST, {
        token: kit.tokens.writer,
        body: { catalogus, omschrijving: '', vertrouwelijkheidaanduiding: 'heel_geheim', beginGeldigheid: '2026-02-30', omschrijvingGeneriek: { informatieobjecttypeOmschrijvingGeneriek: 'x' } },
      });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).invalidParams.map((param) => param.name).sort()).toEqual([
        'beginGeldigheid',
        'informatieobjectcategorie',
        'omschrijving',
        'omschrijvingGeneriek.definitieInformatieobjecttypeOmschrijvingGeneriek',
        'omschrijvingGeneriek.herkomstInformatieobjecttypeOmschrijvingGeneriek',
        'omschrijvingGeneriek.hierarchieInformatieobjecttypeOmschrijvingGeneriek',
        'vertrouwelijkheidaanduiding',
      ]);
      const ends = await kit.call('POST', LIST, LIST, { token: kit.tokens.writer, body: informatieobjecttype({ eindeGeldigheid: '2025-12-31' }) });
      expect(problemOf(ends).invalidParams).toEqual([expect.objectContaining({ name: 'eindeGeldigheid', code: 'date-mismatch' })]);
    });

    it('needs catalogi.schrijven', async () => {
      expect((await kit.call('POST', LIST, LIST, { token: kit.tokens.reader, body: informatieobjecttype() })).statusCode).toBe(403);
      expect((await kit.call('POST', LIST, LIST, { body: informatieobjecttype() })).statusCode).toBe(401);
    });
  });

  describe('reading', () => {
    it('retrieves with ETag and HEAD; 404 for unknown, malformed and other tenants', async () => {
      const created = await create(informatieobjecttype());
      const response = await kit.call('GET', pathOf(created.url), DETAIL, { token: kit.tokens.reader });
      expect(response.json()).toEqual(created);
      const head = await kit.call('HEAD', pathOf(created.url), DETAIL, { token: kit.tokens.reader });
      expect(head.statusCode).toBe(200);
      expect(head.headers.etag).toBe(response.headers.etag);
      expect(head.body).toBe('');
      const unchanged = await kit.call('HEAD', pathOf(created.url), DETAIL, { token: kit.tokens.reader, headers: { 'if-none-match': String(response.headers.etag) } });
      expect(unchanged.statusCode).toBe(304);
      expect((await kit.call('GET', `/informatieobjecttypen/${randomUUID()}`, DETAIL, { token: kit.tokens.reader })).statusCode).toBe(404);
      expect((await kit.call('GET', '/informatieobjecttypen/x', DETAIL, { token: kit.tokens.reader })).statusCode).toBe(404);
      expect((await kit.call('GET', pathOf(created.url), DETAIL, { token: kit.tokens.otherTenant, at: kit.otherTenant })).statusCode).toBe(404);
    });

    it('ztc-014: Documenten and Zaken readers read informatieobjecttypen', async () => {
      const created = await create(informatieobjecttype());
      expect((await kit.call('GET', pathOf(created.url), DETAIL, { token: kit.tokens.documentenReader })).statusCode).toBe(200);
      expect((await kit.call('GET', LIST, LIST, { token: kit.tokens.zakenReader })).statusCode).toBe(200);
      expect((await kit.call('GET', LIST, LIST, { token: kit.tokens.noScopes })).statusCode).toBe(403);
    });

    it('lists published ones by default and filters on status, catalogus, omschrijving and datumGeldigheid', async () => {
      const eigen = await kit.catalogus();
      const concept = await create(informatieobjecttype({ catalogus: eigen, omschrijving: 'Aanvraag' }));
      const oud = await published({ catalogus: eigen, omschrijving: 'Besluit', beginGeldigheid: '2020-01-01', eindeGeldigheid: '2024-12-31' });
      const nieuw = await published({ catalogus: eigen, omschrijving: 'Besluit', beginGeldigheid: '2025-01-01' });
      const urls = (page: { results: Json[] }) => page.results.map((item) => item.url);
      expect(urls(await list(`catalogus=${eigen}`))).toEqual([oud.url, nieuw.url]);
      expect(urls(await list(`catalogus=${eigen}&status=concept`))).toEqual([concept.url]);
      expect(urls(await list(`catalogus=${eigen}&status=alles&omschrijving=Aanvraag`))).toEqual([concept.url]);
      expect(urls(await list(`catalogus=${eigen}&datumGeldigheid=2024-06-01`))).toEqual([oud.url]);
      expect(urls(await list(`catalogus=${eigen}&datumGeldigheid=2025-01-01`))).toEqual([nieuw.url]);
      const unknown = await kit.call('GET', `${LIST}?zaaktype=x`, LIST, { token: kit.tokens.reader });
      expect(problemOf(unknown).invalidParams).toEqual([expect.objectContaining({ name: 'zaaktype', code: 'unknown-parameters' })]);
    });

    it('presents the published zaaktypen and besluittypen valid today that use it by omschrijving, and expands them', async () => {
      const iot = await published({ omschrijving: 'Vergunningbrief', beginGeldigheid: '2020-01-01' });
      const zaaktype = await zaaktypeUsing('Vergunningbrief', 'ZT-BRIEF');
      await zaaktypeUsing('Vergunningbrief', 'ZT-CONCEPT', true);
      const besluittype = await kit.call('POST', '/besluittypen', '/besluittypen', {
        token: kit.tokens.writer,
        body: { catalogus, omschrijving: 'Vergunning', publicatieIndicatie: false, informatieobjecttypen: ['Vergunningbrief'], beginGeldigheid: '2020-01-01' },
      });
      const besluittypeUrl = (besluittype.json() as Json).url;
      await kit.call('POST', `${pathOf(besluittypeUrl)}/publish`, '/besluittypen/{uuid}/publish', { token: kit.tokens.writer, body: {} });
      const response = await kit.call('GET', `${pathOf(iot.url)}?expand=zaaktypen,besluittypen,catalogus`, DETAIL, { token: kit.tokens.reader });
      const body = response.json() as Json & { _expand: { zaaktypen: Json[]; besluittypen: Json[]; catalogus: Json } };
      expect(body).toMatchObject({ zaaktypen: [zaaktype], zaaktypeIdentificaties: ['ZT-BRIEF'], besluittypen: [besluittypeUrl], besluittypeOmschrijving: ['Vergunning'] });
      expect(body._expand.zaaktypen.map((item) => item.identificatie)).toEqual(['ZT-BRIEF']);
      expect(body._expand.besluittypen.map((item) => item.url)).toEqual([besluittypeUrl]);
      expect(body._expand.catalogus.url).toBe(catalogus);
    });
  });

  describe('changing, publishing and deleting', () => {
    it('changes a concept with PUT and PATCH', async () => {
      const created = await create(informatieobjecttype());
      const put = await kit.call('PUT', pathOf(created.url), DETAIL, { token: kit.tokens.writer, body: informatieobjecttype({ omschrijving: created.omschrijving, informatieobjectcategorie: 'Formulier' }) });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toMatchObject({ informatieobjectcategorie: 'Formulier' });
      const patch = await kit.call('PATCH', pathOf(created.url), DETAIL, { token: kit.tokens.writer, body: { vertrouwelijkheidaanduiding: 'geheim' } });
      expect(patch.json()).toMatchObject({ vertrouwelijkheidaanduiding: 'geheim', informatieobjectcategorie: 'Formulier' });
      expect((await kit.notificaties('informatieobjecttypen')).filter((item) => item.resourceUrl === created.url).map((item) => item.actie)).toEqual(['create', 'update', 'partial_update']);
    });

    it('ztc-009: a published one answers non-concept-object to PUT, PATCH and DELETE, except a PATCH of eindeGeldigheid alone', async () => {
      const iot = await published();
      const put = await kit.call('PUT', pathOf(iot.url), DETAIL, { token: kit.tokens.writer, body: informatieobjecttype({ omschrijving: iot.omschrijving }) });
      expect(problemOf(put).invalidParams).toEqual([expect.objectContaining({ code: 'non-concept-object' })]);
      const patch = await kit.call('PATCH', pathOf(iot.url), DETAIL, { token: kit.tokens.writer, body: { informatieobjectcategorie: 'Anders' } });
      expect(problemOf(patch).invalidParams).toEqual([expect.objectContaining({ code: 'non-concept-object' })]);
      const remove = await kit.call('DELETE', pathOf(iot.url), DETAIL, { token: kit.tokens.writer });
      expect(remove.statusCode).toBe(400);
      expect(problemOf(remove).invalidParams).toEqual([expect.objectContaining({ code: 'non-concept-object' })]);
      const ends = await kit.call('PATCH', pathOf(iot.url), DETAIL, { token: kit.tokens.writer, body: { eindeGeldigheid: '2030-01-01' } });
      expect(ends.statusCode).toBe(200);
      expect(ends.json()).toMatchObject({ eindeGeldigheid: '2030-01-01', eindeObject: '2030-01-01' });
    });

    it('ztc-009 correctie: geforceerd-schrijven may add a trefwoord but not remove one; geforceerd-verwijderen may delete', async () => {
      const iot = await published({ trefwoord: ['een'] });
      const added = await kit.call('PATCH', pathOf(iot.url), DETAIL, { token: kit.tokens.forcedWriter, body: { trefwoord: ['een', 'twee'] } });
      expect(added.statusCode).toBe(200);
      const removed = await kit.call('PATCH', pathOf(iot.url), DETAIL, { token: kit.tokens.forcedWriter, body: { trefwoord: ['twee'] } });
      expect(problemOf(removed).invalidParams).toEqual([expect.objectContaining({ name: 'trefwoord', code: 'non-concept-object' })]);
      expect((await kit.call('DELETE', pathOf(iot.url), DETAIL, { token: kit.tokens.forcedDeleter })).statusCode).toBe(204);
    });

    it('publishes a concept once; a version overlapping a published one with the same omschrijving cannot be published', async () => {
      const first = await published({ omschrijving: 'Overlap', beginGeldigheid: '2020-01-01' });
      expect(first.concept).toBe(false);
      const overlapping = await kit.call('POST', LIST, LIST, { token: kit.tokens.writer, body: informatieobjecttype({ omschrijving: 'Overlap', beginGeldigheid: '2026-01-01' }) });
      expect(problemOf(overlapping).invalidParams).toEqual([expect.objectContaining({ name: 'beginGeldigheid', code: 'overlap' })]);
      await kit.call('PATCH', pathOf(first.url), DETAIL, { token: kit.tokens.writer, body: { eindeGeldigheid: '2025-12-31' } });
      const second = await create(informatieobjecttype({ omschrijving: 'Overlap', beginGeldigheid: '2026-01-01' }));
      const third = await create(informatieobjecttype({ omschrijving: 'Overlap', beginGeldigheid: '2027-01-01' }));
      expect((await publish(second.url)).statusCode).toBe(200);
      const refused = await publish(third.url);
      expect(problemOf(refused).invalidParams).toEqual([expect.objectContaining({ code: 'overlap' })]);
      expect((await kit.notificaties('informatieobjecttypen')).filter((item) => item.resourceUrl === second.url).map((item) => item.actie)).toEqual(['create', 'publish']);
    });

    it('deletes a concept: 204, audit record and notification', async () => {
      const created = await create(informatieobjecttype());
      expect((await kit.call('DELETE', pathOf(created.url), DETAIL, { token: kit.tokens.writer })).statusCode).toBe(204);
      expect((await kit.call('GET', pathOf(created.url), DETAIL, { token: kit.tokens.reader })).statusCode).toBe(404);
      const records = await listAuditTrail(kit.database.db, kit.tenant.id, String(created.url));
      expect(records.at(-1)).toMatchObject({ actie: 'destroy', resultaat: 204 });
      expect((await kit.call('DELETE', `/informatieobjecttypen/${randomUUID()}`, DETAIL, { token: kit.tokens.writer })).statusCode).toBe(404);
    });

    it('keeps the informatieobjecttype_uuids of besluittypen that name it in step', async () => {
      const besluittype = await kit.call('POST', '/besluittypen', '/besluittypen', {
        token: kit.tokens.writer,
        body: { catalogus, omschrijving: 'Met bijlage', publicatieIndicatie: false, informatieobjecttypen: [], beginGeldigheid: '2020-01-01' },
      });
      const besluittypeUuid = uuidOf((besluittype.json() as Json).url);
      const bijlage = await create(informatieobjecttype({ omschrijving: 'Bijlage' }));
      await kit.call('PATCH', pathOf((besluittype.json() as Json).url), '/besluittypen/{uuid}', { token: kit.tokens.writer, body: { informatieobjecttypen: ['Bijlage'] } });
      const stored = async () => (await kit.database.db.selectFrom('besluittypen').select('informatieobjecttype_uuids').where('uuid', '=', besluittypeUuid).executeTakeFirstOrThrow()).informatieobjecttype_uuids;
      expect(await stored()).toEqual([uuidOf(bijlage.url)]);
      await kit.call('DELETE', pathOf(bijlage.url), DETAIL, { token: kit.tokens.writer });
      expect(await stored()).toEqual([]);
    });
  });
});
