import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Tenant } from '../../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts';
import { createTestTenant } from '../../../../test/fixtures.ts';
import { insertTestZaak, insertTestZaaktype, type TestZaaktype } from '../../../../test/zgw-fixtures.ts';
import { insertTestEigenschap } from '../shared/relation-test-kit.ts';
import { findZaakWithRelations } from './relation-repository.ts';
import { insertTestRol, insertTestStatus } from './zaken-test-kit.ts';

/*
 * The relation lists kept per zaak (migrations/0085_zaak_relatie_lijsten.sql) against the lists read straight from
 * the relation tables, after every kind of change: the triggers must keep them equal whatever writes the tables.
 */

const RECOMPUTED = sql<{ uuid: string; lists: string }>`SELECT z.uuid, json_build_array(
    (SELECT s.uuid FROM statussen AS s WHERE s.tenant_id = z.tenant_id AND s.zaak_uuid = z.uuid ORDER BY s.datum_status_gezet DESC, s.created_at DESC LIMIT 1),
    (SELECT r.uuid FROM resultaten AS r WHERE r.tenant_id = z.tenant_id AND r.zaak_uuid = z.uuid LIMIT 1),
    ARRAY(SELECT r.uuid FROM rollen AS r WHERE r.tenant_id = z.tenant_id AND r.zaak_uuid = z.uuid ORDER BY r.created_at, r.uuid),
    ARRAY(SELECT r.uuid FROM zaakeigenschappen AS r WHERE r.tenant_id = z.tenant_id AND r.zaak_uuid = z.uuid ORDER BY r.created_at, r.uuid),
    ARRAY(SELECT r.uuid FROM zaakinformatieobjecten AS r WHERE r.tenant_id = z.tenant_id AND r.zaak_uuid = z.uuid ORDER BY r.created_at, r.uuid),
    ARRAY(SELECT r.uuid FROM zaakobjecten AS r WHERE r.tenant_id = z.tenant_id AND r.zaak_uuid = z.uuid ORDER BY r.created_at, r.uuid),
    ARRAY(SELECT d.uuid FROM zaken AS d WHERE d.tenant_id = z.tenant_id AND d.hoofdzaak_uuid = z.uuid ORDER BY d.created_at, d.uuid)
  )::text AS lists FROM zaken AS z`;

const KEPT = sql<{ uuid: string; lists: string }>`SELECT z.uuid, json_build_array(l.status, l.resultaat, coalesce(l.rollen, '{}'), coalesce(l.eigenschappen, '{}'),
    coalesce(l.zaakinformatieobjecten, '{}'), coalesce(l.zaakobjecten, '{}'), coalesce(l.deelzaken, '{}'))::text AS lists
  FROM zaken AS z LEFT JOIN zaak_relatie_lijsten AS l ON l.zaak_uuid = z.uuid`;

describe('Zaak relation lists kept per zaak', () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let zaaktype: TestZaaktype;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db);
    zaaktype = await insertTestZaaktype(database.db, tenant);
  });

  afterAll(async () => {
    await database?.close();
  });

  async function expectKeptEqualsRecomputed(): Promise<void> {
    const byUuid = (rows: { uuid: string; lists: string }[]) => Object.fromEntries(rows.map((row) => [row.uuid, row.lists]));
    const [kept, recomputed] = await Promise.all([KEPT.execute(database.db), RECOMPUTED.execute(database.db)]);
    expect(byUuid(kept.rows)).toEqual(byUuid(recomputed.rows));
  }

  it('follow statussen, resultaten, rollen, zaakobjecten, eigenschappen, documents and deelzaken through inserts, updates and deletes', async () => {
    const zaak = await insertTestZaak(database.db, tenant, zaaktype);
    const other = await insertTestZaak(database.db, tenant, zaaktype);
    const first = await insertTestStatus(database.db, tenant, zaak.uuid, zaaktype.statustypen[0]?.uuid ?? '', '2026-01-05T10:00:00Z');
    const second = await insertTestStatus(database.db, tenant, zaak.uuid, zaaktype.eindstatustype.uuid, '2026-01-06T10:00:00Z');
    await expectKeptEqualsRecomputed();
    // The current status follows datumStatusGezet, also when that changes afterwards.
    await database.db.updateTable('statussen').set({ datum_status_gezet: '2026-01-07T10:00:00Z' }).where('uuid', '=', first).execute();
    expect((await findZaakWithRelations(database.db, tenant.id, zaak.uuid))?.relations.status).toBe(first);
    await database.db.deleteFrom('statussen').where('uuid', '=', first).execute();
    expect((await findZaakWithRelations(database.db, tenant.id, zaak.uuid))?.relations.status).toBe(second);

    const rollen = [await insertTestRol(database.db, tenant, zaak.uuid, zaaktype, { bsn: '111222333' }), await insertTestRol(database.db, tenant, zaak.uuid, zaaktype, { medewerker: 'm1' })];
    await database.db.insertInto('resultaten').values({ tenant_id: tenant.id, zaak_uuid: zaak.uuid, resultaattype_uuid: zaaktype.resultaattype.uuid }).execute();
    await database.db.insertInto('zaakobjecten').values({ tenant_id: tenant.id, zaak_uuid: zaak.uuid, object_type: 'overige', data: JSON.stringify({}) }).execute();
    await database.db.insertInto('zaakinformatieobjecten').values({ tenant_id: tenant.id, zaak_uuid: zaak.uuid, informatieobject: 'http://documenten.test/documenten/api/v1/enkelvoudiginformatieobjecten/4e3c1f2a-0b9d-4c8e-a7f6-5d4c3b2a1f0e' }).execute();
    const eigenschap = await insertTestEigenschap(database.db, tenant, zaaktype.uuid, 'kenteken', { formaat: 'tekst', lengte: '8', kardinaliteit: '1', groep: '' });
    await database.db.insertInto('zaakeigenschappen').values({ tenant_id: tenant.id, zaak_uuid: zaak.uuid, eigenschap_uuid: eigenschap, naam: 'kenteken', waarde: 'AB-123-C' }).execute();
    await expectKeptEqualsRecomputed();
    expect((await findZaakWithRelations(database.db, tenant.id, zaak.uuid))?.relations.rollen).toEqual(rollen);
    await database.db.deleteFrom('zaakeigenschappen').where('zaak_uuid', '=', zaak.uuid).execute();

    // A rol moved to another zaak leaves the one list and joins the other.
    await database.db.updateTable('rollen').set({ zaak_uuid: other.uuid }).where('uuid', '=', rollen[0] ?? '').execute();
    await expectKeptEqualsRecomputed();
    await database.db.deleteFrom('rollen').where('zaak_uuid', '=', zaak.uuid).execute();
    await database.db.deleteFrom('resultaten').where('zaak_uuid', '=', zaak.uuid).execute();
    await expectKeptEqualsRecomputed();

    // Deelzaken: created with a hoofdzaak, moved to another, and deleted with their hoofdzaak.
    const deel = await insertTestZaak(database.db, tenant, zaaktype);
    await database.db.updateTable('zaken').set({ hoofdzaak_uuid: zaak.uuid }).where('uuid', '=', deel.uuid).execute();
    expect((await findZaakWithRelations(database.db, tenant.id, zaak.uuid))?.relations.deelzaken).toEqual([deel.uuid]);
    await database.db.updateTable('zaken').set({ hoofdzaak_uuid: other.uuid }).where('uuid', '=', deel.uuid).execute();
    await expectKeptEqualsRecomputed();
    await database.db.deleteFrom('zaken').where('uuid', '=', other.uuid).execute();
    await expectKeptEqualsRecomputed();
    expect(await database.db.selectFrom('zaken').select('uuid').where('uuid', '=', deel.uuid).executeTakeFirst()).toBeUndefined();
  });

  it('keep the changes of concurrent transactions to one zaak', async () => {
    const zaak = await insertTestZaak(database.db, tenant, zaaktype);
    // The zaak has its row already, so the second transaction's recompute meets the first's lock, not its new row.
    await insertTestStatus(database.db, tenant, zaak.uuid, zaaktype.eindstatustype.uuid, '2026-01-05T10:00:00Z');
    let firstInserted!: () => void;
    const inserted = new Promise<void>((resolve) => (firstInserted = resolve));
    const first = database.db.transaction().execute(async (trx) => {
      const rol = await insertTestRol(trx, tenant, zaak.uuid, zaaktype, { bsn: '111222333' });
      firstInserted();
      // The second transaction's insert now waits for this one's lock on the zaak's lists (on PostgreSQL).
      await new Promise((resolve) => setTimeout(resolve, 300));
      return rol;
    });
    await inserted;
    const second = database.db.transaction().execute((trx) => insertTestRol(trx, tenant, zaak.uuid, zaaktype, { medewerker: 'm2' }));
    const rollen = await Promise.all([first, second]);
    expect((await findZaakWithRelations(database.db, tenant.id, zaak.uuid))?.relations.rollen.sort()).toEqual(rollen.sort());
    await expectKeptEqualsRecomputed();
  });
});
