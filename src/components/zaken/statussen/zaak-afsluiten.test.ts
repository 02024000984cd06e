import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, type TestApp } from '../../../../test/fixtures.ts';
import { insertTestZaak, insertTestZaaktype, type TestZaaktype } from '../../../../test/zgw-fixtures.ts';
import type { OpenApiSpec } from '../../../../test/openapi.ts';
import { loadZakenSpecForZaken } from '../zaken/zaken-test-kit.ts';
import { insertTestEigenschap, problemCodes, zaakAutorisatie, zakenApi, type Json } from '../shared/relation-test-kit.ts';

/*
 * Closing a zaak by its eindstatus and reopening it (zrc-007, zrc-008), with the archiving parameters derived from
 * the resultaat (zrc-021) for every afleidingswijze, through the API and against the stored zaak.
 */

const STATUSSEN = '/statussen';

describe('Zaken API: closing and reopening a zaak through its statussen', () => {
  let database: TestDatabase;
  let test: TestApp;
  let spec: OpenApiSpec;
  let tenant: Tenant;
  let all: string;
  let call: ReturnType<typeof zakenApi>;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    // The spec with the errata of its `_expand` schemas, which `expand` answers are checked against.
    spec = await loadZakenSpecForZaken();
    tenant = await createTestTenant(database.db);
    all = await (await createTestClient(database.db, test.keys, tenant, { heeftAlleAutorisaties: true })).token();
    call = zakenApi(test, spec, tenant);
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  /** A zaaktype whose resultaattype follows this archiving procedure. */
  async function zaaktypeWith(procedure: Json, archiefactietermijn: string | null = 'P10Y', archiefnominatie = 'vernietigen'): Promise<TestZaaktype> {
    const zaaktype = await insertTestZaaktype(database.db, tenant);
    await database.db
      .updateTable('resultaattypen')
      .set({
        archiefactietermijn,
        archiefnominatie,
        brondatum_archiefprocedure: JSON.stringify({ datumkenmerk: '', einddatumBekend: false, objecttype: '', registratie: '', procestermijn: null, ...procedure }),
      })
      .where('uuid', '=', zaaktype.resultaattype.uuid)
      .execute();
    return zaaktype;
  }

  async function giveResultaat(zaaktype: TestZaaktype, zaak: { url: string }): Promise<void> {
    const response = await call('POST', '/resultaten', '/resultaten', { token: all, body: { zaak: zaak.url, resultaattype: zaaktype.resultaattype.url } });
    expect(response.statusCode, response.body).toBe(201);
  }

  function eindstatus(zaaktype: TestZaaktype, zaak: { url: string }, moment = '2026-03-10T10:00:00+01:00'): Json {
    return { zaak: zaak.url, statustype: zaaktype.eindstatustype.url, datumStatusGezet: moment };
  }

  async function close(zaaktype: TestZaaktype, zaak: { url: string }, moment?: string, token = all): Promise<void> {
    const response = await call('POST', STATUSSEN, STATUSSEN, { token, body: eindstatus(zaaktype, zaak, moment) });
    expect(response.statusCode, response.body).toBe(201);
  }

  async function stored(zaak: { uuid: string }) {
    return database.db
      .selectFrom('zaken')
      .select(['einddatum', 'archiefnominatie', 'archiefactiedatum', 'data'])
      .where('uuid', '=', zaak.uuid)
      .executeTakeFirstOrThrow();
  }

  async function statusCount(zaak: { uuid: string }): Promise<number> {
    const row = await database.db.selectFrom('statussen').select((eb) => eb.fn.countAll<number>().as('count')).where('zaak_uuid', '=', zaak.uuid).executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async function tokenFor(zaaktype: TestZaaktype, scopes: string[]): Promise<string> {
    return (await createTestClient(database.db, test.keys, tenant, { autorisaties: [zaakAutorisatie(zaaktype.url, scopes)] })).token();
  }

  describe('zrc-007: the eindstatus closes the zaak', () => {
    it('zrc-007: sets einddatum to the Europe/Amsterdam date of datumStatusGezet, with the archiving parameters of the resultaat', async () => {
      const zaaktype = await zaaktypeWith({ afleidingswijze: 'afgehandeld' });
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      await giveResultaat(zaaktype, zaak);
      // 23:30 UTC on 5 March is already 6 March in Amsterdam.
      await close(zaaktype, zaak, '2026-03-05T23:30:00Z');
      const after = await stored(zaak);
      expect(after).toMatchObject({ einddatum: '2026-03-06', archiefnominatie: 'vernietigen', archiefactiedatum: '2036-03-06' });
      expect(after.data.startdatumBewaartermijn).toBe('2026-03-06');
    });

    it('zrc-007: the ZAAK resource shows the closed zaak with its status, resultaat and archiving fields', async () => {
      const zaaktype = await zaaktypeWith({ afleidingswijze: 'afgehandeld' });
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      await giveResultaat(zaaktype, zaak);
      const status = await call('POST', STATUSSEN, STATUSSEN, { token: all, body: eindstatus(zaaktype, zaak) });
      const response = await call('GET', `/zaken/${zaak.uuid}`, '/zaken/{uuid}', { token: all, headers: { 'accept-crs': 'EPSG:4326' } });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        einddatum: '2026-03-10',
        status: (status.json() as Json).url,
        archiefnominatie: 'vernietigen',
        archiefactiedatum: '2036-03-10',
        startdatumBewaartermijn: '2026-03-10',
      });
    });

    it('zrc-007: a non-final status leaves the zaak open', async () => {
      const zaaktype = await zaaktypeWith({ afleidingswijze: 'afgehandeld' });
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const response = await call('POST', STATUSSEN, STATUSSEN, { token: all, body: { zaak: zaak.url, statustype: zaaktype.statustypen[1]?.url, datumStatusGezet: '2026-03-05T10:00:00Z' } });
      expect(response.statusCode).toBe(201);
      expect(await stored(zaak)).toMatchObject({ einddatum: null, archiefnominatie: null, archiefactiedatum: null });
    });

    it('zrc-007: refuses the eindstatus while the zaak has no resultaat, and stores nothing', async () => {
      const zaaktype = await zaaktypeWith({ afleidingswijze: 'afgehandeld' });
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const response = await call('POST', STATUSSEN, STATUSSEN, { token: all, body: eindstatus(zaaktype, zaak) });
      expect(response.statusCode).toBe(400);
      expect(problemCodes(response)).toEqual(['nonFieldErrors:resultaat-does-not-exist']);
      expect(await statusCount(zaak)).toBe(0);
      expect((await stored(zaak)).einddatum).toBeNull();
    });

    it('zrc-007: a closed zaak takes a new status only with zaken.heropenen', async () => {
      const zaaktype = await zaaktypeWith({ afleidingswijze: 'afgehandeld' });
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      await giveResultaat(zaaktype, zaak);
      await close(zaaktype, zaak);
      const body = { zaak: zaak.url, statustype: zaaktype.statustypen[1]?.url, datumStatusGezet: '2026-03-11T10:00:00Z' };
      for (const scopes of [['zaken.statussen.toevoegen'], ['zaken.aanmaken'], ['zaken.bijwerken', 'zaken.geforceerd-bijwerken']]) {
        expect((await call('POST', STATUSSEN, STATUSSEN, { token: await tokenFor(zaaktype, scopes), body })).statusCode, scopes.join()).toBe(403);
      }
      expect((await stored(zaak)).einddatum).toBe('2026-03-10');
    });

    it('zrc-007: refuses to close a hoofdzaak while a deelzaak is open (deelzaken-not-closed)', async () => {
      const zaaktype = await zaaktypeWith({ afleidingswijze: 'afgehandeld' });
      const hoofdzaak = await insertTestZaak(database.db, tenant, zaaktype);
      const deelzaak = await insertTestZaak(database.db, tenant, zaaktype);
      await database.db.updateTable('zaken').set({ hoofdzaak_uuid: hoofdzaak.uuid }).where('uuid', '=', deelzaak.uuid).execute();
      await giveResultaat(zaaktype, hoofdzaak);
      const response = await call('POST', STATUSSEN, STATUSSEN, { token: all, body: eindstatus(zaaktype, hoofdzaak) });
      expect(problemCodes(response)).toEqual(['nonFieldErrors:deelzaken-not-closed']);
      await giveResultaat(zaaktype, deelzaak);
      await close(zaaktype, deelzaak, '2026-03-09T10:00:00Z');
      await close(zaaktype, hoofdzaak);
    });
  });

  describe('zrc-008: another status reopens a closed zaak', () => {
    it('zrc-008: clears einddatum, archiefnominatie, archiefactiedatum and startdatumBewaartermijn for a client with zaken.heropenen', async () => {
      const zaaktype = await zaaktypeWith({ afleidingswijze: 'afgehandeld' });
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      await giveResultaat(zaaktype, zaak);
      await close(zaaktype, zaak);
      const response = await call('POST', STATUSSEN, STATUSSEN, {
        token: await tokenFor(zaaktype, ['zaken.heropenen']),
        body: { zaak: zaak.url, statustype: zaaktype.statustypen[1]?.url, datumStatusGezet: '2026-03-11T10:00:00Z', statustoelichting: 'Heropend na bezwaar' },
      });
      expect(response.statusCode, response.body).toBe(201);
      const after = await stored(zaak);
      expect(after).toMatchObject({ einddatum: null, archiefnominatie: null, archiefactiedatum: null });
      expect(after.data).not.toHaveProperty('startdatumBewaartermijn');
      // Closing it again derives everything anew from the new einddatum.
      await close(zaaktype, zaak, '2026-04-01T10:00:00Z');
      expect(await stored(zaak)).toMatchObject({ einddatum: '2026-04-01', archiefnominatie: 'vernietigen', archiefactiedatum: '2036-04-01' });
    });

    it('zrc-008: refuses to reopen a deelzaak whose hoofdzaak is closed (hoofdzaak-closed)', async () => {
      const zaaktype = await zaaktypeWith({ afleidingswijze: 'afgehandeld' });
      const hoofdzaak = await insertTestZaak(database.db, tenant, zaaktype);
      const deelzaak = await insertTestZaak(database.db, tenant, zaaktype);
      await database.db.updateTable('zaken').set({ hoofdzaak_uuid: hoofdzaak.uuid }).where('uuid', '=', deelzaak.uuid).execute();
      await giveResultaat(zaaktype, deelzaak);
      await close(zaaktype, deelzaak, '2026-03-09T10:00:00Z');
      await giveResultaat(zaaktype, hoofdzaak);
      await close(zaaktype, hoofdzaak);
      const response = await call('POST', STATUSSEN, STATUSSEN, { token: all, body: { zaak: deelzaak.url, statustype: zaaktype.statustypen[0]?.url, datumStatusGezet: '2026-03-11T10:00:00Z' } });
      expect(problemCodes(response)).toEqual(['nonFieldErrors:hoofdzaak-closed']);
      expect((await stored(deelzaak)).einddatum).toBe('2026-03-09');
    });
  });

  describe('zrc-021: archiving parameters from the resultaat', () => {
    it('zrc-021: keeps an archiefnominatie and an archiefactiedatum the zaak already has', async () => {
      const zaaktype = await zaaktypeWith({ afleidingswijze: 'afgehandeld' });
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      await database.db.updateTable('zaken').set({ archiefnominatie: 'blijvend_bewaren', archiefactiedatum: '2050-01-01' }).where('uuid', '=', zaak.uuid).execute();
      await giveResultaat(zaaktype, zaak);
      await close(zaaktype, zaak);
      expect(await stored(zaak)).toMatchObject({ einddatum: '2026-03-10', archiefnominatie: 'blijvend_bewaren', archiefactiedatum: '2050-01-01' });
    });

    it('zrc-021: sets no archiefactiedatum when the resultaattype has no archiefactietermijn', async () => {
      const zaaktype = await zaaktypeWith({ afleidingswijze: 'afgehandeld' }, null, 'blijvend_bewaren');
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      await giveResultaat(zaaktype, zaak);
      await close(zaaktype, zaak);
      expect(await stored(zaak)).toMatchObject({ einddatum: '2026-03-10', archiefnominatie: 'blijvend_bewaren', archiefactiedatum: null });
    });

    it('zrc-021 termijn: einddatum + procestermijn + archiefactietermijn', async () => {
      const zaaktype = await zaaktypeWith({ afleidingswijze: 'termijn', procestermijn: 'P5Y' });
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      await giveResultaat(zaaktype, zaak);
      await close(zaaktype, zaak);
      const after = await stored(zaak);
      expect(after.archiefactiedatum).toBe('2041-03-10');
      expect(after.data.startdatumBewaartermijn).toBe('2031-03-10');
    });

    it('zrc-021 ander_datumkenmerk: leaves the archiefactiedatum to be set by hand', async () => {
      const zaaktype = await zaaktypeWith({ afleidingswijze: 'ander_datumkenmerk', datumkenmerk: 'overlijdensdatum', registratie: 'BRP' });
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      await giveResultaat(zaaktype, zaak);
      await close(zaaktype, zaak);
      expect(await stored(zaak)).toMatchObject({ einddatum: '2026-03-10', archiefnominatie: 'vernietigen', archiefactiedatum: null });
    });

    it('zrc-021 eigenschap: counts from the zaakeigenschap named by datumkenmerk; no value leaves the date empty', async () => {
      const zaaktype = await zaaktypeWith({ afleidingswijze: 'eigenschap', datumkenmerk: 'vervaldatum' });
      const eigenschap = await insertTestEigenschap(database.db, tenant, zaaktype.uuid, 'vervaldatum', { formaat: 'datum', lengte: '8', kardinaliteit: '1', waardenverzameling: [] });
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      await database.db.insertInto('zaakeigenschappen').values({ tenant_id: tenant.id, zaak_uuid: zaak.uuid, eigenschap_uuid: eigenschap, naam: 'vervaldatum', waarde: '20280115' }).execute();
      await giveResultaat(zaaktype, zaak);
      await close(zaaktype, zaak);
      expect((await stored(zaak)).archiefactiedatum).toBe('2038-01-15');

      const without = await insertTestZaak(database.db, tenant, zaaktype);
      await giveResultaat(zaaktype, without);
      await close(zaaktype, without);
      expect(await stored(without)).toMatchObject({ einddatum: '2026-03-10', archiefactiedatum: null });
    });

    it('zrc-021 eigenschap: a value that is no date is an archiefactiedatum-error, and the zaak stays open', async () => {
      const zaaktype = await zaaktypeWith({ afleidingswijze: 'eigenschap', datumkenmerk: 'vervaldatum' });
      const eigenschap = await insertTestEigenschap(database.db, tenant, zaaktype.uuid, 'vervaldatum', { formaat: 'tekst', lengte: '20', kardinaliteit: '1', waardenverzameling: [] });
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      await database.db.insertInto('zaakeigenschappen').values({ tenant_id: tenant.id, zaak_uuid: zaak.uuid, eigenschap_uuid: eigenschap, naam: 'vervaldatum', waarde: 'over een jaar' }).execute();
      await giveResultaat(zaaktype, zaak);
      const response = await call('POST', STATUSSEN, STATUSSEN, { token: all, body: eindstatus(zaaktype, zaak) });
      expect(problemCodes(response)).toEqual(['nonFieldErrors:archiefactiedatum-error']);
      expect(await statusCount(zaak)).toBe(0);
      expect((await stored(zaak)).einddatum).toBeNull();
    });

    it('zrc-021 einddatumBekend: an unknown brondatum refuses the eindstatus', async () => {
      const zaaktype = await zaaktypeWith({ afleidingswijze: 'eigenschap', datumkenmerk: 'vervaldatum', einddatumBekend: true });
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      await giveResultaat(zaaktype, zaak);
      const response = await call('POST', STATUSSEN, STATUSSEN, { token: all, body: eindstatus(zaaktype, zaak) });
      expect(response.statusCode).toBe(400);
      expect(problemCodes(response)).toEqual(['nonFieldErrors:archiefactiedatum-error']);
      expect((await stored(zaak)).einddatum).toBeNull();
    });

    it('zrc-021 zaakobject: counts from the latest datumkenmerk of the zaakobjecten of the objecttype', async () => {
      const zaaktype = await zaaktypeWith({ afleidingswijze: 'zaakobject', objecttype: 'overige', datumkenmerk: 'overigeData.einddatumVergunning' });
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      for (const datum of ['2029-05-01', '2030-07-01']) {
        await database.db
          .insertInto('zaakobjecten')
          .values({ tenant_id: tenant.id, zaak_uuid: zaak.uuid, object_type: 'overige', object_type_overige: 'vergunning', data: JSON.stringify({ objectIdentificatie: { overigeData: { einddatumVergunning: datum } } }) })
          .execute();
      }
      await giveResultaat(zaaktype, zaak);
      await close(zaaktype, zaak);
      expect((await stored(zaak)).archiefactiedatum).toBe('2040-07-01');
    });

    it('zrc-021 gerelateerde_zaak: counts from the latest einddatum of the relevanteAndereZaken', async () => {
      const zaaktype = await zaaktypeWith({ afleidingswijze: 'gerelateerde_zaak' });
      const earlier = await insertTestZaak(database.db, tenant, zaaktype, { einddatum: '2025-11-30' });
      const open = await insertTestZaak(database.db, tenant, zaaktype);
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const relevanteAndereZaken = [earlier, open].map((related) => ({ url: related.url, aardRelatie: 'vervolg' }));
      await database.db.updateTable('zaken').set({ data: JSON.stringify({ relevanteAndereZaken }) }).where('uuid', '=', zaak.uuid).execute();
      await giveResultaat(zaaktype, zaak);
      await close(zaaktype, zaak);
      expect((await stored(zaak)).archiefactiedatum).toBe('2035-11-30');
    });

    it('zrc-021 ingangsdatum_besluit and vervaldatum_besluit: count from the besluiten of the zaak', async () => {
      for (const [afleidingswijze, expected] of [
        ['ingangsdatum_besluit', '2036-02-01'],
        ['vervaldatum_besluit', '2048-12-31'],
      ] as const) {
        const zaaktype = await zaaktypeWith({ afleidingswijze });
        const { uuid: besluittype } = await database.db
          .insertInto('besluittypen')
          .values({ tenant_id: tenant.id, catalogus_uuid: zaaktype.catalogusUuid, omschrijving: 'Vergunning', publicatie_indicatie: false, begin_geldigheid: '2020-01-01', concept: false })
          .returning('uuid')
          .executeTakeFirstOrThrow();
        const zaak = await insertTestZaak(database.db, tenant, zaaktype);
        for (const [index, [ingangsdatum, vervaldatum]] of [
          ['2026-01-15', '2038-12-31'],
          ['2026-02-01', null],
        ].entries()) {
          await database.db
            .insertInto('besluiten')
            .values({
              tenant_id: tenant.id,
              identificatie: `B-${afleidingswijze}-${index}`,
              verantwoordelijke_organisatie: '002220647',
              besluittype_uuid: besluittype,
              zaak_uuid: zaak.uuid,
              zaakbesluit_uuid: crypto.randomUUID(),
              datum: '2026-01-10',
              ingangsdatum: String(ingangsdatum),
              vervaldatum,
            })
            .execute();
        }
        await giveResultaat(zaaktype, zaak);
        await close(zaaktype, zaak);
        expect((await stored(zaak)).archiefactiedatum, afleidingswijze).toBe(expected);
      }
    });

    it('zrc-021 hoofdzaak: a deelzaak counts from its hoofdzaak’s einddatum, filled in when the hoofdzaak closes and cleared when it reopens', async () => {
      const hoofdzaaktype = await zaaktypeWith({ afleidingswijze: 'afgehandeld' });
      const deelzaaktype = await zaaktypeWith({ afleidingswijze: 'hoofdzaak' }, 'P5Y');
      const hoofdzaak = await insertTestZaak(database.db, tenant, hoofdzaaktype);
      const deelzaak = await insertTestZaak(database.db, tenant, deelzaaktype);
      await database.db.updateTable('zaken').set({ hoofdzaak_uuid: hoofdzaak.uuid }).where('uuid', '=', deelzaak.uuid).execute();
      await giveResultaat(deelzaaktype, deelzaak);
      await close(deelzaaktype, deelzaak, '2026-03-01T10:00:00Z');
      expect(await stored(deelzaak)).toMatchObject({ einddatum: '2026-03-01', archiefnominatie: 'vernietigen', archiefactiedatum: null });

      await giveResultaat(hoofdzaaktype, hoofdzaak);
      await close(hoofdzaaktype, hoofdzaak, '2026-03-20T10:00:00Z');
      const closed = await stored(deelzaak);
      expect(closed.archiefactiedatum).toBe('2031-03-20');
      expect(closed.data.startdatumBewaartermijn).toBe('2026-03-20');

      const reopen = await call('POST', STATUSSEN, STATUSSEN, { token: all, body: { zaak: hoofdzaak.url, statustype: hoofdzaaktype.statustypen[1]?.url, datumStatusGezet: '2026-03-21T10:00:00Z' } });
      expect(reopen.statusCode).toBe(201);
      const reopened = await stored(deelzaak);
      expect(reopened.archiefactiedatum).toBeNull();
      expect(reopened.data).not.toHaveProperty('startdatumBewaartermijn');
    });
  });
});
