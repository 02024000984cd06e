import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { createTestTenant } from './fixtures.ts';
import { insertTestZaak, insertTestZaaktype } from './zgw-fixtures.ts';

describe('ZGW test fixtures', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  it('write a published zaaktype with its types and a zaak that the tables accept', async () => {
    const tenant = await createTestTenant(database.db);
    const zaaktype = await insertTestZaaktype(database.db, tenant);
    const zaak = await insertTestZaak(database.db, tenant, zaaktype, { vertrouwelijkheidaanduiding: 'geheim' });
    const row = await database.db.selectFrom('zaken').select(['vertrouwelijkheid_rank', 'registratiedatum', 'zaaktype_uuid']).where('uuid', '=', zaak.uuid).executeTakeFirstOrThrow();
    expect(row).toEqual({ vertrouwelijkheid_rank: 7, registratiedatum: '2026-01-05', zaaktype_uuid: zaaktype.uuid });
    expect(zaaktype.statustypen.map((statustype) => statustype.volgnummer)).toEqual([1, 2, 3]);
    expect(zaaktype.eindstatustype.url).toMatch(/\/catalogi\/api\/v1\/statustypen\/[0-9a-f-]{36}$/);
  });
});
