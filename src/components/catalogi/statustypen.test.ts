import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { insertTestZaak } from '../../../test/zgw-fixtures.ts';
import { pathOf, problemsOf, setUpPartsTest, type Json, type PartsTest } from './zaaktype-onderdelen/test-kit.ts';

const LIST = '/statustypen';
const DETAIL = '/statustypen/{uuid}';

describe('Catalogi API: statustypen', () => {
  let t: PartsTest;

  beforeAll(async () => {
    t = await setUpPartsTest();
  });
  afterAll(async () => {
    await t.close();
  });

  function statustype(zaaktype: string, overrides: Json = {}): Json {
    return { zaaktype, omschrijving: 'Advies gevraagd', volgnummer: 4, ...overrides };
  }

  async function create(body: Json, token = t.tokens.writer): Promise<Json> {
    const response = await t.call('POST', LIST, LIST, { token, body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  async function get(url: unknown): Promise<Json> {
    const response = await t.call('GET', pathOf(url), DETAIL, { token: t.tokens.reader });
    expect(response.statusCode).toBe(200);
    return response.json() as Json;
  }

  async function eigenschap(zaaktype: string, naam: string): Promise<string> {
    const response = await t.call('POST', '/eigenschappen', '/eigenschappen', {
      token: t.tokens.writer,
      body: { zaaktype, naam, definitie: naam, specificatie: { formaat: 'tekst', lengte: '20', kardinaliteit: '1' } },
    });
    expect(response.statusCode, response.body).toBe(201);
    return String((response.json() as Json).url);
  }

  describe('creating (statustype_create)', () => {
    it('stores a statustype of a concept zaaktype with the defaults of the unwritten attributes, audited in the zaaktype’s trail', async () => {
      const zaaktype = await t.zaaktype({ identificatie: 'ST-NIEUW' });
      const response = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: statustype(zaaktype.url) });
      expect(response.statusCode).toBe(201);
      const body = response.json() as Json;
      expect(response.headers.location).toBe(body.url);
      expect(body).toEqual({
        url: body.url,
        omschrijving: 'Advies gevraagd',
        omschrijvingGeneriek: '',
        statustekst: '',
        zaaktype: zaaktype.url,
        zaaktypeIdentificatie: 'ST-NIEUW',
        volgnummer: 4,
        isEindstatus: true,
        informeren: false,
        doorlooptijd: null,
        toelichting: null,
        checklistitemStatustype: [],
        catalogus: `${t.base()}/catalogussen/${zaaktype.catalogusUuid}`,
        eigenschappen: [],
        beginGeldigheid: '2020-01-01',
        eindeGeldigheid: null,
        beginObject: '2020-01-01',
        eindeObject: null,
      });
      const [record] = await listAuditTrail(t.database.db, t.tenant.id, zaaktype.url);
      expect(record).toMatchObject({ bron: 'ztc', actie: 'create', resultaat: 201, resource: 'statustype', resource_url: body.url });
    });

    it('stores every attribute it is given', async () => {
      const zaaktype = await t.zaaktype();
      const body = await create(
        statustype(zaaktype.url, {
          omschrijvingGeneriek: 'Advies',
          statustekst: 'We vragen advies.',
          informeren: true,
          doorlooptijd: 'P10D',
          toelichting: 'Bij twijfel.',
          checklistitemStatustype: [{ itemnaam: 'Dossier compleet', vraagstelling: 'Is het dossier compleet?' }, { itemnaam: 'Advies', vraagstelling: 'Is advies nodig?', verplicht: true, toelichting: 'Altijd bij bouw.' }],
        }),
      );
      expect(body).toMatchObject({
        omschrijvingGeneriek: 'Advies',
        statustekst: 'We vragen advies.',
        informeren: true,
        doorlooptijd: 'P10D',
        toelichting: 'Bij twijfel.',
        checklistitemStatustype: [
          { itemnaam: 'Dossier compleet', vraagstelling: 'Is het dossier compleet?', verplicht: false, toelichting: null },
          { itemnaam: 'Advies', vraagstelling: 'Is advies nodig?', verplicht: true, toelichting: 'Altijd bij bouw.' },
        ],
      });
    });

    it('lists every problem of the body at once', async () => {
      const zaaktype = await t.zaaktype();
      const response = await t.call('POST', LIST, LIST, {
        token: t.tokens.writer,
        body: { zaaktype: zaaktype.url, volgnummer: 0, doorlooptijd: '10 dagen', checklistitemStatustype: [{ itemnaam: 'Zonder vraag' }] },
      });
      expect(problemsOf(response)).toEqual(['checklistitemStatustype.0.vraagstelling required', 'doorlooptijd invalid', 'omschrijving required', 'volgnummer minimum']);
    });

    it('numbers the statustypen of a zaaktype uniquely (volgnummer), also when changed', async () => {
      const zaaktype = await t.zaaktype();
      const other = await t.zaaktype();
      const taken = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: statustype(zaaktype.url, { volgnummer: 2 }) });
      expect(problemsOf(taken)).toEqual(['nonFieldErrors unique']);
      // The same volgnummer in another zaaktype is no conflict.
      await create(statustype(zaaktype.url, { volgnummer: 4 }));
      await create(statustype(other.url, { volgnummer: 4 }));
      const patch = await t.call('PATCH', pathOf(zaaktype.statustypen[0]?.url), DETAIL, { token: t.tokens.writer, body: { volgnummer: 3 } });
      expect(problemsOf(patch)).toEqual(['nonFieldErrors unique']);
      // Its own volgnummer is no conflict.
      const same = await t.call('PATCH', pathOf(zaaktype.statustypen[0]?.url), DETAIL, { token: t.tokens.writer, body: { volgnummer: 1, omschrijving: 'Binnen' } });
      expect(same.statusCode).toBe(200);
    });

    it('answers two simultaneous statustypen with one volgnummer with one 201 and one 400', async () => {
      const zaaktype = await t.zaaktype();
      const responses = await Promise.all(
        ['Eerste', 'Tweede'].map((omschrijving) => t.call('POST', LIST, LIST, { token: t.tokens.writer, body: statustype(zaaktype.url, { omschrijving, volgnummer: 8 }) })),
      );
      expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 400]);
      const refused = responses.find((response) => response.statusCode === 400);
      expect(refused && problemsOf(refused)).toEqual(['nonFieldErrors unique']);
    });

    it('ztc-010: refuses a statustype for a published zaaktype, except as a correctie', async () => {
      const published = await t.zaaktype({ concept: false });
      const refused = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: statustype(published.url) });
      expect(problemsOf(refused)).toEqual(['nonFieldErrors non-concept-zaaktype']);
      const correctie = await create(statustype(published.url, { volgnummer: 9 }), t.tokens.forcedWriter);
      expect(correctie.isEindstatus).toBe(true);
    });
  });

  describe('isEindstatus', () => {
    it('marks the statustype with the highest volgnummer of its zaaktype, and follows when another is added or removed', async () => {
      const zaaktype = await t.zaaktype();
      const [eerste, , derde] = zaaktype.statustypen;
      expect((await get(derde?.url)).isEindstatus).toBe(true);
      expect((await get(eerste?.url)).isEindstatus).toBe(false);
      const later = await create(statustype(zaaktype.url, { volgnummer: 10 }));
      expect(later.isEindstatus).toBe(true);
      expect((await get(derde?.url)).isEindstatus).toBe(false);
      expect((await t.call('DELETE', pathOf(later.url), DETAIL, { token: t.tokens.writer })).statusCode).toBe(204);
      expect((await get(derde?.url)).isEindstatus).toBe(true);
    });
  });

  describe('eigenschappen', () => {
    it('names the eigenschappen of its zaaktype that need a value first, seen from both sides', async () => {
      const zaaktype = await t.zaaktype();
      const kenmerk = await eigenschap(zaaktype.url, 'kenmerk');
      const datum = await eigenschap(zaaktype.url, 'datum');
      const first = zaaktype.statustypen[0]?.url;
      const second = zaaktype.statustypen[1]?.url;
      const patched = await t.call('PATCH', pathOf(first), DETAIL, { token: t.tokens.writer, body: { eigenschappen: [kenmerk, datum] } });
      expect((patched.json() as Json).eigenschappen).toEqual([kenmerk, datum]);
      expect((await t.call('GET', pathOf(kenmerk), '/eigenschappen/{uuid}', { token: t.tokens.reader })).json()).toMatchObject({ statustype: first });
      // An eigenschap is required by one statustype: naming it on another takes it over.
      await t.call('PATCH', pathOf(second), DETAIL, { token: t.tokens.writer, body: { eigenschappen: [datum] } });
      expect((await get(first)).eigenschappen).toEqual([kenmerk]);
      expect((await get(second)).eigenschappen).toEqual([datum]);
      // A PATCH without eigenschappen leaves them alone; an empty list releases them.
      await t.call('PATCH', pathOf(first), DETAIL, { token: t.tokens.writer, body: { toelichting: 'Anders' } });
      expect((await get(first)).eigenschappen).toEqual([kenmerk]);
      await t.call('PATCH', pathOf(first), DETAIL, { token: t.tokens.writer, body: { eigenschappen: [] } });
      expect((await get(first)).eigenschappen).toEqual([]);
      const expanded = (await t.call('GET', `${pathOf(second)}?expand=eigenschappen`, DETAIL, { token: t.tokens.reader })).json() as { _expand: { eigenschappen: Json[] } };
      expect(expanded._expand.eigenschappen.map((item) => item.naam)).toEqual(['datum']);
    });

    it('refuses eigenschappen of another zaaktype or elsewhere', async () => {
      const zaaktype = await t.zaaktype();
      const other = await t.zaaktype();
      const foreign = await eigenschap(other.url, 'vreemd');
      const response = await t.call('POST', LIST, LIST, {
        token: t.tokens.writer,
        body: statustype(zaaktype.url, { eigenschappen: [foreign, `${t.base()}/eigenschappen/${randomUUID()}`, 'https://elders.example/eigenschappen/1'] }),
      });
      expect(problemsOf(response)).toEqual(['eigenschappen.0 zaaktype-mismatch', 'eigenschappen.1 does_not_exist', 'eigenschappen.2 bad-url']);
    });
  });

  describe('reading and listing', () => {
    it('retrieves with an ETag and HEAD, and expands from its zaaktype', async () => {
      const zaaktype = await t.zaaktype({ concept: false });
      const path = pathOf(zaaktype.statustypen[0]?.url);
      const response = await t.call('GET', path, DETAIL, { token: t.tokens.reader });
      const etag = String(response.headers.etag);
      expect((await t.call('GET', path, DETAIL, { token: t.tokens.reader, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
      const head = await t.call('HEAD', path, DETAIL, { token: t.tokens.reader });
      expect(head.headers.etag).toBe(etag);
      const viaZaaktype = await t.test.app.inject({
        method: 'GET',
        url: `/catalogi/api/v1/zaaktypen/${zaaktype.uuid}?expand=statustypen`,
        headers: { host: new URL(t.base()).host, authorization: `Bearer ${t.tokens.reader}` },
      });
      const expanded = (viaZaaktype.json() as { _expand: { statustypen: Json[] } })._expand.statustypen;
      expect(expanded.map((item) => [item.volgnummer, item.isEindstatus])).toEqual([
        [1, false],
        [2, false],
        [3, true],
      ]);
      expect((await t.call('GET', `/statustypen/${randomUUID()}`, DETAIL, { token: t.tokens.reader })).statusCode).toBe(404);
    });

    it('filters on zaaktype, zaaktypeIdentificatie, status and datumGeldigheid, and refuses unknown parameters', async () => {
      const concept = await t.zaaktype({ identificatie: 'ST-LIJST' });
      const published = await t.zaaktype({ concept: false, identificatie: 'ST-LIJST' });
      const urls = async (query: string): Promise<unknown[]> =>
        ((await t.call('GET', `${LIST}?${query}`, LIST, { token: t.tokens.reader })).json() as { results: Json[] }).results.map((item) => item.url).sort();
      const of = (zaaktype: typeof concept) => zaaktype.statustypen.map((item) => item.url).sort();
      expect(await urls('zaaktypeIdentificatie=ST-LIJST')).toEqual(of(published));
      expect(await urls('zaaktypeIdentificatie=ST-LIJST&status=concept')).toEqual(of(concept));
      expect(await urls('zaaktypeIdentificatie=ST-LIJST&status=alles')).toEqual([...of(concept), ...of(published)].sort());
      expect(await urls(`zaaktype=${encodeURIComponent(concept.url)}&status=alles`)).toEqual(of(concept));
      expect(await urls('zaaktypeIdentificatie=ST-LIJST&datumGeldigheid=2019-01-01')).toEqual([]);
      expect(problemsOf(await t.call('GET', `${LIST}?status=soms`, LIST, { token: t.tokens.reader }))).toEqual(['status enum']);
      expect(problemsOf(await t.call('GET', `${LIST}?omschrijving=x`, LIST, { token: t.tokens.reader }))).toEqual(['omschrijving unknown-parameters']);
    });
  });

  describe('changing (statustype_update, statustype_partial_update, statustype_destroy)', () => {
    it('replaces with PUT and changes with PATCH, audited with the old and the new statustype', async () => {
      const zaaktype = await t.zaaktype();
      const created = await create(statustype(zaaktype.url, { statustekst: 'Oud', informeren: true }));
      const put = await t.call('PUT', pathOf(created.url), DETAIL, { token: t.tokens.writer, body: statustype(zaaktype.url, { omschrijving: 'Vervangen', volgnummer: 5 }) });
      // As in the reference implementation, optional attributes a PUT leaves out keep their value.
      expect(put.json()).toMatchObject({ omschrijving: 'Vervangen', volgnummer: 5, statustekst: 'Oud', informeren: true });
      const patch = await t.call('PATCH', pathOf(created.url), DETAIL, { token: t.tokens.writer, body: { statustekst: 'Nieuw' } });
      expect(patch.json()).toMatchObject({ omschrijving: 'Vervangen', statustekst: 'Nieuw' });
      const trail = await listAuditTrail(t.database.db, t.tenant.id, zaaktype.url);
      expect(trail.map((record) => record.actie)).toEqual(['create', 'update', 'partial_update']);
    });

    it('ztc-010: changes and deletes a statustype of a published zaaktype only as a correctie or a forced delete', async () => {
      const published = await t.zaaktype({ concept: false });
      const path = pathOf(published.statustypen[1]?.url);
      expect(problemsOf(await t.call('PATCH', path, DETAIL, { token: t.tokens.writer, body: { statustekst: 'x' } }))).toEqual(['nonFieldErrors non-concept-zaaktype']);
      expect((await t.call('PATCH', path, DETAIL, { token: t.tokens.forcedWriter, body: { statustekst: 'x' } })).statusCode).toBe(200);
      expect(problemsOf(await t.call('DELETE', path, DETAIL, { token: t.tokens.writer }))).toEqual(['nonFieldErrors non-concept-zaaktype']);
      expect((await t.call('DELETE', path, DETAIL, { token: t.tokens.forcedDeleter })).statusCode).toBe(204);
    });

    it('never deletes a statustype that statussen of zaken have (409)', async () => {
      const published = await t.zaaktype({ concept: false });
      const zaak = await insertTestZaak(t.database.db, t.tenant, published);
      const statustypeUuid = published.statustypen[0]?.uuid ?? '';
      await sql`INSERT INTO statussen (tenant_id, zaak_uuid, statustype_uuid, datum_status_gezet) VALUES (${t.tenant.id}, ${zaak.uuid}, ${statustypeUuid}, now())`.execute(t.database.db);
      const response = await t.call('DELETE', pathOf(published.statustypen[0]?.url), DETAIL, { token: t.tokens.forcedDeleter });
      expect(response.statusCode).toBe(409);
      expect((await get(published.statustypen[0]?.url)).volgnummer).toBe(1);
    });

    it('keeps a statustype that zaaktype-informatieobjecttypen name with its zaaktype', async () => {
      const zaaktype = await t.zaaktype();
      const other = await t.zaaktype();
      const statustypeUuid = zaaktype.statustypen[1]?.uuid ?? '';
      await t.database.db
        .insertInto('zaaktype_informatieobjecttypen')
        .values({ tenant_id: t.tenant.id, zaaktype_uuid: zaaktype.uuid, informatieobjecttype_omschrijving: 'Brief', volgnummer: 1, richting: 'uitgaand', statustype_uuid: statustypeUuid })
        .execute();
      const response = await t.call('PATCH', pathOf(zaaktype.statustypen[1]?.url), DETAIL, { token: t.tokens.writer, body: { zaaktype: other.url, volgnummer: 7 } });
      expect(problemsOf(response)).toEqual(['zaaktype zaaktype-mismatch']);
    });
  });
});
