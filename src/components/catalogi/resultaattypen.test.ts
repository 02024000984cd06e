import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { hostOf } from '../../../test/fixtures.ts';
import { insertTestZaak, type TestZaaktype } from '../../../test/zgw-fixtures.ts';
import { pathOf, problemsOf, setUpPartsTest, type Json, type PartsTest } from './zaaktype-onderdelen/test-kit.ts';

const LIST = '/resultaattypen';
const DETAIL = '/resultaattypen/{uuid}';

const SELECTIELIJST = 'https://selectielijst.openzaak.nl/api/v1';
/** Selectielijst 2020 procestypen and resultaten, with the facts the tests lean on. */
// The test zaaktype's selectielijstProcestype is procestype 1 (b594c8d1-…).
const RESULTAAT_1_4 = 'dd0d2c5c-3e09-4426-8516-4d848a069dd0'; // procestype 1, procestermijn nihil, vernietigen, P5Y
const RESULTAAT_1_2 = '37cf8679-7fe1-4cd1-87e9-c6891cef1e32'; // procestype 1, no procestermijn, blijvend_bewaren
const PROCESTYPE_MELDINGEN = `${SELECTIELIJST}/procestypen/388645ae-bb7f-4b2b-ba70-94b70f713d45`;
const RESULTAAT_INGESCHAT = '59596a33-c8db-4aa7-bb81-140cb29bb42a'; // procestermijn ingeschatte_bestaansduur_procesobject
const PROCESTYPE_BESTAANSDUUR = `${SELECTIELIJST}/procestypen/046d5ff0-4c71-464b-8c29-cd88fa204524`;
const RESULTAAT_BESTAANSDUUR = 'cd632fee-1f5a-4a4b-bc18-bcd5846c883a'; // procestermijn bestaansduur_procesobject
const TOEGEKEND = `${SELECTIELIJST}/resultaattypeomschrijvingen/fb65d251-1518-4185-865f-b8bdcfad07b1`;

const resultaat = (uuid: string) => `${SELECTIELIJST}/resultaten/${uuid}`;

describe('Catalogi API: resultaattypen', () => {
  let t: PartsTest;

  beforeAll(async () => {
    t = await setUpPartsTest();
  });
  afterAll(async () => {
    await t.close();
  });

  function resultaattype(zaaktype: string, overrides: Json = {}): Json {
    return {
      zaaktype,
      omschrijving: 'Toegekend',
      resultaattypeomschrijving: TOEGEKEND,
      selectielijstklasse: resultaat(RESULTAAT_1_4),
      brondatumArchiefprocedure: { afleidingswijze: 'afgehandeld' },
      ...overrides,
    };
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

  /** A concept zaaktype whose selectielijstProcestype is the one given ('' for none). */
  async function zaaktypeOf(procestype: string): Promise<TestZaaktype> {
    const zaaktype = await t.zaaktype();
    await sql`UPDATE zaaktypen SET data = jsonb_set(data, '{selectielijstProcestype}', to_jsonb(${procestype}::text)) WHERE uuid = ${zaaktype.uuid}`.execute(t.database.db);
    return zaaktype;
  }

  async function insertType(table: 'besluittypen' | 'informatieobjecttypen', catalogusUuid: string, omschrijving: string, concept = false): Promise<string> {
    const common = { tenant_id: t.tenant.id, catalogus_uuid: catalogusUuid, omschrijving, concept, begin_geldigheid: '2020-01-01' };
    const inserted =
      table === 'besluittypen'
        ? await t.database.db.insertInto('besluittypen').values({ ...common, publicatie_indicatie: false }).returning('uuid').executeTakeFirstOrThrow()
        : await t.database.db.insertInto('informatieobjecttypen').values({ ...common, vertrouwelijkheidaanduiding: 'openbaar' }).returning('uuid').executeTakeFirstOrThrow();
    return `${t.base()}/${table}/${inserted.uuid}`;
  }

  describe('creating (resultaattype_create)', () => {
    it('stores a resultaattype of a concept zaaktype, audited in the zaaktype’s trail', async () => {
      const zaaktype = await t.zaaktype({ identificatie: 'RT-NIEUW' });
      const response = await t.call('POST', LIST, LIST, { token: t.tokens.writer, body: resultaattype(zaaktype.url, { toelichting: 'Verleend.' }) });
      expect(response.statusCode).toBe(201);
      const body = response.json() as Json;
      expect(response.headers.location).toBe(body.url);
      expect(body).toEqual({
        url: body.url,
        zaaktype: zaaktype.url,
        zaaktypeIdentificatie: 'RT-NIEUW',
        omschrijving: 'Toegekend',
        resultaattypeomschrijving: TOEGEKEND,
        omschrijvingGeneriek: 'Toegekend',
        selectielijstklasse: resultaat(RESULTAAT_1_4),
        toelichting: 'Verleend.',
        archiefnominatie: 'vernietigen',
        archiefactietermijn: 'P5Y',
        brondatumArchiefprocedure: { afleidingswijze: 'afgehandeld', datumkenmerk: '', einddatumBekend: false, objecttype: '', registratie: '', procestermijn: null },
        procesobjectaard: null,
        indicatieSpecifiek: null,
        procestermijn: null,
        catalogus: `${t.base()}/catalogussen/${zaaktype.catalogusUuid}`,
        besluittypen: [],
        besluittypeOmschrijving: [],
        informatieobjecttypen: [],
        informatieobjecttypeOmschrijving: [],
        beginGeldigheid: '2020-01-01',
        eindeGeldigheid: null,
        beginObject: '2020-01-01',
        eindeObject: null,
      });
      const [record] = await listAuditTrail(t.database.db, t.tenant.id, zaaktype.url);
      expect(record).toMatchObject({ bron: 'ztc', actie: 'create', resultaat: 201, resource: 'resultaattype', resource_url: body.url });
    });

    it('lists every problem of the body at once', async () => {
      const zaaktype = await t.zaaktype();
      expect(
        await problems({ zaaktype: zaaktype.url, omschrijving: 'Een omschrijving die veel te lang is', archiefnominatie: 'bewaren', archiefactietermijn: 'vijf jaar', brondatumArchiefprocedure: {} }),
      ).toEqual([
        'archiefactietermijn invalid',
        'archiefnominatie enum',
        'brondatumArchiefprocedure.afleidingswijze required',
        'omschrijving maxLength',
        'resultaattypeomschrijving required',
        'selectielijstklasse required',
      ]);
    });

    it('names a resultaattype uniquely within its zaaktype', async () => {
      const zaaktype = await t.zaaktype();
      await create(resultaattype(zaaktype.url, { omschrijving: 'Dubbel' }));
      expect(await problems(resultaattype(zaaktype.url, { omschrijving: 'Dubbel' }))).toEqual(['nonFieldErrors unique']);
    });

    it('ztc-010: refuses a resultaattype for a published zaaktype, except as a correctie', async () => {
      const published = await t.zaaktype({ concept: false });
      expect(await problems(resultaattype(published.url))).toEqual(['nonFieldErrors non-concept-zaaktype']);
      await create(resultaattype(published.url), t.tokens.forcedWriter);
    });
  });

  describe('the Selectielijst (ztc-002)', () => {
    it('ztc-002: takes a resultaat of Loket’s own Referentielijsten API or of the public one, and a known resultaattypeomschrijving', async () => {
      const zaaktype = await t.zaaktype();
      const own = `http://${hostOf(t.tenant)}/referentielijsten/api/v1`;
      const body = await create(resultaattype(zaaktype.url, { omschrijving: 'Eigen', selectielijstklasse: `${own}/resultaten/${RESULTAAT_1_4}`, resultaattypeomschrijving: `${own}/resultaattypeomschrijvingen/e6a0c939-3404-45b0-88e3-76c94fb80ea7` }));
      expect(body).toMatchObject({ selectielijstklasse: `${own}/resultaten/${RESULTAAT_1_4}`, omschrijvingGeneriek: 'Afgewezen' });
      expect(
        await problems(
          resultaattype(zaaktype.url, {
            omschrijving: 'Onbekend',
            selectielijstklasse: `https://elders.example/api/v1/resultaten/${RESULTAAT_1_4}`,
            resultaattypeomschrijving: `${SELECTIELIJST}/resultaattypeomschrijvingen/00000000-0000-4000-8000-000000000000`,
          }),
        ),
      ).toEqual(['resultaattypeomschrijving invalid-resource', 'selectielijstklasse invalid-resource']);
      expect(await problems(resultaattype(zaaktype.url, { omschrijving: 'Onbekend', selectielijstklasse: resultaat('00000000-0000-4000-8000-000000000000') }))).toEqual([
        'selectielijstklasse invalid-resource',
      ]);
    });

    it('ztc-002: takes only a resultaat of the zaaktype’s selectielijstProcestype', async () => {
      const zaaktype = await t.zaaktype();
      expect(await problems(resultaattype(zaaktype.url, { selectielijstklasse: resultaat(RESULTAAT_INGESCHAT), brondatumArchiefprocedure: { afleidingswijze: 'termijn', procestermijn: 'P5Y' } }))).toEqual([
        'selectielijstklasse procestype-mismatch',
      ]);
      const withoutProcestype = await zaaktypeOf('');
      expect(await problems(resultaattype(withoutProcestype.url))).toEqual(['selectielijstklasse procestype-mismatch']);
    });

    it('ztc-002: derives archiefnominatie and archiefactietermijn from the Selectielijst unless given', async () => {
      const zaaktype = await t.zaaktype();
      const derived = await create(resultaattype(zaaktype.url, { omschrijving: 'Afgeleid', archiefnominatie: '', archiefactietermijn: null }));
      expect(derived).toMatchObject({ archiefnominatie: 'vernietigen', archiefactietermijn: 'P5Y' });
      const own = await create(resultaattype(zaaktype.url, { omschrijving: 'Eigen keus', archiefnominatie: 'blijvend_bewaren', archiefactietermijn: 'P20Y' }));
      expect(own).toMatchObject({ archiefnominatie: 'blijvend_bewaren', archiefactietermijn: 'P20Y' });
      const bewaren = await create(resultaattype(zaaktype.url, { omschrijving: 'Bewaren', selectielijstklasse: resultaat(RESULTAAT_1_2), brondatumArchiefprocedure: null }));
      expect(bewaren).toMatchObject({ archiefnominatie: 'blijvend_bewaren', archiefactietermijn: null, brondatumArchiefprocedure: null });
    });

    it('needs a brondatumArchiefprocedure unless the zaken are kept forever, except in a PATCH', async () => {
      const zaaktype = await t.zaaktype();
      expect(await problems(resultaattype(zaaktype.url, { brondatumArchiefprocedure: null }))).toEqual(['brondatumArchiefprocedure required']);
      const created = await create(resultaattype(zaaktype.url, { omschrijving: 'Met brondatum' }));
      const patch = await t.call('PATCH', pathOf(created.url), DETAIL, { token: t.tokens.writer, body: { brondatumArchiefprocedure: null } });
      expect(patch.statusCode).toBe(200);
    });
  });

  describe('brondatumArchiefprocedure (ztc-003 to ztc-008)', () => {
    it('ztc-003: afleidingswijze afgehandeld goes with procestermijn nihil, termijn with ingeschatte_bestaansduur_procesobject', async () => {
      const zaaktype = await t.zaaktype();
      expect(await problems(resultaattype(zaaktype.url, { brondatumArchiefprocedure: { afleidingswijze: 'termijn', procestermijn: 'P10Y' } }))).toEqual([
        'brondatumArchiefprocedure.afleidingswijze invalid-afleidingswijze-for-procestermijn',
      ]);
      const meldingen = await zaaktypeOf(PROCESTYPE_MELDINGEN);
      expect(await problems(resultaattype(meldingen.url, { selectielijstklasse: resultaat(RESULTAAT_INGESCHAT) }))).toEqual([
        'brondatumArchiefprocedure.afleidingswijze invalid-afleidingswijze-for-procestermijn',
      ]);
      await create(resultaattype(meldingen.url, { selectielijstklasse: resultaat(RESULTAAT_INGESCHAT), brondatumArchiefprocedure: { afleidingswijze: 'termijn', procestermijn: 'P10Y' } }));
      const bestaansduur = await zaaktypeOf(PROCESTYPE_BESTAANSDUUR);
      expect(await problems(resultaattype(bestaansduur.url, { selectielijstklasse: resultaat(RESULTAAT_BESTAANSDUUR) }))).toEqual([
        'brondatumArchiefprocedure.afleidingswijze invalid-afleidingswijze-for-procestermijn',
      ]);
      await create(
        resultaattype(bestaansduur.url, {
          selectielijstklasse: resultaat(RESULTAAT_BESTAANSDUUR),
          brondatumArchiefprocedure: { afleidingswijze: 'zaakobject', datumkenmerk: 'einddatum', objecttype: 'pand' },
        }),
      );
    });

    it('ztc-003: lets every afleidingswijze through when the Selectielijst resultaat has no procestermijn', async () => {
      const zaaktype = await t.zaaktype();
      const valid: Json[] = [
        { afleidingswijze: 'afgehandeld' },
        { afleidingswijze: 'ander_datumkenmerk', datumkenmerk: 'vervaldatum', objecttype: 'overige', registratie: 'Vergunningen' },
        { afleidingswijze: 'eigenschap', datumkenmerk: 'einddatum herplant', einddatumBekend: true },
        { afleidingswijze: 'gerelateerde_zaak' },
        { afleidingswijze: 'hoofdzaak' },
        { afleidingswijze: 'ingangsdatum_besluit' },
        { afleidingswijze: 'termijn', procestermijn: 'P5Y' },
        { afleidingswijze: 'vervaldatum_besluit', einddatumBekend: true },
        { afleidingswijze: 'zaakobject', datumkenmerk: 'sloopdatum', objecttype: 'pand' },
      ];
      for (const [index, brondatum] of valid.entries()) {
        await create(resultaattype(zaaktype.url, { omschrijving: `Brondatum ${index}`, selectielijstklasse: resultaat(RESULTAAT_1_2), brondatumArchiefprocedure: brondatum }));
      }
    });

    async function brondatumProblems(brondatum: Json): Promise<string[]> {
      const zaaktype = await t.zaaktype();
      return problems(resultaattype(zaaktype.url, { selectielijstklasse: resultaat(RESULTAAT_1_2), brondatumArchiefprocedure: brondatum }));
    }

    it('ztc-004: datumkenmerk is required for eigenschap, zaakobject and ander_datumkenmerk, and empty otherwise', async () => {
      expect(await brondatumProblems({ afleidingswijze: 'eigenschap' })).toEqual(['brondatumArchiefprocedure.datumkenmerk required']);
      expect(await brondatumProblems({ afleidingswijze: 'hoofdzaak', datumkenmerk: 'startdatum' })).toEqual(['brondatumArchiefprocedure.datumkenmerk must-be-empty']);
    });

    it('ztc-005: einddatumBekend is empty for afgehandeld and termijn', async () => {
      expect(await brondatumProblems({ afleidingswijze: 'afgehandeld', einddatumBekend: true })).toEqual(['brondatumArchiefprocedure.einddatumBekend must-be-empty']);
      expect(await brondatumProblems({ afleidingswijze: 'termijn', procestermijn: 'P1Y', einddatumBekend: true })).toEqual(['brondatumArchiefprocedure.einddatumBekend must-be-empty']);
    });

    it('ztc-006: objecttype is required for zaakobject and ander_datumkenmerk, and empty otherwise', async () => {
      expect(await brondatumProblems({ afleidingswijze: 'zaakobject', datumkenmerk: 'einddatum' })).toEqual(['brondatumArchiefprocedure.objecttype required']);
      expect(await brondatumProblems({ afleidingswijze: 'eigenschap', datumkenmerk: 'einddatum', objecttype: 'pand' })).toEqual(['brondatumArchiefprocedure.objecttype must-be-empty']);
    });

    it('ztc-007: registratie is required for ander_datumkenmerk, and empty otherwise', async () => {
      expect(await brondatumProblems({ afleidingswijze: 'ander_datumkenmerk', datumkenmerk: 'einddatum', objecttype: 'overige' })).toEqual(['brondatumArchiefprocedure.registratie required']);
      expect(await brondatumProblems({ afleidingswijze: 'zaakobject', datumkenmerk: 'einddatum', objecttype: 'pand', registratie: 'BAG' })).toEqual([
        'brondatumArchiefprocedure.registratie must-be-empty',
      ]);
    });

    it('ztc-008: procestermijn is required for termijn (a duration), and empty otherwise', async () => {
      expect(await brondatumProblems({ afleidingswijze: 'termijn' })).toEqual(['brondatumArchiefprocedure.procestermijn required']);
      expect(await brondatumProblems({ afleidingswijze: 'termijn', procestermijn: 'vijf jaar' })).toEqual(['brondatumArchiefprocedure.procestermijn invalid']);
      expect(await brondatumProblems({ afleidingswijze: 'afgehandeld', procestermijn: 'P1Y' })).toEqual(['brondatumArchiefprocedure.procestermijn must-be-empty']);
    });
  });

  describe('besluittypen and informatieobjecttypen', () => {
    it('names them by omschrijving (or a version’s URL) in the zaaktype’s catalogus, and shows the published versions valid today', async () => {
      const zaaktype = await t.zaaktype();
      const besluittype = await insertType('besluittypen', zaaktype.catalogusUuid, 'Besluit op aanvraag');
      const concept = await insertType('besluittypen', zaaktype.catalogusUuid, 'Nog in concept', true);
      const informatieobjecttype = await insertType('informatieobjecttypen', zaaktype.catalogusUuid, 'Besluit');
      const body = await create(resultaattype(zaaktype.url, { besluittypen: ['Besluit op aanvraag', concept], informatieobjecttypen: [informatieobjecttype] }));
      expect(body).toMatchObject({
        besluittypen: [besluittype],
        besluittypeOmschrijving: ['Besluit op aanvraag', 'Nog in concept'],
        informatieobjecttypen: [informatieobjecttype],
        informatieobjecttypeOmschrijving: ['Besluit'],
      });
      const stored = await t.database.db.selectFrom('resultaattypen').select(['besluittype_uuids', 'informatieobjecttype_uuids']).where('uuid', '=', pathOf(body.url).split('/').pop() ?? '').executeTakeFirstOrThrow();
      expect(stored.besluittype_uuids.sort()).toEqual([besluittype, concept].map((url) => url.split('/').pop()).sort());
      const expanded = (await t.call('GET', `${pathOf(body.url)}?expand=besluittypen,informatieobjecttypen`, DETAIL, { token: t.tokens.reader })).json() as { _expand: Record<string, Json[]> };
      expect(expanded._expand.besluittypen?.map((item) => item.url)).toEqual([besluittype]);
      expect(expanded._expand.informatieobjecttypen?.map((item) => item.omschrijving)).toEqual(['Besluit']);
    });

    it('refuses types of another catalogus or that do not exist', async () => {
      const zaaktype = await t.zaaktype();
      const elsewhere = await t.zaaktype();
      const foreign = await insertType('besluittypen', elsewhere.catalogusUuid, 'Elders');
      expect(await problems(resultaattype(zaaktype.url, { besluittypen: [foreign, 'Bestaat niet'], informatieobjecttypen: ['Ook niet'] }))).toEqual([
        'besluittypen.0 relations-incorrect-catalogus',
        'besluittypen.1 relations-incorrect-catalogus',
        'informatieobjecttypen.0 relations-incorrect-catalogus',
      ]);
    });
  });

  describe('reading, listing and changing', () => {
    it('retrieves with an ETag and HEAD, and lists with both spellings of the spec’s filters', async () => {
      const zaaktype = await t.zaaktype({ concept: false, identificatie: 'RT-LIJST' });
      const url = zaaktype.resultaattype.url;
      const response = await t.call('GET', pathOf(url), DETAIL, { token: t.tokens.reader });
      expect(response.json()).toMatchObject({ omschrijving: 'Afgewezen', omschrijvingGeneriek: 'Afgewezen', archiefnominatie: 'vernietigen' });
      expect((await t.call('HEAD', pathOf(url), DETAIL, { token: t.tokens.reader })).headers.etag).toBe(response.headers.etag);
      const urls = async (query: string): Promise<unknown[]> => ((await t.call('GET', `${LIST}?${query}`, LIST, { token: t.tokens.reader })).json() as { results: Json[] }).results.map((item) => item.url);
      expect(await urls('zaaktypeIdentificatie=RT-LIJST')).toEqual([url]);
      expect(await urls('zaaktype_identificatie=RT-LIJST')).toEqual([url]);
      expect(await urls('zaaktype_identificatie=RT-LIJST&zaaktypeIdentificatie=ANDERS')).toEqual([]);
      expect(await urls('zaaktypeIdentificatie=RT-LIJST&datum_geldigheid=2019-01-01')).toEqual([]);
      expect(await urls('zaaktypeIdentificatie=RT-LIJST&datumGeldigheid=2021-01-01')).toEqual([url]);
      expect(await urls('zaaktypeIdentificatie=RT-LIJST&status=concept')).toEqual([]);
      expect(await urls(`zaaktype=${encodeURIComponent(zaaktype.url)}`)).toEqual([url]);
      expect(problemsOf(await t.call('GET', `${LIST}?datum_geldigheid=gisteren`, LIST, { token: t.tokens.reader }))).toEqual(['datum_geldigheid invalid']);
      expect(problemsOf(await t.call('GET', `${LIST}?omschrijving=x`, LIST, { token: t.tokens.reader }))).toEqual(['omschrijving unknown-parameters']);
    });

    it('replaces with PUT, changes with PATCH (checked as a whole) and deletes, each audited', async () => {
      const zaaktype = await t.zaaktype();
      const created = await create(resultaattype(zaaktype.url, { toelichting: 'Eerst' }));
      const path = pathOf(created.url);
      const put = await t.call('PUT', path, DETAIL, { token: t.tokens.writer, body: resultaattype(zaaktype.url, { omschrijving: 'Vervangen' }) });
      expect(put.json()).toMatchObject({ omschrijving: 'Vervangen', toelichting: 'Eerst' });
      // A PATCH is checked as a whole: termijn does not go with the stored selectielijstklasse (procestermijn nihil).
      const patch = await t.call('PATCH', path, DETAIL, { token: t.tokens.writer, body: { brondatumArchiefprocedure: { afleidingswijze: 'termijn', procestermijn: 'P1Y' } } });
      expect(problemsOf(patch)).toEqual(['brondatumArchiefprocedure.afleidingswijze invalid-afleidingswijze-for-procestermijn']);
      expect((await t.call('PATCH', path, DETAIL, { token: t.tokens.writer, body: { procesobjectaard: 'De vergunning', indicatieSpecifiek: true } })).json()).toMatchObject({
        procesobjectaard: 'De vergunning',
        indicatieSpecifiek: true,
      });
      expect((await t.call('DELETE', path, DETAIL, { token: t.tokens.writer })).statusCode).toBe(204);
      const trail = await listAuditTrail(t.database.db, t.tenant.id, zaaktype.url);
      expect(trail.map((record) => record.actie)).toEqual(['create', 'update', 'partial_update', 'destroy']);
    });

    it('ztc-010: changes and deletes a resultaattype of a published zaaktype only as a correctie or a forced delete; never one a zaak has (409)', async () => {
      const published = await t.zaaktype({ concept: false });
      const path = pathOf(published.resultaattype.url);
      expect(problemsOf(await t.call('PATCH', path, DETAIL, { token: t.tokens.writer, body: { toelichting: 'x' } }))).toEqual(['nonFieldErrors non-concept-zaaktype']);
      expect((await t.call('PATCH', path, DETAIL, { token: t.tokens.forcedWriter, body: { toelichting: 'x' } })).statusCode).toBe(200);
      expect(problemsOf(await t.call('DELETE', path, DETAIL, { token: t.tokens.writer }))).toEqual(['nonFieldErrors non-concept-zaaktype']);
      const zaak = await insertTestZaak(t.database.db, t.tenant, published);
      await sql`INSERT INTO resultaten (tenant_id, zaak_uuid, resultaattype_uuid) VALUES (${t.tenant.id}, ${zaak.uuid}, ${published.resultaattype.uuid})`.execute(t.database.db);
      expect((await t.call('DELETE', path, DETAIL, { token: t.tokens.forcedDeleter })).statusCode).toBe(409);
      await sql`DELETE FROM resultaten WHERE zaak_uuid = ${zaak.uuid}`.execute(t.database.db);
      expect((await t.call('DELETE', path, DETAIL, { token: t.tokens.forcedDeleter })).statusCode).toBe(204);
    });
  });
});
