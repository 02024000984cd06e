import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Tenant } from '../../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts';
import { createTestTenant } from '../../../../test/fixtures.ts';
import { insertTestZaak, insertTestZaaktype, type TestZaaktype } from '../../../../test/zgw-fixtures.ts';

/*
 * The zaak counts kept per (zaaktype, vertrouwelijkheid) by statement triggers (migrations/0017 and 0097), the total
 * and the open zaken, against the counts taken from the zaken themselves after every kind of change.
 */

// A count is the sum of its slots (migrations/0018). Assigned means: with a row in zaak_toewijzingen (0106).
const KEPT = sql<{ key: string; aantal: string; open: string; open_toegewezen: string }>`
  SELECT zaaktype_uuid || '/' || vertrouwelijkheid_rank AS key, sum(aantal)::text AS aantal, sum(open)::text AS open, sum(open_toegewezen)::text AS open_toegewezen
  FROM zaak_counts GROUP BY zaaktype_uuid, vertrouwelijkheid_rank HAVING sum(aantal) <> 0 OR sum(open) <> 0 OR sum(open_toegewezen) <> 0 ORDER BY 1`;
const COUNTED = sql<{ key: string; aantal: string; open: string; open_toegewezen: string }>`
  SELECT zaaktype_uuid || '/' || vertrouwelijkheid_rank AS key, count(*)::text AS aantal, count(*) FILTER (WHERE einddatum IS NULL)::text AS open,
    count(*) FILTER (WHERE einddatum IS NULL AND EXISTS (SELECT 1 FROM zaak_toewijzingen t WHERE t.zaak_uuid = zaken.uuid))::text AS open_toegewezen
  FROM zaken GROUP BY zaaktype_uuid, vertrouwelijkheid_rank ORDER BY 1`;

describe('Zaak counts kept per zaaktype and vertrouwelijkheid', () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let zaaktype: TestZaaktype;
  let ander: TestZaaktype;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db);
    zaaktype = await insertTestZaaktype(database.db, tenant);
    ander = await insertTestZaaktype(database.db, tenant);
  });

  afterAll(async () => {
    await database.close();
  });

  const expectKeptEqualsCounted = async () => {
    const kept = (await KEPT.execute(database.db)).rows;
    expect(kept).toEqual((await COUNTED.execute(database.db)).rows);
    return kept;
  };

  it('counts open and closed zaken through create, close, reopen, a zaaktype or vertrouwelijkheid change and delete', async () => {
    const db = database.db;
    const open = await insertTestZaak(db, tenant, zaaktype);
    const tweede = await insertTestZaak(db, tenant, zaaktype);
    await insertTestZaak(db, tenant, zaaktype, { einddatum: '2026-02-01' });
    const geheim = await insertTestZaak(db, tenant, ander, { vertrouwelijkheidaanduiding: 'geheim' });
    let kept = await expectKeptEqualsCounted();
    expect(kept.find((row) => row.key.startsWith(zaaktype.uuid))).toMatchObject({ aantal: '3', open: '2' });

    await db.updateTable('zaken').set({ einddatum: '2026-03-01' }).where('uuid', '=', open.uuid).execute();
    kept = await expectKeptEqualsCounted();
    expect(kept.find((row) => row.key.startsWith(zaaktype.uuid))).toMatchObject({ aantal: '3', open: '1' });

    await db.updateTable('zaken').set({ einddatum: null }).where('uuid', '=', open.uuid).execute();
    await expectKeptEqualsCounted();

    // A change that moves nothing, then several zaken at once in one statement.
    await db.updateTable('zaken').set({ omschrijving: 'Alleen de omschrijving' }).where('uuid', '=', tweede.uuid).execute();
    await db.updateTable('zaken').set({ zaaktype_uuid: ander.uuid, einddatum: '2026-04-01' }).where('uuid', 'in', [open.uuid, tweede.uuid]).execute();
    await expectKeptEqualsCounted();
    await db.updateTable('zaken').set({ vertrouwelijkheidaanduiding: 'openbaar', einddatum: null }).where('uuid', '=', geheim.uuid).execute();
    await expectKeptEqualsCounted();

    await db.deleteFrom('zaken').where('uuid', 'in', [open.uuid, geheim.uuid]).execute();
    kept = await expectKeptEqualsCounted();
    expect(kept.reduce((sum, row) => sum + Number(row.open), 0)).toBe(0);
  });

  it('counts the open zaken that are assigned through assignment, reassignment, release, closing, a move and delete', async () => {
    const db = database.db;
    const [behandelaar, collega] = await Promise.all(
      ['a', 'b'].map(async (name) => (await db.insertInto('staff_users').values({ tenant_id: tenant.id, email: `${name}-${tenant.id}@example.nl`, display_name: name, roles: ['behandelaar'] }).returning('id').executeTakeFirstOrThrow()).id),
    );
    const assign = (zaakUuid: string, to = behandelaar ?? '') => db.insertInto('zaak_toewijzingen').values({ zaak_uuid: zaakUuid, tenant_id: tenant.id, behandelaar_id: to }).execute();
    const eerste = await insertTestZaak(db, tenant, zaaktype);
    const tweede = await insertTestZaak(db, tenant, zaaktype);
    const derde = await insertTestZaak(db, tenant, zaaktype);
    const assigned = async () => Number((await expectKeptEqualsCounted()).find((row) => row.key.startsWith(zaaktype.uuid))?.open_toegewezen ?? 0);

    await assign(eerste.uuid);
    await assign(tweede.uuid);
    expect(await assigned()).toBe(2);
    // Reassigning to a colleague keeps it assigned.
    await db.updateTable('zaak_toewijzingen').set({ behandelaar_id: collega ?? '' }).where('zaak_uuid', '=', eerste.uuid).execute();
    expect(await assigned()).toBe(2);
    await db.deleteFrom('zaak_toewijzingen').where('zaak_uuid', '=', tweede.uuid).execute();
    expect(await assigned()).toBe(1);
    // Closed, an assigned zaak leaves the open counts; reopened, it comes back.
    await db.updateTable('zaken').set({ einddatum: '2026-05-01' }).where('uuid', '=', eerste.uuid).execute();
    expect(await assigned()).toBe(0);
    await db.updateTable('zaken').set({ einddatum: null }).where('uuid', '=', eerste.uuid).execute();
    expect(await assigned()).toBe(1);
    // Another zaaktype takes its assignment along.
    await db.updateTable('zaken').set({ zaaktype_uuid: ander.uuid }).where('uuid', '=', eerste.uuid).execute();
    expect(await assigned()).toBe(0);
    await expectKeptEqualsCounted();
    // A deleted zaak loses its assignment by the cascade, and the counts follow both.
    await assign(derde.uuid);
    expect(await assigned()).toBe(1);
    await db.deleteFrom('zaken').where('uuid', 'in', [eerste.uuid, derde.uuid]).execute();
    expect(await assigned()).toBe(0);
    await expectKeptEqualsCounted();
    expect((await db.selectFrom('zaken').select('toegewezen').where('uuid', '=', tweede.uuid).executeTakeFirstOrThrow()).toegewezen).toBe(false);
  });
});
