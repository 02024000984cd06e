import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMigrations } from '../../platform/database/migrator.ts';
import { createTestDatabase, createTestTenant, insertTestInformatieobjecttype } from './documenten-test-fixtures.ts';

/*
 * Migration 0031 gives every existing document the isGereedVoorPublicatie of its current version. Here it runs again
 * on documents stored without the column (dropped first), as a database that already held documents meets it.
 */

const MIGRATION = '0031_documenten_gereed_voor_publicatie.sql';

describe('migration 0031: documenten.is_gereed_voor_publicatie', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  /** A document with versions of these isGereedVoorPublicatie values (undefined: the field is absent), the last current. */
  async function storeDocument(tenantId: string, typeUuid: string, values: (boolean | null | undefined)[]): Promise<string> {
    const uuid = randomUUID();
    await database.db
      .insertInto('documenten')
      .values({ uuid, tenant_id: tenantId, versie: values.length, identificatie: uuid, bronorganisatie: '002220647', informatieobjecttype_uuid: typeUuid, vertrouwelijkheid_rank: 1 })
      .execute();
    await database.db
      .insertInto('documentversies')
      .values(
        values.map((value, index) => ({
          tenant_id: tenantId,
          document_uuid: uuid,
          versie: index + 1,
          data: JSON.stringify(value === undefined ? { titel: 'Oud document' } : { titel: 'Oud document', isGereedVoorPublicatie: value }),
        })),
      )
      .execute();
    return uuid;
  }

  it('fills the column from each document’s current version, not from an older one', async () => {
    const tenant = await createTestTenant(database.db);
    const type = await insertTestInformatieobjecttype(database.db, tenant);
    const nowFalse = await storeDocument(tenant.id, type.uuid, [true, false]);
    const nowTrue = await storeDocument(tenant.id, type.uuid, [false, null, true]);
    const unknown = await storeDocument(tenant.id, type.uuid, [null]);
    const absent = await storeDocument(tenant.id, type.uuid, [true, undefined]);

    const migration = readMigrations().find((candidate) => candidate.name === MIGRATION);
    if (!migration) throw new Error(`${MIGRATION} not found`);
    await database.runScriptsInTransaction(['ALTER TABLE documenten DROP COLUMN is_gereed_voor_publicatie', migration.sql]);

    const rows = await database.db.selectFrom('documenten').select(['uuid', 'is_gereed_voor_publicatie']).where('tenant_id', '=', tenant.id).execute();
    const byUuid = new Map(rows.map((row) => [row.uuid, row.is_gereed_voor_publicatie]));
    expect(byUuid.get(nowFalse)).toBe(false);
    expect(byUuid.get(nowTrue)).toBe(true);
    expect(byUuid.get(unknown)).toBeNull();
    expect(byUuid.get(absent)).toBeNull();
  });
});
