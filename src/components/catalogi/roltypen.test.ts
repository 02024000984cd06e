import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { insertTestCatalogus } from '../../../test/zgw-fixtures.ts';
import { pathOf, problemsOf, setUpPartsTest, type Json, type PartsTest } from './zaaktype-onderdelen/test-kit.ts';

const LIST = '/roltypen';
const DETAIL = '/roltypen/{uuid}';

describe('Catalogi API: roltypen', () => {
  let t: PartsTest;

  beforeAll(async () => {
    t = await setUpPartsTest();
  });
  afterAll(async () => {
    await t.close();
  });

  function roltype(zaaktype: string, overrides: Json = {}): Json {
    return { zaaktype, omschrijving: 'Aanvrager', omschrijvingGeneriek: 'initiator', ...overrides };
  }

  async function create(body: Json, token = t.tokens.writer): Promise<Json> {
    const response = await t.call('POST', LIST, LIST, { token, body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  describe('creating (roltype_create)', () => {
    it('stores a roltype of a concept zaaktype, with the zaaktype’s identificatie, catalogus and geldigheid', async () => {
      const zaaktype = await t.zaaktype({ identificatie: 'ROL-NIEUW' });
      const response = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: roltype(zaaktype.url, { omschrijving: 'Melder' }) });
      expect(response.statusCode).toBe(201);
      const body = response.json() as Json;
      expect(response.headers.location).toBe(body.url);
      expect(body).toEqual({
        url: expect.stringMatching(new RegExp(`^${t.base()}/roltypen/[0-9a-f-]{36}$`)) as unknown,
        zaaktype: zaaktype.url,
        zaaktypeIdentificatie: 'ROL-NIEUW',
        omschrijving: 'Melder',
        omschrijvingGeneriek: 'initiator',
        catalogus: `${t.base()}/catalogussen/${zaaktype.catalogusUuid}`,
        beginGeldigheid: '2020-01-01',
        eindeGeldigheid: null,
        beginObject: '2020-01-01',
        eindeObject: null,
      });
    });

    it('records the creation in the audit trail of its zaaktype (bron ztc), and publishes no notification', async () => {
      const zaaktype = await t.zaaktype();
      const before = await t.database.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
      const body = await create(roltype(zaaktype.url, { omschrijving: 'Audit' }));
      const trail = await listAuditTrail(t.database.db, t.tenant.id, zaaktype.url);
      expect(trail).toHaveLength(1);
      expect(trail[0]).toMatchObject({ bron: 'ztc', actie: 'create', resultaat: 201, resource: 'roltype', resource_url: body.url, hoofd_object: zaaktype.url });
      expect(trail[0]?.nieuw).toMatchObject({ url: body.url, omschrijving: 'Audit' });
      const after = await t.database.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
      expect(Number(after.count)).toBe(Number(before.count));
    });

    it('lists every problem of the body at once', async () => {
      const response = await t.call('POST', LIST, LIST, {
        token: t.tokens.writer,
        body: { zaaktype: 'https://elders.example/catalogi/api/v1/zaaktypen/7d8e5a8c-4b1e-4c1e-9c57-d0c3f2a4b5e6', omschrijvingGeneriek: 'koning' },
      });
      expect(response.statusCode).toBe(400);
      expect(problemsOf(response)).toEqual(['omschrijving required', 'omschrijvingGeneriek enum', 'zaaktype bad-url']);
    });

    it('refuses a zaaktype URL that names no zaaktype of this tenant (does_not_exist)', async () => {
      const elsewhere = await t.zaaktype({ at: t.otherTenant });
      const unknown = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: roltype(`${t.base()}/zaaktypen/${randomUUID()}`) });
      expect(problemsOf(unknown)).toEqual(['zaaktype does_not_exist']);
      // The other tenant's zaaktype, named on this tenant's host.
      const foreign = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: roltype(`${t.base()}/zaaktypen/${elsewhere.uuid}`) });
      expect(problemsOf(foreign)).toEqual(['zaaktype does_not_exist']);
    });

    it('ztc-010: refuses a roltype for a published zaaktype, except as a correctie (catalogi.geforceerd-schrijven)', async () => {
      const published = await t.zaaktype({ concept: false });
      const refused = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: roltype(published.url) });
      expect(refused.statusCode).toBe(400);
      expect(problemsOf(refused)).toEqual(['nonFieldErrors non-concept-zaaktype']);
      await create(roltype(published.url, { omschrijving: 'Correctie' }), t.tokens.forcedWriter);
    });

    it('takes the zaaktype’s beginGeldigheid and refuses another one', async () => {
      const zaaktype = await t.zaaktype();
      await create(roltype(zaaktype.url, { beginGeldigheid: '2020-01-01', beginObject: '1999-01-01' }));
      const response = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: roltype(zaaktype.url, { beginGeldigheid: '2021-01-01', eindeGeldigheid: '2022-01-01' }) });
      expect(problemsOf(response)).toEqual(['beginGeldigheid geldigheid-mismatch', 'eindeGeldigheid geldigheid-mismatch']);
    });

    it('accepts the deprecated catalogus only when it is the zaaktype’s', async () => {
      const zaaktype = await t.zaaktype();
      await create(roltype(zaaktype.url, { catalogus: `${t.base()}/catalogussen/${zaaktype.catalogusUuid}` }));
      const other = await insertTestCatalogus(t.database.db, t.tenant);
      const response = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: roltype(zaaktype.url, { catalogus: `${t.base()}/catalogussen/${other}` }) });
      expect(problemsOf(response)).toEqual(['catalogus relations-incorrect-catalogus']);
    });

    it('needs a token (401) with catalogi.schrijven or catalogi.geforceerd-schrijven (403 otherwise)', async () => {
      const zaaktype = await t.zaaktype();
      expect((await t.call('POST', LIST, LIST, { body: roltype(zaaktype.url) })).statusCode).toBe(401);
      expect((await t.call('POST', LIST, LIST, { token: t.tokens.reader, body: roltype(zaaktype.url) })).statusCode).toBe(403);
    });
  });

  describe('reading (roltype_retrieve, roltype_headers)', () => {
    it('retrieves a roltype with an ETag, answers If-None-Match with 304 and HEAD without a body', async () => {
      const zaaktype = await t.zaaktype();
      const created = await create(roltype(zaaktype.url));
      const path = pathOf(created.url);
      const response = await t.call('GET', path, DETAIL, { token: t.tokens.reader });
      expect(response.json()).toEqual(created);
      const etag = String(response.headers.etag);
      expect((await t.call('GET', path, DETAIL, { token: t.tokens.reader, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
      const head = await t.call('HEAD', path, DETAIL, { token: t.tokens.reader });
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe('');
      expect(head.headers.etag).toBe(etag);
    });

    it('expands its zaaktype and catalogus, and refuses a relation it does not have', async () => {
      const zaaktype = await t.zaaktype();
      const created = await create(roltype(zaaktype.url));
      const expanded = (await t.call('GET', `${pathOf(created.url)}?expand=zaaktype,catalogus`, DETAIL, { token: t.tokens.reader })).json() as { _expand: { zaaktype: Json; catalogus: Json } };
      expect(expanded._expand.zaaktype.url).toBe(zaaktype.url);
      expect(expanded._expand.catalogus.url).toBe(`${t.base()}/catalogussen/${zaaktype.catalogusUuid}`);
      const refused = await t.call('GET', `${LIST}?expand=statustypen`, LIST, { token: t.tokens.reader });
      expect(problemsOf(refused)).toEqual(['expand invalid']);
    });

    it('is expanded from its zaaktype (zaaktype?expand=roltypen)', async () => {
      const zaaktype = await t.zaaktype();
      const response = await t.test.app.inject({
        method: 'GET',
        url: `/catalogi/api/v1/zaaktypen/${zaaktype.uuid}?expand=roltypen`,
        headers: { host: new URL(t.base()).host, authorization: `Bearer ${t.tokens.reader}` },
      });
      const expanded = (response.json() as { _expand: { roltypen: Json[] } })._expand.roltypen;
      expect(expanded.map((item) => item.omschrijvingGeneriek).sort()).toEqual(['behandelaar', 'belanghebbende', 'initiator']);
    });

    it('answers 404 for an unknown or malformed uuid', async () => {
      expect((await t.call('GET', `/roltypen/${randomUUID()}`, DETAIL, { token: t.tokens.reader })).statusCode).toBe(404);
      expect((await t.call('GET', '/roltypen/geen-uuid', DETAIL, { token: t.tokens.reader })).statusCode).toBe(404);
    });

    it('ztc-014: lets Zaken readers read roltypen, and nobody without a read scope', async () => {
      const zaaktype = await t.zaaktype({ concept: false });
      const path = pathOf(zaaktype.roltypen.initiator.url);
      expect((await t.call('GET', path, DETAIL, { token: t.tokens.zakenReader })).statusCode).toBe(200);
      expect((await t.call('GET', LIST, LIST, { token: t.tokens.zakenReader })).statusCode).toBe(200);
      expect((await t.call('GET', path, DETAIL, { token: t.tokens.noScopes })).statusCode).toBe(403);
      expect((await t.call('GET', path, DETAIL)).statusCode).toBe(401);
    });

    it('never shows a roltype of one tenant to another', async () => {
      const zaaktype = await t.zaaktype();
      const created = await create(roltype(zaaktype.url));
      const path = pathOf(created.url);
      const other = { token: t.tokens.otherTenant, at: t.otherTenant };
      expect((await t.call('GET', path, DETAIL, other)).statusCode).toBe(404);
      const list = (await t.call('GET', `${LIST}?status=alles`, LIST, other)).json() as { results: Json[] };
      expect(list.results.map((item) => item.url)).not.toContain(created.url);
      expect((await t.call('PATCH', path, DETAIL, { ...other, body: { omschrijving: 'Overgenomen' } })).statusCode).toBe(404);
      expect((await t.call('DELETE', path, DETAIL, other)).statusCode).toBe(404);
    });
  });

  describe('listing (roltype_list)', () => {
    it('shows the roltypen of published zaaktypen unless status says otherwise', async () => {
      const concept = await t.zaaktype({ identificatie: 'ROL-STATUS-C' });
      const published = await t.zaaktype({ concept: false, identificatie: 'ROL-STATUS-D' });
      const identificaties = async (query: string): Promise<string[]> => {
        const response = await t.call('GET', `${LIST}?${query}`, LIST, { token: t.tokens.reader });
        expect(response.statusCode).toBe(200);
        const results = (response.json() as { results: Json[] }).results;
        return [...new Set(results.map((item) => String(item.zaaktypeIdentificatie)).filter((id) => id.startsWith('ROL-STATUS')))].sort();
      };
      expect(await identificaties('')).toEqual(['ROL-STATUS-D']);
      expect(await identificaties('status=definitief')).toEqual(['ROL-STATUS-D']);
      expect(await identificaties('status=concept')).toEqual(['ROL-STATUS-C']);
      expect(await identificaties('status=alles')).toEqual(['ROL-STATUS-C', 'ROL-STATUS-D']);
      expect(concept.url).not.toBe(published.url);
    });

    it('filters on zaaktype, zaaktypeIdentificatie, omschrijvingGeneriek and datumGeldigheid', async () => {
      const zaaktype = await t.zaaktype({ concept: false, identificatie: 'ROL-FILTER' });
      const urls = async (query: string): Promise<unknown[]> =>
        ((await t.call('GET', `${LIST}?${query}`, LIST, { token: t.tokens.reader })).json() as { results: Json[] }).results.map((item) => item.url).sort();
      const all = Object.values(zaaktype.roltypen).map((item) => item.url).sort();
      expect(await urls(`zaaktype=${encodeURIComponent(zaaktype.url)}`)).toEqual(all);
      expect(await urls('zaaktypeIdentificatie=ROL-FILTER')).toEqual(all);
      expect(await urls('zaaktypeIdentificatie=ROL-FILTER&omschrijvingGeneriek=behandelaar')).toEqual([zaaktype.roltypen.behandelaar.url]);
      expect(await urls('zaaktypeIdentificatie=ROL-FILTER&datumGeldigheid=2024-06-01')).toEqual(all);
      expect(await urls('zaaktypeIdentificatie=ROL-FILTER&datumGeldigheid=2019-12-31')).toEqual([]);
      expect(await urls(`zaaktype=${encodeURIComponent(`https://elders.example/catalogi/api/v1/zaaktypen/${zaaktype.uuid}`)}`)).toEqual([]);
    });

    it('refuses unknown parameters and values that are not what the spec declares', async () => {
      expect(problemsOf(await t.call('GET', `${LIST}?naam=x`, LIST, { token: t.tokens.reader }))).toEqual(['naam unknown-parameters']);
      expect(problemsOf(await t.call('GET', `${LIST}?omschrijvingGeneriek=koning`, LIST, { token: t.tokens.reader }))).toEqual(['omschrijvingGeneriek enum']);
      expect(problemsOf(await t.call('GET', `${LIST}?datumGeldigheid=morgen`, LIST, { token: t.tokens.reader }))).toEqual(['datumGeldigheid invalid']);
      expect(problemsOf(await t.call('GET', `${LIST}?zaaktype=geen-url`, LIST, { token: t.tokens.reader }))).toEqual(['zaaktype invalid']);
    });

    it('pages by 100 with absolute next and previous links that keep the filters', async () => {
      const zaaktype = await t.zaaktype({ concept: false });
      for (let index = 0; index < 98; index += 1) {
        await t.database.db.insertInto('roltypen').values({ tenant_id: t.tenant.id, zaaktype_uuid: zaaktype.uuid, omschrijving: `Rol ${index}`, omschrijving_generiek: 'adviseur' }).execute();
      }
      const query = `zaaktype=${encodeURIComponent(zaaktype.url)}`;
      const first = (await t.call('GET', `${LIST}?${query}`, LIST, { token: t.tokens.reader })).json() as { count: number; next: string | null; results: unknown[] };
      expect(first).toMatchObject({ count: 101, next: `${t.base()}${LIST}?${query}&page=2` });
      expect(first.results).toHaveLength(100);
      const second = (await t.call('GET', `${LIST}?${query}&page=2`, LIST, { token: t.tokens.reader })).json() as { previous: string | null; results: unknown[] };
      expect(second.previous).toBe(`${t.base()}${LIST}?${query}&page=1`);
      expect(second.results).toHaveLength(1);
    });
  });

  describe('changing (roltype_update, roltype_partial_update, roltype_destroy)', () => {
    it('replaces with PUT and changes one attribute with PATCH, each audited in the zaaktype’s trail', async () => {
      const zaaktype = await t.zaaktype();
      const created = await create(roltype(zaaktype.url, { omschrijving: 'Eerst' }));
      const path = pathOf(created.url);
      const put = await t.call('PUT', path, DETAIL, { token: t.tokens.writer, body: roltype(zaaktype.url, { omschrijving: 'Daarna', omschrijvingGeneriek: 'behandelaar' }) });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toMatchObject({ url: created.url, omschrijving: 'Daarna', omschrijvingGeneriek: 'behandelaar' });
      const patch = await t.call('PATCH', path, DETAIL, { token: t.tokens.writer, body: { omschrijving: 'Tot slot' } });
      expect(patch.json()).toMatchObject({ omschrijving: 'Tot slot', omschrijvingGeneriek: 'behandelaar' });
      const trail = await listAuditTrail(t.database.db, t.tenant.id, zaaktype.url);
      expect(trail.map((record) => record.actie)).toEqual(['create', 'update', 'partial_update']);
      expect(trail[2]).toMatchObject({ oud: expect.objectContaining({ omschrijving: 'Daarna' }) as unknown, nieuw: expect.objectContaining({ omschrijving: 'Tot slot' }) as unknown });
    });

    it('validates a PUT like a create', async () => {
      const zaaktype = await t.zaaktype();
      const created = await create(roltype(zaaktype.url));
      const put = await t.call('PUT', pathOf(created.url), DETAIL, { token: t.tokens.writer, body: { omschrijving: '' } });
      expect(problemsOf(put)).toEqual(['omschrijving minLength', 'omschrijvingGeneriek required', 'zaaktype required']);
    });

    it('ztc-010: changes a roltype of a published zaaktype only as a correctie, and never moves it away', async () => {
      const published = await t.zaaktype({ concept: false });
      const concept = await t.zaaktype();
      const path = pathOf(published.roltypen.initiator.url);
      const refused = await t.call('PATCH', path, DETAIL, { token: t.tokens.writer, body: { omschrijving: 'Anders' } });
      expect(problemsOf(refused)).toEqual(['nonFieldErrors non-concept-zaaktype']);
      const putRefused = await t.call('PUT', path, DETAIL, { token: t.tokens.writer, body: roltype(published.url) });
      expect(problemsOf(putRefused)).toEqual(['nonFieldErrors non-concept-zaaktype']);
      const correctie = await t.call('PATCH', path, DETAIL, { token: t.tokens.forcedWriter, body: { omschrijving: 'Gecorrigeerd' } });
      expect(correctie.statusCode).toBe(200);
      const moved = await t.call('PATCH', path, DETAIL, { token: t.tokens.forcedWriter, body: { zaaktype: concept.url } });
      expect(problemsOf(moved)).toEqual(['nonFieldErrors non-concept-zaaktype']);
    });

    it('ztc-010: refuses to move a roltype of a concept zaaktype into a published one, except as a correctie', async () => {
      const concept = await t.zaaktype();
      const published = await t.zaaktype({ concept: false });
      const created = await create(roltype(concept.url));
      const refused = await t.call('PATCH', pathOf(created.url), DETAIL, { token: t.tokens.writer, body: { zaaktype: published.url } });
      expect(problemsOf(refused)).toEqual(['nonFieldErrors non-concept-zaaktype']);
      const moved = await t.call('PATCH', pathOf(created.url), DETAIL, { token: t.tokens.forcedWriter, body: { zaaktype: published.url } });
      expect(moved.json()).toMatchObject({ zaaktype: published.url });
    });

    it('deletes a roltype of a concept zaaktype (204, audited) ', async () => {
      const zaaktype = await t.zaaktype();
      const path = pathOf(zaaktype.roltypen.belanghebbende.url);
      expect((await t.call('DELETE', path, DETAIL, { token: t.tokens.writer })).statusCode).toBe(204);
      expect((await t.call('GET', path, DETAIL, { token: t.tokens.reader })).statusCode).toBe(404);
      const [record] = await listAuditTrail(t.database.db, t.tenant.id, zaaktype.url);
      expect(record).toMatchObject({ actie: 'destroy', resultaat: 204, resource: 'roltype', resource_url: zaaktype.roltypen.belanghebbende.url });
    });

    it('ztc-010: deletes a roltype of a published zaaktype only with catalogi.geforceerd-verwijderen', async () => {
      const published = await t.zaaktype({ concept: false });
      const path = pathOf(published.roltypen.belanghebbende.url);
      const refused = await t.call('DELETE', path, DETAIL, { token: t.tokens.writer });
      expect(problemsOf(refused)).toEqual(['nonFieldErrors non-concept-zaaktype']);
      expect((await t.call('DELETE', path, DETAIL, { token: t.tokens.forcedWriter })).statusCode).toBe(403);
      expect((await t.call('DELETE', path, DETAIL, { token: t.tokens.forcedDeleter })).statusCode).toBe(204);
    });
  });
});
