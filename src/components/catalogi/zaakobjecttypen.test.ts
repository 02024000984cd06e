import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { insertTestCatalogus, insertTestZaak } from '../../../test/zgw-fixtures.ts';
import { pathOf, problemsOf, setUpPartsTest, type Json, type PartsTest } from './zaaktype-onderdelen/test-kit.ts';

const LIST = '/zaakobjecttypen';
const DETAIL = '/zaakobjecttypen/{uuid}';
const BOOM = 'https://objecttypen.voorbeeld.nl/api/v2/objecttypes/8f4828c7-bf60-439b-b8a2-87733f99e236';
const LANTAARNPAAL = 'https://objecttypen.voorbeeld.nl/api/v2/objecttypes/0fd9b5b2-2858-4fb9-a99e-8d390afafd22';

describe('Catalogi API: zaakobjecttypen', () => {
  let t: PartsTest;

  beforeAll(async () => {
    t = await setUpPartsTest();
  });
  afterAll(async () => {
    await t.close();
  });

  function zaakobjecttype(zaaktype: { url: string; catalogusUuid: string }, overrides: Json = {}): Json {
    return {
      zaaktype: zaaktype.url,
      catalogus: `${t.base()}/catalogussen/${zaaktype.catalogusUuid}`,
      objecttype: BOOM,
      anderObjecttype: false,
      relatieOmschrijving: 'Boom waarvoor de vergunning is gevraagd',
      ...overrides,
    };
  }

  async function create(body: Json, token = t.tokens.writer): Promise<Json> {
    const response = await t.call('POST', LIST, LIST, { token, body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  describe('creating (zaakobjecttype_create)', () => {
    it('stores a zaakobjecttype of a concept zaaktype, audited in the zaaktype’s trail', async () => {
      const zaaktype = await t.zaaktype({ identificatie: 'ZOT-NIEUW' });
      const response = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: zaakobjecttype(zaaktype) });
      expect(response.statusCode).toBe(201);
      const body = response.json() as Json;
      expect(response.headers.location).toBe(body.url);
      expect(body).toEqual({
        url: body.url,
        anderObjecttype: false,
        beginGeldigheid: '2020-01-01',
        eindeGeldigheid: null,
        beginObject: '2020-01-01',
        eindeObject: null,
        objecttype: BOOM,
        relatieOmschrijving: 'Boom waarvoor de vergunning is gevraagd',
        zaaktype: zaaktype.url,
        zaaktypeIdentificatie: 'ZOT-NIEUW',
        resultaattypen: [],
        resultaattypeOmschrijving: [],
        statustypen: [],
        catalogus: `${t.base()}/catalogussen/${zaaktype.catalogusUuid}`,
      });
      const [record] = await listAuditTrail(t.database.db, t.tenant.id, zaaktype.url);
      expect(record).toMatchObject({ bron: 'ztc', actie: 'create', resource: 'zaakobjecttype', resource_url: body.url });
      const viaZaaktype = await t.test.app.inject({
        method: 'GET',
        url: `/catalogi/api/v1/zaaktypen/${zaaktype.uuid}`,
        headers: { host: new URL(t.base()).host, authorization: `Bearer ${t.tokens.reader}` },
      });
      expect((viaZaaktype.json() as Json).zaakobjecttypen).toEqual([body.url]);
    });

    it('lists every problem of the body at once, and wants the zaaktype’s own catalogus', async () => {
      const zaaktype = await t.zaaktype();
      const response = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: { zaaktype: zaaktype.url, objecttype: 'geen url', relatieOmschrijving: '' } });
      expect(problemsOf(response)).toEqual(['anderObjecttype required', 'catalogus required', 'objecttype format', 'relatieOmschrijving minLength']);
      const other = await insertTestCatalogus(t.database.db, t.tenant);
      const wrong = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: zaakobjecttype(zaaktype, { catalogus: `${t.base()}/catalogussen/${other}`, beginGeldigheid: '2021-01-01' }) });
      expect(problemsOf(wrong)).toEqual(['beginGeldigheid geldigheid-mismatch', 'catalogus relations-incorrect-catalogus']);
    });

    it('ztc-010: refuses a zaakobjecttype for a published zaaktype, except as a correctie', async () => {
      const published = await t.zaaktype({ concept: false });
      const refused = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: zaakobjecttype(published) });
      expect(problemsOf(refused)).toEqual(['nonFieldErrors non-concept-zaaktype']);
      await create(zaakobjecttype(published), t.tokens.forcedWriter);
    });
  });

  describe('listing (zaakobjecttype_list)', () => {
    it('lists the zaakobjecttypen of published zaaktypen, with every filter of the spec', async () => {
      const published = await t.zaaktype({ concept: false, identificatie: 'ZOT-LIJST' });
      const concept = await t.zaaktype({ identificatie: 'ZOT-LIJST-CONCEPT' });
      const boom = await create(zaakobjecttype(published), t.tokens.forcedWriter);
      const paal = await create(zaakobjecttype(published, { objecttype: LANTAARNPAAL, anderObjecttype: true, relatieOmschrijving: 'Lantaarnpaal' }), t.tokens.forcedWriter);
      await create(zaakobjecttype(concept));
      const urls = async (query: string): Promise<unknown[]> => ((await t.call('GET', `${LIST}?${query}`, LIST, { token: t.tokens.reader })).json() as { results: Json[] }).results.map((item) => item.url);
      const catalogus = encodeURIComponent(`${t.base()}/catalogussen/${published.catalogusUuid}`);
      expect(await urls(`zaaktype=${encodeURIComponent(published.url)}`)).toEqual([boom.url, paal.url]);
      expect(await urls(`zaaktype=${encodeURIComponent(concept.url)}`)).toEqual([]);
      expect(await urls('zaaktypeIdentificatie=ZOT-LIJST')).toEqual([boom.url, paal.url]);
      expect(await urls(`catalogus=${catalogus}`)).toEqual([boom.url, paal.url]);
      expect(await urls(`catalogus=${catalogus}&anderObjecttype=true`)).toEqual([paal.url]);
      expect(await urls(`catalogus=${catalogus}&anderObjecttype=false`)).toEqual([boom.url]);
      expect(await urls(`catalogus=${catalogus}&objecttype=${encodeURIComponent(LANTAARNPAAL)}`)).toEqual([paal.url]);
      expect(await urls(`catalogus=${catalogus}&relatieOmschrijving=Lantaarnpaal`)).toEqual([paal.url]);
      expect(await urls(`catalogus=${catalogus}&datumBeginGeldigheid=2020-01-01`)).toEqual([boom.url, paal.url]);
      expect(await urls(`catalogus=${catalogus}&datumEindeGeldigheid=2020-01-01`)).toEqual([]);
      expect(await urls(`catalogus=${catalogus}&datumGeldigheid=2019-12-31`)).toEqual([]);
      expect(problemsOf(await t.call('GET', `${LIST}?anderObjecttype=misschien`, LIST, { token: t.tokens.reader }))).toEqual(['anderObjecttype invalid']);
      expect(problemsOf(await t.call('GET', `${LIST}?objecttype=boom`, LIST, { token: t.tokens.reader }))).toEqual(['objecttype invalid']);
      expect(problemsOf(await t.call('GET', `${LIST}?status=alles`, LIST, { token: t.tokens.reader }))).toEqual(['status unknown-parameters']);
      const expanded = (await t.call('GET', `${LIST}?zaaktype=${encodeURIComponent(published.url)}&expand=zaaktype,catalogus`, LIST, { token: t.tokens.reader })).json() as {
        results: { _expand: { zaaktype: Json; catalogus: Json } }[];
      };
      expect(expanded.results[0]?._expand.zaaktype.url).toBe(published.url);
    });
  });

  describe('reading and changing', () => {
    it('retrieves with an ETag and HEAD, replaces with PUT, changes with PATCH and deletes, each audited', async () => {
      const zaaktype = await t.zaaktype();
      const created = await create(zaakobjecttype(zaaktype));
      const path = pathOf(created.url);
      const response = await t.call('GET', path, DETAIL, { token: t.tokens.reader });
      expect(response.json()).toEqual(created);
      expect((await t.call('HEAD', path, DETAIL, { token: t.tokens.reader })).headers.etag).toBe(response.headers.etag);
      expect((await t.call('GET', `/zaakobjecttypen/${randomUUID()}`, DETAIL, { token: t.tokens.reader })).statusCode).toBe(404);
      const put = await t.call('PUT', path, DETAIL, { token: t.tokens.writer, body: zaakobjecttype(zaaktype, { objecttype: LANTAARNPAAL, relatieOmschrijving: 'Paal' }) });
      expect(put.json()).toMatchObject({ objecttype: LANTAARNPAAL, relatieOmschrijving: 'Paal' });
      const patch = await t.call('PATCH', path, DETAIL, { token: t.tokens.writer, body: { anderObjecttype: true } });
      expect(patch.json()).toMatchObject({ anderObjecttype: true, relatieOmschrijving: 'Paal' });
      expect((await t.call('DELETE', path, DETAIL, { token: t.tokens.writer })).statusCode).toBe(204);
      const trail = await listAuditTrail(t.database.db, t.tenant.id, zaaktype.url);
      expect(trail.map((record) => record.actie)).toEqual(['create', 'update', 'partial_update', 'destroy']);
    });

    it('moves to a zaaktype of another catalogus only when the client names that catalogus too', async () => {
      const zaaktype = await t.zaaktype();
      const other = await t.zaaktype();
      const created = await create(zaakobjecttype(zaaktype));
      const alone = await t.call('PATCH', pathOf(created.url), DETAIL, { token: t.tokens.writer, body: { zaaktype: other.url } });
      expect(problemsOf(alone)).toEqual(['catalogus relations-incorrect-catalogus']);
      const both = await t.call('PATCH', pathOf(created.url), DETAIL, { token: t.tokens.writer, body: { zaaktype: other.url, catalogus: `${t.base()}/catalogussen/${other.catalogusUuid}` } });
      expect(both.json()).toMatchObject({ zaaktype: other.url });
    });

    it('ztc-010: changes and deletes a zaakobjecttype of a published zaaktype only as a correctie or a forced delete; never one a zaakobject has (409)', async () => {
      const published = await t.zaaktype({ concept: false });
      const created = await create(zaakobjecttype(published), t.tokens.forcedWriter);
      const path = pathOf(created.url);
      expect(problemsOf(await t.call('PATCH', path, DETAIL, { token: t.tokens.writer, body: { anderObjecttype: true } }))).toEqual(['nonFieldErrors non-concept-zaaktype']);
      expect((await t.call('PATCH', path, DETAIL, { token: t.tokens.forcedWriter, body: { anderObjecttype: true } })).statusCode).toBe(200);
      expect(problemsOf(await t.call('DELETE', path, DETAIL, { token: t.tokens.writer }))).toEqual(['nonFieldErrors non-concept-zaaktype']);
      const zaak = await insertTestZaak(t.database.db, t.tenant, published);
      const uuid = path.split('/').pop() ?? '';
      await sql`INSERT INTO zaakobjecten (tenant_id, zaak_uuid, zaakobjecttype_uuid, object, object_type) VALUES (${t.tenant.id}, ${zaak.uuid}, ${uuid}, ${BOOM}, 'overige')`.execute(t.database.db);
      expect((await t.call('DELETE', path, DETAIL, { token: t.tokens.forcedDeleter })).statusCode).toBe(409);
      await sql`DELETE FROM zaakobjecten WHERE zaak_uuid = ${zaak.uuid}`.execute(t.database.db);
      expect((await t.call('DELETE', path, DETAIL, { token: t.tokens.forcedDeleter })).statusCode).toBe(204);
    });
  });
});
