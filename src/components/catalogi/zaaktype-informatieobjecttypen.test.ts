import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { pathOf, problemsOf, setUpPartsTest, type Json, type PartsTest } from './zaaktype-onderdelen/test-kit.ts';

const LIST = '/zaaktype-informatieobjecttypen';
const DETAIL = '/zaaktype-informatieobjecttypen/{uuid}';

describe('Catalogi API: zaaktype-informatieobjecttypen', () => {
  let t: PartsTest;

  beforeAll(async () => {
    t = await setUpPartsTest();
  });
  afterAll(async () => {
    await t.close();
  });

  /** An informatieobjecttype version in a catalogus; its URL. */
  async function informatieobjecttype(catalogusUuid: string, omschrijving: string, options: { concept?: boolean; begin?: string; einde?: string | null } = {}): Promise<string> {
    const { uuid } = await t.database.db
      .insertInto('informatieobjecttypen')
      .values({
        tenant_id: t.tenant.id,
        catalogus_uuid: catalogusUuid,
        omschrijving,
        vertrouwelijkheidaanduiding: 'openbaar',
        concept: options.concept ?? false,
        begin_geldigheid: options.begin ?? '2020-01-01',
        einde_geldigheid: options.einde ?? null,
      })
      .returning('uuid')
      .executeTakeFirstOrThrow();
    return `${t.base()}/informatieobjecttypen/${uuid}`;
  }

  function relation(zaaktype: string, overrides: Json = {}): Json {
    return { zaaktype, informatieobjecttype: 'Aanvraag', volgnummer: 1, richting: 'inkomend', ...overrides };
  }

  async function create(body: Json, token = t.tokens.writer): Promise<Json> {
    const response = await t.call('POST', LIST, LIST, { token, body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  async function problems(body: Json): Promise<string[]> {
    const response = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body });
    expect(response.statusCode).toBe(400);
    return problemsOf(response);
  }

  describe('creating (zaakinformatieobjecttype_create)', () => {
    it('relates an informatieobjecttype by omschrijving and answers with the URL of its version valid today, audited in the zaaktype’s trail', async () => {
      const zaaktype = await t.zaaktype({ identificatie: 'ZIOT-NIEUW' });
      const aanvraag = await informatieobjecttype(zaaktype.catalogusUuid, 'Aanvraag');
      const response = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: relation(zaaktype.url) });
      expect(response.statusCode).toBe(201);
      const body = response.json() as Json;
      expect(response.headers.location).toBe(body.url);
      expect(body).toEqual({
        url: body.url,
        zaaktype: zaaktype.url,
        zaaktypeIdentificatie: 'ZIOT-NIEUW',
        catalogus: `${t.base()}/catalogussen/${zaaktype.catalogusUuid}`,
        informatieobjecttype: aanvraag,
        volgnummer: 1,
        richting: 'inkomend',
        statustype: null,
      });
      const [record] = await listAuditTrail(t.database.db, t.tenant.id, zaaktype.url);
      expect(record).toMatchObject({ bron: 'ztc', actie: 'create', resource: 'zaaktypeinformatieobjecttype', resource_url: body.url });
      const stored = await t.database.db.selectFrom('zaaktype_informatieobjecttypen').select('informatieobjecttype_omschrijving').where('zaaktype_uuid', '=', zaaktype.uuid).executeTakeFirstOrThrow();
      expect(stored.informatieobjecttype_omschrijving).toBe('Aanvraag');
    });

    it('shows the published version valid today, else the latest version of the omschrijving', async () => {
      const zaaktype = await t.zaaktype();
      await informatieobjecttype(zaaktype.catalogusUuid, 'Besluit', { begin: '2020-01-01', einde: '2020-12-31' });
      const current = await informatieobjecttype(zaaktype.catalogusUuid, 'Besluit', { begin: '2021-01-01' });
      await informatieobjecttype(zaaktype.catalogusUuid, 'Besluit', { begin: '2030-01-01', concept: true });
      expect((await create(relation(zaaktype.url, { informatieobjecttype: 'Besluit' }))).informatieobjecttype).toBe(current);
      const draft = await informatieobjecttype(zaaktype.catalogusUuid, 'Nieuw formulier', { concept: true });
      expect((await create(relation(zaaktype.url, { informatieobjecttype: 'Nieuw formulier', volgnummer: 2 }))).informatieobjecttype).toBe(draft);
    });

    it('takes the URL of a version for its omschrijving, and only informatieobjecttypen of the zaaktype’s catalogus', async () => {
      const zaaktype = await t.zaaktype();
      const other = await t.zaaktype();
      const brief = await informatieobjecttype(zaaktype.catalogusUuid, 'Brief');
      const foreign = await informatieobjecttype(other.catalogusUuid, 'Brief');
      expect(await create(relation(zaaktype.url, { informatieobjecttype: brief }))).toMatchObject({ informatieobjecttype: brief });
      expect(await problems(relation(zaaktype.url, { informatieobjecttype: foreign, volgnummer: 2 }))).toEqual(['informatieobjecttype relations-incorrect-catalogus']);
      expect(await problems(relation(zaaktype.url, { informatieobjecttype: 'Bestaat niet', volgnummer: 2 }))).toEqual(['informatieobjecttype relations-incorrect-catalogus']);
      expect(await problems(relation(zaaktype.url, { informatieobjecttype: `${t.base()}/informatieobjecttypen/${randomUUID()}`, volgnummer: 2 }))).toEqual([
        'informatieobjecttype does_not_exist',
      ]);
    });

    it('lists every problem of the body at once, and numbers the relations of a zaaktype uniquely', async () => {
      const zaaktype = await t.zaaktype();
      await informatieobjecttype(zaaktype.catalogusUuid, 'Aanvraag');
      expect(await problems({ zaaktype: zaaktype.url, volgnummer: 1000, richting: 'zijwaarts' })).toEqual(['informatieobjecttype required', 'richting enum', 'volgnummer maximum']);
      await create(relation(zaaktype.url));
      expect(await problems(relation(zaaktype.url, { richting: 'uitgaand' }))).toEqual(['nonFieldErrors unique']);
    });

    it('names a statustype of its own zaaktype only', async () => {
      const zaaktype = await t.zaaktype();
      const other = await t.zaaktype();
      await informatieobjecttype(zaaktype.catalogusUuid, 'Aanvraag');
      const created = await create(relation(zaaktype.url, { statustype: zaaktype.statustypen[0]?.url }));
      expect(created.statustype).toBe(zaaktype.statustypen[0]?.url);
      expect(await problems(relation(zaaktype.url, { volgnummer: 2, statustype: other.statustypen[0]?.url }))).toEqual(['statustype zaaktype-mismatch']);
      const expanded = (await t.call('GET', `${pathOf(created.url)}?expand=statustype,informatieobjecttype`, DETAIL, { token: t.tokens.reader })).json() as { _expand: Record<string, Json> };
      expect(expanded._expand.statustype).toMatchObject({ url: zaaktype.statustypen[0]?.url, volgnummer: 1 });
      expect(expanded._expand.informatieobjecttype).toMatchObject({ omschrijving: 'Aanvraag' });
    });

    it('ztc-010: relates nothing more to a published zaaktype, except as a correctie', async () => {
      const published = await t.zaaktype({ concept: false });
      await informatieobjecttype(published.catalogusUuid, 'Aanvraag');
      expect(await problems(relation(published.url))).toEqual(['nonFieldErrors non-concept-zaaktype']);
      await create(relation(published.url), t.tokens.forcedWriter);
    });
  });

  describe('listing (zaakinformatieobjecttype_list)', () => {
    it('filters on zaaktype, informatieobjecttype (omschrijving or URL) and richting', async () => {
      const zaaktype = await t.zaaktype({ concept: false });
      const aanvraag = await informatieobjecttype(zaaktype.catalogusUuid, 'Aanvraag');
      await informatieobjecttype(zaaktype.catalogusUuid, 'Besluit');
      const inkomend = await create(relation(zaaktype.url), t.tokens.forcedWriter);
      const uitgaand = await create(relation(zaaktype.url, { informatieobjecttype: 'Besluit', volgnummer: 2, richting: 'uitgaand' }), t.tokens.forcedWriter);
      const urls = async (query: string): Promise<unknown[]> =>
        ((await t.call('GET', `${LIST}?zaaktype=${encodeURIComponent(zaaktype.url)}&${query}`, LIST, { token: t.tokens.reader })).json() as { results: Json[] }).results.map((item) => item.url);
      expect(await urls('')).toEqual([inkomend.url, uitgaand.url]);
      expect(await urls('richting=uitgaand')).toEqual([uitgaand.url]);
      expect(await urls('informatieobjecttype=Aanvraag')).toEqual([inkomend.url]);
      expect(await urls(`informatieobjecttype=${encodeURIComponent(aanvraag)}`)).toEqual([inkomend.url]);
      expect(await urls(`informatieobjecttype=${encodeURIComponent(`https://elders.example/informatieobjecttypen/${randomUUID()}`)}`)).toEqual([]);
      expect(problemsOf(await t.call('GET', `${LIST}?richting=zijwaarts`, LIST, { token: t.tokens.reader }))).toEqual(['richting enum']);
      expect(problemsOf(await t.call('GET', `${LIST}?volgnummer=1`, LIST, { token: t.tokens.reader }))).toEqual(['volgnummer unknown-parameters']);
    });

    it('counts a relation definitief when its zaaktype is published and its informatieobjecttype has a published version', async () => {
      const published = await t.zaaktype({ concept: false });
      const concept = await t.zaaktype({ catalogusUuid: published.catalogusUuid });
      await informatieobjecttype(published.catalogusUuid, 'Gepubliceerd');
      await informatieobjecttype(published.catalogusUuid, 'Ontwerp', { concept: true });
      const both = await create(relation(published.url, { informatieobjecttype: 'Gepubliceerd' }), t.tokens.forcedWriter);
      const draftType = await create(relation(published.url, { informatieobjecttype: 'Ontwerp', volgnummer: 2 }), t.tokens.forcedWriter);
      const draftZaaktype = await create(relation(concept.url, { informatieobjecttype: 'Gepubliceerd' }));
      const urls = async (query: string): Promise<unknown[]> =>
        ((await t.call('GET', `${LIST}?${query}`, LIST, { token: t.tokens.reader })).json() as { results: Json[] }).results
          .filter((item) => item.catalogus === `${t.base()}/catalogussen/${published.catalogusUuid}`)
          .map((item) => item.url)
          .sort();
      expect(await urls('')).toEqual([both.url]);
      expect(await urls('status=concept')).toEqual([draftType.url, draftZaaktype.url].sort());
      expect(await urls('status=alles')).toEqual([both.url, draftType.url, draftZaaktype.url].sort());
    });
  });

  describe('reading and changing', () => {
    it('retrieves with an ETag and HEAD, replaces with PUT, changes with PATCH and deletes, each audited', async () => {
      const zaaktype = await t.zaaktype();
      await informatieobjecttype(zaaktype.catalogusUuid, 'Aanvraag');
      await informatieobjecttype(zaaktype.catalogusUuid, 'Besluit');
      const created = await create(relation(zaaktype.url, { statustype: zaaktype.statustypen[0]?.url }));
      const path = pathOf(created.url);
      const response = await t.call('GET', path, DETAIL, { token: t.tokens.reader });
      expect(response.json()).toEqual(created);
      expect((await t.call('HEAD', path, DETAIL, { token: t.tokens.reader })).headers.etag).toBe(response.headers.etag);
      expect((await t.call('GET', `/zaaktype-informatieobjecttypen/${randomUUID()}`, DETAIL, { token: t.tokens.reader })).statusCode).toBe(404);
      const put = await t.call('PUT', path, DETAIL, { token: t.tokens.writer, body: relation(zaaktype.url, { informatieobjecttype: 'Besluit', richting: 'uitgaand', volgnummer: 3 }) });
      expect(put.json()).toMatchObject({ volgnummer: 3, richting: 'uitgaand', statustype: zaaktype.statustypen[0]?.url });
      const patch = await t.call('PATCH', path, DETAIL, { token: t.tokens.writer, body: { statustype: null } });
      expect(patch.json()).toMatchObject({ statustype: null, richting: 'uitgaand' });
      expect((await t.call('DELETE', path, DETAIL, { token: t.tokens.writer })).statusCode).toBe(204);
      const trail = await listAuditTrail(t.database.db, t.tenant.id, zaaktype.url);
      expect(trail.map((record) => record.actie)).toEqual(['create', 'update', 'partial_update', 'destroy']);
    });

    it('ztc-010: changes and deletes a relation of a published zaaktype only as a correctie or a forced delete', async () => {
      const published = await t.zaaktype({ concept: false });
      await informatieobjecttype(published.catalogusUuid, 'Aanvraag');
      const created = await create(relation(published.url), t.tokens.forcedWriter);
      const path = pathOf(created.url);
      expect(problemsOf(await t.call('PATCH', path, DETAIL, { token: t.tokens.writer, body: { richting: 'intern' } }))).toEqual(['nonFieldErrors non-concept-zaaktype']);
      expect((await t.call('PATCH', path, DETAIL, { token: t.tokens.forcedWriter, body: { richting: 'intern' } })).statusCode).toBe(200);
      expect(problemsOf(await t.call('DELETE', path, DETAIL, { token: t.tokens.writer }))).toEqual(['nonFieldErrors non-concept-zaaktype']);
      expect((await t.call('DELETE', path, DETAIL, { token: t.tokens.forcedDeleter })).statusCode).toBe(204);
    });
  });
});
