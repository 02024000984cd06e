import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { pathOf, problemsOf, setUpPartsTest, type Json, type PartsTest } from './zaaktype-onderdelen/test-kit.ts';

const LIST = '/eigenschappen';
const DETAIL = '/eigenschappen/{uuid}';

describe('Catalogi API: eigenschappen', () => {
  let t: PartsTest;

  beforeAll(async () => {
    t = await setUpPartsTest();
  });
  afterAll(async () => {
    await t.close();
  });

  function eigenschap(zaaktype: string, overrides: Json = {}): Json {
    return { zaaktype, naam: 'aantal bomen', definitie: 'Het aantal bomen.', specificatie: { formaat: 'getal', lengte: '3', kardinaliteit: '1' }, ...overrides };
  }

  async function create(body: Json, token = t.tokens.writer): Promise<Json> {
    const response = await t.call('POST', LIST, LIST, { token, body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  async function refused(zaaktype: string, specificatie: Json, overrides: Json = {}): Promise<string[]> {
    const response = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: eigenschap(zaaktype, { naam: `x${randomUUID().slice(0, 8)}`, specificatie, ...overrides }) });
    expect(response.statusCode).toBe(400);
    return problemsOf(response);
  }

  describe('creating (eigenschap_create)', () => {
    it('stores an eigenschap of a concept zaaktype, audited in the zaaktype’s trail', async () => {
      const zaaktype = await t.zaaktype({ identificatie: 'EIG-NIEUW' });
      const response = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: eigenschap(zaaktype.url) });
      expect(response.statusCode).toBe(201);
      const body = response.json() as Json;
      expect(response.headers.location).toBe(body.url);
      expect(body).toEqual({
        url: body.url,
        naam: 'aantal bomen',
        definitie: 'Het aantal bomen.',
        specificatie: { groep: '', formaat: 'getal', lengte: '3', kardinaliteit: '1', waardenverzameling: [] },
        toelichting: '',
        zaaktype: zaaktype.url,
        zaaktypeIdentificatie: 'EIG-NIEUW',
        catalogus: `${t.base()}/catalogussen/${zaaktype.catalogusUuid}`,
        statustype: null,
        beginGeldigheid: '2020-01-01',
        eindeGeldigheid: null,
        beginObject: '2020-01-01',
        eindeObject: null,
      });
      const [record] = await listAuditTrail(t.database.db, t.tenant.id, zaaktype.url);
      expect(record).toMatchObject({ bron: 'ztc', actie: 'create', resource: 'eigenschap', resource_url: body.url });
    });

    it('lists every problem of the body at once', async () => {
      const zaaktype = await t.zaaktype();
      const response = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: { zaaktype: zaaktype.url, naam: 'veel te lange naam voor een eigenschap', specificatie: { formaat: 'kleur' } } });
      expect(problemsOf(response)).toEqual([
        'definitie required',
        'naam maxLength',
        'specificatie.formaat enum',
        'specificatie.kardinaliteit required',
        'specificatie.lengte required',
      ]);
    });

    it('names an eigenschap uniquely within its zaaktype', async () => {
      const zaaktype = await t.zaaktype();
      const other = await t.zaaktype();
      await create(eigenschap(zaaktype.url, { naam: 'kenteken' }));
      await create(eigenschap(other.url, { naam: 'kenteken' }));
      const duplicate = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: eigenschap(zaaktype.url, { naam: 'kenteken' }) });
      expect(problemsOf(duplicate)).toEqual(['nonFieldErrors unique']);
    });

    it('ztc-010: refuses an eigenschap for a published zaaktype, except as a correctie', async () => {
      const published = await t.zaaktype({ concept: false });
      expect(problemsOf(await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: eigenschap(published.url) }))).toEqual(['nonFieldErrors non-concept-zaaktype']);
      await create(eigenschap(published.url), t.tokens.forcedWriter);
    });
  });

  describe('specificatie', () => {
    it('ztc-015: a datum has lengte 8 and values jjjjmmdd, a datum_tijd lengte 14 and values jjjjmmdduummss', async () => {
      const zaaktype = await t.zaaktype();
      await create(eigenschap(zaaktype.url, { naam: 'datum', specificatie: { formaat: 'datum', lengte: '8', kardinaliteit: '1', waardenverzameling: ['20220728'] } }));
      await create(eigenschap(zaaktype.url, { naam: 'moment', specificatie: { formaat: 'datum_tijd', lengte: '14', kardinaliteit: '1', waardenverzameling: ['20220728134022'] } }));
      expect(await refused(zaaktype.url, { formaat: 'datum', lengte: '10', kardinaliteit: '1' })).toEqual(['specificatie.lengte invalid']);
      expect(await refused(zaaktype.url, { formaat: 'datum_tijd', lengte: '19', kardinaliteit: '1' })).toEqual(['specificatie.lengte invalid']);
      expect(await refused(zaaktype.url, { formaat: 'datum', lengte: '8', kardinaliteit: '1', waardenverzameling: ['2022-07-28', '20220230'] })).toEqual([
        'specificatie.waardenverzameling.0 invalid',
        'specificatie.waardenverzameling.1 invalid',
      ]);
      expect(await refused(zaaktype.url, { formaat: 'datum_tijd', lengte: '14', kardinaliteit: '1', waardenverzameling: ['20220728250000'] })).toEqual(['specificatie.waardenverzameling.0 invalid']);
    });

    it('takes a tekst lengte of 0 to 255 characters and holds its values to it', async () => {
      const zaaktype = await t.zaaktype();
      await create(eigenschap(zaaktype.url, { naam: 'gebied', specificatie: { formaat: 'tekst', lengte: '7', kardinaliteit: 'N', waardenverzameling: ['Centrum', 'Haven'] } }));
      expect(await refused(zaaktype.url, { formaat: 'tekst', lengte: '256', kardinaliteit: '1' })).toEqual(['specificatie.lengte invalid']);
      expect(await refused(zaaktype.url, { formaat: 'tekst', lengte: 'lang', kardinaliteit: '1' })).toEqual(['specificatie.lengte invalid']);
      expect(await refused(zaaktype.url, { formaat: 'tekst', lengte: '5', kardinaliteit: '1', waardenverzameling: ['Centrum'] })).toEqual(['specificatie.waardenverzameling.0 invalid']);
    });

    it('takes a getal lengte of n or n,m digits and holds its values to it', async () => {
      const zaaktype = await t.zaaktype();
      await create(eigenschap(zaaktype.url, { naam: 'bedrag', specificatie: { formaat: 'getal', lengte: '5,2', kardinaliteit: '1', waardenverzameling: ['12,50', '100'] } }));
      expect(await refused(zaaktype.url, { formaat: 'getal', lengte: 'vijf', kardinaliteit: '1' })).toEqual(['specificatie.lengte invalid']);
      expect(await refused(zaaktype.url, { formaat: 'getal', lengte: '3', kardinaliteit: '1', waardenverzameling: ['1000', '1,5', 'tien'] })).toEqual([
        'specificatie.waardenverzameling.0 invalid',
        'specificatie.waardenverzameling.1 invalid',
        'specificatie.waardenverzameling.2 invalid',
      ]);
    });

    it('takes a kardinaliteit above 0 or N, and a groep of letters, digits and underscores', async () => {
      const zaaktype = await t.zaaktype();
      await create(eigenschap(zaaktype.url, { naam: 'boom', specificatie: { groep: 'boom_1', formaat: 'getal', lengte: '3', kardinaliteit: '10' } }));
      expect(await refused(zaaktype.url, { groep: 'met spatie', formaat: 'getal', lengte: '3', kardinaliteit: '0' })).toEqual([
        'specificatie.groep invalid',
        'specificatie.kardinaliteit invalid',
      ]);
    });
  });

  describe('statustype', () => {
    it('names a statustype of its own zaaktype, expandable, and nothing else', async () => {
      const zaaktype = await t.zaaktype();
      const other = await t.zaaktype();
      const statustype = zaaktype.statustypen[2]?.url;
      const created = await create(eigenschap(zaaktype.url, { statustype }));
      expect(created.statustype).toBe(statustype);
      const expanded = (await t.call('GET', `${pathOf(created.url)}?expand=statustype`, DETAIL, { token: t.tokens.reader })).json() as { _expand: { statustype: Json } };
      expect(expanded._expand.statustype).toMatchObject({ url: statustype, eigenschappen: [created.url] });
      const foreign = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: eigenschap(zaaktype.url, { naam: 'ander', statustype: other.statustypen[0]?.url }) });
      expect(problemsOf(foreign)).toEqual(['statustype zaaktype-mismatch']);
      const cleared = await t.call('PATCH', pathOf(created.url), DETAIL, { token: t.tokens.writer, body: { statustype: null } });
      expect((cleared.json() as Json).statustype).toBeNull();
    });

    it('keeps its statustype within its zaaktype when it moves to another', async () => {
      const zaaktype = await t.zaaktype();
      const other = await t.zaaktype();
      const created = await create(eigenschap(zaaktype.url, { statustype: zaaktype.statustypen[0]?.url }));
      const moved = await t.call('PATCH', pathOf(created.url), DETAIL, { token: t.tokens.writer, body: { zaaktype: other.url } });
      expect(problemsOf(moved)).toEqual(['statustype zaaktype-mismatch']);
      const both = await t.call('PATCH', pathOf(created.url), DETAIL, { token: t.tokens.writer, body: { zaaktype: other.url, statustype: other.statustypen[0]?.url } });
      expect(both.json()).toMatchObject({ zaaktype: other.url, statustype: other.statustypen[0]?.url });
    });
  });

  describe('reading, listing and changing', () => {
    it('retrieves with an ETag and HEAD, lists with the spec’s filters and refuses others', async () => {
      const zaaktype = await t.zaaktype({ identificatie: 'EIG-LIJST' });
      const created = await create(eigenschap(zaaktype.url));
      const response = await t.call('GET', pathOf(created.url), DETAIL, { token: t.tokens.reader });
      expect(response.json()).toEqual(created);
      expect((await t.call('HEAD', pathOf(created.url), DETAIL, { token: t.tokens.reader })).headers.etag).toBe(response.headers.etag);
      const urls = async (query: string): Promise<unknown[]> => ((await t.call('GET', `${LIST}?${query}`, LIST, { token: t.tokens.reader })).json() as { results: Json[] }).results.map((item) => item.url);
      expect(await urls('zaaktypeIdentificatie=EIG-LIJST')).toEqual([]);
      expect(await urls('zaaktypeIdentificatie=EIG-LIJST&status=concept')).toEqual([created.url]);
      expect(await urls(`zaaktype=${encodeURIComponent(zaaktype.url)}&status=alles&datumGeldigheid=2020-01-01`)).toEqual([created.url]);
      expect(problemsOf(await t.call('GET', `${LIST}?naam=x`, LIST, { token: t.tokens.reader }))).toEqual(['naam unknown-parameters']);
    });

    it('replaces with PUT, changes with PATCH and deletes, each audited', async () => {
      const zaaktype = await t.zaaktype();
      const created = await create(eigenschap(zaaktype.url, { toelichting: 'Eerst' }));
      const put = await t.call('PUT', pathOf(created.url), DETAIL, { token: t.tokens.writer, body: eigenschap(zaaktype.url, { naam: 'aantal', specificatie: { formaat: 'tekst', lengte: '4', kardinaliteit: '1' } }) });
      expect(put.json()).toMatchObject({ naam: 'aantal', toelichting: 'Eerst', specificatie: { formaat: 'tekst', lengte: '4' } });
      const patch = await t.call('PATCH', pathOf(created.url), DETAIL, { token: t.tokens.writer, body: { specificatie: { formaat: 'tekst', lengte: '300', kardinaliteit: '1' } } });
      expect(problemsOf(patch)).toEqual(['specificatie.lengte invalid']);
      expect((await t.call('PATCH', pathOf(created.url), DETAIL, { token: t.tokens.writer, body: { definitie: 'Anders.' } })).json()).toMatchObject({ definitie: 'Anders.' });
      expect((await t.call('DELETE', pathOf(created.url), DETAIL, { token: t.tokens.writer })).statusCode).toBe(204);
      const trail = await listAuditTrail(t.database.db, t.tenant.id, zaaktype.url);
      expect(trail.map((record) => record.actie)).toEqual(['create', 'update', 'partial_update', 'destroy']);
    });

    it('ztc-010: changes and deletes an eigenschap of a published zaaktype only as a correctie or a forced delete', async () => {
      const zaaktype = await t.zaaktype();
      const created = await create(eigenschap(zaaktype.url));
      await t.database.db.updateTable('zaaktypen').set({ concept: false }).where('uuid', '=', zaaktype.uuid).execute();
      const path = pathOf(created.url);
      expect(problemsOf(await t.call('PATCH', path, DETAIL, { token: t.tokens.writer, body: { definitie: 'x' } }))).toEqual(['nonFieldErrors non-concept-zaaktype']);
      expect((await t.call('PATCH', path, DETAIL, { token: t.tokens.forcedWriter, body: { definitie: 'x' } })).statusCode).toBe(200);
      expect(problemsOf(await t.call('DELETE', path, DETAIL, { token: t.tokens.writer }))).toEqual(['nonFieldErrors non-concept-zaaktype']);
      expect((await t.call('DELETE', path, DETAIL, { token: t.tokens.forcedDeleter })).statusCode).toBe(204);
    });
  });
});
