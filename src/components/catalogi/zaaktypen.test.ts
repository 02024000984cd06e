import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { insertTestZaak, SELECTIELIJST_PROCESTYPE, SELECTIELIJST_RESULTAAT, RESULTAATTYPEOMSCHRIJVING_AFGEWEZEN } from '../../../test/zgw-fixtures.ts';
import { createCatalogiTestKit, pathOf, problemOf, uuidOf, type CatalogiTestKit } from './shared/test-kit.ts';

const LIST = '/zaaktypen';
const DETAIL = '/zaaktypen/{uuid}';
const PUBLISH = '/zaaktypen/{uuid}/publish';

type Json = Record<string, unknown>;

describe('Catalogi API: zaaktypen', () => {
  let kit: CatalogiTestKit;
  let catalogus: string;
  let identificaties = 0;

  beforeAll(async () => {
    kit = await createCatalogiTestKit();
    catalogus = await kit.catalogus();
  });
  afterAll(async () => {
    await kit.close();
  });

  function nextIdentificatie(): string {
    identificaties += 1;
    return `ZT-${identificaties}`;
  }

  function zaaktype(overrides: Json = {}): Json {
    return {
      identificatie: nextIdentificatie(),
      omschrijving: 'Melding openbare ruimte',
      vertrouwelijkheidaanduiding: 'openbaar',
      doel: 'Meldingen afhandelen',
      aanleiding: 'Een melding',
      indicatieInternOfExtern: 'extern',
      handelingInitiator: 'melden',
      onderwerp: 'Openbare ruimte',
      handelingBehandelaar: 'behandelen',
      doorlooptijd: 'P8W',
      opschortingEnAanhoudingMogelijk: false,
      verlengingMogelijk: false,
      publicatieIndicatie: false,
      productenOfDiensten: ['https://example.com/producten/1'],
      referentieproces: { naam: 'Melding behandelen' },
      verantwoordelijke: 'Team Buitenruimte',
      catalogus,
      besluittypen: [],
      gerelateerdeZaaktypen: [],
      beginGeldigheid: '2026-01-01',
      ...overrides,
    };
  }

  async function create(body: Json, token = kit.tokens.writer): Promise<Json> {
    const response = await kit.call('POST', LIST, LIST, { token, body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  async function publish(url: unknown, token = kit.tokens.writer) {
    return kit.call('POST', `${pathOf(url)}/publish`, PUBLISH, { token, body: {} });
  }

  /** The parts a zaaktype needs before it can be published, written straight into the tables. */
  async function addParts(url: unknown, parts: { statustypen?: number; resultaattype?: boolean; roltype?: boolean } = {}): Promise<void> {
    const db = kit.database.db;
    const zaaktypeUuid = uuidOf(url);
    for (let volgnummer = 1; volgnummer <= (parts.statustypen ?? 2); volgnummer += 1) {
      await db.insertInto('statustypen').values({ tenant_id: kit.tenant.id, zaaktype_uuid: zaaktypeUuid, omschrijving: `Status ${volgnummer}`, volgnummer }).execute();
    }
    if (parts.resultaattype ?? true) {
      await db
        .insertInto('resultaattypen')
        .values({ tenant_id: kit.tenant.id, zaaktype_uuid: zaaktypeUuid, omschrijving: 'Afgehandeld', resultaattypeomschrijving: RESULTAATTYPEOMSCHRIJVING_AFGEWEZEN, selectielijstklasse: SELECTIELIJST_RESULTAAT })
        .execute();
    }
    if (parts.roltype ?? true) {
      await db.insertInto('roltypen').values({ tenant_id: kit.tenant.id, zaaktype_uuid: zaaktypeUuid, omschrijving: 'Melder', omschrijving_generiek: 'initiator' }).execute();
    }
  }

  async function publishedZaaktype(overrides: Json = {}): Promise<Json> {
    const created = await create(zaaktype(overrides));
    await addParts(created.url);
    const published = await publish(created.url);
    expect(published.statusCode, published.body).toBe(200);
    return published.json() as Json;
  }

  async function besluittype(omschrijving: string, options: { publish?: boolean; catalogus?: string } = {}): Promise<Json> {
    const response = await kit.call('POST', '/besluittypen', '/besluittypen', {
      token: kit.tokens.writer,
      body: { catalogus: options.catalogus ?? catalogus, omschrijving, publicatieIndicatie: false, informatieobjecttypen: [], beginGeldigheid: '2020-01-01' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json() as Json;
    if (options.publish === false) return created;
    const published = await kit.call('POST', `${pathOf(created.url)}/publish`, '/besluittypen/{uuid}/publish', { token: kit.tokens.writer, body: {} });
    expect(published.statusCode).toBe(200);
    return published.json() as Json;
  }

  async function informatieobjecttype(omschrijving: string, options: { publish?: boolean } = {}): Promise<Json> {
    const response = await kit.call('POST', '/informatieobjecttypen', '/informatieobjecttypen', {
      token: kit.tokens.writer,
      body: { catalogus, omschrijving, vertrouwelijkheidaanduiding: 'openbaar', beginGeldigheid: '2020-01-01', informatieobjectcategorie: 'Brief' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json() as Json;
    if (options.publish === false) return created;
    const published = await kit.call('POST', `${pathOf(created.url)}/publish`, '/informatieobjecttypen/{uuid}/publish', { token: kit.tokens.writer, body: {} });
    expect(published.statusCode).toBe(200);
    return published.json() as Json;
  }

  async function linkInformatieobjecttype(zaaktypeUrl: unknown, omschrijving: string, volgnummer: number): Promise<void> {
    await kit.database.db
      .insertInto('zaaktype_informatieobjecttypen')
      .values({ tenant_id: kit.tenant.id, zaaktype_uuid: uuidOf(zaaktypeUrl), informatieobjecttype_omschrijving: omschrijving, volgnummer, richting: 'inkomend' })
      .execute();
  }

  async function list(query: string, token = kit.tokens.reader): Promise<{ count: number; results: Json[] }> {
    const response = await kit.call('GET', `${LIST}?${query}`, LIST, { token });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { count: number; results: Json[] };
  }

  describe('creating (zaaktype_create)', () => {
    it('stores a concept zaaktype and answers 201 with Location and the spec-conform resource', async () => {
      const body = zaaktype({ trefwoorden: ['melding'], servicenorm: 'P5W', verlengingMogelijk: true, verlengingstermijn: 'P2W', selectielijstProcestype: SELECTIELIJST_PROCESTYPE });
      const response = await kit.call('POST', LIST, LIST, { token: kit.tokens.writer, body });
      expect(response.statusCode).toBe(201);
      const created = response.json() as Json;
      expect(response.headers.location).toBe(created.url);
      expect(String(created.url)).toMatch(new RegExp(`^${kit.base().replace(/\./g, '\\.')}/zaaktypen/[0-9a-f-]{36}$`));
      expect(created).toMatchObject({
        identificatie: body.identificatie,
        catalogus,
        concept: true,
        doorlooptijd: 'P8W',
        servicenorm: 'P5W',
        verlengingstermijn: 'P2W',
        trefwoorden: ['melding'],
        statustypen: [],
        besluittypen: [],
        beginGeldigheid: '2026-01-01',
        eindeGeldigheid: null,
        beginObject: '2026-01-01',
        versiedatum: '2026-01-01',
        selectielijstProcestype: SELECTIELIJST_PROCESTYPE,
      });
    });

    it('records an audit record and a notification on kanaal zaaktypen with the catalogus kenmerk', async () => {
      const created = await create(zaaktype());
      const [record] = await listAuditTrail(kit.database.db, kit.tenant.id, String(created.url));
      expect(record).toMatchObject({ bron: 'ztc', actie: 'create', resultaat: 201, resource: 'zaaktype', resource_url: created.url });
      const notificatie = (await kit.notificaties('zaaktypen')).find((item) => item.resourceUrl === created.url);
      expect(notificatie).toMatchObject({ kanaal: 'zaaktypen', resource: 'zaaktype', actie: 'create', hoofdObject: created.url, kenmerken: { catalogus } });
    });

    it('lists every problem of the body at once: schema, ISO 8601 durations, dates and verlenging', async () => {
      const response = await kit.call('POST', LIST, LIST, {
        token: kit.tokens.writer,
        body: zaaktype({ omschrijving: undefined, doorlooptijd: '8 weken', servicenorm: 'P', verlengingMogelijk: true, verlengingstermijn: null, eindeGeldigheid: '2025-01-01', indicatieInternOfExtern: 'beide' }),
      });
      expect(response.statusCode).toBe(400);
      const problem = problemOf(response);
      expect(problem.code).toBe('invalid');
      expect(problem.invalidParams).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'omschrijving', code: 'required' }),
          expect.objectContaining({ name: 'indicatieInternOfExtern', code: 'enum' }),
          expect.objectContaining({ name: 'doorlooptijd', code: 'invalid' }),
          expect.objectContaining({ name: 'servicenorm', code: 'invalid' }),
          expect.objectContaining({ name: 'verlengingstermijn', code: 'verlenging-mismatch' }),
          expect.objectContaining({ name: 'eindeGeldigheid', code: 'date-mismatch' }),
        ]),
      );
    });

    it('refuses a verlengingstermijn when verlenging is not possible, and a broncatalogus RSIN failing the 11-proef', async () => {
      const response = await kit.call('POST', LIST, LIST, {
        token: kit.tokens.writer,
        body: zaaktype({ verlengingstermijn: 'P2W', broncatalogus: { url: 'https://elders.example/catalogi/api/v1/catalogussen/1', domein: 'ELD', rsin: '123456789' } }),
      });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).invalidParams.map((param) => `${param.name}:${param.code}`).sort()).toEqual(['broncatalogus.rsin:invalid', 'verlengingstermijn:verlenging-mismatch']);
    });

    it('ztc-001: refuses a selectielijstProcestype that is not a Selectielijst procestype', async () => {
      for (const value of ['https://example.com/procestypen/onbekend', `https://selectielijst.openzaak.nl/api/v1/procestypen/${randomUUID()}`, 'geen url']) {
        const response = await kit.call('POST', LIST, LIST, { token: kit.tokens.writer, body: zaaktype({ selectielijstProcestype: value }) });
        expect(response.statusCode).toBe(400);
        expect(problemOf(response).invalidParams).toContainEqual(expect.objectContaining({ name: 'selectielijstProcestype', code: 'invalid-resource' }));
      }
    });

    it('refuses a catalogus of another endpoint or one that does not exist', async () => {
      const elsewhere = await kit.call('POST', LIST, LIST, { token: kit.tokens.writer, body: zaaktype({ catalogus: `https://elders.example/catalogi/api/v1/catalogussen/${uuidOf(catalogus)}` }) });
      expect(problemOf(elsewhere).invalidParams).toEqual([expect.objectContaining({ name: 'catalogus', code: 'no_match' })]);
      const missing = await kit.call('POST', LIST, LIST, { token: kit.tokens.writer, body: zaaktype({ catalogus: `${kit.base()}/catalogussen/${randomUUID()}` }) });
      expect(problemOf(missing).invalidParams).toEqual([expect.objectContaining({ name: 'catalogus', code: 'does_not_exist' })]);
      const otherTenants = await kit.catalogus(kit.otherTenant);
      const foreign = await kit.call('POST', LIST, LIST, { token: kit.tokens.writer, body: zaaktype({ catalogus: `${kit.base()}/catalogussen/${uuidOf(otherTenants)}` }) });
      expect(problemOf(foreign).invalidParams).toEqual([expect.objectContaining({ name: 'catalogus', code: 'does_not_exist' })]);
    });

    it('ztc-013: besluittypen and deelzaaktypen must name types of the same catalogus', async () => {
      const andere = await kit.catalogus();
      await besluittype('Besluit elders', { catalogus: andere });
      await besluittype('Besluit hier');
      const response = await kit.call('POST', LIST, LIST, {
        token: kit.tokens.writer,
        body: zaaktype({ besluittypen: ['Besluit hier', 'Besluit elders'], deelzaaktypen: ['BESTAAT-NIET'] }),
      });
      expect(response.statusCode).toBe(400);
      const problems = problemOf(response).invalidParams;
      expect(problems.map((param) => `${param.name}:${param.code}`).sort()).toEqual(['besluittypen:relations-incorrect-catalogus', 'deelzaaktypen:relations-incorrect-catalogus']);
      expect(problems.find((param) => param.name === 'besluittypen')?.reason).toContain('Besluit elders');
    });

    it('needs a token (401) with catalogi.schrijven (403)', async () => {
      expect((await kit.call('POST', LIST, LIST, { body: zaaktype() })).statusCode).toBe(401);
      expect((await kit.call('POST', LIST, LIST, { token: kit.tokens.reader, body: zaaktype() })).statusCode).toBe(403);
    });
  });

  describe('relations (ztc: "De url\'s die moeten worden teruggegeven")', () => {
    it('presents its own parts and its relations by name as the URLs of the published versions valid today', async () => {
      await besluittype('Vergunning verleend');
      await besluittype('Vergunning concept', { publish: false });
      const brief = await informatieobjecttype('Ontvangstbevestiging');
      await informatieobjecttype('Concept-brief', { publish: false });
      const deel = await publishedZaaktype({ identificatie: 'DEEL-1' });
      const vervolg = await publishedZaaktype({ identificatie: 'VERVOLG-1' });
      const created = await create(
        zaaktype({
          besluittypen: ['Vergunning verleend', 'Vergunning concept'],
          deelzaaktypen: ['DEEL-1'],
          gerelateerdeZaaktypen: [{ zaaktype: 'VERVOLG-1', aardRelatie: 'vervolg', toelichting: 'Daarna' }],
        }),
      );
      await addParts(created.url, { statustypen: 3 });
      await linkInformatieobjecttype(created.url, 'Ontvangstbevestiging', 1);
      await linkInformatieobjecttype(created.url, 'Concept-brief', 2);
      const zaaktypeUuid = uuidOf(created.url);
      const statustypen = await kit.database.db.selectFrom('statustypen').select('uuid').where('zaaktype_uuid', '=', zaaktypeUuid).orderBy('volgnummer').execute();
      const response = await kit.call('GET', pathOf(created.url), DETAIL, { token: kit.tokens.reader });
      const body = response.json() as Json;
      expect(body.statustypen).toEqual(statustypen.map((row) => `${kit.base()}/statustypen/${row.uuid}`));
      expect(body.resultaattypen).toHaveLength(1);
      expect(body.resultaattypeOmschrijving).toEqual(['Afgehandeld']);
      expect(body.roltypen).toHaveLength(1);
      expect(body.besluittypen).toHaveLength(1);
      expect(body.besluittypeOmschrijving).toEqual(['Vergunning verleend', 'Vergunning concept']);
      expect(body.informatieobjecttypen).toEqual([brief.url]);
      expect(body.informatieobjecttypeOmschrijving).toEqual(['Ontvangstbevestiging', 'Concept-brief']);
      expect(body.deelzaaktypen).toEqual([deel.url]);
      expect(body.deelzaaktypeIdentificaties).toEqual(['DEEL-1']);
      expect(body.gerelateerdeZaaktypen).toEqual([{ zaaktype: vervolg.url, zaaktypeIdentificatie: 'VERVOLG-1', aardRelatie: 'vervolg', toelichting: 'Daarna' }]);
    });

    it('keeps besluittype_uuids (read by the Besluiten API) in step with the besluittypen it names, versions included', async () => {
      const eerste = await besluittype('Subsidie verleend');
      const created = await create(zaaktype({ besluittypen: ['Subsidie verleend'] }));
      const stored = async () => (await kit.database.db.selectFrom('zaaktypen').select('besluittype_uuids').where('uuid', '=', uuidOf(created.url)).executeTakeFirstOrThrow()).besluittype_uuids;
      expect(await stored()).toEqual([uuidOf(eerste.url)]);
      await kit.call('PATCH', pathOf(eerste.url), '/besluittypen/{uuid}', { token: kit.tokens.writer, body: { eindeGeldigheid: '2026-12-31' } });
      const tweede = await kit.call('POST', '/besluittypen', '/besluittypen', {
        token: kit.tokens.writer,
        body: { catalogus, omschrijving: 'Subsidie verleend', publicatieIndicatie: false, informatieobjecttypen: [], beginGeldigheid: '2027-01-01' },
      });
      expect(tweede.statusCode).toBe(201);
      expect(await stored()).toEqual([uuidOf(eerste.url), uuidOf((tweede.json() as Json).url)]);
    });

    it('resolves its relations on datumGeldigheid when the retrieve asks for it, else on today', async () => {
      const eerste = await besluittype('Parkeervergunning');
      await kit.call('PATCH', pathOf(eerste.url), '/besluittypen/{uuid}', { token: kit.tokens.writer, body: { eindeGeldigheid: '2024-12-31' } });
      const tweede = await kit.call('POST', '/besluittypen', '/besluittypen', {
        token: kit.tokens.writer,
        body: { catalogus, omschrijving: 'Parkeervergunning', publicatieIndicatie: false, informatieobjecttypen: [], beginGeldigheid: '2025-01-01' },
      });
      const tweedeUrl = (tweede.json() as Json).url;
      await kit.call('POST', `${pathOf(tweedeUrl)}/publish`, '/besluittypen/{uuid}/publish', { token: kit.tokens.writer, body: {} });
      const created = await create(zaaktype({ besluittypen: ['Parkeervergunning'] }));
      const today = await kit.call('GET', pathOf(created.url), DETAIL, { token: kit.tokens.reader });
      expect((today.json() as Json).besluittypen).toEqual([tweedeUrl]);
      const then = await kit.call('GET', `${pathOf(created.url)}?datumGeldigheid=2022-01-01`, DETAIL, { token: kit.tokens.reader });
      expect((then.json() as Json).besluittypen).toEqual([eerste.url]);
    });

    it('expands catalogus, besluittypen and nested relations, and refuses what cannot be expanded', async () => {
      const iot = await informatieobjecttype('Besluitbrief');
      const bt = await kit.call('POST', '/besluittypen', '/besluittypen', {
        token: kit.tokens.writer,
        body: { catalogus, omschrijving: 'Besluit met brief', publicatieIndicatie: false, informatieobjecttypen: ['Besluitbrief'], beginGeldigheid: '2020-01-01' },
      });
      await kit.call('POST', `${pathOf((bt.json() as Json).url)}/publish`, '/besluittypen/{uuid}/publish', { token: kit.tokens.writer, body: {} });
      const created = await create(zaaktype({ besluittypen: ['Besluit met brief'] }));
      const response = await kit.call('GET', `${pathOf(created.url)}?expand=catalogus,besluittypen.informatieobjecttypen`, DETAIL, { token: kit.tokens.reader });
      expect(response.statusCode).toBe(200);
      const expanded = (response.json() as { _expand: { catalogus: Json; besluittypen: (Json & { _expand: { informatieobjecttypen: Json[] } })[] } })._expand;
      expect(expanded.catalogus.url).toBe(catalogus);
      expect(expanded.besluittypen.map((item) => item.omschrijving)).toEqual(['Besluit met brief']);
      expect(expanded.besluittypen[0]?._expand.informatieobjecttypen.map((item) => item.url)).toEqual([iot.url]);
      const listed = await kit.call('GET', `${LIST}?status=alles&identificatie=${String(created.identificatie)}&expand=besluittypen`, LIST, { token: kit.tokens.reader });
      expect((listed.json() as { results: { _expand: { besluittypen: Json[] } }[] }).results[0]?._expand.besluittypen).toHaveLength(1);
      const refused = await kit.call('GET', `${pathOf(created.url)}?expand=catalogus,onzin`, DETAIL, { token: kit.tokens.reader });
      expect(refused.statusCode).toBe(400);
      expect(problemOf(refused).invalidParams).toEqual([expect.objectContaining({ name: 'expand' })]);
    });
  });

  describe('reading (zaaktype_retrieve, zaaktype_headers, zaaktype_list)', () => {
    it('retrieves with an ETag, answers If-None-Match with 304 and HEAD without a body', async () => {
      const created = await create(zaaktype());
      const response = await kit.call('GET', pathOf(created.url), DETAIL, { token: kit.tokens.reader });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(created);
      const etag = String(response.headers.etag);
      expect((await kit.call('GET', pathOf(created.url), DETAIL, { token: kit.tokens.reader, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
      const head = await kit.call('HEAD', pathOf(created.url), DETAIL, { token: kit.tokens.reader });
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe('');
      expect(head.headers.etag).toBe(etag);
    });

    it('answers 404 for an unknown or malformed uuid and for a zaaktype of another tenant', async () => {
      const created = await create(zaaktype());
      expect((await kit.call('GET', `/zaaktypen/${randomUUID()}`, DETAIL, { token: kit.tokens.reader })).statusCode).toBe(404);
      expect((await kit.call('GET', '/zaaktypen/geen-uuid', DETAIL, { token: kit.tokens.reader })).statusCode).toBe(404);
      expect((await kit.call('GET', pathOf(created.url), DETAIL, { token: kit.tokens.otherTenant, at: kit.otherTenant })).statusCode).toBe(404);
      expect((await kit.call('PATCH', pathOf(created.url), DETAIL, { token: kit.tokens.otherTenant, at: kit.otherTenant, body: { omschrijving: 'Overgenomen' } })).statusCode).toBe(404);
      expect((await kit.call('DELETE', pathOf(created.url), DETAIL, { token: kit.tokens.otherTenant, at: kit.otherTenant })).statusCode).toBe(404);
      expect((await kit.call('POST', `${pathOf(created.url)}/publish`, PUBLISH, { token: kit.tokens.otherTenant, at: kit.otherTenant, body: {} })).statusCode).toBe(404);
      const elsewhere = await kit.call('GET', `${LIST}?status=alles`, LIST, { token: kit.tokens.otherTenant, at: kit.otherTenant });
      expect((elsewhere.json() as { results: Json[] }).results.map((item) => item.identificatie)).not.toContain(created.identificatie);
    });

    it('ztc-014: Zaken and Documenten readers read zaaktypen; no read scope is a 403, no token a 401', async () => {
      const created = await create(zaaktype());
      expect((await kit.call('GET', pathOf(created.url), DETAIL, { token: kit.tokens.zakenReader })).statusCode).toBe(200);
      expect((await kit.call('GET', LIST, LIST, { token: kit.tokens.documentenReader })).statusCode).toBe(200);
      expect((await kit.call('GET', pathOf(created.url), DETAIL, { token: kit.tokens.noScopes })).statusCode).toBe(403);
      expect((await kit.call('GET', LIST, LIST)).statusCode).toBe(401);
    });

    it('lists published zaaktypen by default and filters on status, catalogus, identificatie and trefwoorden', async () => {
      const eigen = await kit.catalogus();
      const concept = await create(zaaktype({ catalogus: eigen, trefwoorden: ['afval', 'container'] }));
      const definitief = await publishedZaaktype({ catalogus: eigen, trefwoorden: ['afval'] });
      const identificatiesOf = (page: { results: Json[] }) => page.results.map((item) => item.identificatie).sort();
      expect(identificatiesOf(await list(`catalogus=${eigen}`))).toEqual([definitief.identificatie]);
      expect(identificatiesOf(await list(`catalogus=${eigen}&status=concept`))).toEqual([concept.identificatie]);
      expect(identificatiesOf(await list(`catalogus=${eigen}&status=alles`))).toEqual([concept.identificatie, definitief.identificatie].sort());
      expect(identificatiesOf(await list(`catalogus=${eigen}&status=definitief`))).toEqual([definitief.identificatie]);
      expect(identificatiesOf(await list(`identificatie=${String(concept.identificatie)}&status=alles`))).toEqual([concept.identificatie]);
      expect(identificatiesOf(await list(`catalogus=${eigen}&status=alles&trefwoorden=afval,container`))).toEqual([concept.identificatie]);
      expect(identificatiesOf(await list(`catalogus=${eigen}&status=alles&trefwoorden=afval&trefwoorden=container`))).toEqual([concept.identificatie]);
      expect(identificatiesOf(await list(`catalogus=${eigen}&status=alles&trefwoorden=afval`))).toEqual([concept.identificatie, definitief.identificatie].sort());
      expect((await list(`catalogus=https://elders.example/catalogi/api/v1/catalogussen/${uuidOf(eigen)}&status=alles`)).count).toBe(0);
    });

    it('selects the version valid on datumGeldigheid', async () => {
      const eigen = await kit.catalogus();
      await publishedZaaktype({ catalogus: eigen, identificatie: 'VERSIES', beginGeldigheid: '2020-01-01', eindeGeldigheid: '2022-12-31' });
      await publishedZaaktype({ catalogus: eigen, identificatie: 'VERSIES', beginGeldigheid: '2023-01-01' });
      const on = async (date: string) => (await list(`catalogus=${eigen}&datumGeldigheid=${date}`)).results.map((item) => item.beginGeldigheid);
      expect(await on('2021-06-01')).toEqual(['2020-01-01']);
      expect(await on('2022-12-31')).toEqual(['2020-01-01']);
      expect(await on('2023-01-01')).toEqual(['2023-01-01']);
      expect(await on('2019-12-31')).toEqual([]);
    });

    it('refuses an unknown parameter, an unknown status and a malformed datumGeldigheid; a page past the last is a 404', async () => {
      const unknown = await kit.call('GET', `${LIST}?onbekend=1`, LIST, { token: kit.tokens.reader });
      expect(unknown.statusCode).toBe(400);
      expect(problemOf(unknown).invalidParams).toEqual([expect.objectContaining({ name: 'onbekend', code: 'unknown-parameters' })]);
      expect((await kit.call('GET', `${LIST}?status=misschien`, LIST, { token: kit.tokens.reader })).statusCode).toBe(400);
      const date = await kit.call('GET', `${LIST}?datumGeldigheid=2026-02-30`, LIST, { token: kit.tokens.reader });
      expect(problemOf(date).invalidParams).toEqual([expect.objectContaining({ name: 'datumGeldigheid' })]);
      const past = await kit.test.app.inject({ method: 'GET', url: '/catalogi/api/v1/zaaktypen?page=999', headers: { host: new URL(kit.base()).host, authorization: `Bearer ${kit.tokens.reader}` } });
      expect(past.statusCode).toBe(404);
    });
  });

  describe('changing (zaaktype_update, zaaktype_partial_update)', () => {
    it('replaces (PUT) and changes (PATCH) a concept, with audit records and notifications', async () => {
      const created = await create(zaaktype());
      const put = await kit.call('PUT', pathOf(created.url), DETAIL, { token: kit.tokens.writer, body: zaaktype({ identificatie: created.identificatie, omschrijving: 'Nieuw', deelzaaktypen: [] }) });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json()).toMatchObject({ omschrijving: 'Nieuw', concept: true });
      const patch = await kit.call('PATCH', pathOf(created.url), DETAIL, { token: kit.tokens.writer, body: { doorlooptijd: 'P10D', url: 'genegeerd' } });
      expect(patch.statusCode).toBe(200);
      expect(patch.json()).toMatchObject({ omschrijving: 'Nieuw', doorlooptijd: 'P10D' });
      const records = await listAuditTrail(kit.database.db, kit.tenant.id, String(created.url));
      expect(records.map((record) => record.actie)).toEqual(['create', 'update', 'partial_update']);
      expect(records[2]?.oud).toMatchObject({ doorlooptijd: 'P8W' });
      const acties = (await kit.notificaties('zaaktypen')).filter((item) => item.resourceUrl === created.url).map((item) => item.actie);
      expect(acties).toEqual(['create', 'update', 'partial_update']);
    });

    it('requires deelzaaktypen on PUT (ZaakTypeUpdate) and checks merged values on PATCH', async () => {
      const created = await create(zaaktype());
      const put = await kit.call('PUT', pathOf(created.url), DETAIL, { token: kit.tokens.writer, body: zaaktype({ identificatie: created.identificatie }) });
      expect(problemOf(put).invalidParams).toEqual([expect.objectContaining({ name: 'deelzaaktypen', code: 'required' })]);
      const patch = await kit.call('PATCH', pathOf(created.url), DETAIL, { token: kit.tokens.writer, body: { verlengingMogelijk: true } });
      expect(problemOf(patch).invalidParams).toEqual([expect.objectContaining({ name: 'verlengingstermijn', code: 'verlenging-mismatch' })]);
    });

    it('ztc-009: a published zaaktype cannot be replaced or changed, except its eindeGeldigheid alone', async () => {
      const published = await publishedZaaktype();
      const put = await kit.call('PUT', pathOf(published.url), DETAIL, { token: kit.tokens.writer, body: zaaktype({ identificatie: published.identificatie, deelzaaktypen: [] }) });
      expect(put.statusCode).toBe(400);
      expect(problemOf(put).invalidParams).toEqual([expect.objectContaining({ name: 'nonFieldErrors', code: 'non-concept-object' })]);
      const patch = await kit.call('PATCH', pathOf(published.url), DETAIL, { token: kit.tokens.writer, body: { omschrijving: 'Anders', eindeGeldigheid: '2030-01-01' } });
      expect(problemOf(patch).invalidParams).toEqual([expect.objectContaining({ code: 'non-concept-object' })]);
      const ends = await kit.call('PATCH', pathOf(published.url), DETAIL, { token: kit.tokens.writer, body: { eindeGeldigheid: '2030-12-31' } });
      expect(ends.statusCode).toBe(200);
      expect(ends.json()).toMatchObject({ eindeGeldigheid: '2030-12-31', concept: false });
    });

    it('ztc-009 correctie: catalogi.geforceerd-schrijven may extend a published zaaktype, but not remove from it', async () => {
      await besluittype('Correctie A');
      await besluittype('Correctie B');
      const published = await publishedZaaktype({ besluittypen: ['Correctie A'], trefwoorden: ['eerst'] });
      const extended = await kit.call('PATCH', pathOf(published.url), DETAIL, { token: kit.tokens.forcedWriter, body: { besluittypen: ['Correctie A', 'Correctie B'], toelichting: 'Verduidelijkt' } });
      expect(extended.statusCode, extended.body).toBe(200);
      expect(extended.json()).toMatchObject({ besluittypeOmschrijving: ['Correctie A', 'Correctie B'], toelichting: 'Verduidelijkt', concept: false });
      const removed = await kit.call('PATCH', pathOf(published.url), DETAIL, { token: kit.tokens.forcedWriter, body: { besluittypen: ['Correctie B'], trefwoorden: [] } });
      expect(removed.statusCode).toBe(400);
      expect(problemOf(removed).invalidParams.map((param) => `${param.name}:${param.code}`).sort()).toEqual(['besluittypen:non-concept-object', 'trefwoorden:non-concept-object']);
      const renamed = await kit.call('PATCH', pathOf(published.url), DETAIL, { token: kit.tokens.forcedWriter, body: { identificatie: 'ANDERS' } });
      expect(problemOf(renamed).invalidParams).toEqual([expect.objectContaining({ name: 'identificatie', code: 'non-concept-object' })]);
    });
  });

  describe('publishing (zaaktype_publish)', () => {
    it('ztc-012: refuses while a named besluittype or informatieobjecttype has no published version, listing every missing part', async () => {
      await besluittype('Nog concept', { publish: false });
      await informatieobjecttype('Ook concept', { publish: false });
      const created = await create(zaaktype({ besluittypen: ['Nog concept'] }));
      await linkInformatieobjecttype(created.url, 'Ook concept', 1);
      await addParts(created.url, { statustypen: 1, resultaattype: false, roltype: false });
      const response = await publish(created.url);
      expect(response.statusCode).toBe(400);
      const problems = problemOf(response).invalidParams;
      expect(problems.map((param) => `${param.name}:${param.code}`).sort()).toEqual([
        'nonFieldErrors:concept-relation',
        'resultaattypen:concept-relation',
        'roltypen:concept-relation',
        'statustypen:concept-relation',
      ]);
      expect(problems.find((param) => param.name === 'nonFieldErrors')?.reason).toMatch(/besluittype Nog concept.*informatieobjecttype Ook concept/);
      const still = await kit.call('GET', pathOf(created.url), DETAIL, { token: kit.tokens.reader });
      expect((still.json() as Json).concept).toBe(true);
    });

    it('publishes a complete concept: concept false, audit record and a publish notification; publishing again changes nothing', async () => {
      await besluittype('Gepubliceerd besluit');
      const created = await create(zaaktype({ besluittypen: ['Gepubliceerd besluit'] }));
      await addParts(created.url);
      const response = await publish(created.url);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ url: created.url, concept: false });
      const again = await publish(created.url);
      expect(again.statusCode).toBe(200);
      const acties = (await kit.notificaties('zaaktypen')).filter((item) => item.resourceUrl === created.url).map((item) => item.actie);
      expect(acties).toEqual(['create', 'publish']);
      const records = await listAuditTrail(kit.database.db, kit.tenant.id, String(created.url));
      expect(records.at(-1)).toMatchObject({ actie: 'partial_update', resultaat: 200 });
    });

    it('answers 404 for an unknown zaaktype and 403 without catalogi.schrijven', async () => {
      expect((await kit.call('POST', `/zaaktypen/${randomUUID()}/publish`, PUBLISH, { token: kit.tokens.writer, body: {} })).statusCode).toBe(404);
      const created = await create(zaaktype());
      expect((await publish(created.url, kit.tokens.forcedWriter)).statusCode).toBe(403);
    });
  });

  describe('versions (geldigheid)', () => {
    it('ztc-016: a new version may not overlap a published version with the same identificatie', async () => {
      const eerste = await publishedZaaktype({ identificatie: 'OVERLAP', beginGeldigheid: '2020-01-01' });
      const overlapping = await kit.call('POST', LIST, LIST, { token: kit.tokens.writer, body: zaaktype({ identificatie: 'OVERLAP', beginGeldigheid: '2026-01-01' }) });
      expect(overlapping.statusCode).toBe(400);
      expect(problemOf(overlapping).invalidParams).toEqual([expect.objectContaining({ name: 'beginGeldigheid', code: 'overlap' })]);
      const ended = await kit.call('PATCH', pathOf(eerste.url), DETAIL, { token: kit.tokens.writer, body: { eindeGeldigheid: '2025-12-31' } });
      expect(ended.statusCode).toBe(200);
      const tweede = await create(zaaktype({ identificatie: 'OVERLAP', beginGeldigheid: '2026-01-01' }));
      await addParts(tweede.url);
      expect((await publish(tweede.url)).statusCode).toBe(200);
      const reopened = await kit.call('PATCH', pathOf(eerste.url), DETAIL, { token: kit.tokens.writer, body: { eindeGeldigheid: '2026-06-30' } });
      expect(reopened.statusCode).toBe(400);
      expect(problemOf(reopened).invalidParams).toEqual([expect.objectContaining({ name: 'eindeGeldigheid', code: 'overlap' })]);
      const versions = await list('identificatie=OVERLAP');
      expect(versions.results.map((item) => [item.beginGeldigheid, item.eindeGeldigheid, item.beginObject, item.eindeObject])).toEqual([
        ['2020-01-01', '2025-12-31', '2020-01-01', null],
        ['2026-01-01', null, '2020-01-01', null],
      ]);
    });

    it('ztc-016: two overlapping concepts may exist, but only one of them can be published', async () => {
      const a = await create(zaaktype({ identificatie: 'TWEE-CONCEPTEN', beginGeldigheid: '2026-01-01' }));
      const b = await create(zaaktype({ identificatie: 'TWEE-CONCEPTEN', beginGeldigheid: '2026-03-01' }));
      await addParts(a.url);
      await addParts(b.url);
      expect((await publish(a.url)).statusCode).toBe(200);
      const second = await publish(b.url);
      expect(second.statusCode).toBe(400);
      expect(problemOf(second).invalidParams).toEqual([expect.objectContaining({ name: 'beginGeldigheid', code: 'overlap' })]);
    });
  });

  describe('deleting (zaaktype_destroy)', () => {
    it('deletes a concept with its parts, records it and notifies', async () => {
      const created = await create(zaaktype());
      await addParts(created.url);
      const response = await kit.call('DELETE', pathOf(created.url), DETAIL, { token: kit.tokens.writer });
      expect(response.statusCode).toBe(204);
      expect((await kit.call('GET', pathOf(created.url), DETAIL, { token: kit.tokens.reader })).statusCode).toBe(404);
      const statustypen = await kit.database.db.selectFrom('statustypen').select('uuid').where('zaaktype_uuid', '=', uuidOf(created.url)).execute();
      expect(statustypen).toEqual([]);
      const records = await listAuditTrail(kit.database.db, kit.tenant.id, String(created.url));
      expect(records.at(-1)).toMatchObject({ actie: 'destroy', resultaat: 204 });
      expect((await kit.notificaties('zaaktypen')).filter((item) => item.resourceUrl === created.url).map((item) => item.actie)).toEqual(['create', 'destroy']);
    });

    it('ztc-009: refuses to delete a published zaaktype, unless with catalogi.geforceerd-verwijderen and no zaken of it', async () => {
      const published = await publishedZaaktype();
      const refused = await kit.call('DELETE', pathOf(published.url), DETAIL, { token: kit.tokens.writer });
      expect(refused.statusCode).toBe(400);
      expect(problemOf(refused).invalidParams).toEqual([expect.objectContaining({ name: 'nonFieldErrors', code: 'non-concept-object' })]);
      const inUse = await publishedZaaktype();
      await insertTestZaak(kit.database.db, kit.tenant, { uuid: uuidOf(inUse.url) });
      const conflict = await kit.call('DELETE', pathOf(inUse.url), DETAIL, { token: kit.tokens.forcedDeleter });
      expect(conflict.statusCode).toBe(409);
      expect((await kit.call('DELETE', pathOf(published.url), DETAIL, { token: kit.tokens.forcedDeleter })).statusCode).toBe(204);
    });
  });

  describe('the catalogus', () => {
    it('lists its zaaktypen (every version) and expands them', async () => {
      const eigen = await kit.catalogus();
      const concept = await create(zaaktype({ catalogus: eigen }));
      const definitief = await publishedZaaktype({ catalogus: eigen });
      const response = await kit.call('GET', `${pathOf(eigen)}?expand=zaaktypen`, '/catalogussen/{uuid}', { token: kit.tokens.reader });
      expect(response.statusCode).toBe(200);
      const body = response.json() as { zaaktypen: string[]; _expand: { zaaktypen: Json[] } };
      expect(body.zaaktypen).toEqual([concept.url, definitief.url]);
      expect(body._expand.zaaktypen.map((item) => item.url)).toEqual([concept.url, definitief.url]);
    });
  });
});
